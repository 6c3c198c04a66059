"""The `quiz` command: argument parsing and the one place errors become messages.

Each subcommand lives in its own module under `quiz/commands/` and exposes
`add_parser(subparsers)` and `run(args) -> int`. Modules are imported only when
their subcommand runs, so `quiz check` never pays for Textual.

A `QuizError` prints its message and exits 1. Anything else is a bug: the
traceback goes to `quiz.log` in the data folder (or to the terminal with
`--debug`) and the user gets one line saying where it went.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from quiz import __version__
from quiz.errors import QuizError

COMMANDS = ("study", "check", "grade", "stats", "import", "export", "generate")
"""Subcommands, in the order `quiz --help` lists them; module = quiz.commands.<name>_cmd."""


def _module(name: str):  # noqa: ANN202 - a module object
    return importlib.import_module(f"quiz.commands.{name}_cmd")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (imports every command module, but none of Textual)."""
    parser = argparse.ArgumentParser(
        prog="quiz",
        description="Study and quiz yourself from TOML decks in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where progress is kept (default: $QUIZ_DATA_DIR or the user data folder)"
    )
    parser.add_argument("--debug", action="store_true", help="print tracebacks instead of logging them")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        _module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    _safe_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_route_home(args_list))
    try:
        return int(_module(args.command).run(args) or 0)
    except QuizError as error:
        print(f"quiz: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `quiz … | head` closed the pipe: not an error. Point stdout at devnull so
        # the interpreter's final flush does not complain again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:
        if args.debug:
            raise
        log = _log_crash(args)
        print(f"quiz: unexpected error; details written to {log}", file=sys.stderr)
        return 2


def _route_home(argv: list[str]) -> list[str]:
    """Send `quiz` and `quiz DECK...` (no subcommand) to the home screen.

    Global options may come first (`quiz --data-dir X deck.toml`); what follows
    them is either a subcommand or the decks to list.
    """
    globals_ = argparse.ArgumentParser(add_help=False)
    globals_.add_argument("--data-dir")
    globals_.add_argument("--debug", action="store_true")
    _, rest = globals_.parse_known_args(argv)
    if rest and (rest[0] in COMMANDS or rest[0].startswith("-")):
        return argv
    head = argv[: len(argv) - len(rest)]
    return [*head, "study", "--home", *rest]


def _safe_output() -> None:
    """Never crash on printing: under a non-UTF-8 locale, replace what cannot be shown."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _log_crash(args: argparse.Namespace) -> Path:
    from quiz.paths import data_dir

    try:
        folder = data_dir(getattr(args, "data_dir", None))
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "quiz.log"
        with log.open("a", encoding="utf-8") as handle:
            traceback.print_exc(file=handle)
        return log
    except OSError:
        traceback.print_exc()
        return Path("<stderr>")
