"""`quiz import FILE`: a question bank from Moodle (GIFT, Aiken), Anki, Quizlet or a CSV → a deck.

The deck goes to the student's deck folder (where `quiz` finds it) unless
`-o` names a file. Importing the same file again updates the same deck:
card ids come from the questions, not their positions. The report lists
every question as imported, converted or skipped, with its line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.commands.deck_lookup import refuse_bundled_id
from quiz.errors import DeckError, QuizError

_LIST_LIMIT = 200
"""Above this many cards, only conversions and skips are listed unless --verbose."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quiz.interchange import IMPORT_FORMATS

    parser = subparsers.add_parser(
        "import",
        description="Make a deck from a question bank in another tool's format. "
        "The format is detected when --format is not given.",
    )
    parser.add_argument("file", metavar="FILE", help='the file to import ("-" reads standard input)')
    parser.add_argument("--format", choices=IMPORT_FORMATS, help="the file's format (default: detect it)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="DECK.toml",
        help='where to write the deck ("-" for standard output; default: your deck folder, as <deck id>.toml)',
    )
    parser.add_argument("--id", dest="deck_id", metavar="ID", help="the deck id (default: from the file name)")
    parser.add_argument("--title", help="the deck title (default: Anki's #deck: header, else the file name)")
    parser.add_argument(
        "--separator",
        metavar="SEP",
        help="Quizlet: what separates term and definition; CSV and Anki: the column separator "
        '(default: guessed; write \\t for a tab)',
    )
    parser.add_argument(
        "--card-separator",
        metavar="SEP",
        help="Quizlet: what separates cards (default: guessed, newline or ;)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an output file that holds another deck")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every imported card")


def run(args: argparse.Namespace) -> int:
    from quiz.interchange import import_bytes, import_file
    from quiz.interchange.ids import ID_RE
    from quiz.interchange.output import STDOUT, write_text
    from quiz.interchange.validate import drop_invalid

    if args.deck_id is not None and not ID_RE.match(args.deck_id):
        raise QuizError(f"--id {args.deck_id!r}: use 1 to 64 letters, digits, '.', '_' or '-'")
    options = {}
    if args.separator:
        options["separator"] = _unescape(args.separator)
    if args.card_separator:
        options["card_separator"] = _unescape(args.card_separator)
    settings = {"format": args.format, "deck_id": args.deck_id, "title": args.title, "options": options}
    if args.file == STDOUT:
        result = import_bytes(sys.stdin.buffer.read(), name="<stdin>", **settings)
    else:
        result = import_file(Path(args.file), **settings)
    result, text = drop_invalid(result)
    deck, report = result.deck, result.report
    if args.deck_id is None:
        refuse_bundled_id(deck.id)
    target = args.output or str(_default_output(args, deck.id))
    if target != STDOUT:
        _check_overwrite(Path(target), deck.id, force=args.force)
    write_text(target, text)
    out = sys.stderr if target == STDOUT else sys.stdout
    few = len(deck.cards) <= _LIST_LIMIT or args.verbose
    for line in report.lines(only_problems=not few):
        print(line, file=out)
    if not few:
        print(f"({len(deck.cards)} cards; --verbose lists each one)", file=out)
    print(report.summary(), file=out)
    if target != STDOUT:
        print(f"Deck {deck.id!r} written to {target}", file=out)
    return 0


def _default_output(args: argparse.Namespace, deck_id: str) -> Path:
    from quiz.paths import data_dir, user_decks_dir

    folder = user_decks_dir(data_dir(args.data_dir))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise QuizError(f"cannot create your deck folder {folder} ({error.strerror}); use -o FILE") from None
    return folder / f"{deck_id}.toml"


def _check_overwrite(target: Path, deck_id: str, *, force: bool) -> None:
    """Re-importing updates the same deck; replacing a different deck needs --force."""
    from quiz.loader import loads_deck

    if force or not target.is_file():
        return
    try:
        existing = loads_deck(target.read_bytes(), name=target.name).id
    except (DeckError, OSError):
        existing = None
    if existing != deck_id:
        what = f"the deck {existing!r}" if existing else "something that is not a valid deck"
        raise QuizError(f"{target} holds {what}; choose another file with -o, or replace it with --force")


def _unescape(value: str) -> str:
    """Let a separator be typed as `\\t` or `\\n` on the command line."""
    return value.replace("\\t", "\t").replace("\\n", "\n")
