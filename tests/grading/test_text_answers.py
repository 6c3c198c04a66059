"""Typed text answers: leeway that is fair, typos forgiven only where they cannot hide a wrong answer."""

from __future__ import annotations

import pytest
from grading_cards import (
    ACRONYM,
    CASED,
    CITY,
    CODE,
    EXACT,
    LEADERS,
    LONG_NAME,
    NO_TYPOS,
    PARENS,
    PLACES,
    PREMIER,
    SHORT_WORD,
    STATEMENT,
    TERM,
    YEAR_TEXT,
)

from quiz.grading import Rule, grade
from quiz.model import Answer, Correctness, ShortCard

C, P, W = Correctness.CORRECT, Correctness.PARTIAL, Correctness.WRONG

CASES = [
    # the answer, and the leeway everyone gets
    (PREMIER, "Li Qiang", C, Rule.EXACT, 1.0),
    (PREMIER, "li qiang", C, Rule.EXACT, 1.0),
    (PREMIER, "LI QIANG", C, Rule.EXACT, 1.0),
    (PREMIER, "  Li    Qiang  ", C, Rule.EXACT, 1.0),
    (PREMIER, "Li Qiang.", C, Rule.NORMALISED, 1.0),
    (PREMIER, "“Li Qiang”", C, Rule.NORMALISED, 1.0),
    (PREMIER, "'Li Qiang'!", C, Rule.NORMALISED, 1.0),
    (PREMIER, "Li\u00a0Qiang", C, Rule.EXACT, 1.0),
    (PREMIER, "Ｌｉ Ｑｉａｎｇ", C, Rule.EXACT, 1.0),
    (PREMIER, "Li Qi\u200bang", C, Rule.EXACT, 1.0),
    (PREMIER, "Li\u200bQiang", C, Rule.TYPO_FORGIVEN, 1.0),
    (PREMIER, "Li-Qiang", C, Rule.NORMALISED, 1.0),
    (PREMIER, "Premier Li Qiang", C, Rule.ALTERNATIVE, 1.0),
    (PREMIER, "premier li qiang", C, Rule.ALTERNATIVE, 1.0),
    # weighted and foreseen wrong alternatives
    (PREMIER, "Li", P, Rule.ALTERNATIVE, 0.5),
    (PREMIER, "Li Keqiang", W, Rule.ANTICIPATED_WRONG, 0.0),
    (PREMIER, "li keqiang", W, Rule.ANTICIPATED_WRONG, 0.0),
    # typos: forgiven in long words, never when as close to another listed answer
    (PREMIER, "Li Quiang", C, Rule.TYPO_FORGIVEN, 1.0),
    (PREMIER, "Li Qaing", C, Rule.TYPO_FORGIVEN, 1.0),
    (PREMIER, "Li Qiangg", C, Rule.TYPO_FORGIVEN, 1.0),
    (PREMIER, "Li Kqiang", W, Rule.NEAR_MISS, 0.0),
    (PREMIER, "Li Keqiangg", W, Rule.ANTICIPATED_WRONG, 0.0),
    (PREMIER, "Lee Chiang", W, Rule.NO_MATCH, 0.0),
    (PREMIER, "Xi Jinping", W, Rule.NO_MATCH, 0.0),
    (PREMIER, "", W, Rule.EMPTY, 0.0),
    (PREMIER, "   ", W, Rule.EMPTY, 0.0),
    (PREMIER, "...", W, Rule.EMPTY, 0.0),
    (CITY, "Harbin", C, Rule.EXACT, 1.0),
    (CITY, "Harbim", C, Rule.TYPO_FORGIVEN, 1.0),
    (CITY, "harbni", C, Rule.TYPO_FORGIVEN, 1.0),
    (CITY, "Hrbn", W, Rule.NEAR_MISS, 0.0),
    (CITY, "Peking", W, Rule.ANTICIPATED_WRONG, 0.0),
    (CITY, "Pekin", W, Rule.ANTICIPATED_WRONG, 0.0),
    (SHORT_WORD, "Amur", C, Rule.EXACT, 1.0),
    (SHORT_WORD, "Amor", W, Rule.NEAR_MISS, 0.0),
    (SHORT_WORD, "Amurr", W, Rule.NEAR_MISS, 0.0),
    (LONG_NAME, "trade and investmnet exposition", C, Rule.TYPO_FORGIVEN, 1.0),
    (LONG_NAME, "trade and invstmnt exposition", C, Rule.TYPO_FORGIVEN, 1.0),
    (LONG_NAME, "trade and investment expo", W, Rule.NO_MATCH, 0.0),
    (LONG_NAME, "Trade & Investment Exposition", C, Rule.NORMALISED, 1.0),
    # numbers, dates and codes are never typos
    (CODE, "G20", C, Rule.EXACT, 1.0),
    (CODE, "g20", C, Rule.EXACT, 1.0),
    (CODE, "G2O", W, Rule.NEAR_MISS, 0.0),
    (CODE, "G21", W, Rule.NEAR_MISS, 0.0),
    (ACRONYM, "BRICS", C, Rule.EXACT, 1.0),
    (ACRONYM, "BRICK", W, Rule.NEAR_MISS, 0.0),
    (YEAR_TEXT, "1949", C, Rule.EXACT, 1.0),
    (YEAR_TEXT, "1948", W, Rule.NEAR_MISS, 0.0),
    (YEAR_TEXT, "1994", W, Rule.NEAR_MISS, 0.0),
    # optional articles and parenthesised parts
    (STATEMENT, "a joint statement", C, Rule.EXACT, 1.0),
    (STATEMENT, "joint statement", C, Rule.NORMALISED, 1.0),
    (STATEMENT, "the joint statement", C, Rule.NORMALISED, 1.0),
    (STATEMENT, "A Joint Statement.", C, Rule.NORMALISED, 1.0),
    (STATEMENT, "joint statment", C, Rule.TYPO_FORGIVEN, 1.0),
    (STATEMENT, "statement", W, Rule.NO_MATCH, 0.0),
    (PARENS, "Premier Li Qiang", C, Rule.NORMALISED, 1.0),
    (PARENS, "Chinese Premier Li Qiang", C, Rule.NORMALISED, 1.0),
    (PARENS, "(Chinese) Premier Li Qiang", C, Rule.EXACT, 1.0),
    (PARENS, "Li Qiang", W, Rule.NO_MATCH, 0.0),
    # switches: exact, case-sensitive, no typos
    (EXACT, "Xi Jinping", C, Rule.EXACT, 1.0),
    (EXACT, "xi jinping", C, Rule.EXACT, 1.0),
    (EXACT, "Xi Jinping.", W, Rule.NEAR_MISS, 0.0),
    (EXACT, "Xi Jinpin", W, Rule.NO_MATCH, 0.0),
    (CASED, "Co", C, Rule.EXACT, 1.0),
    (CASED, "CO", W, Rule.NEAR_MISS, 0.0),
    (CASED, "co", W, Rule.NEAR_MISS, 0.0),
    (NO_TYPOS, "vladimir putin", C, Rule.EXACT, 1.0),
    (NO_TYPOS, "Vladimir Puttin", W, Rule.NEAR_MISS, 0.0),
    # parts in any order
    (LEADERS, "Xi Jinping and Li Qiang", C, Rule.EXACT, 1.0),
    (LEADERS, "Li Qiang, Xi Jinping", C, Rule.ANY_ORDER, 1.0),
    (LEADERS, "Li Qiang and Xi Jinping", C, Rule.ANY_ORDER, 1.0),
    (LEADERS, "li qiang & xi jinping", C, Rule.ANY_ORDER, 1.0),
    (LEADERS, "Li Quiang; Xi Jinping", C, Rule.ANY_ORDER, 1.0),
    (LEADERS, "Xi Jinping", P, Rule.ANY_ORDER, 0.5),
    (LEADERS, "Xi Jinping, Vladimir Putin", W, Rule.ANY_ORDER, 0.0),
    (LEADERS, "Vladimir Putin", W, Rule.NO_MATCH, 0.0),
    (PLACES, "Hong Kong and China", C, Rule.ANY_ORDER, 1.0),
    (PLACES, "China, Hong Kong", C, Rule.ANY_ORDER, 1.0),
    (PLACES, "Hong Kong", P, Rule.ANY_ORDER, 0.5),
    (PLACES, "Taiwan and Hong Kong", W, Rule.ANY_ORDER, 0.0),
    # alternatives that are numbers
    (TERM, "fourth", C, Rule.EXACT, 1.0),
    (TERM, "4th", C, Rule.ALTERNATIVE, 1.0),
    (TERM, "4", C, Rule.ALTERNATIVE, 1.0),
    (TERM, "the fourth term", C, Rule.ALTERNATIVE, 1.0),
    (TERM, "his fourth term", W, Rule.NO_MATCH, 0.0),
    (TERM, "fifth", W, Rule.NO_MATCH, 0.0),
    (TERM, "5th", W, Rule.NEAR_MISS, 0.0),
    (TERM, "Fourth.", C, Rule.NORMALISED, 1.0),
    (TERM, "four", C, Rule.NORMALISED, 1.0),
    (TERM, "4.0", C, Rule.NORMALISED, 1.0),
    (TERM, "more than 4", W, Rule.NO_MATCH, 0.0),
    (YEAR_TEXT, "1,949", C, Rule.NORMALISED, 1.0),
    (CODE, "20", W, Rule.NEAR_MISS, 0.0),
]


@pytest.mark.parametrize(
    ("card", "typed", "correctness", "rule", "score"), CASES, ids=[f"{case[0].id}:{case[1]!r}" for case in CASES]
)
def test_text_answer_is_graded_by_the_documented_rule(card, typed, correctness, rule, score) -> None:
    verdict = grade(card, typed)
    assert (verdict.correctness, verdict.rule) == (correctness, rule), verdict.explanation
    assert verdict.score == pytest.approx(score)


ACRONYM_DOTS = ShortCard(id="dots", question="Which country?", answers=(Answer("U.S."),))
POSSESSIVE = ShortCard(id="possessive", question="Whose visit?", answers=(Answer("Putin’s visit"),))
HYPHEN = ShortCard(id="hyphen", question="Which firms?", answers=(Answer("Hong Kong-based firms"),))


@pytest.mark.parametrize(
    ("card", "typed", "rule"),
    [
        (ACRONYM_DOTS, "US", Rule.NORMALISED),
        (ACRONYM_DOTS, "u.s.", Rule.EXACT),
        (POSSESSIVE, "Putin's visit", Rule.EXACT),
        (POSSESSIVE, "Putins visit", Rule.NORMALISED),
        (POSSESSIVE, "Putin`s visit", Rule.EXACT),
        (HYPHEN, "Hong Kong based firms", Rule.NORMALISED),
        (HYPHEN, "hong kong–based firms", Rule.EXACT),
    ],
)
def test_punctuation_inside_answers_is_leeway(card, typed, rule) -> None:
    verdict = grade(card, typed)
    assert (verdict.correctness, verdict.rule) == (C, rule), verdict.explanation


def test_foreseen_wrong_answer_shows_its_feedback() -> None:
    verdict = grade(PREMIER, "Li Keqiang")
    assert verdict.feedback == "He was premier until 2023"
    assert verdict.expected == "Li Qiang"


def test_partial_alternative_shows_its_feedback_and_worth() -> None:
    verdict = grade(PREMIER, "Li")
    assert verdict.feedback == "Full name, please"
    assert "50%" in verdict.explanation


def test_near_miss_says_which_answer_it_was_close_to_and_why() -> None:
    verdict = grade(PREMIER, "Li Kqiang")
    assert "Li Keqiang" in verdict.explanation
    assert "Li Qiang" in verdict.explanation


def test_code_near_miss_explains_that_codes_must_be_exact() -> None:
    assert "exact" in grade(CODE, "G21").explanation


def test_any_order_lists_each_part() -> None:
    verdict = grade(LEADERS, "Xi Jinping, Vladimir Putin")
    given = {part.expected: part.given for part in verdict.parts}
    assert given["Xi Jinping"] == "Xi Jinping"
    assert given["Li Qiang"] == ""
    assert any(part.label == "extra" and part.given == "Vladimir Putin" for part in verdict.parts)


def test_case_sensitive_near_miss_says_capitals_count() -> None:
    assert "capitals" in grade(CASED, "CO").explanation


def test_a_number_written_another_way_says_so() -> None:
    assert grade(TERM, "four").explanation == "the same number, written another way"
