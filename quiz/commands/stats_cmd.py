"""`quiz stats [DECK] [--json]`: what the student knows, has done and has coming, in plain text or JSON.

DECK is a deck file or a deck id (of a bundled deck or one in the student's deck
folder). Without it, the statistics cover every deck: the bundled ones and the
student's own. A deck that fails to load is named and left out; the rest still show.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quiz.errors import DeckError, QuizError, StoreLockedError
from quiz.model import Deck


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "stats",
        description="Counts (new, learning, due today), true retention, study streak, latest quiz scores, "
        "reviews per day for the last 12 weeks, the 30-day forecast and the hardest cards.",
    )
    parser.add_argument("deck", metavar="DECK", nargs="?", help="a deck file or a deck id (default: every deck)")
    parser.add_argument("--json", action="store_true", help="print the statistics as JSON")


def run(args: argparse.Namespace) -> int:
    from quiz.clock import SystemClock
    from quiz.paths import data_dir
    from quiz.stats import deck_stats, overall_stats, render_text
    from quiz.storage import ReadOnlyStoreError, open_store

    data = data_dir(getattr(args, "data_dir", None))
    clock = SystemClock()
    if args.deck:
        decks = [_find_deck(args.deck, data)]
    else:
        decks = _all_decks(data)
    try:
        store = open_store(data, clock=clock)
    except (StoreLockedError, ReadOnlyStoreError):
        store = open_store(data, clock=clock, read_only=True)  # a copy: statistics need no lock and no writing
    with store:
        now = clock.now()
        stats = deck_stats(store, decks[0], now=now) if args.deck else overall_stats(store, decks, now=now)
    if args.json:
        print(json.dumps(stats.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(render_text(stats))
    return 0


def _deck_folders(data: Path) -> list[Path]:
    from quiz.paths import bundled_decks_dir, user_decks_dir

    return [bundled_decks_dir(), user_decks_dir(data)]


def _deck_files(folder: Path) -> list[Path]:
    try:
        return sorted(path for path in folder.rglob("*.toml") if path.is_file())
    except OSError:
        return []


def _all_decks(data: Path) -> list[Deck]:
    """Every deck that loads; the others are reported on stderr."""
    from quiz.loader import load_deck

    decks: dict[str, Deck] = {}
    for folder in _deck_folders(data):
        for path in _deck_files(folder):
            try:
                deck = load_deck(path)
            except DeckError as error:
                print(f"skipped: {error.problems[0] if error.problems else error}", file=sys.stderr)
                continue
            decks.setdefault(deck.id, deck)
    return list(decks.values())


def _find_deck(name: str, data: Path) -> Deck:
    """A deck by path, or by id among the bundled and the student's decks."""
    from quiz.loader import load_deck

    path = Path(name).expanduser()
    if path.is_file():
        return load_deck(path)
    for folder in _deck_folders(data):
        for candidate in (folder / name, folder / f"{name}.toml"):
            if candidate.is_file():
                return load_deck(candidate)
    for deck in _all_decks(data):
        if deck.id == name:
            return deck
    raise QuizError(f"{name}: no such deck file, and no bundled or saved deck has this id")
