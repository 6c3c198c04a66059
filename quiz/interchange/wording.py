"""Answers written out the way people read and type them, for formats that only hold text."""

from __future__ import annotations

from quiz.model import DateAnswer, PartialDate

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_spellings(answer: DateAnswer) -> list[str]:
    """English spellings of a date or span, most usual first: "16 May 2024", "May 16, 2024", "May 16-17"."""
    start, end = answer.start, answer.end
    if start.month is None:
        if end is None:
            return [str(start.year)]
        return [f"{start.year}-{end.year}", f"{start.year} to {end.year}"]
    if end is None:
        return _single(start)
    if start.day is not None and end.day is not None and (start.year, start.month) == (end.year, end.month):
        month = MONTHS[start.month - 1]
        if start.year is None:
            return [f"{start.day}-{end.day} {month}", f"{month} {start.day}-{end.day}"]
        return [f"{start.day}-{end.day} {month} {start.year}", f"{month} {start.day}-{end.day}, {start.year}"]
    return [f"{_single(start)[0]} to {_single(end)[0]}"]


def _single(value: PartialDate) -> list[str]:
    month = MONTHS[(value.month or 1) - 1]
    if value.day is None:
        return [f"{month} {value.year}"] if value.year else [month]
    if value.year is None:
        return [f"{value.day} {month}", f"{month} {value.day}"]
    return [f"{value.day} {month} {value.year}", f"{month} {value.day}, {value.year}"]
