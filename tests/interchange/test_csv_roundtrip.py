"""Export to CSV, import again: ids, types, questions and the main answers come back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from quiz.interchange import export_deck, import_text
from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    ClozeCard,
    DateCard,
    Deck,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
    OrderCard,
    ShortCard,
    TrueFalseCard,
)

from .test_gift_roundtrip import decks


def main_answer(card: object) -> object:
    """What a CSV row keeps of a card's answer."""
    match card:
        case FlashCard():
            return card.back
        case ShortCard():
            return card.answers[0].text
        case MultiCard():
            return tuple(c.text for c in card.choices), tuple(c.text for c in card.choices if c.correct)
        case ChoiceCard():
            best = max(c.weight for c in card.choices)
            return tuple(c.text for c in card.choices), tuple(c.text for c in card.choices if c.weight == best)
        case TrueFalseCard():
            return card.answer
        case NumericCard():
            first = card.answers[0]
            return first.value, first.tolerance if first.value is not None else None, first.low, first.high, card.unit
        case DateCard():
            return card.answer
        case ClozeCard():
            return card.text, card.gaps
        case OrderCard():
            return card.items
        case MatchCard():
            return card.pairs, card.distractors
    raise AssertionError(card)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(deck=decks())
def test_generated_decks_keep_their_answers_through_csv(deck: Deck) -> None:
    text, _ = export_deck(deck, "csv")
    again = import_text(text, name="deck.csv", format="csv").deck
    assert [(c.id, c.type, c.question, c.explanation, c.tags) for c in again.cards] == [
        (c.id, c.type, c.question, c.explanation, c.tags) for c in deck.cards
    ]
    assert [main_answer(c) for c in again.cards] == [main_answer(c) for c in deck.cards]


def test_a_half_credit_choice_does_not_come_back_fully_right() -> None:
    """The answer column has no room for weights: listing a half-credit choice there would
    make it a second right answer, so only the full-credit choice is named."""
    card = ChoiceCard(
        id="capital",
        question="What is the capital of France?",
        choices=(Choice("Paris", 1.0), Choice("Lyon", 0.0), Choice("Versailles", 0.5)),
    )
    text, warnings = export_deck(Deck(id="d", title="D", cards=(card,)), "csv")
    (again,) = import_text(text, name="deck.csv", format="csv").deck.cards
    assert [(c.text, c.weight) for c in again.choices] == [("Paris", 1.0), ("Lyon", 0.0), ("Versailles", 0.0)]
    assert warnings == ["capital: CSV keeps no choice feedback or weights"]


def test_settings_without_a_column_are_warned_about() -> None:
    """A teacher exporting to a spreadsheet is told what will not come back."""
    cards = (
        ShortCard(id="s", question="Symbol?", answers=(Answer("Na"),), case_sensitive=True, previous_ids=("old",)),
        ChoiceCard(id="c", question="Q?", choices=(Choice("a", 1.0), Choice("b", 0.0)), shuffle=False),
        NumericCard(id="n", question="More than?", answers=(NumericAnswer(low=280),), bound=NumericBound.AT_LEAST),
    )
    _, warnings = export_deck(Deck(id="d", title="D", cards=cards), "csv")
    assert warnings == [
        "s: CSV keeps no previous ids, case_sensitive setting",
        "c: CSV keeps no shuffle = false",
        'n: CSV keeps no bound = "at_least"',
    ]
