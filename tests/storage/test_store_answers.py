"""Answers are saved durably with the state before them, can be undone, and keep due dates sane."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from store_helpers import DECK_ID, answer, capitals, memory

from quiz.clock import FixedClock
from quiz.errors import StorageError
from quiz.model import LearningState, Rating
from quiz.storage import Store, StudyMode, open_store


def test_a_recorded_answer_is_there_after_reopening(isolated_data_dir: Path, clock: FixedClock) -> None:
    now = clock.now()
    with open_store(isolated_data_dir, clock=clock) as store:
        store.sync_deck(capitals())
        review_id = store.record_review(answer("fr", now), memory(now), before=None)
    with open_store(isolated_data_dir, clock=clock) as store:
        item = store.get_item(DECK_ID, "fr")
        log = store.reviews(DECK_ID, "fr")
    assert item is not None and item.memory == memory(now)
    assert [r.id for r in log] == [review_id]
    assert log[0].review == answer("fr", now)
    assert log[0].before is None
    assert log[0].after == memory(now)


def test_datetimes_round_trip_to_the_microsecond(store: Store, clock: FixedClock) -> None:
    now = clock.now() + timedelta(microseconds=123457)
    state = memory(now, due_in=timedelta(days=3, microseconds=9))
    store.record_review(answer("fr", now), state, before=None)
    assert store.get_item(DECK_ID, "fr").memory == state  # type: ignore[union-attr]


def test_undo_restores_the_state_before_and_keeps_the_row(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    first_at = clock.now()
    first = memory(first_at, state=LearningState.LEARNING, due_in=timedelta(minutes=10))
    store.record_review(answer("fr", first_at), first, before=None)
    later = first_at + timedelta(minutes=10)
    second = store.record_review(answer("fr", later), memory(later, reps=2), before=first)

    restored = store.undo_review(second)

    assert restored == first
    assert store.get_item(DECK_ID, "fr").memory == first  # type: ignore[union-attr]
    assert len(store.reviews(DECK_ID, "fr")) == 1
    history = store.reviews(DECK_ID, "fr", include_undone=True)
    assert [r.undone for r in history] == [False, True]


def test_undoing_the_first_answer_makes_the_item_new_again(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    review_id = store.record_review(answer("de", clock.now()), memory(clock.now()), before=None)
    assert store.undo_review(review_id) is None
    item = store.get_item(DECK_ID, "de")
    assert item is not None and item.is_new
    assert [i.item_key for i in store.new_items(DECK_ID, clock.now())][:3] == ["fr", "de", "it"]


def test_an_answer_cannot_be_undone_twice_or_out_of_order(store: Store, clock: FixedClock) -> None:
    now = clock.now()
    first = store.record_review(answer("fr", now), memory(now), before=None)
    second = store.record_review(answer("fr", now + timedelta(days=1)), memory(now + timedelta(days=1)), before=None)
    with pytest.raises(StorageError, match="latest answer"):
        store.undo_review(first)
    store.undo_review(second)
    with pytest.raises(StorageError, match="already undone"):
        store.undo_review(second)
    with pytest.raises(StorageError, match="no answer"):
        store.undo_review(9999)


def test_an_answer_without_a_new_state_leaves_the_schedule_alone(store: Store, clock: FixedClock) -> None:
    now = clock.now()
    store.record_review(answer("fr", now), memory(now), before=None)
    cram = answer("fr", now + timedelta(hours=1), rating=Rating.AGAIN, score=0, mode=StudyMode.CRAM)
    store.record_review(cram, None, before=memory(now))
    assert store.get_item(DECK_ID, "fr").memory == memory(now)  # type: ignore[union-attr]
    assert store.reviews(DECK_ID, "fr")[-1].after is None


def test_a_leech_is_tagged_and_suspended_and_undo_lifts_both(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    now = clock.now()
    review_id = store.record_review(
        answer("it", now, rating=Rating.AGAIN, score=0), memory(now, lapses=8), before=memory(now), leech=True
    )
    item = store.get_item(DECK_ID, "it")
    assert item is not None and item.leech and item.suspended
    assert store.due_items(DECK_ID, now + timedelta(days=30)) == []
    store.undo_review(review_id)
    item = store.get_item(DECK_ID, "it")
    assert item is not None and not item.leech and not item.suspended


def test_a_clock_gone_backwards_never_gives_a_due_date_before_the_last_review(
    store: Store, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    now = clock.now()
    store.record_review(answer("fr", now), memory(now, due_in=timedelta(days=2)), before=None)
    back = now - timedelta(days=5)  # the system clock jumped back five days
    store.record_review(answer("fr", back), memory(back, due_in=timedelta(days=1)), before=memory(now))
    item = store.get_item(DECK_ID, "fr")
    assert item is not None and item.memory is not None
    assert item.memory.due >= now
    assert "clock went backwards" in caplog.text


def test_an_answer_to_an_item_not_yet_synced_is_kept(store: Store, clock: FixedClock) -> None:
    store.record_review(answer("fr", clock.now()), memory(clock.now()), before=None)
    report = store.sync_deck(capitals())
    assert "fr" not in report.added
    item = store.get_item(DECK_ID, "fr")
    assert item is not None and item.card_type == "short" and not item.changed
    assert len(store.reviews(DECK_ID, "fr")) == 1


def test_a_read_only_store_refuses_every_write(isolated_data_dir: Path, clock: FixedClock) -> None:
    now = clock.now()
    with open_store(isolated_data_dir, clock=clock) as store:
        store.sync_deck(capitals())
        store.record_review(answer("fr", now), memory(now), before=None)
    with open_store(isolated_data_dir, clock=clock, read_only=True) as store:
        assert store.read_only
        assert store.get_item(DECK_ID, "fr").memory == memory(now)  # type: ignore[union-attr]
        with pytest.raises(StorageError, match="read-only"):
            store.record_review(answer("de", now), memory(now), before=None)


def test_a_closed_store_says_so(isolated_data_dir: Path, clock: FixedClock) -> None:
    store = open_store(isolated_data_dir, clock=clock)
    store.close()
    store.close()
    with pytest.raises(StorageError, match="closed"):
        store.items(DECK_ID)


def test_a_read_only_store_without_a_database_is_empty(isolated_data_dir: Path, clock: FixedClock) -> None:
    with open_store(isolated_data_dir / "nothing-here", clock=clock, read_only=True) as store:
        assert store.items(DECK_ID) == {}
        assert store.due_items(DECK_ID, clock.now()) == []
    assert not (isolated_data_dir / "nothing-here").exists()  # reading never creates anything


def test_an_answer_naming_an_unknown_session_is_refused_and_nothing_is_saved(store: Store, clock: FixedClock) -> None:
    with pytest.raises(StorageError, match="not saved|could not be saved"):
        store.record_review(answer("fr", clock.now(), session_id=999), memory(clock.now()), before=None)
    assert store.reviews(DECK_ID) == []
    assert store.get_item(DECK_ID, "fr") is None  # the whole transaction was rolled back
    store.record_review(answer("fr", clock.now()), memory(clock.now()), before=None)
    assert len(store.reviews(DECK_ID)) == 1
