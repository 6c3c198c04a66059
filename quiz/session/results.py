"""What a session reports: the outcome of one answer, progress so far, and the summary at the end.

Plain frozen data the UI displays as it is; nothing here computes schedules or
touches the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from quiz.grading import Verdict
from quiz.grading.verdict import FULL
from quiz.model import Correctness, MemoryState, Rating


@dataclass(frozen=True, slots=True)
class AnswerResult:
    """One answer as the session counts it (kept for the summary and for undo)."""

    key: str
    card_type: str
    tags: tuple[str, ...]
    question: str
    given: str
    expected: str
    verdict: Verdict
    rating: Rating
    score: float
    """Credit earned, 0 to 1; a self-rated flashcard counts 1 unless rated Again."""
    seconds: float
    overridden: bool = False
    """The student said "I was right" and the answer was counted right."""

    @property
    def right(self) -> bool:
        return self.score >= FULL


@dataclass(frozen=True, slots=True)
class Progress:
    """The numbers a session header shows."""

    position: int
    """The number of the question being asked (answered + 1), or answered when finished."""
    total: int
    """Answered plus still to come (it grows when missed or learning items come back)."""
    answered: int
    score: float | None
    """Share of credit so far, 0 to 1, partial credit counted; None before the first answer."""
    streak: int
    """Right answers in a row."""
    best_streak: int
    elapsed: float
    """Seconds since the session started."""
    on_card: float = 0.0
    """Seconds since the current question was asked (monotonic clock)."""
    saved: bool = True
    """False after a write that failed: the last answer was not saved."""
    unsaved_reason: str = ""
    round: int = 1
    """Learn mode: the current round."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What `Session.answer` (and `rate`) returns: everything the UI shows after an answer."""

    key: str
    verdict: Verdict
    rating: Rating
    """The rating the answer was saved with (the suggestion until the student changes it)."""
    intervals: Mapping[Rating, timedelta]
    """When the item would come back for each rating (empty when the schedule is untouched)."""
    progress: Progress
    saved: bool = True
    """The answer is on disk (committed before `answer` returned)."""
    due: datetime | None = None
    """When the item is due next (None when the schedule is untouched)."""
    memory: MemoryState | None = None
    leech: bool = False
    """This answer made the card a leech: it was tagged and suspended."""
    message: str = ""
    """A sentence for the student, e.g. about a leech; "" when there is nothing to say."""
    again_in_session: bool = False
    """The item will be asked again in this session."""
    seconds: float = 0.0
    """Time taken on this question."""


@dataclass(frozen=True, slots=True)
class Miss:
    """A question answered wrong or only partly right, with the right answer."""

    key: str
    question: str
    given: str
    expected: str
    score: float


@dataclass(frozen=True, slots=True)
class Summary:
    """The end of a session."""

    mode: str
    answered: int
    right: int
    score: float | None
    """Share of credit over every answer, partial credit counted; None when nothing was answered."""
    points: float
    """Credit earned (a quiz's score out of `answered`)."""
    seconds: float
    """Seconds from start to end."""
    seconds_per_answer: float | None
    by_tag: Mapping[str, tuple[int, float]] = field(default_factory=dict)
    """Tag → (answers, share of credit)."""
    by_type: Mapping[str, tuple[int, float]] = field(default_factory=dict)
    misses: Sequence[Miss] = ()
    ratings: Mapping[Rating, int] = field(default_factory=dict)
    overrides: int = 0
    """Answers the student claimed right ("I was right")."""
    skipped: int = 0
    leeches: Sequence[str] = ()
    best_streak: int = 0

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form, stored with the session."""
        return {
            "mode": self.mode,
            "answered": self.answered,
            "right": self.right,
            "score": self.score,
            "points": self.points,
            "seconds": round(self.seconds, 3),
            "by_tag": {tag: list(pair) for tag, pair in self.by_tag.items()},
            "by_type": {kind: list(pair) for kind, pair in self.by_type.items()},
            "misses": [miss.key for miss in self.misses],
            "ratings": {rating.name.lower(): count for rating, count in self.ratings.items()},
            "overrides": self.overrides,
            "skipped": self.skipped,
            "leeches": list(self.leeches),
            "best_streak": self.best_streak,
        }


def summarise(
    mode: str,
    results: Sequence[AnswerResult],
    *,
    seconds: float,
    skipped: int = 0,
    leeches: Sequence[str] = (),
    best_streak: int = 0,
) -> Summary:
    """Add up a session's answers: an item asked twice counts twice; an item ever missed is listed once."""
    points = sum(result.score for result in results)
    by_tag: dict[str, list[float]] = {}
    by_type: dict[str, list[float]] = {}
    for result in results:
        for tag in result.tags:
            by_tag.setdefault(tag, []).append(result.score)
        by_type.setdefault(result.card_type, []).append(result.score)
    misses: dict[str, Miss] = {}
    for result in results:
        if result.right:
            continue
        misses[result.key] = Miss(result.key, result.question, result.given, result.expected, result.score)
    return Summary(
        mode=mode,
        answered=len(results),
        right=sum(1 for result in results if result.right),
        score=points / len(results) if results else None,
        points=points,
        seconds=seconds,
        seconds_per_answer=sum(result.seconds for result in results) / len(results) if results else None,
        by_tag={tag: (len(scores), sum(scores) / len(scores)) for tag, scores in sorted(by_tag.items())},
        by_type={kind: (len(scores), sum(scores) / len(scores)) for kind, scores in sorted(by_type.items())},
        misses=tuple(misses.values()),
        ratings=dict(sorted(Counter(result.rating for result in results).items())),
        overrides=sum(1 for result in results if result.overridden),
        skipped=skipped,
        leeches=tuple(leeches),
        best_streak=best_streak,
    )


def credit(verdict: Verdict, rating: Rating) -> float:
    """The credit an answer earns: the grader's score, or for a self-rated card 1 unless rated Again."""
    if verdict.correctness is Correctness.SELF_RATED or verdict.score is None:
        return 0.0 if rating == Rating.AGAIN else 1.0
    return max(0.0, min(1.0, verdict.score))


@dataclass(frozen=True, slots=True)
class DeckChanges:
    """What the student should hear about a deck when a session opens it."""

    changed: tuple[str, ...] = ()
    """Item keys whose question text changed since they were last studied (progress kept)."""
    answer_changed: tuple[str, ...] = ()
    """Item keys whose answer changed: offer to reset them (`reset_items`) or keep them (`keep_progress`)."""
    leeches: tuple[str, ...] = ()
    """Item keys tagged leech (suspended until the student unsuspends them)."""
    notices: tuple[str, ...] = ()
    """Sentences from the sync, one per noteworthy change."""

    @property
    def quiet(self) -> bool:
        return not (self.changed or self.answer_changed or self.leeches or self.notices)
