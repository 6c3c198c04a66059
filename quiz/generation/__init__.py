"""Drafting decks from article text, with no network and no model.

`generate_deck(text, ...)` turns an article's text into a draft Deck plus notes on
every card; `read_article(path)` reads plain text, Markdown or simple HTML first.
Both are plain, synchronous functions: the TUI runs them in a worker thread.
"""

from __future__ import annotations

from quiz.generation.pipeline import CardNote, GenerationResult, generate_deck
from quiz.generation.quality import defects
from quiz.generation.reading import Article, parse_article, read_article

__all__ = ["Article", "CardNote", "GenerationResult", "defects", "generate_deck", "parse_article", "read_article"]
