"""Queues and session starts that must not depend on reading a whole deck: a backlog, many cards, few asked."""

from __future__ import annotations

import random
from datetime import timedelta

from session_helpers import capitals, right_response

from quiz.model import Correctness, LearningState, MemoryState, Rating
from quiz.session import Presentation, start_session
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


def _never_read_whole_deck(store: Store, monkeypatch) -> None:  # noqa: ANN001 - pytest fixture
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the session read every item of the deck")

    monkeypatch.setattr(store, "items", refuse)


def _many_items_some_put_away(store: Store, clock):  # noqa: ANN001, ANN202
    """A deck over FEW_ITEMS: c1, c2 learnt (c2 due in ten days), c3 suspended, c4 hidden (left the deck)."""
    deck = capitals(700)
    store.sync_deck(capitals(701))  # c700 was in the deck once: hidden when the deck below is synced
    store.sync_deck(deck)
    now = clock.now()
    _schedule(store, deck.id, "c1", _memory(LearningState.REVIEW, now - timedelta(days=1), now - timedelta(days=4)))
    _schedule(store, deck.id, "c2", _memory(LearningState.REVIEW, now + timedelta(days=10), now - timedelta(days=1)))
    store.suspend(deck.id, ["c3"])
    return deck


def test_cram_over_a_large_deck_leaves_out_suspended_items_and_knows_which_are_new(store, clock, monkeypatch) -> None:
    deck = _many_items_some_put_away(store, clock)
    _never_read_whole_deck(store, monkeypatch)
    session = start_session(store, deck, mode="cram", clock=clock, rng=random.Random(4), sync=False, shuffle=False)
    queue = [session.current.key, *session._queue.upcoming]
    assert "c3" not in queue and len(queue) == 699
    assert queue[:3] == ["c0", "c1", "c2"]
    assert session.current.is_new
    session.answer(right_response(session.current), elapsed=3.0)
    assert session.current.key == "c1" and not session.current.is_new
    session.answer(right_response(session.current), elapsed=3.0)
    logged = store.reviews(deck.id, "c1")[-1]
    assert logged.review.mode is StudyMode.CRAM and logged.before is not None
    assert logged.before.due == clock.now() - timedelta(days=1)  # the state it had, looked up when asked
    assert store.get_item(deck.id, "c1").memory == logged.before  # cram leaves the schedule alone


def test_learn_over_a_large_deck_needs_learnt_items_right_once_and_schedules_from_their_state(
    store, clock, monkeypatch
) -> None:
    deck = _many_items_some_put_away(store, clock)
    _never_read_whole_deck(store, monkeypatch)
    session = start_session(store, deck, mode="learn", clock=clock, rng=random.Random(4), sync=False)
    assert session._queue.right == {"c1": 1, "c2": 1}
    queued = [session.current.key, *session._queue.upcoming, *session._queue.waiting]
    assert "c3" not in queued and len(set(queued)) == 699
    before = store.get_item(deck.id, "c2").memory
    for _ in range(10):  # the first round holds c2: skip to it
        if session.current.key == "c2":
            break
        session.skip()
    item = session.current
    assert item.key == "c2" and not item.is_new
    session.answer(right_response(item), elapsed=3.0)
    logged = store.reviews(deck.id, "c2")[-1]
    assert logged.before == before and logged.after is not None
    assert logged.after.reps == before.reps + 1  # scheduled on from the state it had, not as a new card


def test_recognition_questions_on_a_large_deck_offer_other_answers_of_the_deck(store, clock) -> None:
    deck = capitals(6000)
    session = start_session(store, deck, mode="learn", clock=clock, rng=random.Random(6), count=40)
    seen = 0
    while (item := session.current) is not None and seen < 12:
        if item.presentation is Presentation.CHOICE:
            texts = [choice.text for choice in item.card.choices]
            assert len(texts) == 4 and len(set(texts)) == 4
            assert f"City {item.key[1:]}" in texts
            assert all(text.startswith("City ") and text[5:].isdigit() and int(text[5:]) < 6000 for text in texts)
        elif item.presentation is Presentation.TRUE_FALSE:
            assert item.card.question.startswith(f"Capital of country {item.key[1:]}?\n\nProposed answer: City ")
        session.answer(right_response(item), elapsed=2.0)
        seen += 1
    assert seen == 12
