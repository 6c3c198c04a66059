"""Numbers as people type them, read against the card's unit, scale and bound."""

from __future__ import annotations

import pytest
from grading_cards import AT_MOST, BIG, ENTITIES, ENTITIES_RANGE, RANGE, SHARE, TRADE, WEIGHTED, YEARS

from quiz.grading import Rule, grade
from quiz.grading.numbers import NumberError, parse_quantity
from quiz.model import Correctness

C, P, W = Correctness.CORRECT, Correctness.PARTIAL, Correctness.WRONG

CASES = [
    # 240.1 billion US dollars, written every way people write it
    (TRADE, "240.1", C, Rule.EXACT),
    (TRADE, "240,1", C, Rule.EXACT),
    (TRADE, "$240.1 billion", C, Rule.EXACT),
    (TRADE, "$240.1bn", C, Rule.EXACT),
    (TRADE, "240.1bn", C, Rule.EXACT),
    (TRADE, "240.1 bn", C, Rule.EXACT),
    (TRADE, "US$240.1B", C, Rule.EXACT),
    (TRADE, "USD 240.1 billion", C, Rule.EXACT),
    (TRADE, "240.1 billion US dollars", C, Rule.EXACT),
    (TRADE, "240.1 billion dollars", C, Rule.EXACT),
    (TRADE, "240,100 million", C, Rule.EXACT),
    (TRADE, "240 100 million", C, Rule.EXACT),
    (TRADE, "2.401e11", C, Rule.EXACT),
    (TRADE, "2.401E11", C, Rule.EXACT),
    (TRADE, "2.401 × 10^11", C, Rule.EXACT),
    (TRADE, "2.401×10¹¹", C, Rule.EXACT),
    (TRADE, "240,100,000,000", C, Rule.EXACT),
    (TRADE, "0.2401 trillion", C, Rule.EXACT),
    (TRADE, "about 240.1 billion", C, Rule.EXACT),
    (TRADE, "USD240.1bn", C, Rule.EXACT),
    (TRADE, "$ 240.1 bn", C, Rule.EXACT),
    (TRADE, "240.1billion", C, Rule.EXACT),
    (TRADE, "240.1 Mrd. USD", C, Rule.EXACT),
    (TRADE, "240.12", C, Rule.WITHIN_TOLERANCE),
    (TRADE, "240.08", C, Rule.WITHIN_TOLERANCE),
    (TRADE, "２４０．１", C, Rule.EXACT),
    # wrong scale, wrong unit, wrong figure
    (TRADE, "240.1 million", W, Rule.WRONG_SCALE),
    (TRADE, "$240.1m", W, Rule.WRONG_SCALE),
    (TRADE, "240.1 trillion", W, Rule.WRONG_SCALE),
    (TRADE, "240.1 thousand", W, Rule.WRONG_SCALE),
    (TRADE, "240.1 thousand million", C, Rule.EXACT),
    (TRADE, "240.1 billion billion", W, Rule.WRONG_SCALE),
    (TRADE, "2401", W, Rule.WRONG_SCALE),
    (TRADE, "24.01", W, Rule.WRONG_SCALE),
    (TRADE, "240.1 billion euros", W, Rule.WRONG_UNIT),
    (TRADE, "€240.1bn", W, Rule.WRONG_UNIT),
    (TRADE, "240.1 billion yuan", W, Rule.WRONG_UNIT),
    (TRADE, "240.1%", W, Rule.WRONG_UNIT),
    (TRADE, "240", W, Rule.NO_MATCH),
    (TRADE, "240.2", W, Rule.NO_MATCH),
    (TRADE, "241.1 billion", W, Rule.NO_MATCH),
    (TRADE, "190", W, Rule.NO_MATCH),
    (TRADE, "-240.1", W, Rule.NO_MATCH),
    (TRADE, "more than 240", W, Rule.NO_MATCH),
    (TRADE, "more than 240.1", W, Rule.WRONG_BOUND),
    (TRADE, "a lot", W, Rule.UNREADABLE),
    (TRADE, "240 or 250", W, Rule.UNREADABLE),
    (TRADE, "1.2.3", W, Rule.UNREADABLE),
    (TRADE, "", W, Rule.EMPTY),
    # counts with a bound: "more than 280"
    (ENTITIES, "more than 280", C, Rule.BOUND),
    (ENTITIES, "over 280", C, Rule.BOUND),
    (ENTITIES, "at least 280", C, Rule.BOUND),
    (ENTITIES, "> 280", C, Rule.BOUND),
    (ENTITIES, "280+", C, Rule.BOUND),
    (ENTITIES, "280 or more", C, Rule.BOUND),
    (ENTITIES, "over 280 entities", C, Rule.BOUND),
    (ENTITIES, "more than two hundred and eighty", C, Rule.BOUND),
    (ENTITIES, "280", C, Rule.EXACT),
    (ENTITIES, "two hundred and eighty", C, Rule.EXACT),
    (ENTITIES, "two hundred eighty", C, Rule.EXACT),
    (ENTITIES, "280 companies", C, Rule.EXACT),
    (ENTITIES, "less than 280", W, Rule.WRONG_BOUND),
    (ENTITIES, "up to 280", W, Rule.WRONG_BOUND),
    (ENTITIES, "more than 200", W, Rule.NO_MATCH),
    (ENTITIES, "300", W, Rule.NO_MATCH),
    (ENTITIES, "$280", W, Rule.WRONG_UNIT),
    (ENTITIES, "28", W, Rule.WRONG_SCALE),
    (ENTITIES_RANGE, "300", C, Rule.IN_RANGE),
    (ENTITIES_RANGE, "280", C, Rule.IN_RANGE),
    (ENTITIES_RANGE, "more than 280", C, Rule.BOUND),
    (ENTITIES_RANGE, "250", W, Rule.NO_MATCH),
    (ENTITIES_RANGE, "less than 280", W, Rule.WRONG_BOUND),
    (AT_MOST, "up to 50", C, Rule.BOUND),
    (AT_MOST, "at most fifty", C, Rule.BOUND),
    (AT_MOST, "more than 50", W, Rule.WRONG_BOUND),
    (RANGE, "15", C, Rule.IN_RANGE),
    (RANGE, "10", C, Rule.IN_RANGE),
    (RANGE, "20.0", C, Rule.IN_RANGE),
    (RANGE, "twenty", C, Rule.IN_RANGE),
    (RANGE, "21", W, Rule.NO_MATCH),
    (RANGE, "9.99", W, Rule.NO_MATCH),
    # ordinals, words, units of time
    (YEARS, "75", C, Rule.EXACT),
    (YEARS, "75th", C, Rule.EXACT),
    (YEARS, "seventy-five", C, Rule.EXACT),
    (YEARS, "seventy five", C, Rule.EXACT),
    (YEARS, "Seventy-Fifth", C, Rule.EXACT),
    (YEARS, "75 years", C, Rule.EXACT),
    (YEARS, "75 yrs", C, Rule.EXACT),
    (YEARS, "75 months", W, Rule.WRONG_UNIT),
    (YEARS, "76", W, Rule.NO_MATCH),
    (YEARS, "seventy-six", W, Rule.NO_MATCH),
    (YEARS, "7.5", W, Rule.WRONG_SCALE),
    # percentages
    (SHARE, "45%", C, Rule.EXACT),
    (SHARE, "45 %", C, Rule.EXACT),
    (SHARE, "45 percent", C, Rule.EXACT),
    (SHARE, "45 per cent", C, Rule.EXACT),
    (SHARE, "45", C, Rule.EXACT),
    (SHARE, "44,5 %", C, Rule.WITHIN_TOLERANCE),
    (SHARE, "47%", W, Rule.NO_MATCH),
    (SHARE, "0.45", W, Rule.WRONG_SCALE),
    # thousands separators and decimal commas
    (BIG, "1,000", C, Rule.EXACT),
    (BIG, "1 000", C, Rule.EXACT),
    (BIG, "1'000", C, Rule.EXACT),
    (BIG, "1000", C, Rule.EXACT),
    (BIG, "1k", C, Rule.EXACT),
    (BIG, "one thousand", C, Rule.EXACT),
    (BIG, "a thousand", C, Rule.EXACT),
    (BIG, "1.000", W, Rule.WRONG_SCALE),
    (BIG, "1,0000", W, Rule.WRONG_SCALE),
    # several weighted answers
    (WEIGHTED, "240.1", C, Rule.EXACT),
    (WEIGHTED, "240", P, Rule.EXACT),
    (WEIGHTED, "240.5", P, Rule.WITHIN_TOLERANCE),
    (WEIGHTED, "190", W, Rule.ANTICIPATED_WRONG),
]


@pytest.mark.parametrize(
    ("card", "typed", "correctness", "rule"), CASES, ids=[f"{case[0].id}:{case[1]!r}" for case in CASES]
)
def test_number_is_graded_by_the_documented_rule(card, typed, correctness, rule) -> None:
    verdict = grade(card, typed)
    assert (verdict.correctness, verdict.rule) == (correctness, rule), verdict.explanation


def test_wrong_scale_says_how_far_off() -> None:
    assert grade(TRADE, "240.1 million").explanation == "240.1 million is a thousand times too small"
    assert "ten times too large" in grade(TRADE, "2401").explanation


def test_wrong_currency_names_both_currencies() -> None:
    explanation = grade(TRADE, "240.1 billion euros").explanation
    assert "US dollars" in explanation and "euros" in explanation


def test_tolerance_is_explained() -> None:
    assert grade(TRADE, "240.12").explanation == "within 0.05 billion USD of 240.1 billion USD"


def test_a_miss_names_the_tolerance_in_the_cards_unit() -> None:
    assert grade(TRADE, "240").explanation == "240 is not within 0.05 billion USD of 240.1 billion USD"


def test_expected_answer_reads_with_unit_and_bound() -> None:
    assert grade(TRADE, "1").expected == "240.1 billion USD"
    assert grade(ENTITIES, "1").expected == "more than 280 entities"
    assert grade(RANGE, "1").expected == "between 10 and 20"


def test_weighted_answers_carry_their_feedback() -> None:
    assert grade(WEIGHTED, "240").feedback == "Close: 240.1 exactly"
    assert grade(WEIGHTED, "240").score == pytest.approx(0.5)
    assert grade(WEIGHTED, "190").feedback == "That was 2021"


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("240,1", 240.1),
        ("3,14", 3.14),
        ("0,100", 0.1),
        ("1,000", 1000),
        ("240,100", 240100),
        ("1234,567", 1234.567),
        ("1.000", 1.0),
        ("1.000.000", 1_000_000),
        ("1,000,000", 1_000_000),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1 234 567", 1_234_567),
        ("-5", -5),
        ("−5", -5),
        ("seventy-five", 75),
        ("two hundred and eighty", 280),
        ("one thousand two hundred", 1200),
        ("three point five", 3.5),
        ("twentieth", 20),
        ("first", 1),
    ],
)
def test_separator_and_word_rules(typed: str, value: float) -> None:
    assert parse_quantity(typed).value == pytest.approx(value)


@pytest.mark.parametrize("typed", ["1,00,0", "1.000,000,5", "12 34", "nothing here", "5 and 6"])
def test_numbers_that_fit_no_rule_are_refused(typed: str) -> None:
    with pytest.raises(NumberError):
        parse_quantity(typed)
