"""`quiz export DECK --format gift|anki|csv`: a deck for Moodle, Anki or a spreadsheet.

Everything the target format cannot hold is listed as a warning, so a
teacher knows what Moodle or Anki will see differently.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

_SUFFIX = {"gift": ".gift", "anki": ".txt", "csv": ".csv"}


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quiz.interchange import EXPORT_FORMATS

    parser = subparsers.add_parser(
        "export",
        description="Write a deck in another tool's format: GIFT for Moodle, "
        "Anki's 'Notes in Plain Text', or CSV with a header.",
    )
    parser.add_argument("deck", metavar="DECK", help="a deck file, or the id of a bundled or imported deck")
    parser.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="the format to write")
    parser.add_argument("-o", "--output", metavar="FILE", help='where to write (default or "-": standard output)')
    parser.add_argument("-q", "--quiet", action="store_true", help="do not list the warnings")


def run(args: argparse.Namespace) -> int:
    from quiz.interchange import export_deck
    from quiz.interchange.output import STDOUT, write_text
    from quiz.loader import load_deck

    deck = load_deck(_find_deck(args))
    text, warnings = export_deck(deck, args.format)
    target = args.output or STDOUT
    write_text(target, text)
    out = sys.stderr if target == STDOUT else sys.stdout
    if not args.quiet:
        for warning in warnings:
            print(f"warning: {warning}", file=out)
    where = "standard output" if target == STDOUT else target
    noun = "card" if len(deck.cards) == 1 else "cards"
    print(f"Exported {len(deck.cards)} {noun} of {deck.id!r} to {where} ({len(warnings)} warnings)", file=out)
    return 0


def _find_deck(args: argparse.Namespace) -> Path:
    """A deck file as given, or the deck of that id in the user's or the bundled deck folder."""
    from quiz.commands.deck_lookup import find_deck

    return find_deck(args.deck, args.data_dir)
