"""`quiz check`: not available yet."""

from __future__ import annotations

import argparse

from quiz.errors import QuizError


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("check", help="(coming soon)")
    parser.add_argument("rest", nargs="*")



def run(args: argparse.Namespace) -> int:
    raise QuizError("`quiz check` is not available yet")
