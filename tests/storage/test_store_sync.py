"""Deck edits between sessions: changed text, removed cards, renamed ids and changed types."""

from __future__ import annotations

from dataclasses import replace

from store_helpers import DECK_ID, answer, capitals, make_deck, memory, short

from quiz.clock import FixedClock
from quiz.model import Answer, Choice, ChoiceCard, FlashCard
from quiz.storage import Fingerprint, Store, SyncReport, card_fingerprints


def _studied(store: Store, clock: FixedClock, *keys: str) -> None:
    store.sync_deck(capitals())
    for key in keys:
        store.record_review(answer(key, clock.now()), memory(clock.now()), before=None)


def test_changed_question_keeps_progress_and_is_flagged_until_reviewed(store: Store, clock: FixedClock) -> None:
    _studied(store, clock, "fr")
    edited = capitals()
    cards = list(edited.cards)
    cards[0] = short("fr", "What is the capital of France?", "Paris")
    report = store.sync_deck(replace(edited, cards=tuple(cards)))
    assert report.changed == ("fr",) and report.answer_changed == ()
    item = store.get_item(DECK_ID, "fr")
    assert item is not None and item.changed and not item.answer_changed
    assert item.memory == memory(clock.now())
    assert store.sync_deck(replace(edited, cards=tuple(cards))).changed == ()  # reported once
    assert store.get_item(DECK_ID, "fr").changed  # type: ignore[union-attr]  # still flagged
    store.record_review(answer("fr", clock.now()), memory(clock.now()), before=memory(clock.now()))
    assert not store.get_item(DECK_ID, "fr").changed  # type: ignore[union-attr]


def test_changed_answer_is_flagged_apart_and_can_be_acknowledged(store: Store, clock: FixedClock) -> None:
    _studied(store, clock, "de")
    cards = list(capitals().cards)
    cards[1] = short("de", "Capital of Germany?", "Berlin (since 1990)")
    report = store.sync_deck(make_deck(*cards))
    assert report.answer_changed == ("de",) and report.changed == ()
    assert store.get_item(DECK_ID, "de").answer_changed  # type: ignore[union-attr]
    assert store.counts(DECK_ID, clock.now(), clock.now()).changed == 1
    store.acknowledge_change(DECK_ID, ["de"])
    assert not store.get_item(DECK_ID, "de").answer_changed  # type: ignore[union-attr]


def test_edits_to_new_cards_are_not_flagged(store: Store) -> None:
    store.sync_deck(capitals())
    cards = list(capitals().cards)
    cards[2] = short("it", "Capital city of Italy?", "Roma")
    report = store.sync_deck(make_deck(*cards))
    assert report.changed == () and report.answer_changed == ()


def test_explanations_and_hints_do_not_count_as_changes(store: Store, clock: FixedClock) -> None:
    _studied(store, clock, "fr")
    cards = list(capitals().cards)
    cards[0] = replace(cards[0], hint="Think of the Eiffel Tower", explanation="Since 987.", tags=("europe",))
    assert store.sync_deck(make_deck(*cards)).quiet


def test_a_removed_card_is_hidden_and_comes_back_with_its_history(store: Store, clock: FixedClock) -> None:
    _studied(store, clock, "it")
    without = make_deck(*[c for c in capitals().cards if c.id != "it"])
    report = store.sync_deck(without)
    assert report.hidden == ("it",)
    assert "it" not in store.items(DECK_ID)
    assert store.items(DECK_ID, include_hidden=True)["it"].hidden
    assert store.due_items(DECK_ID, clock.now().replace(year=2030)) == []
    report = store.sync_deck(capitals())
    assert report.restored == ("it",)
    item = store.get_item(DECK_ID, "it")
    assert item is not None and not item.hidden and item.memory == memory(clock.now())
    assert len(store.reviews(DECK_ID, "it")) == 1


def test_previous_ids_carry_history_to_the_renamed_card_once(store: Store, clock: FixedClock) -> None:
    _studied(store, clock, "es", "es:reverse")
    cards = [c for c in capitals().cards if c.id != "es"]
    renamed = FlashCard(id="spain", question="Spain", back="Madrid", reverse=True, previous_ids=("es",))
    report = store.sync_deck(make_deck(*cards, renamed))
    assert set(report.renamed) == {("es", "spain"), ("es:reverse", "spain:reverse")}
    assert report.hidden == ()
    item = store.get_item(DECK_ID, "spain:reverse")
    assert item is not None and item.memory == memory(clock.now())
    assert len(store.reviews(DECK_ID, "spain")) == 1
    assert store.get_item(DECK_ID, "es") is None
    # An "es" card added again later starts afresh, and the rename is not repeated.
    again = store.sync_deck(make_deck(*cards, renamed, FlashCard(id="es", question="Spanish?", back="Yes")))
    assert again.renamed == () and again.added == ("es",)
    assert len(store.reviews(DECK_ID, "spain")) == 1


def test_previous_ids_never_merge_into_a_card_with_its_own_history(store: Store, clock: FixedClock) -> None:
    _studied(store, clock, "fr", "de")
    cards = [c for c in capitals().cards if c.id != "fr"]
    cards[0] = short("de", "Capital of Germany?", "Berlin", previous_ids=("fr",))
    report = store.sync_deck(make_deck(*cards))
    assert report.renamed == ()
    assert report.hidden == ("fr",)


def test_a_changed_card_type_resets_scheduling_and_keeps_reviews(store: Store, clock: FixedClock) -> None:
    _studied(store, clock, "fr")
    cards = list(capitals().cards)
    cards[0] = ChoiceCard(id="fr", question="Capital of France?", choices=(Choice("Paris", 1), Choice("Lyon")))
    report = store.sync_deck(make_deck(*cards))
    assert report.type_changed == ("fr",)
    assert any("choice" in notice for notice in report.notices)
    item = store.get_item(DECK_ID, "fr")
    assert item is not None and item.is_new and item.card_type == "choice"
    assert len(store.reviews(DECK_ID, "fr")) == 1


def test_fingerprints_are_stable_and_separate_question_from_answer() -> None:
    card = short("fr", "Capital of France?", "Paris")
    same = short("fr", "Capital of France?", "Paris")
    other_answer = replace(card, answers=(Answer("Paris, France"),))
    assert card_fingerprints(card) == card_fingerprints(same)
    assert card_fingerprints(card)["fr"].question == card_fingerprints(other_answer)["fr"].question
    assert card_fingerprints(card)["fr"].answer != card_fingerprints(other_answer)["fr"].answer
    # Pinned: a fingerprint that changed between versions would flag every card as edited.
    assert card_fingerprints(card)["fr"] == Fingerprint("bff21013d7a7935d", "d34c139353664678")


def test_cloze_gaps_are_fingerprinted_one_by_one() -> None:
    cloze = capitals().cards[4]
    prints = card_fingerprints(cloze)
    assert set(prints) == {"pt:gap1", "pt:gap2"}
    assert prints["pt:gap1"].question == prints["pt:gap2"].question
    assert prints["pt:gap1"].answer != prints["pt:gap2"].answer


def test_a_deck_file_synced_before_is_not_compared_again_until_it_changes(store: Store) -> None:
    first = replace(capitals(), digest="file-as-first-loaded")
    assert store.sync_deck(first).added
    cards = (*first.cards, short("no", "Capital of Norway?", "Oslo"))
    # the same digest means the same file: the store trusts it and does no work
    assert store.sync_deck(replace(first, cards=cards)) == SyncReport(deck_id=DECK_ID)
    assert store.get_item(DECK_ID, "no") is None
    # an edited file has a new digest: the new card is found
    assert store.sync_deck(replace(first, cards=cards, digest="file-after-edit")).added == ("no",)
    assert store.get_item(DECK_ID, "no") is not None
    # a deck without a digest (built in memory) is always compared
    assert store.sync_deck(replace(first, cards=cards[:-1], digest="")).hidden == ("no",)
