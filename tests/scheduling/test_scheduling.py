"""FSRS scheduling through quiz.scheduling, with fuzzing off so every interval is exact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quiz.model import LearningState, MemoryState, Rating, StudyOptions
from quiz.scheduling import (
    format_interval,
    format_preview,
    from_fsrs,
    is_leech,
    make_scheduler,
    preview,
    retrievability,
    review,
    to_fsrs,
)

NOW = datetime(2024, 5, 16, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


@pytest.fixture
def scheduler():
    return make_scheduler(StudyOptions(), fuzz=False)


def test_a_new_item_rated_good_moves_to_the_second_learning_step(scheduler) -> None:
    state = review(None, Rating.GOOD, now=NOW, scheduler=scheduler)
    assert state.state is LearningState.LEARNING
    assert state.step == 1
    assert state.due == NOW + 10 * MINUTE
    assert state.last_review == NOW
    assert (state.reps, state.lapses) == (1, 0)
    assert state.stability == pytest.approx(2.3065)


def test_new_item_preview_follows_the_learning_steps(scheduler) -> None:
    intervals = preview(None, now=NOW, scheduler=scheduler)
    assert intervals == {
        Rating.AGAIN: MINUTE,
        Rating.HARD: timedelta(seconds=330),  # halfway between the 1 and 10 minute steps
        Rating.GOOD: 10 * MINUTE,
        Rating.EASY: 8 * DAY,
    }
    assert format_preview(intervals) == "1m · 6m · 10m · 8d"


def test_graduating_then_lapsing(scheduler) -> None:
    learning = review(None, Rating.GOOD, now=NOW, scheduler=scheduler)
    graduated = review(learning, Rating.GOOD, now=learning.due, scheduler=scheduler)
    assert graduated.state is LearningState.REVIEW
    assert graduated.step is None
    assert graduated.due == learning.due + 2 * DAY
    intervals = preview(graduated, now=graduated.due, scheduler=scheduler)
    assert intervals == {Rating.AGAIN: 10 * MINUTE, Rating.HARD: 8 * DAY, Rating.GOOD: 11 * DAY, Rating.EASY: 19 * DAY}
    lapsed = review(graduated, Rating.AGAIN, now=graduated.due, scheduler=scheduler)
    assert lapsed.state is LearningState.RELEARNING
    assert lapsed.due == graduated.due + 10 * MINUTE
    assert (lapsed.reps, lapsed.lapses) == (3, 1)


def test_again_while_learning_is_not_a_lapse(scheduler) -> None:
    state = review(None, Rating.AGAIN, now=NOW, scheduler=scheduler)
    state = review(state, Rating.AGAIN, now=state.due, scheduler=scheduler)
    assert state.lapses == 0
    assert state.due == NOW + 2 * MINUTE


def test_deck_learning_steps_are_used() -> None:
    scheduler = make_scheduler(StudyOptions(learning_steps=(30, 300, 3600)), fuzz=False)
    assert preview(None, now=NOW, scheduler=scheduler)[Rating.AGAIN] == timedelta(seconds=30)
    state = review(None, Rating.GOOD, now=NOW, scheduler=scheduler)
    assert state.due == NOW + timedelta(seconds=300)


def test_higher_desired_retention_gives_shorter_intervals() -> None:
    low = make_scheduler(StudyOptions(desired_retention=0.8), fuzz=False)
    high = make_scheduler(StudyOptions(desired_retention=0.95), fuzz=False)
    state = MemoryState(
        state=LearningState.REVIEW, step=None, stability=20.0, difficulty=5.0, due=NOW, last_review=NOW - 20 * DAY
    )
    assert preview(state, now=NOW, scheduler=high)[Rating.GOOD] < preview(state, now=NOW, scheduler=low)[Rating.GOOD]


def test_clock_going_back_never_schedules_before_the_last_review(scheduler) -> None:
    state = MemoryState(
        state=LearningState.REVIEW, step=None, stability=5.0, difficulty=5.0, due=NOW + 5 * DAY, last_review=NOW
    )
    for rating in Rating:
        after = review(state, rating, now=NOW - 3 * DAY, scheduler=scheduler)
        assert after.last_review >= state.last_review
        assert after.due >= state.last_review
    assert all(delta >= timedelta(0) for delta in preview(state, now=NOW - 3 * DAY, scheduler=scheduler).values())


def test_naive_datetimes_are_refused(scheduler) -> None:
    with pytest.raises(ValueError, match="UTC"):
        review(None, Rating.GOOD, now=datetime(2024, 5, 16, 9), scheduler=scheduler)


def test_memory_state_round_trips_through_fsrs() -> None:
    state = MemoryState(
        state=LearningState.RELEARNING,
        step=0,
        stability=1.5,
        difficulty=6.0,
        due=NOW + DAY,
        last_review=NOW,
        reps=7,
        lapses=2,
    )
    assert from_fsrs(to_fsrs(state, now=NOW), reps=7, lapses=2) == state


def test_retrievability_falls_with_time(scheduler) -> None:
    state = MemoryState(
        state=LearningState.REVIEW, step=None, stability=10.0, difficulty=5.0, due=NOW + 10 * DAY, last_review=NOW
    )
    assert retrievability(None, now=NOW, scheduler=scheduler) is None
    soon = retrievability(state, now=NOW + DAY, scheduler=scheduler)
    later = retrievability(state, now=NOW + 10 * DAY, scheduler=scheduler)
    assert soon is not None and later is not None
    assert 1.0 > soon > later
    assert later == pytest.approx(0.9, abs=0.01)


def _review_state(lapses: int) -> MemoryState:
    return MemoryState(
        state=LearningState.REVIEW, step=None, stability=3.0, difficulty=8.0, due=NOW, last_review=NOW - DAY,
        lapses=lapses,
    )  # fmt: skip


def test_leech_at_the_threshold_then_every_half_threshold(scheduler) -> None:
    options = StudyOptions(leech_threshold=8)
    made = []
    state = _review_state(0)
    for _ in range(16):
        after = review(state, Rating.AGAIN, now=state.due, scheduler=scheduler)
        made.append(is_leech(state, after, options))
        state = MemoryState(
            state=LearningState.REVIEW, step=None, stability=3.0, difficulty=8.0, due=after.due, last_review=after.due,
            lapses=after.lapses,
        )  # fmt: skip
    assert [i + 1 for i, flag in enumerate(made) if flag] == [8, 12, 16]


def test_a_good_answer_never_makes_a_leech(scheduler) -> None:
    state = _review_state(9)
    after = review(state, Rating.GOOD, now=NOW, scheduler=scheduler)
    assert not is_leech(state, after, StudyOptions(leech_threshold=8))


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(0), "now"),
        (timedelta(seconds=45), "45s"),
        (MINUTE, "1m"),
        (10 * MINUTE, "10m"),
        (timedelta(hours=3), "3h"),
        (DAY, "1d"),
        (29 * DAY, "29d"),
        (61 * DAY, "2mo"),
        (100 * DAY, "3.3mo"),
        (548 * DAY, "1.5y"),
    ],
)
def test_interval_labels(delta: timedelta, text: str) -> None:
    assert format_interval(delta) == text


def test_fuzz_spreads_intervals_but_not_learning_steps() -> None:
    fuzzed = make_scheduler(StudyOptions(), fuzz=True)
    state = MemoryState(
        state=LearningState.REVIEW, step=None, stability=30.0, difficulty=5.0, due=NOW, last_review=NOW - 30 * DAY
    )
    dues = {review(state, Rating.GOOD, now=NOW, scheduler=fuzzed).due for _ in range(30)}
    assert len(dues) > 1
    assert review(None, Rating.GOOD, now=NOW, scheduler=fuzzed).due == NOW + 10 * MINUTE
