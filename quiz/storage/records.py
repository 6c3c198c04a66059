"""The rows the progress store hands out and takes in, as plain frozen data.

Nothing here touches SQLite: the session, the statistics and the TUI work with
these objects and never with rows or SQL. Every datetime is timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from quiz.model import Correctness, MemoryState, Rating


class StudyMode(StrEnum):
    """How an answer was given; only some modes move the schedule."""

    REVIEW = "review"
    QUIZ = "quiz"
    LEARN = "learn"
    CRAM = "cram"


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemRecord:
    """What the store knows about one study item (deck id + item key).

    `memory` is None for an item never reviewed (a new item). The change flags
    come from `Store.sync_deck`: `changed` means the card's question text differs
    from the text last reviewed, `answer_changed` that its answer did, which is
    worth offering a reset for.
    """

    deck_id: str
    item_key: str
    card_id: str
    card_type: str
    position: int
    """The card's place in its deck file; new items are introduced in this order."""
    memory: MemoryState | None
    suspended: bool = False
    buried_until: datetime | None = None
    leech: bool = False
    fingerprint: str = ""
    answer_fingerprint: str = ""
    changed: bool = False
    answer_changed: bool = False
    hidden: bool = False
    """The card is no longer in the deck; its history is kept and returns with it."""

    @property
    def is_new(self) -> bool:
        """True for an item the student has never been scheduled on."""
        return self.memory is None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewRecord:
    """One answer, as the session hands it to `Store.record_review`."""

    deck_id: str
    item_key: str
    reviewed_at: datetime
    rating: Rating
    correctness: Correctness
    score: float = 1.0
    """Credit earned, 0 to 1 (partial credit for multi, order, match cards)."""
    response: str = ""
    """What the student typed or picked, as text."""
    duration_ms: int = 0
    """Time spent on the question, measured with a monotonic clock."""
    mode: StudyMode = StudyMode.REVIEW
    session_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredReview:
    """A review from the log, with the states around it (for undo and statistics)."""

    id: int
    review: ReviewRecord
    before: MemoryState | None
    after: MemoryState | None
    """None for an answer that did not touch the schedule (cram, most quizzes)."""
    undone: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemCounts:
    """How a deck's items stand at one instant (suspended and hidden items are only counted apart)."""

    new: int = 0
    learning: int = 0
    """Learning or relearning items, due or not."""
    review: int = 0
    """Items in the review state, due or not."""
    due_today: int = 0
    """Scheduled items (learning and review) due before the end of the study day."""
    due_now: int = 0
    suspended: int = 0
    buried: int = 0
    leeches: int = 0
    hidden: int = 0
    changed: int = 0

    @property
    def total(self) -> int:
        """Items that can be studied: new, learning and review (not suspended or hidden)."""
        return self.new + self.learning + self.review


@dataclass(frozen=True, slots=True, kw_only=True)
class DailyWork:
    """What was already done since the study day began, for the daily limits."""

    new_introduced: int = 0
    """Items that got their first scheduled review."""
    reviews: int = 0
    """Scheduled answers to items in the review state (what max_reviews_per_day limits)."""
    learning: int = 0
    """Scheduled answers to items in (re)learning."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Retention:
    """Answers to review-state items, and how many were not rated AGAIN."""

    passed: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        """The share passed, or None when there were no such reviews."""
        return self.passed / self.total if self.total else None


@dataclass(frozen=True, slots=True, kw_only=True)
class HardItem:
    """An item the student struggles with, for the "hardest cards" list."""

    deck_id: str
    item_key: str
    lapses: int
    reviews: int
    mean_score: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuizAnswer:
    """One question of a quiz attempt."""

    item_key: str
    response: str
    correctness: Correctness
    score: float
    answered_at: datetime
    duration_ms: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class QuizAttempt:
    """A quiz the student took (finished or abandoned), with its questions."""

    id: int
    deck_id: str
    started_at: datetime
    settings: dict[str, object]
    finished_at: datetime | None = None
    score: float | None = None
    """Total credit earned."""
    max_score: float | None = None
    """The credit available (the number of questions)."""
    answers: tuple[QuizAnswer, ...] = ()

    @property
    def percent(self) -> float | None:
        """Score as a percentage of the maximum, once finished."""
        if self.score is None or not self.max_score:
            return None
        return 100.0 * self.score / self.max_score


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncReport:
    """What changed in a deck since the store last saw it (from `Store.sync_deck`)."""

    deck_id: str
    added: tuple[str, ...] = ()
    """Item keys seen for the first time (new items)."""
    changed: tuple[str, ...] = ()
    """Item keys whose question text changed; progress kept."""
    answer_changed: tuple[str, ...] = ()
    """Item keys whose answer changed; progress kept, a reset worth offering."""
    hidden: tuple[str, ...] = ()
    """Item keys whose card left the deck; history kept, hidden."""
    restored: tuple[str, ...] = ()
    """Item keys whose card came back; history shown again."""
    renamed: tuple[tuple[str, str], ...] = ()
    """(old key, new key) pairs carried over through `previous_ids`."""
    type_changed: tuple[str, ...] = ()
    """Item keys whose card changed type; scheduling reset, reviews kept."""
    notices: tuple[str, ...] = field(default=())
    """Sentences for the student, one per noteworthy change."""

    @property
    def quiet(self) -> bool:
        """True when nothing but new items appeared."""
        return not (
            self.changed or self.answer_changed or self.hidden or self.restored or self.renamed or self.type_changed
        )
