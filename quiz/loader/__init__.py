"""Reading deck files: bytes → TOML → validated model objects, with located problems.

`load_deck` raises `DeckError` carrying every error found; `check_deck` runs
the same validation and returns every error and warning for `quiz check`.
`dump_deck` writes a `Deck` back as canonical, hand-editable TOML.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.loader.cache import deck_cache_dir
    from quiz.loader.check import CheckResult, check_deck, check_decks
    from quiz.loader.deck_files import resolve_deck_file
    from quiz.loader.load import load_deck, loads_deck
    from quiz.loader.toml_deck import MAX_DECK_BYTES
    from quiz.loader.writer import dump_deck

_HOMES = {
    "MAX_DECK_BYTES": "toml_deck",
    "CheckResult": "check",
    "check_deck": "check",
    "check_decks": "check",
    "deck_cache_dir": "cache",
    "dump_deck": "writer",
    "load_deck": "load",
    "loads_deck": "load",
    "resolve_deck_file": "deck_files",
}


def __getattr__(name: str) -> Any:
    """Import each part when first used (PEP 562): opening a deck from the cache, as
    the app does at launch, needs neither the validator, the checker nor the writer."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"quiz.loader.{home}"), name)


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
