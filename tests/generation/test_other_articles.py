"""Articles of other kinds: a sports match report (Markdown) and a history of science text (HTML)."""

from __future__ import annotations

from conftest import ARTICLES, generate_file

from quiz.generation import defects
from quiz.loader import dump_deck, loads_deck
from quiz.model import CardType, ChoiceCard, DateAnswer, DateCard, NumericCard, PartialDate, ShortCard


def test_match_report() -> None:
    result = generate_file(ARTICLES / "harbour-derby-match-report.md")
    cards = result.deck.cards
    assert len(defects(cards)) < 0.1 * len(cards)
    loads_deck(dump_deck(result.deck))
    short = {c.question: c.answers[0].text for c in cards if isinstance(c, ShortCard)}
    assert any(answer == "3-2" for answer in short.values())
    assert short["According to the article, who is the Rovers head coach?"] == "Maria Lindqvist"
    quotes = [q for q in short if q.startswith("According to the article, who said:")]
    assert {short[q] for q in quotes} == {"Maria Lindqvist", "Colin Barrow"}
    assert DateAnswer(PartialDate(2025, 4, 19)) in {c.answer for c in cards if isinstance(c, DateCard)}
    amounts = [c for c in cards if isinstance(c, NumericCard) and c.unit == "million GBP"]
    assert amounts and amounts[0].answers[0].value == 2.5 and amounts[0].answers[0].tolerance == 0.05
    assert any(c.type is CardType.MATCH for c in cards)


def test_history_of_science() -> None:
    result = generate_file(ARTICLES / "penicillin-history.html")
    cards = result.deck.cards
    assert len(defects(cards)) < 0.1 * len(cards)
    loads_deck(dump_deck(result.deck))
    assert result.deck.title == "From mould to medicine: the story of penicillin"
    dates = {c.answer for c in cards if isinstance(c, DateCard)} | {
        ch.text for c in cards if isinstance(c, ChoiceCard) for ch in c.choices if ch.correct
    }
    assert DateAnswer(PartialDate(1928, 9)) in dates
    assert DateAnswer(PartialDate(1945)) in dates
    doses = next(c for c in cards if isinstance(c, NumericCard) and c.unit == "million doses")
    assert doses.answers[0].value == 2.3 and doses.answers[0].tolerance > 0.05  # "about" widens the tolerance
    timeline = next(c for c in cards if c.type is CardType.ORDER)
    assert len(timeline.items) >= 3  # type: ignore[attr-defined]
    short = {c.question: c.answers[0].text for c in cards if isinstance(c, ShortCard)}
    assert short["According to the article, who is the Scottish bacteriologist?"] == "Alexander Fleming"
    assert not any("console.log" in c.source or "Copyright" in c.source for c in cards)
