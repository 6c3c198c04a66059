"""The store's lookups that let a session start on a large deck: keys by state, items by key, flagged items."""

from __future__ import annotations

from store_helpers import DECK_ID, answer, capitals, make_deck, memory, short

from quiz.clock import FixedClock
from quiz.model import LearningState
from quiz.storage import Store


def _studied(store: Store, clock: FixedClock) -> None:
    """fr in review, de learning, it relearning, es suspended (in review), the rest new; pt left the deck."""
    store.sync_deck(capitals())
    now = clock.now()
    store.record_review(answer("fr", now), memory(now), before=None)
    store.record_review(answer("de", now), memory(now, state=LearningState.LEARNING), before=None)
    store.record_review(answer("it", now), memory(now, state=LearningState.RELEARNING), before=None)
    store.record_review(answer("es", now), memory(now), before=None)
    store.suspend(DECK_ID, ["es"])
    store.sync_deck(make_deck(*capitals().cards[:4]))  # the cloze card pt left the deck: its gaps are hidden


def test_item_keys_by_state_leave_out_suspended_and_hidden_items(store: Store, clock: FixedClock) -> None:
    _studied(store, clock)
    assert store.item_keys(DECK_ID, states=(LearningState.REVIEW,)) == {"fr"}
    assert store.item_keys(DECK_ID, states=(LearningState.LEARNING, LearningState.RELEARNING)) == {"de", "it"}
    assert store.item_keys(DECK_ID, states=(None,)) == {"es:reverse"}
    assert store.item_keys(DECK_ID, states=()) == set()
    assert store.item_keys(DECK_ID, unavailable=True) == {"es", "pt:gap1", "pt:gap2"}
    assert store.item_keys(DECK_ID) == {"fr", "de", "it", "es", "es:reverse"}
    assert store.item_keys(DECK_ID, include_hidden=True) == {"fr", "de", "it", "es", "es:reverse", "pt:gap1", "pt:gap2"}
    assert store.item_keys("no-such-deck", unavailable=True) == set()


def test_items_by_key_reads_the_given_items_in_the_given_order(store: Store, clock: FixedClock) -> None:
    _studied(store, clock)
    found = store.items_by_key(DECK_ID, ["it", "nope", "pt:gap2", "fr", "it"])
    assert list(found) == ["it", "pt:gap2", "fr"]
    assert found["it"].memory is not None and found["it"].memory.state is LearningState.RELEARNING
    assert found["pt:gap2"].hidden and found["pt:gap2"].memory is None
    assert found["fr"] == store.get_item(DECK_ID, "fr")
    assert store.items_by_key("no-such-deck", ["fr"]) == {}


def test_items_by_key_reads_more_keys_than_one_query_takes(store: Store) -> None:
    deck = make_deck(*(short(f"k{n}", f"Question {n}?", f"Answer {n}") for n in range(1203)))
    store.sync_deck(deck)
    keys = [f"k{n}" for n in reversed(range(1203))]
    found = store.items_by_key(DECK_ID, keys)
    assert list(found) == keys
    assert all(found[key].item_key == key for key in keys)


def test_flagged_items_are_the_changed_and_the_leeches_in_deck_order(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    now = clock.now()
    for key in ("fr", "de", "it"):
        store.record_review(answer(key, now), memory(now), before=None)
    store.set_leech(DECK_ID, "es", True)
    assert store.flagged_items(DECK_ID) == [store.get_item(DECK_ID, "es")]
    cards = list(capitals().cards)
    cards[2] = short("it", "Capital of Italy, today?", "Rome")  # question changed
    cards[0] = short("fr", "Capital of France?", "Paris (Île-de-France)")  # answer changed
    store.sync_deck(make_deck(*cards))
    flagged = store.flagged_items(DECK_ID)
    assert [item.item_key for item in flagged] == ["fr", "it", "es"]
    assert [(item.changed, item.answer_changed, item.leech) for item in flagged] == [
        (False, True, False),
        (True, False, False),
        (False, False, True),
    ]
    store.acknowledge_change(DECK_ID, ["fr", "it"])
    store.set_leech(DECK_ID, "es", False)
    assert store.flagged_items(DECK_ID) == []
