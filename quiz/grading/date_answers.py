"""Grading dates at the granularity the card asks: a year, a month, a day, or a span of them.

Rules (docs/grading.md has them as a table):
- More detail than asked is fine: a year card accepts "1 October 1949".
- A span earns the share of its days (or months, or years) the answer covers,
  over the days both cover together: "16 May" for 16-17 May earns 1/2, "15-17
  May" earns 2/3. Only the exact span earns full credit.
- Less detail than asked earns that share of the fields asked: "May 2024" for
  a day card earns 2/3 (year and month of three), "1949" for October 1949 1/2,
  "May 16" without the year for 16 May 2024 2/3 (times any span share).
- A card without a year ("--05-16") does not know the year, so a year the
  student adds is ignored.
- A numeric form with two readings that grade differently ("03/04/2024") is
  neither right nor wrong: it scores 0 with the rule AMBIGUOUS and asks the
  student to write the month as a word.
"""

from __future__ import annotations

from datetime import date

from quiz.grading.dates import DateError, format_date, parse_date
from quiz.grading.distance import char_diff
from quiz.grading.normalise import tidy
from quiz.grading.verdict import Judgement, Rule
from quiz.model import DateAnswer, PartialDate

LEAP_YEAR = 2000
"""Stands in for the year of a year-less date, so 29 February exists."""


def granularity(part: PartialDate) -> int:
    """1 for a year, 2 for a month, 3 for a day."""
    return 3 if part.day is not None else 2 if part.month is not None else 1


def grade_date(typed: str, answer: DateAnswer) -> Judgement:
    """Grade a typed date against the card's date or span."""
    expected = format_date(answer)
    if not tidy(typed):
        return Judgement(0.0, Rule.EMPTY, "no answer given", expected)
    diff = char_diff(tidy(typed), expected)
    try:
        readings = parse_date(typed)
    except DateError as error:
        return Judgement(0.0, Rule.UNREADABLE, f"could not read a date: {error}", expected, diff=diff)
    results = [_grade_reading(reading, answer) for reading in readings]
    if len({round(score, 6) for score, _, _ in results}) > 1:
        shown = " or ".join(format_date(reading) for reading in readings)
        return Judgement(
            0.0, Rule.AMBIGUOUS, f"“{tidy(typed)}” could mean {shown}: write the month as a word", expected, diff=diff
        )
    score, rule, explanation = results[0]
    return Judgement(score, rule, explanation, expected, diff=None if score >= 1 else diff)


def _grade_reading(typed: DateAnswer, answer: DateAnswer) -> tuple[float, Rule, str]:
    asked = granularity(answer.start)
    has_year = answer.start.year is not None
    fields_asked = asked if has_year else asked - 1
    start = _fit(typed.start, answer.start, asked, has_year)
    if typed.end is not None:
        end = _fit(typed.end, answer.end or answer.start, asked, has_year)
    elif _fields_given(typed.start, asked, has_year) < fields_asked:
        end = _fit(typed.start, answer.end or answer.start, asked, has_year)
    else:
        end = start
    given = _fields_given(typed.start, asked, has_year)
    if given == 0:
        return 0.0, Rule.NO_MATCH, f"a {_unit_name(asked)} is asked for: the answer is {format_date(answer)}"
    typed_span = (_ordinal(start, asked), _ordinal(end, asked))
    card_span = (_ordinal(answer.start, asked), _ordinal(answer.end or answer.start, asked))
    overlap = min(typed_span[1], card_span[1]) - max(typed_span[0], card_span[0]) + 1
    union = max(typed_span[1], card_span[1]) - min(typed_span[0], card_span[0]) + 1
    if overlap <= 0 and given < fields_asked:
        return 0.0, Rule.NO_MATCH, f"not the date asked: the answer is {format_date(answer)}"
    if overlap <= 0:
        return 0.0, Rule.NO_MATCH, _how_far(typed_span, answer, asked)
    share = overlap / union
    detail = given / fields_asked
    score = share * detail
    if score >= 1:
        return 1.0, Rule.DATE, f"right to the {_unit_name(asked)}"
    reasons = []
    if share < 1:
        span_units = card_span[1] - card_span[0] + 1
        unit = _unit_name(asked)
        reasons.append(f"covers {overlap} of the {span_units} {unit}s" if overlap < span_units else f"spans {union}"
                       f" {unit}s where the answer spans {span_units}")  # fmt: skip
    if detail < 1:
        reasons.append(_missing(typed.start, asked, has_year))
    return score, Rule.PARTIAL_DATE, " and ".join(reasons)


def _fields_given(part: PartialDate, asked: int, has_year: bool) -> int:
    fields = [part.month, part.day][: asked - 1]
    if has_year:
        fields.append(part.year)
    return sum(value is not None for value in fields)


def _missing(part: PartialDate, asked: int, has_year: bool) -> str:
    names = [name for name, value, needed in (("year", part.year, has_year), ("month", part.month, asked >= 2),
             ("day", part.day, asked >= 3)) if needed and value is None]  # fmt: skip
    return f"the {' and '.join(names)} {'is' if len(names) == 1 else 'are'} missing"


def _fit(typed: PartialDate | None, card: PartialDate, asked: int, has_year: bool) -> PartialDate:
    """The student's date cut to the granularity asked, missing fields taken from the card's."""
    typed = typed or card
    year = (typed.year if typed.year is not None else card.year) if has_year else None
    month = (typed.month if typed.month is not None else card.month) if asked >= 2 else None
    day = (typed.day if typed.day is not None else card.day) if asked >= 3 else None
    return PartialDate(year, month, day)


def _ordinal(part: PartialDate, asked: int) -> int:
    """A date as a count of days, months or years, so spans can be measured."""
    year = part.year if part.year is not None else LEAP_YEAR
    if asked == 1:
        return year
    if asked == 2:
        return year * 12 + (part.month or 1) - 1
    return date(year, part.month or 1, part.day or 1).toordinal()


def _unit_name(asked: int) -> str:
    return ("", "year", "month", "day")[asked]


def _how_far(typed_span: tuple[int, int], answer: DateAnswer, asked: int) -> str:
    card_start = _ordinal(answer.start, asked)
    card_end = _ordinal(answer.end or answer.start, asked)
    if typed_span[1] < card_start:
        gap, side = card_start - typed_span[1], "early"
    else:
        gap, side = typed_span[0] - card_end, "late"
    unit = _unit_name(asked)
    return f"{gap} {unit}{'s' if gap != 1 else ''} too {side}: the answer is {format_date(answer)}"
