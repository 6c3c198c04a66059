"""Drafting decks from article text, with no network and no model.

`read_article(path)` reads plain text, Markdown or simple HTML; `generate_deck(text, ...)`
turns the text into a draft Deck plus notes on every card; `save_draft(deck, ...)`
writes the (possibly pruned) draft with its article reference. All are plain,
synchronous functions: the TUI runs them in a worker thread.
"""

from __future__ import annotations

from quiz.generation.pipeline import CardNote, GenerationResult, generate_deck
from quiz.generation.quality import defects
from quiz.generation.reading import Article, parse_article, read_article
from quiz.generation.saving import SavedDraft, save_draft

__all__ = [
    "Article",
    "CardNote",
    "GenerationResult",
    "SavedDraft",
    "defects",
    "generate_deck",
    "parse_article",
    "read_article",
    "save_draft",
]
