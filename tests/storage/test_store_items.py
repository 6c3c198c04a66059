"""The review queue, new items, counts and what the student can do to an item."""

from __future__ import annotations

from datetime import timedelta

from store_helpers import DECK_ID, answer, capitals, memory

from quiz.clock import FixedClock
from quiz.model import LearningState
from quiz.storage import Store


def test_sync_adds_every_study_item_in_deck_order(store: Store) -> None:
    report = store.sync_deck(capitals())
    expected = ["fr", "de", "it", "es", "es:reverse", "pt:gap1", "pt:gap2"]
    assert list(report.added) == expected
    assert list(store.items(DECK_ID)) == expected
    assert all(item.is_new for item in store.items(DECK_ID).values())
    assert report.quiet


def test_due_items_come_earliest_first_and_leave_out_the_rest(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    now = clock.now()
    store.record_review(answer("fr", now), memory(now, due_in=timedelta(hours=3)), before=None)
    store.record_review(answer("de", now), memory(now, due_in=timedelta(hours=1)), before=None)
    store.record_review(answer("it", now), memory(now, due_in=timedelta(hours=2)), before=None)
    store.record_review(answer("es", now), memory(now, due_in=timedelta(days=5)), before=None)
    later = now + timedelta(hours=4)
    assert [i.item_key for i in store.due_items(DECK_ID, later)] == ["de", "it", "fr"]
    assert [i.item_key for i in store.due_items(DECK_ID, later, limit=2)] == ["de", "it"]
    store.suspend(DECK_ID, ["it"])
    store.bury(DECK_ID, ["fr"], until=now + timedelta(days=1))
    assert [i.item_key for i in store.due_items(DECK_ID, later)] == ["de"]
    assert [i.item_key for i in store.due_items(DECK_ID, now + timedelta(days=1, hours=1))] == ["de", "fr"]
    store.unsuspend(DECK_ID, ["it"])
    store.unbury(DECK_ID, ["fr"])
    assert [i.item_key for i in store.due_items(DECK_ID, later)] == ["de", "it", "fr"]


def test_new_items_follow_the_deck_and_skip_suspended_and_buried(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    now = clock.now()
    store.record_review(answer("fr", now), memory(now), before=None)
    store.suspend(DECK_ID, ["de"])
    store.bury(DECK_ID, ["es:reverse"], until=now + timedelta(hours=20))
    assert [i.item_key for i in store.new_items(DECK_ID, now)] == ["it", "es", "pt:gap1", "pt:gap2"]
    assert [i.item_key for i in store.new_items(DECK_ID, now, limit=1)] == ["it"]


def test_counts_split_new_learning_review_and_due_today(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    now = clock.now()
    day_end = now + timedelta(hours=19)
    store.record_review(answer("fr", now), memory(now, due_in=timedelta(hours=2)), before=None)
    learning = memory(now, state=LearningState.LEARNING, due_in=timedelta(minutes=10))
    store.record_review(answer("de", now), learning, before=None)
    store.record_review(answer("it", now), memory(now, due_in=timedelta(days=3)), before=None)
    store.suspend(DECK_ID, ["es"])
    counts = store.counts(DECK_ID, now + timedelta(minutes=30), day_end)
    assert (counts.new, counts.learning, counts.review) == (3, 1, 2)
    assert (counts.due_today, counts.due_now, counts.suspended) == (2, 1, 1)
    assert counts.total == 6
    assert store.counts("no-such-deck", now, day_end).total == 0


def test_reset_forgets_the_schedule_but_keeps_history(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    now = clock.now()
    store.record_review(answer("fr", now), memory(now, lapses=8), before=None, leech=True)
    store.reset(DECK_ID, ["fr"])
    item = store.get_item(DECK_ID, "fr")
    assert item is not None and item.is_new and not item.leech
    assert item.suspended  # a suspension stays until the student lifts it
    assert len(store.reviews(DECK_ID, "fr")) == 1


def test_leech_tag_can_be_set_and_cleared(store: Store) -> None:
    store.sync_deck(capitals())
    store.set_leech(DECK_ID, "de", True)
    assert store.get_item(DECK_ID, "de").leech  # type: ignore[union-attr]
    store.set_leech(DECK_ID, "de", False)
    assert not store.get_item(DECK_ID, "de").leech  # type: ignore[union-attr]


def test_unknown_decks_and_items_are_empty_not_errors(store: Store, clock: FixedClock) -> None:
    assert store.get_item("nothing", "x") is None
    assert store.items("nothing") == {}
    assert store.due_items("nothing", clock.now()) == []
    store.suspend("nothing", ["x"])  # nothing to suspend: no error


def test_options_round_trip_and_can_be_removed(store: Store) -> None:
    assert store.get_options(DECK_ID) == {}
    store.set_options(DECK_ID, {"desired_retention": 0.85, "learning_steps": (60, 300)})
    assert store.get_options(DECK_ID) == {"desired_retention": 0.85, "learning_steps": [60, 300]}
    store.set_options(DECK_ID, {})
    assert store.get_options(DECK_ID) == {}


def test_due_by_the_end_of_the_day_still_leaves_out_items_buried_until_then(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    now = clock.now()
    day_end = now + timedelta(hours=19)
    store.record_review(answer("fr", now), memory(now, due_in=timedelta(hours=2)), before=None)
    store.record_review(answer("de", now), memory(now, due_in=timedelta(hours=3)), before=None)
    store.bury(DECK_ID, ["de"], until=day_end)
    assert [i.item_key for i in store.due_items(DECK_ID, now)] == []
    assert [i.item_key for i in store.due_items(DECK_ID, now, due_by=day_end)] == ["fr"]
    assert [i.item_key for i in store.due_items(DECK_ID, day_end)] == ["fr", "de"]  # the next day
