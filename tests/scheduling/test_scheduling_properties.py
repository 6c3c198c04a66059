"""Properties of scheduling over any sequence of ratings and clock moves, the clock going back included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.model import LearningState, Rating, StudyOptions
from quiz.scheduling import make_scheduler, preview, review

START = datetime(2024, 5, 16, 9, 0, tzinfo=UTC)
SCHEDULER = make_scheduler(StudyOptions(), fuzz=True)

steps = st.lists(
    st.tuples(st.sampled_from(list(Rating)), st.integers(min_value=-3 * 86_400, max_value=60 * 86_400)),
    min_size=1,
    max_size=25,
)


@given(steps)
@settings(max_examples=200, deadline=None)
def test_due_never_before_the_last_review_and_counts_add_up(sequence: list[tuple[Rating, int]]) -> None:
    state = None
    now = START
    lapses = 0
    for rating, seconds in sequence:
        now += timedelta(seconds=seconds)
        before = state
        state = review(state, rating, now=now, scheduler=SCHEDULER)
        assert state.due >= state.last_review
        if before is not None:
            assert state.last_review >= before.last_review
            if before.state is LearningState.REVIEW and rating == Rating.AGAIN:
                lapses += 1
        assert state.lapses == lapses
        assert state.stability is not None and state.stability > 0
        assert state.difficulty is not None and 1 <= state.difficulty <= 10
    assert state is not None and state.reps == len(sequence)


@given(steps)
@settings(max_examples=100, deadline=None)
def test_previews_never_go_backwards_and_again_is_soonest(sequence: list[tuple[Rating, int]]) -> None:
    state = None
    now = START
    for rating, seconds in sequence:
        now += timedelta(seconds=seconds)
        state = review(state, rating, now=now, scheduler=SCHEDULER)
    intervals = preview(state, now=now + timedelta(days=1), scheduler=make_scheduler(StudyOptions(), fuzz=False))
    assert all(delta >= timedelta(0) for delta in intervals.values())
    assert intervals[Rating.AGAIN] <= intervals[Rating.GOOD] <= intervals[Rating.EASY]
