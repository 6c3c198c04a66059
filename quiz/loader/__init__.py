"""Reading deck files: bytes → TOML → validated model objects, with located problems.

`load_deck` raises `DeckError` carrying every error found; `check_deck` runs
the same validation and returns every error and warning for `quiz check`.
`dump_deck` writes a `Deck` back as canonical, hand-editable TOML.
"""

from __future__ import annotations

from quiz.loader.cache import deck_cache_dir
from quiz.loader.check import CheckResult, check_deck, check_decks
from quiz.loader.deck_files import resolve_deck_file
from quiz.loader.load import load_deck, loads_deck
from quiz.loader.toml_deck import MAX_DECK_BYTES
from quiz.loader.writer import dump_deck

__all__ = [
    "MAX_DECK_BYTES",
    "CheckResult",
    "check_deck",
    "check_decks",
    "deck_cache_dir",
    "dump_deck",
    "load_deck",
    "loads_deck",
    "resolve_deck_file",
]
