"""What the study screen needs from a study session, in one small interface.

The session (quiz.session) owns progress: the queue, grading, scheduling and
the commits. `StudyDriver` is the only shape the study screen relies on;
`SessionDriver` maps a real session onto it, so a change in the session's
API touches this module and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Protocol

from quiz.grading.verdict import Verdict
from quiz.model import AnyCard, Deck, Rating


@dataclass(frozen=True, slots=True)
class Shown:
    """The item being asked, with how to present it."""

    card: AnyCard
    key: str
    """The study item key (see quiz.model.item_keys)."""
    reverse: bool = False
    """A flashcard asked back to front."""
    gap: int | None = None
    """The cloze gap asked (1-based), for cloze items."""
    choice_order: tuple[int, ...] = ()
    """Display order of choices, as card choice indexes."""
    order_start: tuple[int, ...] = ()
    """The scrambled starting order of an order card's items."""
    match_rights: tuple[str, ...] = ()
    """Right-hand options of a match card (with distractors) in display order."""


@dataclass(frozen=True, slots=True)
class Status:
    """Numbers for the header."""

    position: int
    total: int
    score: float | None
    streak: int
    elapsed: float
    saved: bool
    unsaved_reason: str = ""
    round: int = 0
    """Learn mode's round (0 when the mode has no rounds)."""


@dataclass(frozen=True, slots=True)
class Miss:
    """A question answered wrong (or partly), with the right answer, for the summary."""

    question: str
    given: str
    expected: str
    score: float


@dataclass(frozen=True, slots=True)
class Summary:
    """The end of a session, as the summary screen shows it."""

    mode: str
    answered: int
    score: float | None
    """Share of credit over the graded answers (partial credit counted)."""
    seconds: float
    by_tag: Mapping[str, tuple[int, float]] = field(default_factory=dict)
    """Tag → (answers, score)."""
    by_type: Mapping[str, tuple[int, float]] = field(default_factory=dict)
    misses: Sequence[Miss] = ()
    ratings: Mapping[Rating, int] = field(default_factory=dict)
    complete: bool = True
    """Every item was asked (False when the student ended the session early)."""


class StudyDriver(Protocol):
    """The study screen's view of a session."""

    title: str
    mode: str
    notice: str
    """A sentence from the session for the student after an answer ("" for none); the screen clears it."""

    def current(self) -> Shown | None: ...
    def answer(self, response: object) -> Verdict: ...
    def rate(self, rating: Rating, *, overridden: bool = False) -> None: ...
    def was_right(self) -> None: ...
    def intervals(self) -> Mapping[Rating, timedelta | None]: ...
    def hint(self) -> str: ...
    def skip(self) -> None: ...
    def undo(self) -> bool: ...
    def bury(self) -> None: ...
    def suspend(self) -> None: ...
    def reload(self, deck: Deck) -> None: ...
    def status(self) -> Status: ...
    def summary(self) -> Summary: ...
    def close(self) -> None: ...
    def retry_misses(self) -> StudyDriver | None: ...
