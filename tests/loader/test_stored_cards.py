"""A deck read from the cache builds its cards only when they are used, and behaves as the tuple it stands for."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quiz.clock import FixedClock
from quiz.loader import cache, dump_deck, load_deck
from quiz.loader.stored_cards import StoredCards
from quiz.model import Answer, Deck, ShortCard, cards_by_id
from quiz.session import start_session
from quiz.storage import open_store


def _deck(count: int) -> Deck:
    cards = tuple(
        ShortCard(id=f"q{n}", question=f"Question number {n}?", answers=(Answer(f"a{n}"),))
        for n in range(count)
    )
    return Deck(id="many", title="Many questions", cards=cards)


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "many.toml"
    path.write_text(dump_deck(_deck(300)), encoding="utf-8")
    return path


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the cards built from the cache, in the order they were built."""
    seen: list[str] = []
    original = cache.decode_card

    def counting(blob: bytes):  # noqa: ANN202
        card = original(blob)
        seen.append(card.id)
        return card

    monkeypatch.setattr(cache, "decode_card", counting)
    return seen


def test_a_cached_deck_builds_no_card_until_one_is_used(deck_file: Path, tmp_path: Path, decoded: list[str]) -> None:
    parsed = load_deck(deck_file, cache_dir=tmp_path / "cache")
    cached = load_deck(deck_file, cache_dir=tmp_path / "cache")
    assert isinstance(cached.cards, StoredCards)
    assert decoded == []
    assert len(cached.cards) == 300
    assert cached.cards[7] == parsed.cards[7]
    assert cached.cards[-1].id == "q299"
    assert cached.card("q42") == parsed.cards[42]
    assert decoded == ["q7", "q299", "q42"]
    assert cached.cards[7] is cached.cards[7]  # built once, then kept
    assert decoded == ["q7", "q299", "q42"]


def test_stored_cards_behave_as_the_tuple_of_cards(deck_file: Path, tmp_path: Path) -> None:
    parsed = load_deck(deck_file, cache_dir=tmp_path / "cache")
    cached = load_deck(deck_file, cache_dir=tmp_path / "cache")
    assert isinstance(parsed.cards, tuple)
    assert cached == parsed and parsed == cached
    assert cached.cards == parsed.cards and parsed.cards == cached.cards
    assert tuple(cached.cards) == parsed.cards
    assert cached.cards[10:13] == parsed.cards[10:13]
    assert cached.cards[::-100] == parsed.cards[::-100]
    assert hash(cached.cards) == hash(parsed.cards)
    assert cached.cards != parsed.cards[:-1]
    with pytest.raises(IndexError):
        cached.cards[300]
    with pytest.raises(IndexError):
        cached.cards[-301]


def test_cards_by_id_looks_up_without_building_the_others(
    deck_file: Path, tmp_path: Path, decoded: list[str]
) -> None:
    load_deck(deck_file, cache_dir=tmp_path / "cache")
    cached = load_deck(deck_file, cache_dir=tmp_path / "cache")
    by_id = cards_by_id(cached.cards)
    assert "q5" in by_id and "nope" not in by_id and 5 not in by_id
    assert by_id.get("nope") is None
    with pytest.raises(KeyError):
        by_id["nope"]
    assert by_id["q250"].question == "Question number 250?"
    assert len(by_id) == 300 and list(by_id)[:2] == ["q0", "q1"]
    assert decoded == ["q250"]


def test_a_review_session_on_a_cached_deck_builds_only_the_cards_it_asks(
    deck_file: Path, tmp_path: Path, decoded: list[str], clock: FixedClock
) -> None:
    store = open_store(tmp_path / "data", clock=clock)
    try:
        first = load_deck(deck_file, cache_dir=tmp_path / "cache")
        store.sync_deck(first)
        deck = load_deck(deck_file, cache_dir=tmp_path / "cache")
        session = start_session(store, deck, mode="review", clock=clock, rng=random.Random(3))
        asked = session.progress.total
        assert asked == 20  # the day's new cards
        assert session.current is not None and session.current.card.id in decoded
        assert len(set(decoded)) <= asked
    finally:
        store.close()


def test_an_edited_cached_deck_reuses_stored_cards_with_their_new_lines(deck_file: Path, tmp_path: Path) -> None:
    load_deck(deck_file, cache_dir=tmp_path / "cache")
    text = deck_file.read_text(encoding="utf-8")
    deck_file.write_text(text.replace('question = "Question number 3?"', 'question = "Question\\nnumber 3?"'))
    edited = load_deck(deck_file, cache_dir=tmp_path / "cache")
    assert isinstance(edited.cards, StoredCards)
    assert edited == load_deck(deck_file)  # same cards, same lines as a full parse
    assert edited.cards[3].question == "Question\nnumber 3?"


def test_a_cached_deck_written_back_after_use_loads_the_same(deck_file: Path, tmp_path: Path) -> None:
    load_deck(deck_file, cache_dir=tmp_path / "cache")
    cached = load_deck(deck_file, cache_dir=tmp_path / "cache")
    cached.cards[5], cached.cards[6]  # built: their blobs are dropped and made again when written
    other = tmp_path / "cache-2"
    cache.store(other, deck_file, deck_file.read_bytes(), cached, digest=cached.digest)
    again = load_deck(deck_file, cache_dir=other)
    assert isinstance(again.cards, StoredCards)  # read from the entry just written
    assert again == load_deck(deck_file)
