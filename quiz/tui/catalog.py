"""Finding the decks the home screen lists: bundled, the student's own, and those named on the command line.

A deck that fails to load is still listed, with its problems, so a teacher
sees why it is missing instead of wondering where it went.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quiz.errors import DeckError, Problem, Severity
from quiz.loader import load_deck
from quiz.model import Deck, item_keys

BUNDLED = "bundled"
YOURS = "yours"
GIVEN = "given"


@dataclass(frozen=True, slots=True)
class DeckEntry:
    """One deck file as the home screen sees it: loaded, or with the problems that stopped it."""

    path: Path
    origin: str
    """Where it was found: BUNDLED, YOURS (the data folder's decks/) or GIVEN (command line)."""
    deck: Deck | None
    problems: tuple[Problem, ...] = ()

    @property
    def title(self) -> str:
        return self.deck.title if self.deck else self.path.stem

    @property
    def first_problem(self) -> str:
        """The first error (what stopped the deck), else the first problem of any kind."""
        for problem in self.problems:
            if problem.severity is Severity.ERROR:
                return str(problem)
        return str(self.problems[0]) if self.problems else ""

    @property
    def items(self) -> int:
        """Study items: what New, Learn and Due count (each cloze gap and each reverse side is one)."""
        return study_items(self.deck) if self.deck else 0


def deck_files(folder: Path) -> list[Path]:
    """The .toml files under `folder`, sorted; none if it does not exist or cannot be read."""
    try:
        return sorted(path for path in folder.rglob("*.toml") if path.is_file())
    except OSError:
        return []


def find_decks(*, bundled: Path | None, yours: Path | None, given: Sequence[Path] = ()) -> list[tuple[Path, str]]:
    """Every deck file to list, each once, with where it came from (command-line decks first)."""
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()

    def add(paths: Iterable[Path], origin: str) -> None:
        for path in paths:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                found.append((path, origin))

    for path in given:
        add(deck_files(path) if path.is_dir() else [path], GIVEN)
    if yours is not None:
        add(deck_files(yours), YOURS)
    if bundled is not None:
        add(deck_files(bundled), BUNDLED)
    return found


def study_items(deck: Deck) -> int:
    """How many items the deck's cards yield, each scheduled on its own (see `quiz.model.item_keys`)."""
    return sum(len(item_keys(card)) for card in deck.cards)


def load_entry(path: Path, origin: str, *, cache_dir: Path | None = None) -> DeckEntry:
    """Load one deck; its problems (or an unreadable file) become part of the entry, never an exception.

    With `cache_dir` an unchanged deck loads from the loader's cache without parsing, so
    the home list comes up fast; a cache that cannot be written (a read-only data folder)
    only costs that speed, since the loader ignores its own write failures.
    """
    try:
        return DeckEntry(path, origin, load_deck(path, cache_dir=cache_dir))
    except DeckError as error:
        return DeckEntry(path, origin, None, _every_problem(path, error))
    except OSError as error:
        return DeckEntry(path, origin, None, (Problem(path.name, None, None, f"cannot read ({error.strerror})"),))


def _every_problem(path: Path, error: DeckError) -> tuple[Problem, ...]:
    """A broken deck's errors and warnings, top to bottom, as `quiz check` lists them.

    Loading stops at errors; the teacher fixing the file wants the warnings too
    (an unknown key is often the misspelt field behind an error).
    """
    from quiz.loader import check_deck

    try:
        problems = check_deck(path).problems
    except Exception:  # noqa: BLE001 - the load's own errors are still worth showing
        return error.problems
    return problems if any(p.severity is Severity.ERROR for p in problems) else error.problems
