"""Comparing answer values between decks: numbers by value, dates by value, text normalised."""

from __future__ import annotations

import pytest

from quiz.generation.coverage import coverage, normalise, same
from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    DateAnswer,
    DateCard,
    Deck,
    NumericAnswer,
    NumericCard,
    PartialDate,
    ShortCard,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("$240.1 billion", "240.1"),
        ("February 2022", "February 2022"),
        ("May 16-17", "May 16-17, 2024"),
        ("the Kremlin", "Kremlin"),
        ("a joint statement", "Joint Statement"),
        ("“no limits”", "no limits"),
    ],
)
def test_same_value(a: str, b: str) -> None:
    assert same(normalise(a), normalise(b))


@pytest.mark.parametrize(
    ("a", "b"), [("240.1", "240"), ("February 2022", "March 2022"), ("Harbin", "Dalian"), ("2023", "2024")]
)
def test_different_value(a: str, b: str) -> None:
    assert not same(normalise(a), normalise(b))


def test_a_bare_year_number_equals_a_year_date() -> None:
    assert same(("num", 1949.0), ("date", DateAnswer(PartialDate(1949))))
    assert not same(("num", 1949.0), ("date", DateAnswer(PartialDate(1949, 5))))


def test_coverage_counts_reference_facts_found_in_the_generated_deck() -> None:
    reference = Deck(
        id="r",
        title="r",
        cards=(
            NumericCard(id="a", question="?", answers=(NumericAnswer(value=240.1),)),
            DateCard(id="b", question="?", answer=DateAnswer(PartialDate(1949))),
            ShortCard(id="c", question="?", answers=(Answer("Li Qiang"), Answer("Premier Li Qiang"))),
            ChoiceCard(id="d", question="?", choices=(Choice("Harbin", 1), Choice("Dalian"))),
        ),
    )
    generated = Deck(
        id="g",
        title="g",
        cards=(
            ChoiceCard(id="x", question="?", choices=(Choice("$240.1 billion", 1), Choice("$120 billion"))),
            ShortCard(id="y", question="?", answers=(Answer("premier li qiang"),)),
            ShortCard(id="z", question="?", answers=(Answer("Dalian"),)),
        ),
    )
    result = coverage(reference, generated)
    assert len(result.covered) == 2 and len(result.missing) == 2
    assert result.share == 0.5
