"""Spaced-repetition scheduling: the only module that imports fsrs.

Everything else speaks in `quiz.model.MemoryState` and `quiz.model.Rating`;
this module turns those into fsrs objects and back, so a change of scheduler
library touches one file. It also holds the small scheduling rules fsrs does not
know: lapse counting, leeches, and the promise that a clock going backwards never
yields a due date before the last review.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import fsrs

from quiz.clock import require_utc
from quiz.model import LearningState, MemoryState, Rating, StudyOptions

Scheduler = fsrs.Scheduler
"""The scheduler type; build one with `make_scheduler`."""

_TO_FSRS_STATE = {
    LearningState.LEARNING: fsrs.State.Learning,
    LearningState.REVIEW: fsrs.State.Review,
    LearningState.RELEARNING: fsrs.State.Relearning,
}
_FROM_FSRS_STATE = {value: key for key, value in _TO_FSRS_STATE.items()}
_TO_FSRS_RATING = {
    Rating.AGAIN: fsrs.Rating.Again,
    Rating.HARD: fsrs.Rating.Hard,
    Rating.GOOD: fsrs.Rating.Good,
    Rating.EASY: fsrs.Rating.Easy,
}

_CARD_ID = 0
"""fsrs invents a card id from the clock (and sleeps 1 ms) unless given one; we key items ourselves."""


def make_scheduler(options: StudyOptions, *, fuzz: bool = True) -> fsrs.Scheduler:
    """A scheduler for one deck's options.

    Args:
        options: The deck's (or the student's) desired retention and learning steps.
        fuzz: Spread review intervals a little so cards learnt together do not stay
            together forever; turn off for reproducible results (tests, previews).
    """
    retention = min(max(options.desired_retention, 0.7), 0.99)
    return fsrs.Scheduler(
        desired_retention=retention,
        learning_steps=tuple(timedelta(seconds=s) for s in options.learning_steps),
        relearning_steps=tuple(timedelta(seconds=s) for s in options.relearning_steps),
        enable_fuzzing=fuzz,
    )


def to_fsrs(state: MemoryState | None, *, now: datetime) -> fsrs.Card:
    """The fsrs card for an item's memory state (a fresh learning card for a new item)."""
    if state is None:
        return fsrs.Card(card_id=_CARD_ID, due=now)
    return fsrs.Card(
        card_id=_CARD_ID,
        state=_TO_FSRS_STATE[state.state],
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )


def from_fsrs(card: fsrs.Card, *, reps: int, lapses: int) -> MemoryState:
    """The memory state an fsrs card describes, with our own review and lapse counts."""
    assert card.last_review is not None, "only reviewed cards have a memory state"
    return MemoryState(
        state=_FROM_FSRS_STATE[card.state],
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=reps,
        lapses=lapses,
    )


def _review_time(state: MemoryState | None, now: datetime) -> datetime:
    """`now`, or the last review if the clock went back: intervals are never computed from the past."""
    require_utc(now)
    if state is not None and now < state.last_review:
        return state.last_review
    return now


def review(state: MemoryState | None, rating: Rating, *, now: datetime, scheduler: fsrs.Scheduler) -> MemoryState:
    """The memory state after one answer rated `rating` at `now`.

    A lapse is an AGAIN on an item in the review state (forgotten after being
    learnt), which is what the leech rule counts. If the clock went back before
    the last review, the review is taken as happening at the last review, so the
    new due date is never earlier than it.

    Raises:
        ValueError: `now` is not timezone-aware UTC.
    """
    at = _review_time(state, now)
    card, _log = scheduler.review_card(to_fsrs(state, now=at), _TO_FSRS_RATING[Rating(rating)], review_datetime=at)
    reps = (state.reps if state else 0) + 1
    lapses = (state.lapses if state else 0) + (
        1 if state is not None and state.state is LearningState.REVIEW and rating == Rating.AGAIN else 0
    )
    return from_fsrs(card, reps=reps, lapses=lapses)


def preview(state: MemoryState | None, *, now: datetime, scheduler: fsrs.Scheduler) -> dict[Rating, timedelta]:
    """How long until the item is due again for each rating, as the answer buttons show it."""
    at = _review_time(state, now)
    return {rating: review(state, rating, now=at, scheduler=scheduler).due - at for rating in Rating}


def is_leech(before: MemoryState | None, after: MemoryState, options: StudyOptions) -> bool:
    """True when this answer made the item a leech: its lapses just reached the deck's threshold.

    Only the answer that crosses the threshold counts, so a student who unsuspends
    a leech is not told again until it lapses as many times once more.
    """
    threshold = max(options.leech_threshold, 1)
    lapses_before = before.lapses if before else 0
    if after.lapses <= lapses_before:
        return False
    return after.lapses >= threshold and (after.lapses - threshold) % max(threshold // 2, 1) == 0


def retrievability(state: MemoryState | None, *, now: datetime, scheduler: fsrs.Scheduler) -> float | None:
    """The probability the student recalls the item at `now` (None for a new item)."""
    if state is None or state.stability is None:
        return None
    return scheduler.get_card_retrievability(to_fsrs(state, now=now), current_datetime=_review_time(state, now))


def format_interval(delta: timedelta) -> str:
    """A short interval for a button: "45s", "10m", "3h", "4d", "2.1mo", "1.5y"."""
    seconds = max(delta.total_seconds(), 0.0)
    if seconds < 60:
        return f"{math.ceil(seconds)}s" if seconds else "now"
    minutes = seconds / 60
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return _one_decimal(days / 30.4375, "mo")
    return _one_decimal(days / 365.25, "y")


def _one_decimal(value: float, unit: str) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text}{unit}"


def format_preview(intervals: dict[Rating, timedelta]) -> str:
    """The intervals of `preview` in rating order, e.g. "1m · 10m · 1d · 4d"."""
    return " · ".join(format_interval(intervals[rating]) for rating in Rating if rating in intervals)
