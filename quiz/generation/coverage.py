"""How much of a reference deck a generated deck covers, by answer value.

A **fact** of a deck is one answer slot of a card that asks for a value: each
answer of a `numeric` card, the answer of a `date` card, the accepted answers of
a `short` card, the right option of a `choice` card, each gap of a `cloze` card.
(`true_false`, `multi`, `order`, `match` and `flashcard` cards state or list
things rather than ask for one value, so they add no facts.) Facts with a value
in common are one fact.

Two values are the **same answer value** when, after normalising,
- both are numbers and equal: "$240.1 billion", "240.1" and `answer = 240.1` are one
  value (a scale word belongs to the unit, so the number is the mantissa);
- both are dates (a bare year written as a number counts as a date) and equal,
  a date without a year matching any year: "May 16-17", "--05-16/--05-17";
- otherwise, their texts are equal after case folding, straightening quotes,
  dropping a leading "a", "an" or "the", and dropping punctuation.

A reference fact is covered when some generated card has the same answer value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quiz.generation.extract_dates import extract_dates
from quiz.generation.sentences import Sentence
from quiz.model import AnyCard, ChoiceCard, ClozeCard, DateAnswer, DateCard, Deck, NumericCard, ShortCard

Value = tuple[str, object]
"""("num", float), ("date", DateAnswer) or ("text", str)."""

_NUMBER = re.compile(
    r"^(?:US\$|[$€£¥])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(?:%|percent|thousand|million|billion|trillion))?$"
)


@dataclass(frozen=True, slots=True)
class Coverage:
    """Reference facts covered by a generated deck."""

    covered: tuple[tuple[Value, ...], ...]
    missing: tuple[tuple[Value, ...], ...]

    @property
    def share(self) -> float:
        total = len(self.covered) + len(self.missing)
        return len(self.covered) / total if total else 1.0


def normalise(text: str) -> Value:
    """A text answer as a comparable value: a number, a date, or normalised text."""
    plain = " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split())
    number = _NUMBER.match(plain)
    if number:
        return ("num", float(number.group(1).replace(",", "") + (number.group(2) or "")))
    dates = extract_dates(Sentence(plain, 0, 0))
    if (
        len(dates) == 1
        and dates[0].start == 0
        and dates[0].end == len(plain)
        and isinstance(dates[0].value, DateAnswer)
    ):
        return ("date", dates[0].value)
    words = re.sub(r"[^\w\s]", " ", plain.casefold()).split()
    if words and words[0] in ("a", "an", "the") and len(words) > 1:
        words = words[1:]
    return ("text", " ".join(words))


def card_values(card: AnyCard) -> list[tuple[Value, ...]]:
    """The facts one card asks for, each as the set of values that answer it."""
    if isinstance(card, NumericCard):
        out = []
        for answer in card.answers:
            if answer.weight <= 0:
                continue
            value = answer.value if answer.value is not None else answer.low if answer.low is not None else answer.high
            if value is not None:
                out.append((("num", float(value)),))
        return out
    if isinstance(card, DateCard):
        return [(("date", card.answer),)]
    if isinstance(card, ShortCard):
        return [tuple(normalise(a.text) for a in card.answers if a.weight > 0)]
    if isinstance(card, ChoiceCard):
        return [(normalise(c.text),) for c in card.choices if c.correct]
    if isinstance(card, ClozeCard):
        return [tuple(normalise(t) for t in (gap.answer, *gap.accept)) for gap in card.gaps]
    return []


def deck_facts(cards: Iterable[AnyCard]) -> list[tuple[Value, ...]]:
    """The distinct facts of a deck (facts sharing a value are merged)."""
    facts: list[tuple[Value, ...]] = []
    for card in cards:
        for fact in card_values(card):
            if not any(same(a, b) for known in facts for a in known for b in fact):
                facts.append(fact)
    return facts


def same(a: Value, b: Value) -> bool:
    """Whether two normalised values are the same answer value (see the module docs)."""
    if {a[0], b[0]} == {"num", "date"}:  # a bare year written as a number
        number, when = (a[1], b[1]) if a[0] == "num" else (b[1], a[1])
        start = when.start  # type: ignore[union-attr]
        return when.end is None and start.month is None and start.year == number  # type: ignore[union-attr]
    if a[0] != b[0]:
        return False
    if a[0] == "num":
        return abs(float(a[1]) - float(b[1])) < 1e-9  # type: ignore[arg-type]
    if a[0] == "date":
        return _same_date(a[1], b[1])  # type: ignore[arg-type]
    return a[1] == b[1]


def _same_date(a: DateAnswer, b: DateAnswer) -> bool:
    ends_a = a.end or a.start
    ends_b = b.end or b.start
    for x, y in ((a.start, b.start), (ends_a, ends_b)):
        if x.year is not None and y.year is not None and x.year != y.year:
            return False
        if (x.month, x.day) != (y.month, y.day):
            return False
    return True


def coverage(reference: Deck, generated: Deck) -> Coverage:
    """Which of the reference deck's facts the generated deck also asks for."""
    produced = [value for fact in deck_facts(generated.cards) for value in fact]
    covered, missing = [], []
    for fact in deck_facts(reference.cards):
        hit = any(same(a, b) for a in fact for b in produced)
        (covered if hit else missing).append(fact)
    return Coverage(tuple(covered), tuple(missing))
