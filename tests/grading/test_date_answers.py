"""Dates at the granularity the card asks, spans with partial credit, and no silent guessing."""

from __future__ import annotations

import pytest
from grading_cards import BIRTHDAY, DAY, NO_LIMITS, RECOGNITION, VISIT_DAYS, VISIT_DAYS_2024

from quiz.grading import Rule, grade
from quiz.grading.dates import DateError, format_date, parse_date
from quiz.model import Correctness, DateAnswer, PartialDate

C, P, W = Correctness.CORRECT, Correctness.PARTIAL, Correctness.WRONG

CASES = [
    # a span without a year: May 16-17
    (VISIT_DAYS, "May 16-17", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "May 16–17", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "16–17 May", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "16-17 May", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "16 and 17 May", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "May 16 and 17", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "May 16 to 17", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "from May 16 to May 17", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "between the 16th and the 17th of May", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "May 16th-17th", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "16-17 May 2024", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "2024-05-16/17", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "2024-05-16/2024-05-17", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "--05-16/--05-17", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "16/05 - 17/05", W, Rule.UNREADABLE, 0.0),
    (VISIT_DAYS, "Thursday and Friday, May 16 and 17", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "16.-17. Mai", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "16 et 17 mai", W, Rule.UNREADABLE, 0.0),
    (VISIT_DAYS, "May 16-17 (a state visit)", C, Rule.DATE, 1.0),
    (VISIT_DAYS, "May 16", P, Rule.PARTIAL_DATE, 0.5),
    (VISIT_DAYS, "17 May", P, Rule.PARTIAL_DATE, 0.5),
    (VISIT_DAYS, "May 15-17", P, Rule.PARTIAL_DATE, 2 / 3),
    (VISIT_DAYS, "May", P, Rule.PARTIAL_DATE, 0.5),
    (VISIT_DAYS, "May 18", W, Rule.NO_MATCH, 0.0),
    (VISIT_DAYS, "May 14-15", W, Rule.NO_MATCH, 0.0),
    (VISIT_DAYS, "June 16-17", W, Rule.NO_MATCH, 0.0),
    (VISIT_DAYS, "June", W, Rule.NO_MATCH, 0.0),
    (VISIT_DAYS, "16", W, Rule.UNREADABLE, 0.0),
    (VISIT_DAYS, "yesterday", W, Rule.UNREADABLE, 0.0),
    (VISIT_DAYS, "", W, Rule.EMPTY, 0.0),
    # the same span with its year
    (VISIT_DAYS_2024, "16-17 May 2024", C, Rule.DATE, 1.0),
    (VISIT_DAYS_2024, "May 16-17, 2024", C, Rule.DATE, 1.0),
    (VISIT_DAYS_2024, "May 16-17", P, Rule.PARTIAL_DATE, 2 / 3),
    (VISIT_DAYS_2024, "May 16, 2024", P, Rule.PARTIAL_DATE, 0.5),
    (VISIT_DAYS_2024, "May 2024", P, Rule.PARTIAL_DATE, 2 / 3),
    (VISIT_DAYS_2024, "16-17 May 2023", W, Rule.NO_MATCH, 0.0),
    # a month
    (NO_LIMITS, "February 2022", C, Rule.DATE, 1.0),
    (NO_LIMITS, "Feb. 2022", C, Rule.DATE, 1.0),
    (NO_LIMITS, "Feb 2022", C, Rule.DATE, 1.0),
    (NO_LIMITS, "february, 2022", C, Rule.DATE, 1.0),
    (NO_LIMITS, "2022-02", C, Rule.DATE, 1.0),
    (NO_LIMITS, "Sept 2022", W, Rule.NO_MATCH, 0.0),
    (NO_LIMITS, "Februar 2022", C, Rule.DATE, 1.0),
    (NO_LIMITS, "février 2022", C, Rule.DATE, 1.0),
    (NO_LIMITS, "febrero de 2022", C, Rule.DATE, 1.0),
    (NO_LIMITS, "4 February 2022", C, Rule.DATE, 1.0),
    (NO_LIMITS, "2022", P, Rule.PARTIAL_DATE, 0.5),
    (NO_LIMITS, "February", P, Rule.PARTIAL_DATE, 0.5),
    (NO_LIMITS, "March 2022", W, Rule.NO_MATCH, 0.0),
    (NO_LIMITS, "February 2021", W, Rule.NO_MATCH, 0.0),
    (NO_LIMITS, "Febuary 2022", W, Rule.UNREADABLE, 0.0),
    # a year
    (RECOGNITION, "1949", C, Rule.DATE, 1.0),
    (RECOGNITION, "in 1949", C, Rule.DATE, 1.0),
    (RECOGNITION, "October 1949", C, Rule.DATE, 1.0),
    (RECOGNITION, "1 October 1949", C, Rule.DATE, 1.0),
    (RECOGNITION, "1948", W, Rule.NO_MATCH, 0.0),
    (RECOGNITION, "1950", W, Rule.NO_MATCH, 0.0),
    (RECOGNITION, "1948-1949", P, Rule.PARTIAL_DATE, 0.5),
    (RECOGNITION, "October", W, Rule.NO_MATCH, 0.0),
    # a day, and numeric forms
    (DAY, "3 April 2024", C, Rule.DATE, 1.0),
    (DAY, "April 3rd, 2024", C, Rule.DATE, 1.0),
    (DAY, "the 3rd of April 2024", C, Rule.DATE, 1.0),
    (DAY, "2024-04-03", C, Rule.DATE, 1.0),
    (DAY, "2024/04/03", C, Rule.DATE, 1.0),
    (DAY, "3.4.2024", C, Rule.DATE, 1.0),
    (DAY, "03.04.2024", C, Rule.DATE, 1.0),
    (DAY, "03/04/2024", W, Rule.AMBIGUOUS, 0.0),
    (DAY, "04/03/2024", W, Rule.AMBIGUOUS, 0.0),
    (DAY, "13/04/2024", W, Rule.NO_MATCH, 0.0),
    (DAY, "04/13/2024", W, Rule.NO_MATCH, 0.0),
    (DAY, "03/04/24", W, Rule.UNREADABLE, 0.0),
    (DAY, "4 April 2024", W, Rule.NO_MATCH, 0.0),
    (DAY, "31 April 2024", W, Rule.UNREADABLE, 0.0),
    (DAY, "April 2024", P, Rule.PARTIAL_DATE, 2 / 3),
    # a day without a year: the student's year is ignored
    (BIRTHDAY, "7 October", C, Rule.DATE, 1.0),
    (BIRTHDAY, "October 7, 1952", C, Rule.DATE, 1.0),
    (BIRTHDAY, "October 7, 2001", C, Rule.DATE, 1.0),
    (BIRTHDAY, "10/07", W, Rule.AMBIGUOUS, 0.0),
    (BIRTHDAY, "07.10.", C, Rule.DATE, 1.0),
    (BIRTHDAY, "October", P, Rule.PARTIAL_DATE, 0.5),
    (BIRTHDAY, "8 October", W, Rule.NO_MATCH, 0.0),
]


@pytest.mark.parametrize(
    ("card", "typed", "correctness", "rule", "score"), CASES, ids=[f"{case[0].id}:{case[1]!r}" for case in CASES]
)
def test_date_is_graded_at_the_granularity_asked(card, typed, correctness, rule, score) -> None:
    verdict = grade(card, typed)
    assert (verdict.correctness, verdict.rule) == (correctness, rule), verdict.explanation
    assert verdict.score == pytest.approx(score)


def test_ambiguous_numeric_date_names_both_readings() -> None:
    explanation = grade(DAY, "03/04/2024").explanation
    assert "3 April 2024" in explanation and "4 March 2024" in explanation
    assert "month as a word" in explanation


def test_numeric_date_whose_readings_agree_is_accepted() -> None:
    card = DAY.__class__(id="same", question="?", answer=DateAnswer(PartialDate(2024, 3, 3)))
    assert grade(card, "03/03/2024").correct


def test_a_wrong_year_says_how_far_off() -> None:
    assert grade(RECOGNITION, "1948").explanation == "1 year too early: the answer is 1949"


def test_partial_span_says_which_share() -> None:
    assert "1 of the 2 days" in grade(VISIT_DAYS, "May 16").explanation


@pytest.mark.parametrize(
    ("answer", "shown"),
    [
        (DateAnswer(PartialDate(None, 5, 16), PartialDate(None, 5, 17)), "16–17 May"),
        (DateAnswer(PartialDate(2024, 5, 30), PartialDate(2024, 6, 1)), "30 May – 1 June 2024"),
        (DateAnswer(PartialDate(2022, 2)), "February 2022"),
        (DateAnswer(PartialDate(1949)), "1949"),
    ],
)
def test_dates_display_as_people_write_them(answer: DateAnswer, shown: str) -> None:
    assert format_date(answer) == shown


@pytest.mark.parametrize("typed", ["30 February", "month 13", "16, 17 and 18 May", "May May", "12345"])
def test_impossible_dates_are_refused(typed: str) -> None:
    with pytest.raises(DateError):
        parse_date(typed)
