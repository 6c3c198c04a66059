"""`check_deck`: every problem of a deck file, errors and warnings, for `quiz check`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz.errors import Problem
from quiz.model import Deck


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What `check_deck` found in one file."""

    path: Path
    deck: Deck | None
    problems: tuple[Problem, ...]


def check_deck(path: Path, *, strict: bool = False) -> CheckResult:
    raise NotImplementedError


def check_decks(paths: list[Path], *, strict: bool = False) -> list[CheckResult]:
    raise NotImplementedError
