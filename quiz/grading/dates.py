"""Reading dates the way people write them: "May 16-17", "16–17 May", "the 16th of May", "Feb. 2022", "03/04/2024".

`parse_date` returns every reading a typed date allows. Only numeric forms
with slashes can have two ("03/04/2024" is 3 April in most of the world and
March 4 in the US); the grader never picks one silently (see `date_answers`).
Dotted numeric dates ("16.05.2024") are always day-month-year, and year-first
forms ("2024/05/16", ISO) are always year-month-day.
"""

from __future__ import annotations

import calendar
import re

from quiz.grading.normalise import tidy
from quiz.model import DateAnswer, PartialDate

MAX_DATE_TEXT = 100

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
for _number, _names in enumerate(
    (
        ("januar", "janvier", "enero", "jänner"),
        ("februar", "février", "fevrier", "febrero"),
        ("märz", "maerz", "mars", "marzo"),
        ("avril", "abril"),
        ("mai", "mayo"),
        ("juni", "juin", "junio"),
        ("juli", "juillet", "julio"),
        ("août", "aout", "agosto"),
        ("septembre", "septiembre", "setiembre"),
        ("oktober", "octobre", "octubre"),
        ("novembre", "noviembre"),
        ("dezember", "décembre", "decembre", "diciembre"),
    ),
    start=1,
):
    MONTHS.update(dict.fromkeys(_names, _number))
"""Month names in German, French and Spanish too: students answer in the language they think in."""
WEEKDAYS = frozenset(
    "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun".split()
)
"""A weekday next to a date adds nothing to grade; it is ignored."""
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")  # fmt: skip
FILLER = frozenset({"the", "of", "on", "in", "from", "between", "ad", "ce", "year", "month", "day", "days", "it",
                    "was", "is", "de", "del", "le", "du", "am", "den", "der", "im"})  # fmt: skip

_ISO = re.compile(r"^(?:(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?|--(?P<nm>\d{1,2})-(?P<nd>\d{1,2}))$")
_ISO_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_SLASHED = re.compile(r"^(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2,4}))?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[./](\d{1,2})[./](\d{1,2})$")
_LOOSE_ENDS = re.compile(r"^(?:(?:and|to|&|,)\s*|-\s+)+|(?:\s*(?:and|to|&|,)|\s+-)+$")
"""Connectors left dangling once weekdays are gone ("Thursday and Friday, May 16 and 17")."""
_REMARK = re.compile(r"\([^()]*\)")
"""A remark in parentheses, "(the founding)", is not part of the date."""
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_WORD_CONNECTOR = re.compile(r"\s+(?:to|through|thru|until|till|and|-)\s+|\s*&\s*")


class DateError(ValueError):
    """A typed answer that cannot be read as a date; the message says why."""


def parse_date(text: str) -> tuple[DateAnswer, ...]:
    """Every reading of a typed date or span (usually one).

    Raises:
        DateError: Not a date, or an impossible one (30 February).
    """
    if len(text) > MAX_DATE_TEXT:
        raise DateError("too long to be a date")
    text = _REMARK.sub(" ", tidy(text).casefold()).strip(" .,;:!?\"'")
    text = " ".join(word for word in text.split() if word.strip(".,") not in FILLER | WEEKDAYS)
    text = _LOOSE_ENDS.sub("", text)
    if not text:
        raise DateError("no date given")
    if match := _YEAR_FIRST.match(text):
        return (_checked(DateAnswer(PartialDate(*map(int, match.groups())))),)
    if "/" in text and (text[:4].isdigit() or text.startswith("--")):
        return (_iso_span(text),)
    if match := _SLASHED.match(text):
        return _numeric(match)
    if _ISO.match(text):
        return (_checked(DateAnswer(_iso_part(text))),)
    return (_words(text),)


def _iso_part(text: str) -> PartialDate:
    match = _ISO.match(text)
    if not match:
        raise DateError(f"“{text}” is not a date")
    if match.group("nm"):
        return PartialDate(None, int(match.group("nm")), int(match.group("nd")))
    month, day = match.group("m"), match.group("d")
    return PartialDate(int(match.group("y")), int(month) if month else None, int(day) if day else None)


def _iso_span(text: str) -> DateAnswer:
    """ "2024-05-16/2024-05-17", "2024-05-16/17", "2024-05-16/05-17", "--05-16/--05-17"."""
    left, _, right = text.partition("/")
    start = _iso_part(left.strip())
    right = right.strip()
    if _ISO.match(right):
        end = _iso_part(right)
        if end.year is None and start.year is not None and end.day is not None:
            end = PartialDate(start.year, end.month, end.day)
    elif match := _ISO_MONTH_DAY.match(right):
        end = PartialDate(start.year, int(match.group(1)), int(match.group(2)))
    elif right.isdigit() and len(right) <= 2 and start.day is not None:
        end = PartialDate(start.year, start.month, int(right))
    elif right.isdigit() and len(right) <= 2 and start.month is not None:
        end = PartialDate(start.year, int(right))
    else:
        raise DateError(f"“{right}” does not end the span")
    return _checked(DateAnswer(start, end))


def _numeric(match: re.Match[str]) -> tuple[DateAnswer, ...]:
    """ "16/05/2024", "05/16", "03/04/2024": day-month, month-day, or both when both fit."""
    first, separator, second, year_text = match.group(1), match.group(2), match.group(3), match.group(4)
    if year_text is not None and len(year_text) != 4:
        raise DateError("write the year with four digits")
    year = int(year_text) if year_text else None
    a, b = int(first), int(second)
    readings: list[DateAnswer] = []
    orders = [(a, b)] if separator == "." else [(a, b), (b, a)]
    for day, month in orders:
        try:
            reading = _checked(DateAnswer(PartialDate(year, month, day)))
        except DateError:
            continue
        if reading not in readings:
            readings.append(reading)
    if not readings:
        raise DateError(f"“{match.group()}” is not a date")
    return tuple(readings)


def _words(text: str) -> DateAnswer:
    """ "May 16-17", "16 and 17 May", "the 16th of May", "February 2022", "May 30 to June 1"."""
    text = _ORDINAL.sub("", text).replace(",", " ")
    sides = _WORD_CONNECTOR.split(text) if _WORD_CONNECTOR.search(text) else text.split("-")
    sides = [side.strip() for side in sides if side.strip()]
    if not sides or len(sides) > 2:
        raise DateError("give one date or one span")
    parts = [_side(side) for side in sides]
    if len(parts) == 1:
        year, month, day = parts[0]
        if month is None and day is not None:
            raise DateError("which month?")
        return _checked(DateAnswer(PartialDate(year, month, day)))
    (y1, m1, d1), (y2, m2, d2) = parts
    y1, y2 = y1 if y1 is not None else y2, y2 if y2 is not None else y1
    m1, m2 = m1 if m1 is not None else m2, m2 if m2 is not None else m1
    if (m1 is None and (d1 is not None or d2 is not None)) or (d1 is None) != (d2 is None):
        raise DateError("give one date or one span")
    if (m1 is None) != (m2 is None):
        raise DateError("give one date or one span")
    return _checked(DateAnswer(PartialDate(y1, m1, d1), PartialDate(y2, m2, d2)))


def _side(text: str) -> tuple[int | None, int | None, int | None]:
    """One end of a span as (year, month, day); any part may be missing."""
    if _ISO.match(text):
        part = _iso_part(text)
        return part.year, part.month, part.day
    year = month = day = None
    for token in text.split():
        token = token.strip(".")
        if token in MONTHS and month is None:
            month = MONTHS[token]
        elif token.isdigit() and len(token) == 4 and year is None:
            year = int(token)
        elif token.isdigit() and len(token) <= 2 and day is None:
            day = int(token)
        elif token:
            raise DateError(f"“{token}” is not part of a date")
    if year is None and month is None and day is None:
        raise DateError("no date given")
    return year, month, day


def _checked(answer: DateAnswer) -> DateAnswer:
    for part in (answer.start, answer.end):
        if part is None:
            continue
        if part.month is not None and not 1 <= part.month <= 12:
            raise DateError(f"there is no month {part.month}")
        if part.day is not None:
            if part.month is None:
                raise DateError("which month?")
            if not 1 <= part.day <= calendar.monthrange(part.year or 2000, part.month)[1]:
                raise DateError(f"{MONTH_NAMES[part.month]} has no day {part.day}")
    if answer.end is not None and answer.end == answer.start:
        return DateAnswer(answer.start)
    return answer


def format_date(answer: DateAnswer) -> str:
    """A date or span for display: "16–17 May", "February 2022", "1949", "30 May – 1 June 2024"."""
    start, end = answer.start, answer.end
    if end is None:
        return _format_part(start)
    if start.year == end.year and start.month == end.month and start.day is not None and end.day is not None:
        return f"{start.day}–{_format_part(end)}"
    if start.year == end.year and start.year is not None and start.day is not None and end.day is not None:
        return f"{start.day} {MONTH_NAMES[start.month or 0]} – {_format_part(end)}"
    return f"{_format_part(start)} – {_format_part(end)}"


def _format_part(part: PartialDate) -> str:
    pieces = []
    if part.day is not None:
        pieces.append(str(part.day))
    if part.month is not None:
        pieces.append(MONTH_NAMES[part.month])
    if part.year is not None:
        pieces.append(str(part.year))
    return " ".join(pieces)
