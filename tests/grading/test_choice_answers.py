"""Choice, select-all-that-apply and true/false: by letter, number, text or index."""

from __future__ import annotations

import pytest
from grading_cards import AGENDA, CITY_CHOICE, FELL, FIRST_TRIP, FREE_WRONG, NEAR_CHOICES, PARTIAL_CHOICE, YEAR_CHOICES

from quiz.grading import Rule, grade
from quiz.model import Correctness

C, P, W = Correctness.CORRECT, Correctness.PARTIAL, Correctness.WRONG

CHOICE_CASES = [
    (CITY_CHOICE, "a", C, Rule.CHOICE),
    (CITY_CHOICE, "A", C, Rule.CHOICE),
    (CITY_CHOICE, "a)", C, Rule.CHOICE),
    (CITY_CHOICE, "(a)", C, Rule.CHOICE),
    (CITY_CHOICE, "1", C, Rule.CHOICE),
    (CITY_CHOICE, "Harbin", C, Rule.CHOICE),
    (CITY_CHOICE, "harbin.", C, Rule.CHOICE),
    (CITY_CHOICE, "Harbim", C, Rule.CHOICE),
    (CITY_CHOICE, 0, C, Rule.CHOICE),
    (CITY_CHOICE, "b", W, Rule.CHOICE),
    (CITY_CHOICE, "2", W, Rule.CHOICE),
    (CITY_CHOICE, "Shanghai", W, Rule.CHOICE),
    (CITY_CHOICE, 3, W, Rule.CHOICE),
    (CITY_CHOICE, "Beijing", W, Rule.CHOICE),
    (CITY_CHOICE, "e", W, Rule.UNREADABLE),
    (CITY_CHOICE, "5", W, Rule.UNREADABLE),
    (CITY_CHOICE, 7, W, Rule.UNREADABLE),
    (CITY_CHOICE, -1, W, Rule.UNREADABLE),
    (CITY_CHOICE, "Moscow", W, Rule.UNREADABLE),
    (CITY_CHOICE, "", W, Rule.EMPTY),
    # a wrong choice one letter away from the right one is not a typo
    (NEAR_CHOICES, "Li Keqiang", W, Rule.CHOICE),
    (NEAR_CHOICES, "Li Qiang", C, Rule.CHOICE),
    (NEAR_CHOICES, "Li Kqiang", W, Rule.UNREADABLE),
    (NEAR_CHOICES, "Xi Jinpin", W, Rule.CHOICE),
    # numbers as choices are never positions
    (YEAR_CHOICES, "1949", C, Rule.CHOICE),
    (YEAR_CHOICES, "b", C, Rule.CHOICE),
    (YEAR_CHOICES, "1948", W, Rule.UNREADABLE),
    (YEAR_CHOICES, "2", W, Rule.UNREADABLE),
    (YEAR_CHOICES, 1, C, Rule.CHOICE),
    # partial weights
    (PARTIAL_CHOICE, "good", P, Rule.CHOICE),
    (PARTIAL_CHOICE, "best", C, Rule.CHOICE),
    (PARTIAL_CHOICE, "c", W, Rule.CHOICE),
]


@pytest.mark.parametrize(
    ("card", "response", "correctness", "rule"),
    CHOICE_CASES,
    ids=[f"{case[0].id}:{case[1]!r}" for case in CHOICE_CASES],
)
def test_choice_is_read_by_letter_number_text_or_index(card, response, correctness, rule) -> None:
    verdict = grade(card, response)
    assert (verdict.correctness, verdict.rule) == (correctness, rule), verdict.explanation


def test_choice_feedback_and_expected() -> None:
    verdict = grade(CITY_CHOICE, "d")
    assert verdict.feedback == "Beijing is the capital"
    assert verdict.expected == "Harbin"
    assert grade(PARTIAL_CHOICE, "good").score == pytest.approx(0.5)


def test_near_choice_typo_names_the_ambiguity() -> None:
    assert "not one of the choices" in grade(NEAR_CHOICES, "Li Kqiang").explanation


MULTI_CASES = [
    (AGENDA, "a, b, c", C, 1.0),
    (AGENDA, "a,b,c", C, 1.0),
    (AGENDA, "abc", C, 1.0),
    (AGENDA, "a b c", C, 1.0),
    (AGENDA, "c, a, b", C, 1.0),
    (AGENDA, "1, 2, 3", C, 1.0),
    (AGENDA, [0, 1, 2], C, 1.0),
    (AGENDA, ["a", "b", "c"], C, 1.0),
    (AGENDA, "a, a, b, c", C, 1.0),
    (AGENDA, "bilateral relations; cooperation across various sectors; global and regional issues", C, 1.0),
    (AGENDA, "a, b", P, 2 / 3),
    (AGENDA, "a", P, 1 / 3),
    (AGENDA, "a, b, c, d", P, 2 / 3),
    (AGENDA, "a, b, d", P, 1 / 3),
    (AGENDA, "a, d", W, 0.0),
    (AGENDA, "a, d, e", W, 0.0),
    (AGENDA, "abcde", P, 1 / 3),
    (AGENDA, "d, e", W, 0.0),
    (AGENDA, "a, b, z", P, 2 / 3),
    (AGENDA, "", W, 0.0),
    (FREE_WRONG, "a, b, c", C, 1.0),
    (FREE_WRONG, "a, c", P, 0.5),
]


@pytest.mark.parametrize(
    ("card", "response", "correctness", "score"), MULTI_CASES, ids=[f"{case[0].id}:{case[1]!r}" for case in MULTI_CASES]
)
def test_multi_gives_partial_credit_with_penalties_never_below_zero(card, response, correctness, score) -> None:
    verdict = grade(card, response)
    assert verdict.correctness == correctness, verdict.explanation
    assert verdict.score == pytest.approx(score)


def test_multi_reports_each_choice() -> None:
    verdict = grade(AGENDA, "a, d")
    assert verdict.rule is Rule.PICKS
    by_label = {part.label: part for part in verdict.parts}
    assert by_label["(a) bilateral relations"].correct
    assert not by_label["(b) cooperation across various sectors"].correct
    assert by_label["(d) a new arms treaty"].given == "picked"
    assert by_label["(d) a new arms treaty"].feedback == "Not on the agenda"
    assert verdict.feedback == "Not on the agenda"


def test_multi_explains_the_floor_at_zero() -> None:
    assert "stops at 0" in grade(AGENDA, "a, d, e").explanation


TRUE_FALSE_CASES = [
    (FELL, "false", C),
    (FELL, "False", C),
    (FELL, "f", C),
    (FELL, "F.", C),
    (FELL, "no", C),
    (FELL, "0", C),
    (FELL, False, C),
    (FELL, "true", W),
    (FELL, "t", W),
    (FELL, "yes", W),
    (FELL, True, W),
    (FIRST_TRIP, "true", C),
    (FIRST_TRIP, "T", C),
    (FIRST_TRIP, "y", C),
    (FIRST_TRIP, "1", C),
    (FIRST_TRIP, True, C),
    (FIRST_TRIP, "n", W),
    (FIRST_TRIP, "ja", C),
    (FIRST_TRIP, "oui", C),
    (FIRST_TRIP, "nein", W),
]


@pytest.mark.parametrize(
    ("card", "response", "correctness"), TRUE_FALSE_CASES, ids=[f"{c[0].id}:{c[1]!r}" for c in TRUE_FALSE_CASES]
)
def test_true_false_reads_common_spellings(card, response, correctness) -> None:
    assert grade(card, response).correctness == correctness


def test_true_false_feedback_depends_on_the_answer() -> None:
    assert grade(FELL, "false").feedback == "Indeed"
    assert grade(FELL, "true").feedback == "It rose"


@pytest.mark.parametrize("typed", ["maybe", "tru", "2"])
def test_true_false_refuses_anything_else(typed: str) -> None:
    verdict = grade(FELL, typed)
    assert verdict.rule is Rule.UNREADABLE
    assert not verdict.correct
