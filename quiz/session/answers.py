"""One answer as the session keeps it: what undo and a changed rating need, and the preview of its intervals."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from quiz.grading import Verdict
from quiz.model import MemoryState, Rating
from quiz.scheduling import Scheduler, preview
from quiz.session.flow import StudyQueue
from quiz.session.items import StudyItem, recall_answer
from quiz.session.results import AnswerResult


@dataclass(slots=True)
class Step:
    """One answer, with what is needed to change its rating or undo it."""

    item: StudyItem
    verdict: Verdict
    given: str
    seconds: float
    at: datetime
    queue_before: StudyQueue
    memory_before: dict[str, MemoryState | None]
    streak_before: int
    result: AnswerResult
    review_ids: list[int]
    memory_after: dict[str, MemoryState | None]
    leech: bool = False
    again: bool = False
    """The item comes back later in the session."""


def expected_text(item: StudyItem) -> str:
    """The right answer of the deck card behind a recognition question."""
    from quiz.grading.grader import expected_answer

    return recall_answer(item.deck_card, item.key) or expected_answer(item.deck_card, item=item.grade_key)


class Preview(Mapping[Rating, timedelta]):
    """An answer's intervals per rating, worked out when the UI first reads them (not on the answer's path)."""

    def __init__(self, scheduler: Scheduler, step: Step) -> None:
        self._args = (step.memory_before.get(step.item.key), step.at, scheduler)
        self._intervals: dict[Rating, timedelta] | None = None

    def _get(self) -> dict[Rating, timedelta]:
        if self._intervals is None:
            memory, at, scheduler = self._args
            self._intervals = preview(memory, now=at, scheduler=scheduler)
        return self._intervals

    def __getitem__(self, rating: Rating) -> timedelta:
        return self._get()[rating]

    def __iter__(self) -> Iterator[Rating]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __eq__(self, other: object) -> bool:
        return self._get() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._get())
