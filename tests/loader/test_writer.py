"""`dump_deck` writes canonical TOML that loads back into the same deck."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from loader.loader_strategies import decks
from quiz.loader import dump_deck, load_deck, loads_deck
from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    Deck,
    FlashCard,
    MultiCard,
    NumericAnswer,
    NumericCard,
    ShortCard,
)
from quiz.paths import bundled_decks_dir

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "loader" / "every-type.toml"
BUNDLED_DECKS = bundled_decks_dir()


def _comparable(deck: Deck) -> Deck:
    """A deck without what the file adds: its path and the cards' line numbers."""
    return replace(deck, path=None, cards=tuple(replace(card, line=0) for card in deck.cards))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deck=decks())
def test_any_deck_survives_dump_and_load(deck: Deck) -> None:
    assert _comparable(loads_deck(dump_deck(deck))) == _comparable(deck)


@settings(max_examples=100, deadline=None)
@given(deck=decks())
def test_dumping_is_stable(deck: Deck) -> None:
    text = dump_deck(deck)
    assert dump_deck(loads_deck(text)) == text


def test_example_deck_round_trips() -> None:
    deck = load_deck(EXAMPLE)
    assert _comparable(loads_deck(dump_deck(deck))) == _comparable(deck)


def test_bundled_decks_round_trip() -> None:
    paths = sorted(BUNDLED_DECKS.glob("*.toml"))
    assert paths, "no bundled deck found"
    for path in paths:
        deck = load_deck(path)
        assert _comparable(loads_deck(dump_deck(deck))) == _comparable(deck)


def _deck(*cards) -> Deck:  # noqa: ANN002
    return Deck(id="d", title="T", cards=tuple(cards))


def test_layout_is_deck_first_then_one_block_per_card() -> None:
    text = dump_deck(
        _deck(
            FlashCard(id="a", question="Front", back="Back"),
            ShortCard(id="b", question="Who?", answers=(Answer("Li Qiang"),)),
        )
    )
    assert text == (
        '[deck]\nid = "d"\ntitle = "T"\nformat = 1\n'
        '\n[[cards]]\nid = "a"\ntype = "flashcard"\nfront = "Front"\nback = "Back"\n'
        '\n[[cards]]\nid = "b"\ntype = "short"\nquestion = "Who?"\nanswer = "Li Qiang"\n'
    )


def test_defaults_are_left_out() -> None:
    text = dump_deck(_deck(ShortCard(id="b", question="Q", answers=(Answer("x"),), typos=False)))
    assert "typos = false" in text
    for default in ("case_sensitive", "exact", "any_order", "hint", "tags", "language", "[deck.options]"):
        assert default not in text


def test_text_with_line_breaks_is_a_multiline_string() -> None:
    text = dump_deck(_deck(FlashCard(id="a", question="Line one\nLine two", back='He said "hi"')))
    assert 'front = """\nLine one\nLine two"""' in text
    assert 'back = "He said \\"hi\\""' in text


def test_single_choice_writes_answer_not_weights() -> None:
    card = ChoiceCard(id="c", question="Q", choices=(Choice("Harbin", 1.0), Choice("Shanghai", 0.0, "No")))
    text = dump_deck(_deck(card))
    assert 'choices = ["Harbin", { text = "Shanghai", feedback = "No" }]\nanswer = "Harbin"' in text


def test_multi_writes_weights_only_where_they_differ_from_the_default() -> None:
    card = MultiCard(
        id="m",
        question="Q",
        choices=(Choice("A", 0.5), Choice("B", 0.5), Choice("C", -0.5), Choice("D", -1.0)),
    )
    text = dump_deck(_deck(card))
    assert 'choices = ["A", "B", "C", { text = "D", weight = -1 }]\nanswer = ["A", "B"]' in text


def test_numeric_main_answer_goes_on_the_card_and_extras_in_answers() -> None:
    card = NumericCard(
        id="n",
        question="Q",
        answers=(NumericAnswer(240.1, 0.05), NumericAnswer(240, 1, weight=0.5, feedback="Close")),
        unit="billion USD",
    )
    text = dump_deck(_deck(card))
    assert 'answer = 240.1\ntolerance = 0.05\nunit = "billion USD"\n' in text
    assert 'answers = [{ value = 240, tolerance = 1, weight = 0.5, feedback = "Close" }]' in text


def test_long_lists_are_written_one_item_per_line() -> None:
    card = ChoiceCard(
        id="c", question="Q", choices=tuple(Choice(f"option number {i}", float(i == 0)) for i in range(8))
    )
    text = dump_deck(_deck(card))
    assert 'choices = [\n    "option number 0",\n' in text
    assert tomllib.loads(text)["cards"][0]["choices"][7] == "option number 7"
