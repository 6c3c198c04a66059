"""The small languages inside deck strings: dates, cloze gaps and study steps.

Each has a parser (text → model value, or a message saying what is wrong)
and a formatter (model value → the canonical text), used by the loader and
by the writer, so that whatever the writer produces the loader reads back.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from quiz.model import ClozeGap, DateAnswer, PartialDate

# --- dates -------------------------------------------------------------------

_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?\Z|--(?P<m2>\d{2})(?:-(?P<d2>\d{2}))?\Z")

_DAY_MONTH_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\Z")

DATE_FORMS = '"1949", "2022-02", "2024-05-16", "--05-16" (no year), or a span "2024-05-16/17"'


class SyntaxProblem(ValueError):
    """A string in one of the deck's small languages is malformed; the message says how."""


def parse_date_answer(text: str) -> DateAnswer:
    """Read a date or a span: "1949", "2022-02", "2024-05-16", "--05-16", "A/B".

    In a span, the end may leave out what it shares with the start:
    "2024-05-16/17" is May 16-17, 2024, and "2024-05-30/06-02" crosses a month.
    """
    text = text.strip()
    if _DAY_MONTH_YEAR.match(text):
        # "16/05/2024" or "05.16.2024": the order of day and month is ambiguous, so ask for ISO.
        raise SyntaxProblem(f'"{text}" is not a date; write a day as year-month-day, like "2024-05-16"')
    head, slash, tail = text.partition("/")
    start = _parse_partial(head)
    if not slash:
        return DateAnswer(start)
    end = _parse_end(tail.strip(), start)
    if _granularity(end) != _granularity(start) or (start.year is None) != (end.year is None):
        raise SyntaxProblem(f'the two ends of the span "{text}" must be written to the same precision')
    if _sort_key(end) <= _sort_key(start):
        raise SyntaxProblem(f'the span "{text}" must end after it starts')
    return DateAnswer(start, end)


def _parse_partial(text: str) -> PartialDate:
    found = _DATE.match(text)
    if not found:
        raise SyntaxProblem(f'"{text}" is not a date; write {DATE_FORMS}')
    if found.group("year") is not None:
        year = int(found.group("year"))
        month = _int(found.group("month"))
        day = _int(found.group("day"))
    else:
        year, month, day = None, _int(found.group("m2")), _int(found.group("d2"))
    _check_calendar(text, year, month, day)
    return PartialDate(year, month, day)


def _parse_end(text: str, start: PartialDate) -> PartialDate:
    """The end of a span, completed from the start when written short ("17", "06-02")."""
    if _DATE.match(text):
        return _parse_partial(text)
    parts = text.split("-")
    if not all(part.isdigit() and len(part) == 2 for part in parts):
        raise SyntaxProblem(f'"{text}" is not the end of a date span; write {DATE_FORMS}')
    known = [start.year, start.month, start.day]
    depth = sum(value is not None for value in known[1:])  # how many of month/day the start has
    if len(parts) > depth:
        raise SyntaxProblem(f'"{text}" has more parts than the start of the span')
    values = [int(part) for part in parts]
    fields = known[: 1 + depth - len(values)] + values
    year, month, day = (fields + [None, None])[:3]
    _check_calendar(text, year, month, day)
    return PartialDate(year, month, day)


def _check_calendar(text: str, year: int | None, month: int | None, day: int | None) -> None:
    if year is not None and year < 1:
        raise SyntaxProblem(f'"{text}": the year must be 0001 or later')
    if month is not None and not 1 <= month <= 12:
        raise SyntaxProblem(f'"{text}": there is no month {month}')
    if day is not None and month is not None:
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
        if not 1 <= day <= last:
            raise SyntaxProblem(f'"{text}": {calendar.month_name[month]} has no day {day}')


def _int(text: str | None) -> int | None:
    return int(text) if text is not None else None


def _granularity(value: PartialDate) -> int:
    return (value.month is not None) + (value.day is not None)


def _sort_key(value: PartialDate) -> tuple[int, int, int]:
    return (value.year or 0, value.month or 0, value.day or 0)


def date_from_toml(value: date) -> DateAnswer:
    """A TOML date literal (`answer = 2024-05-16`) as a day-precise answer."""
    return DateAnswer(PartialDate(value.year, value.month, value.day))


def format_partial_date(value: PartialDate) -> str:
    """The canonical text of one date: "1949", "2022-02", "2024-05-16", "--05-16"."""
    if value.year is None:
        text = f"--{value.month:02d}"
    else:
        text = f"{value.year:04d}"
        if value.month is not None:
            text += f"-{value.month:02d}"
    if value.day is not None:
        text += f"-{value.day:02d}"
    return text


def format_date_answer(value: DateAnswer) -> str:
    """The canonical text of a date answer; spans are written out in full."""
    text = format_partial_date(value.start)
    if value.end is not None:
        text += "/" + format_partial_date(value.end)
    return text


# --- cloze -------------------------------------------------------------------

_GAP = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)


def parse_cloze(text: str) -> tuple[ClozeGap, ...]:
    """The gaps of a cloze text, in reading order.

    `{{answer}}`, `{{answer::hint}}`, and alternatives `{{Li Qiang|Premier Li Qiang}}`
    (the first is the one shown as the right answer).
    """
    gaps = []
    for index, found in enumerate(_GAP.finditer(text), start=1):
        body, _, hint = found.group(1).partition("::")
        if "{{" in body:
            raise SyntaxProblem(f"gap {index - 1} is not closed with }}}}")
        options = [option.strip() for option in body.split("|")]
        if not options[0]:
            raise SyntaxProblem(f"gap {index} has no answer: write {{{{answer}}}} or {{{{answer::hint}}}}")
        if any(not option for option in options[1:]):
            raise SyntaxProblem(f'gap {index} has an empty alternative after "|"')
        gaps.append(ClozeGap(index, options[0], tuple(options[1:]), hint.strip()))
    rest = _GAP.sub("", text)
    if "{{" in rest:
        raise SyntaxProblem('a gap is opened with "{{" but never closed with "}}"')
    if "}}" in rest:
        raise SyntaxProblem('"}}" closes a gap that was never opened with "{{"')
    return tuple(gaps)


# --- study steps -------------------------------------------------------------

_STEP = re.compile(r"\s*(\d+)\s*([smhd])\s*\Z")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_step(text: str) -> int:
    """A learning step such as "1m", "10m", "1h" or "1d", in seconds."""
    found = _STEP.match(text)
    if not found or int(found.group(1)) == 0:
        raise SyntaxProblem(f'"{text}" is not a step; write a number and a unit, like "1m", "10m", "1h" or "1d"')
    seconds = int(found.group(1)) * _UNIT_SECONDS[found.group(2)]
    if seconds > 365 * 86400:
        raise SyntaxProblem(f'"{text}" is longer than a year')
    return seconds


def format_step(seconds: int) -> str:
    """Seconds → the largest whole unit: 600 → "10m", 86400 → "1d"."""
    for unit in ("d", "h", "m"):
        size = _UNIT_SECONDS[unit]
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
