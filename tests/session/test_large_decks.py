"""Queues and session starts that must not depend on reading a whole deck: a backlog, many cards, few asked."""

from __future__ import annotations

import random
from datetime import timedelta

from session_helpers import capitals, right_response

from quiz.model import Correctness, LearningState, MemoryState, Rating
from quiz.session import start_session
from quiz.storage import ReviewRecord, Store, StudyMode

BACKLOG = 450
"""Due reviews: more than the old queue read (the 200 reviews of a day plus 200 more)."""


def _memory(state: LearningState, due, last) -> MemoryState:  # noqa: ANN001 - datetimes
    step = None if state is LearningState.REVIEW else 0
    return MemoryState(state=state, step=step, stability=3.0, difficulty=5.0, due=due, last_review=last, reps=2)


def _schedule(store: Store, deck_id: str, key: str, memory: MemoryState) -> None:
    """Give an item a memory state through the store's own write, as an earlier session would have."""
    record = ReviewRecord(
        deck_id=deck_id,
        item_key=key,
        reviewed_at=memory.last_review,
        rating=Rating.GOOD,
        correctness=Correctness.CORRECT,
        mode=StudyMode.REVIEW,
    )
    store.record_review(record, memory, before=None)


def _backlog_with_learning(store: Store, clock, learning_keys: tuple[str, ...]):  # noqa: ANN001, ANN202
    """BACKLOG reviews overdue by days, and learning steps (in the order given) that fell due minutes ago."""
    deck = capitals(BACKLOG + len(learning_keys) + 5)
    store.sync_deck(deck)
    now = clock.now()
    long_ago = now - timedelta(days=30)
    for n in range(BACKLOG):
        due = now - timedelta(days=10) + timedelta(minutes=n)
        _schedule(store, deck.id, f"c{n}", _memory(LearningState.REVIEW, due, long_ago))
    for n, key in enumerate(learning_keys):
        state = LearningState.RELEARNING if n % 2 else LearningState.LEARNING
        due = now - timedelta(minutes=len(learning_keys) - n)
        _schedule(store, deck.id, key, _memory(state, due, now - timedelta(minutes=11)))
    return deck


def test_due_learning_items_come_before_a_large_backlog_of_reviews(store, clock) -> None:
    learning = (f"c{BACKLOG + 2}", f"c{BACKLOG + 1}", f"c{BACKLOG}")
    deck = _backlog_with_learning(store, clock, learning)
    session = start_session(store, deck, mode="review", clock=clock, rng=random.Random(1), fuzz=False)
    queue = [session.current.key, *session._queue.upcoming]
    assert queue[:3] == list(learning)  # every learning step first, the longest overdue first
    assert queue[3:203] == [f"c{n}" for n in range(200)]  # then the day's 200 reviews, the oldest first
    assert queue[203:] == [f"c{n}" for n in range(BACKLOG + 3, BACKLOG + 8)]  # then the new cards
    session.answer(right_response(session.current), elapsed=5.0)
    assert session.current.key == learning[1]


def test_due_items_by_state_reads_only_those_states_earliest_first(store, clock) -> None:
    learning = (f"c{BACKLOG}", f"c{BACKLOG + 1}", f"c{BACKLOG + 2}")
    deck = _backlog_with_learning(store, clock, learning)
    now = clock.now()
    steps = store.due_items(deck.id, now, states=(LearningState.LEARNING, LearningState.RELEARNING))
    assert [item.item_key for item in steps] == list(learning)
    reviews = store.due_items(deck.id, now, states=(LearningState.REVIEW,), limit=3)
    assert [item.item_key for item in reviews] == ["c0", "c1", "c2"]
    store.suspend(deck.id, [learning[0]])
    store.bury(deck.id, [learning[1]], until=now + timedelta(hours=2))
    steps = store.due_items(deck.id, now, states=(LearningState.LEARNING, LearningState.RELEARNING))
    assert [item.item_key for item in steps] == [learning[2]]
    assert store.due_items(deck.id, now, states=()) == []
