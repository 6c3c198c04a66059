"""Export to CSV, import again: ids, types, questions and the main answers come back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from quiz.interchange import export_deck, import_text
from quiz.model import (
    ChoiceCard,
    ClozeCard,
    DateCard,
    Deck,
    FlashCard,
    MatchCard,
    MultiCard,
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
        case ChoiceCard() | MultiCard():
            return tuple(c.text for c in card.choices), tuple(c.text for c in card.choices if c.correct)
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
