"""Reloading an edited deck through the cache gives exactly what a full load gives."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loader.loader_strategies import cards, decks
from quiz.errors import DeckError
from quiz.loader import dump_deck, load_deck
from quiz.model import Deck


@st.composite
def edits(draw: st.DrawFn) -> tuple[Deck, Deck]:
    """A deck and an edited version of it: a card changed, removed, added, or two swapped."""
    deck = draw(decks())
    cards_now = list(deck.cards)
    kind = draw(st.sampled_from(["change", "remove", "add", "swap", "duplicate-id"]))
    index = draw(st.integers(0, len(cards_now) - 1))
    if kind == "change":
        cards_now[index] = draw(cards(cards_now[index].id))
    elif kind == "remove" and len(cards_now) > 1:
        del cards_now[index]
    elif kind == "add":
        cards_now.insert(index, draw(cards("zz-new-card")))
    elif kind == "swap":
        other = draw(st.integers(0, len(cards_now) - 1))
        cards_now[index], cards_now[other] = cards_now[other], cards_now[index]
    elif kind == "duplicate-id":
        cards_now.append(replace(cards_now[index], line=0))
    return deck, replace(deck, cards=tuple(cards_now))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pair=edits())
def test_cached_reload_equals_full_load(pair: tuple[Deck, Deck]) -> None:
    before, after = pair
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / "deck.toml"
        cache_dir = folder / "cache"
        path.write_text(dump_deck(before), encoding="utf-8")
        load_deck(path, cache_dir=cache_dir)
        path.write_text(dump_deck(after), encoding="utf-8")
        try:
            expected = load_deck(path)
        except DeckError as error:
            try:
                load_deck(path, cache_dir=cache_dir)
            except DeckError as cached_error:
                assert str(cached_error) == str(error)
            else:
                raise AssertionError("the cache accepted a deck a full load refuses") from None
            return
        assert load_deck(path, cache_dir=cache_dir) == expected
        assert load_deck(path, cache_dir=cache_dir) == expected  # and the new entry is right
    finally:
        shutil.rmtree(folder)
