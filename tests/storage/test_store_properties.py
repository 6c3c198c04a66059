"""Properties of any sequence of answers and undos, whatever the clock does."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_helpers import DECK_ID, answer, memory

from quiz.clock import FixedClock
from quiz.model import LearningState, MemoryState
from quiz.storage import StudyMode, open_store

KEYS = ("a", "b", "c")

OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(("answer", "answer", "answer", "cram", "undo")),
        st.sampled_from(KEYS),
        st.integers(min_value=-3 * 24 * 60, max_value=5 * 24 * 60),  # the clock moves, sometimes backwards
        st.integers(min_value=0, max_value=30 * 24 * 60),  # the interval the scheduler chose
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_the_item_state_is_always_the_last_answer_still_in_force(
    clock: FixedClock, operations: list[tuple[str, str, int, int]]
) -> None:
    start = clock.now()
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder), clock=FixedClock(start)) as store:
        now = start
        in_force: dict[str, list[int]] = {key: [] for key in KEYS}  # review ids, oldest first
        for kind, key, minutes, interval in operations:
            now += timedelta(minutes=minutes)
            current = store.get_item(DECK_ID, key)
            before = current.memory if current else None
            if kind == "undo":
                if in_force[key]:
                    store.undo_review(in_force[key].pop())
                continue
            scheduled = kind == "answer"
            state = memory(now, due_in=timedelta(minutes=interval), state=LearningState.REVIEW) if scheduled else None
            mode = StudyMode.REVIEW if scheduled else StudyMode.CRAM
            in_force[key].append(store.record_review(answer(key, now, mode=mode), state, before=before))

        for key in KEYS:
            item = store.get_item(DECK_ID, key)
            log = store.reviews(DECK_ID, key)
            assert sorted(r.id for r in log) == in_force[key]  # oldest first by id; times may run backwards
            scheduled_log = [r for r in log if r.after is not None]
            if item is None or not scheduled_log:
                assert item is None or item.memory is None
                continue
            assert item.memory is not None
            last = max(scheduled_log, key=lambda r: r.id)
            assert _same_schedule(item.memory, last.after)  # type: ignore[arg-type]
            assert item.memory.due >= item.memory.last_review  # never due before the last review


def _same_schedule(stored: MemoryState, logged: MemoryState) -> bool:
    return (stored.state, stored.stability, stored.difficulty, stored.due, stored.reps) == (
        logged.state,
        logged.stability,
        logged.difficulty,
        logged.due,
        logged.reps,
    )
