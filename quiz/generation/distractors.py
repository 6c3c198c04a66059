"""Wrong options for choice cards and false statements: same kind, same article first.

A good distractor is plausible: another date of the article for a date,
another figure in the same unit for a figure, another place for a place. Only
when the article has too few do we fall back to the built-in lists (places,
organisations, spans of time) or, for numbers and years, to nearby values.
"""

from __future__ import annotations

import bisect
import random

from quiz.generation import gazetteer
from quiz.generation.extract_dates import date_key, date_text
from quiz.generation.extract_numbers import number_text, ordinal_suffix, ordinal_word
from quiz.generation.facts import Fact, FactKind
from quiz.model import DateAnswer, PartialDate


def answer_text(fact: Fact) -> str:
    """How the fact reads as an option: the article's own words for names, a tidy form for numbers."""
    return fact.text.strip()


def rng_for(seed: int, *parts: object) -> random.Random:
    """A generator seeded by the run's seed and the card's identity, so one card's options never shift another's."""
    return random.Random("\x1f".join(map(str, (seed, *parts))))


def distractors(fact: Fact, facts: list[Fact], rng: random.Random, count: int = 3) -> list[str]:
    """Up to `count` wrong options for `fact`, article options first, in a seeded order."""
    right = _norm(answer_text(fact))
    seen = {right}
    from_article: list[str] = []
    for other in _nearest(fact, facts):
        if len(from_article) >= POOL:
            break
        if other.kind is not fact.kind:
            continue
        if fact.kind is FactKind.FIGURE and other.unit != fact.unit:
            continue
        if fact.kind is FactKind.DATE and _granularity(other.value) != _granularity(fact.value):
            continue
        if fact.kind is FactKind.PLACE and _place_class(other) != _place_class(fact):
            continue
        text = answer_text(other)
        if _norm(text) not in seen and _norm(text) not in right and right not in _norm(text):
            seen.add(_norm(text))
            from_article.append(text)
    rng.shuffle(from_article)
    chosen = from_article[:count]
    if len(chosen) < count:
        fallback = [text for text in _builtin(fact, rng) if _norm(text) not in seen]
        for text in fallback:
            if len(chosen) >= count:
                break
            seen.add(_norm(text))
            chosen.append(text)
    return chosen


POOL = 12
"""Article options considered per card, nearest first: enough to choose from, and a long article stays fast."""
SCAN = 400


def _nearest(fact: Fact, facts: list[Fact]) -> list[Fact]:
    """Up to SCAN facts ordered by distance in the article from `fact` (nearer options are likelier confusions)."""
    position = bisect.bisect_left(facts, (fact.sentence.index, fact.start), key=lambda f: (f.sentence.index, f.start))
    out: list[Fact] = []
    low, high = position - 1, position
    while len(out) < SCAN and (low >= 0 or high < len(facts)):
        if high < len(facts):
            out.append(facts[high])
            high += 1
        if low >= 0:
            out.append(facts[low])
            low -= 1
    return out


def _builtin(fact: Fact, rng: random.Random) -> list[str]:
    if fact.kind is FactKind.PLACE and _place_class(fact) == "venue":
        return []
    if fact.kind is FactKind.PLACE:
        pool = list(
            {"city": gazetteer.CITIES, "country": gazetteer.COUNTRIES}.get(_place_class(fact), gazetteer.REGIONS)
        )
    elif fact.kind is FactKind.ORGANISATION:
        # Only a known body has known peers; "the White House" is no distractor for a football club.
        pool = next((list(group) for group in gazetteer.ORGANISATION_GROUPS if fact.text in group), [])
    elif fact.kind is FactKind.DURATION:
        pool = list(gazetteer.DURATIONS)
    elif fact.kind is FactKind.FIGURE and isinstance(fact.value, float):
        values = nearby_numbers(fact.value, fact.decimals, rng)
        if fact.unit == "%" and fact.value <= 100:
            values = [value for value in values if value <= 100]  # a share cannot pass 100%
        return [_figure_text(fact, value) for value in values]
    elif fact.kind is FactKind.ORDINAL and isinstance(fact.value, float):
        words = fact.text[:1].isalpha()
        shifts = [-2, -1, 1, 2, 3]
        rng.shuffle(shifts)
        values = [int(fact.value) + shift for shift in shifts if int(fact.value) + shift > 0]
        return [ordinal_word(v) if words else f"{v}{ordinal_suffix(v)}" for v in values]
    elif fact.kind is FactKind.DATE and isinstance(fact.value, DateAnswer):
        return [date_text(answer) for answer in nearby_dates(fact.value, rng)]
    else:
        return []
    pool.sort()
    rng.shuffle(pool)
    return pool


def nearby_numbers(value: float, decimals: int, rng: random.Random) -> list[float]:
    """Plausible wrong figures: the value scaled by factors a reader could confuse it with."""
    factors = [0.5, 0.75, 1.25, 1.5, 2.0, 0.6, 1.8]
    rng.shuffle(factors)
    out: list[float] = []
    for factor in factors:
        candidate = round(value * factor, decimals)
        if decimals == 0:
            candidate = float(int(candidate))
        if candidate != value and candidate > 0 and candidate not in out:
            out.append(candidate)
    return out


def nearby_dates(answer: DateAnswer, rng: random.Random) -> list[DateAnswer]:
    """Wrong dates at the same granularity: other years near it, or other months of the same year."""
    start = answer.start
    shifts = [-5, -3, -2, -1, 1, 2, 3, 4]
    rng.shuffle(shifts)
    out: list[DateAnswer] = []
    for shift in shifts:
        if start.year is not None and start.month is None:
            out.append(DateAnswer(PartialDate(start.year + shift)))
        elif start.month is not None and start.day is None:
            month = (start.month - 1 + shift) % 12 + 1
            out.append(DateAnswer(PartialDate(start.year, month)))
        elif start.month is not None and start.day is not None:
            day = min(28, max(1, start.day + shift * 3))
            end = answer.end
            if end is not None and end.day is not None:
                span = end.day - start.day
                out.append(
                    DateAnswer(
                        PartialDate(start.year, start.month, day),
                        PartialDate(start.year, start.month, min(31, day + span)),
                    )
                )
            else:
                out.append(DateAnswer(PartialDate(start.year, start.month, day)))
    unique = {date_key(a): a for a in out if a != answer}
    return list(unique.values())


def _figure_text(fact: Fact, value: float) -> str:
    original = fact.text
    number = f"{value:,.{fact.decimals}f}" if "," in original else f"{value:.{fact.decimals}f}"
    if fact.decimals == 0:
        number = number_text(value) if "," not in original else f"{int(value):,}"
    digits_start = next(i for i, ch in enumerate(original) if ch.isdigit())
    digits_end = digits_start
    while digits_end < len(original) and (original[digits_end].isdigit() or original[digits_end] in ".,"):
        digits_end += 1
    return original[:digits_start] + number + original[digits_end:]


def _place_class(fact: Fact) -> str:
    """ "city", "country", "venue" or "region": options should be places of the same sort."""
    value = str(fact.value)
    if fact.detail == "venue":
        return "venue"
    if value in gazetteer.CITIES or any(word in fact.detail for word in ("city", "town", "capital", "port", "village")):
        return "city"
    if value in gazetteer.COUNTRIES or "country" in fact.detail:
        return "country"
    return "region"


def _granularity(value: object) -> tuple[bool, bool, bool, bool]:
    if not isinstance(value, DateAnswer):
        return (False, False, False, False)
    s = value.start
    return (s.year is not None, s.month is not None, s.day is not None, value.end is not None)


def _norm(text: str) -> str:
    return " ".join(text.casefold().removeprefix("the ").split())
