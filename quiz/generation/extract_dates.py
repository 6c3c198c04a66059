"""Dates in a sentence: full dates, day spans, months with years, bare years, relative spans of time.

Each date becomes a DateAnswer at the granularity the article states ("February
2022" is a month, "May 16-17" a span of days with no year), so the card asks no
more precision than the article gives. Relative expressions ("just over six
months") carry no calendar value and are kept as text (FactKind.DURATION).
"""

from __future__ import annotations

import re

from quiz.generation.facts import Fact, FactKind
from quiz.generation.sentences import Sentence
from quiz.model import DateAnswer, PartialDate

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NAMES = "January February March April May June July August September October November December".split()

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DASH = r"\s?[-–—]\s?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d{2})"

_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s{_DAY}{_DASH}{_DAY2}(?:,?\s{_YEAR})?\b"),  # May 16-17(, 2024)
    re.compile(rf"\b{_DAY}{_DASH}{_DAY2}\s{_MONTH}(?:,?\s{_YEAR})?\b"),  # 16-17 May( 2024)
    re.compile(rf"\b{_MONTH}\s{_DAY},?\s{_YEAR}\b"),  # May 16, 2024
    re.compile(rf"\b{_DAY}\s(?:of\s)?{_MONTH},?\s{_YEAR}\b"),  # 16 May 2024
    re.compile(r"\b(?P<year>1\d{3}|20\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2024-05-16
    re.compile(rf"\b{_MONTH}\s{_YEAR}\b"),  # February 2022
    re.compile(rf"\b{_MONTH}\s{_DAY}\b(?![,.]?\d)"),  # May 16
    re.compile(rf"\b{_DAY}\s(?:of\s)?{_MONTH}\b"),  # 16 May
]

_BARE_YEAR = re.compile(r"(?<![\d$€£¥.,])\b(?P<year>1[0-9]{3}|2[01][0-9]{2})\b(?![.,]?\d|%|\s?(?:percent|per cent))")
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|from|to|during|before|after|around|circa|c\.|year|years|and|or|early|late|"
    r"mid|spring|summer|autumn|fall|winter|season|between)|[-–(,])\s?$",
    re.I,
)
_NOUN_AFTER = re.compile(r"^\s+[a-z]+s\b")
"""A plural noun straight after a number ("1500 troops") makes it a count, not a year."""

_WORD_NUMBERS = (
    "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    "a few|several|a couple of|half a|a half"
)
_DURATION = re.compile(
    rf"\b(?:(?:just|nearly|almost|about|around|roughly|some|more than|less than|over|under|barely|only|"
    rf"little more than|just over|just under|well over)\s)*(?:{_WORD_NUMBERS})\s(?:\w+\s)?"
    rf"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)(?:\sago|\searlier|\slater)?\b",
    re.I,
)


def extract_dates(sentence: Sentence) -> list[Fact]:
    """Dates and relative spans of time in one sentence, in reading order, never overlapping."""
    text = sentence.text
    found: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            answer = _answer(match)
            if answer is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(Fact(FactKind.DATE, sentence, match.start(), match.end(), answer))
    for match in _BARE_YEAR.finditer(text):
        if not free(match.start(), match.end()):
            continue
        before = text[max(0, match.start() - 12) : match.start()]
        if _NOUN_AFTER.match(text[match.end() :]) or not _YEAR_CONTEXT_BEFORE.search(before):
            continue
        taken.append((match.start(), match.end()))
        found.append(
            Fact(FactKind.DATE, sentence, match.start(), match.end(), DateAnswer(PartialDate(int(match["year"]))))
        )
    for match in _DURATION.finditer(text):
        phrase = match.group(0)
        if not free(match.start(), match.end()) or phrase.lower().split()[0] in ("a", "an") and len(phrase.split()) < 3:
            continue
        taken.append((match.start(), match.end()))
        found.append(Fact(FactKind.DURATION, sentence, match.start(), match.end(), phrase))
    return sorted(found, key=lambda fact: fact.start)


def _answer(match: re.Match[str]) -> DateAnswer | None:
    groups = match.groupdict()
    month_text = groups.get("month") or ""
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.rstrip(".").lower())
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    day2 = int(groups["day2"]) if groups.get("day2") else None
    if month is None or not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31 or day2 is not None and not (day or 0) < day2 <= 31:
        return None
    start = PartialDate(year, month, day)
    end = PartialDate(year, month, day2) if day2 is not None else None
    return DateAnswer(start, end)


def date_text(answer: DateAnswer) -> str:
    """A date as a person writes it: "May 16-17", "February 2022", "1949", "16 May 2024"."""
    start, end = answer.start, answer.end
    if start.month is None:
        return str(start.year)
    month = MONTH_NAMES[start.month - 1]
    if start.day is None:
        return f"{month} {start.year}" if start.year else month
    days = f"{start.day}-{end.day}" if end is not None and end.day is not None else str(start.day)
    return f"{month} {days}, {start.year}" if start.year else f"{month} {days}"


def date_key(answer: DateAnswer) -> tuple[int, int, int]:
    """Sort key in time order; missing parts sort first."""
    return (answer.start.year or 0, answer.start.month or 0, answer.start.day or 0)
