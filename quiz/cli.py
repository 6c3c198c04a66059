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

COMMANDS = {
    "study": "study a deck (or, with no deck, open the deck list)",
    "check": "validate deck files",
    "grade": "show how an answer to a card would be graded, and why",
    "stats": "show study statistics for a deck or all decks",
    "import": "make a deck from a GIFT, Aiken, Anki, Quizlet or CSV file",
    "export": "write a deck as GIFT (Moodle), Anki plain text or CSV",
    "generate": "draft a deck from an article (plain text, Markdown or HTML)",
}
"""Subcommands with their one-line help, in the order `quiz --help` lists them.

Each lives in `quiz.commands.<name>_cmd`, imported only when it runs: the app
starts faster when `quiz` does not load the grader, the importers and the
generator just to build an argument parser.
"""


def _module(name: str):  # noqa: ANN202 - a module object
    return importlib.import_module(f"quiz.commands.{name}_cmd")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only `command`'s module is imported, to add its own arguments."""
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
    for name, summary in COMMANDS.items():
        if name == command:
            _module(name).add_parser(sub)
        else:
            sub.add_parser(name, help=summary, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    _safe_output()
    args_list = _route_home(list(sys.argv[1:] if argv is None else argv))
    args = build_parser(_command_named(args_list)).parse_args(args_list)
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
        if log is None:
            kind, error = sys.exc_info()[:2]
            name = kind.__name__ if kind else "error"
            print(f"quiz: unexpected error ({name}: {error}); run again with --debug for details", file=sys.stderr)
        else:
            print(f"quiz: unexpected error; details written to {log}", file=sys.stderr)
        return 2


def _after_global_options(argv: list[str]) -> list[str]:
    """What follows the global options: a subcommand and its arguments, or deck paths."""
    globals_ = argparse.ArgumentParser(add_help=False)
    globals_.add_argument("--data-dir")
    globals_.add_argument("--debug", action="store_true")
    _, rest = globals_.parse_known_args(argv)
    return rest


def _command_named(argv: list[str]) -> str | None:
    rest = _after_global_options(argv)
    return rest[0] if rest and rest[0] in COMMANDS else None


def _route_home(argv: list[str]) -> list[str]:
    """Send `quiz` and `quiz DECK...` (no subcommand) to the home screen.

    Global options may come first (`quiz --data-dir X deck.toml`); what follows
    them is either a subcommand or the decks to list.
    """
    rest = _after_global_options(argv)
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


def _log_crash(args: argparse.Namespace) -> Path | None:
    """Append the traceback of the error being handled to quiz.log; None if the log cannot be written.

    A full or read-only data folder must not turn one unexpected error into a
    screenful of two tracebacks: the caller then prints a single line instead.
    """
    from quiz.paths import data_dir

    details = traceback.format_exc()
    try:
        folder = data_dir(getattr(args, "data_dir", None))
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "quiz.log"
        with log.open("a", encoding="utf-8") as handle:
            handle.write(details)
            handle.flush()
        return log
    except (OSError, QuizError):
        return None
