"""`quiz study`: not available yet."""

from __future__ import annotations

import argparse

from quiz.errors import QuizError


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("study", help="(coming soon)")
    parser.add_argument("rest", nargs="*")
    parser.add_argument("--home", action="store_true", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    raise QuizError("`quiz study` is not available yet")
