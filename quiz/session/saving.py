"""Writing answers to the progress store: what one answer becomes in the review log and the quiz attempt.

Each write is its own committed transaction (the store's promise), so an answer
is on disk before the session moves on. A cloze card asked whole in a quiz
that moves the schedule writes one review per gap, each rated from that gap's
part of the verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.grading import Verdict
from quiz.model import MemoryState, Rating, StudyOptions, split_item_key
from quiz.scheduling import Scheduler, is_leech, review
from quiz.storage import ReviewRecord, Store, StudyMode


@dataclass(frozen=True, slots=True)
class Saved:
    """What the store now holds for one answer."""

    review_ids: tuple[int, ...]
    memory_after: dict[str, MemoryState | None]
    leech: bool


@dataclass(frozen=True, slots=True)
class Recorder:
    """Saves a session's answers: reviews (scheduled or not) and quiz answers."""

    store: Store
    deck_id: str
    mode: StudyMode
    session_id: int | None
    scheduler: Scheduler
    options: StudyOptions
    update_schedule: bool
    """Answers move the memory state; otherwise reviews are logged with the schedule untouched."""
    quiz_id: int | None = None
    log_reviews: bool = True
    """Write review rows at all (a quiz that leaves the schedule alone writes quiz answers only)."""
    saving: bool = True
    """False on a read-only store: answers are scheduled in memory only and nothing is written."""

    def save(
        self,
        key: str,
        keys: Sequence[str],
        verdict: Verdict,
        rating: Rating,
        *,
        score: float,
        given: str,
        duration_ms: int,
        at: datetime,
        memory_before: dict[str, MemoryState | None],
        quiz_answer: bool = True,
    ) -> Saved:
        """Save one answer to item (or quiz question) `key`, scheduling the study items `keys`."""
        if self.quiz_id is not None and quiz_answer:  # a changed score is a new row: the latest one counts
            self.store.record_quiz_answer(
                self.quiz_id, key, response=given, correctness=str(verdict.correctness), score=score,
                duration_ms=duration_ms,
            )  # fmt: skip
        review_ids: list[int] = []
        memory_after = dict(memory_before)
        leech = False
        if not self.log_reviews:
            return Saved((), memory_after, False)
        for item_key in keys:
            item_rating = gap_rating(verdict, item_key, rating) if len(keys) > 1 else rating
            before = memory_before.get(item_key)
            after = review(before, item_rating, now=at, scheduler=self.scheduler) if self.update_schedule else None
            # a leech is suspended in the store; without saving, it could not stay suspended, so none is made
            made_leech = self.saving and after is not None and is_leech(before, after, self.options)
            record = ReviewRecord(
                deck_id=self.deck_id,
                item_key=item_key,
                reviewed_at=at,
                rating=item_rating,
                correctness=verdict.correctness,
                score=score,
                response=given,
                duration_ms=duration_ms,
                mode=self.mode,
                session_id=self.session_id,
            )
            if self.saving:
                review_ids.append(self.store.record_review(record, after, before=before, leech=made_leech))
            if after is not None:
                memory_after[item_key] = after
            leech = leech or made_leech
        return Saved(tuple(review_ids), memory_after, leech)

    def take_back(self, review_ids: Sequence[int]) -> None:
        """Undo saved reviews, latest first; the rows stay in the log, marked undone."""
        for review_id in reversed(review_ids):
            self.store.undo_review(review_id)


def gap_rating(verdict: Verdict, key: str, rating: Rating) -> Rating:
    """The rating for one gap of a cloze card asked whole: from that gap's part of the verdict."""
    number = split_item_key(key)[1].removeprefix("gap")
    for part in verdict.parts:
        if part.label == f"gap {number}":
            if part.correct:
                return Rating.GOOD
            return Rating.HARD if part.score > 0 else Rating.AGAIN
    return rating
