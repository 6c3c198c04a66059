"""`quiz study`: open the app, on the home screen or straight into a session on one deck."""

from __future__ import annotations

import argparse
from pathlib import Path

from quiz.errors import QuizError

MODES = ("review", "learn", "quiz", "cram")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "study",
        help="study a deck (or, with no deck, open the deck list)",
        description="Study a deck in the terminal. With no deck, the home screen lists every deck.",
    )
    parser.add_argument("decks", nargs="*", metavar="DECK", help="deck files or folders")
    parser.add_argument(
        "--mode", choices=MODES, default=None, help="go straight into a session in this mode (default: review)"
    )
    parser.add_argument("--theme", default=None, help="a Textual theme, e.g. textual-light, nord, gruvbox")
    parser.add_argument("--home", action="store_true", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from quiz.paths import data_dir

    paths = [Path(p).expanduser() for p in args.decks]
    for path in paths:
        if not path.exists():
            raise QuizError(f"{path}: no such file or folder")
    start = None
    if not args.home and len(paths) == 1 and paths[0].is_file():
        from quiz.tui.app import StartAt

        start = StartAt(paths[0], args.mode or "review")
    elif args.mode and not args.home:
        raise QuizError("--mode needs exactly one deck file")
    folder = data_dir(args.data_dir)
    from quiz.tui.app import make_app

    app = make_app(paths, data_dir=folder, start=start, theme=args.theme)
    result = app.run()
    if app.return_code:  # the app crashed: Textual has printed the traceback
        return app.return_code
    return int(result or 0)
