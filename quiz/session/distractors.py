"""Wrong answers for recognition questions that a teacher would accept.

A recognition question gives itself away when an option is of another kind
("20 firms" among dates), and it is unfair when a "wrong" option means the
right answer ("$240.1 billion" beside "240.1 billion USD"). So a distractor
here is:

- of the same kind as the right answer: a date of the same granularity for a
  date, a number in the same unit for a figure, a name for a name, a phrase
  for a phrase (`kind_of`);
- taken first from the card's own anticipated wrong answers (weight 0 in the
  deck: a teacher wrote them), then from other answers of the deck, those of
  the same card type and a similar shape first, then made up nearby (another
  year, the figure at the same scale, another ordinal);
- never equivalent to the right answer: the grader is asked, and anything it
  grades correct or partly correct is dropped; so is anything that reads as
  the same value as the answer or as another distractor (`identity`).

When too few are found the caller asks fewer options, a true/false statement,
or the question as written; it never pads with another kind.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import random
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from quiz.grading.dates import DateError, format_date, parse_date
from quiz.grading.grader import grade
from quiz.grading.normalise import ARTICLES, canonical, tidy
from quiz.grading.numbers import NumberError, Quantity, parse_quantity, parse_unit
from quiz.grading.numeric import describe
from quiz.model import (
    AnyCard,
    ChoiceCard,
    ClozeCard,
    Correctness,
    DateAnswer,
    DateCard,
    FlashCard,
    NumericCard,
    PartialDate,
    ShortCard,
    split_item_key,
)

DATE, NUMBER, TEXT = "date", "number", "text"
"""The families of answers; options of one question all belong to one."""

SENTENCE_WORDS = 7
"""From this many words an answer is a sentence, and is only offered beside other sentences."""

ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth")  # fmt: skip
"""Ordinals written as words: "fourth" is offered beside "third" and "fifth", not beside "crude oil"."""

NEAR_FACTORS = (0.6, 0.7, 0.75, 0.8, 0.9, 1.1, 1.2, 1.25, 1.3, 1.4, 1.5)
FAR_FACTORS = (0.5, 2.0)
"""Made-up figures are the right one times these, rounded as the right one is written: near enough to be
plausible ("225 years" beside "75 years" gives itself away), far enough not to be the same figure."""

TOPIC_WORDS = {
    **dict.fromkeys("city cities town towns capital capitals port".split(), "city"),
    **dict.fromkeys("country countries nation nations state states".split(), "country"),
    **dict.fromkeys("place places region regions province island continent river sea".split(), "place"),
    **dict.fromkeys(
        "person people president premier minister chancellor leader leaders king queen emperor author writer poet "
        "painter composer scientist ambassador secretary general pope envoy".split(),
        "person",
    ),
}
"""Words of a question that say what sort of name it asks for ("which country", "Chinese Premier {{…}}")."""
TOPICS = {"city": "place", "country": "place", "place": "place", "person": "person"}
"""Topics of one family may stand for each other (a city beside a country), those of two families never."""

_ARTICLE = re.compile(r"^(?:a|an|the)\s", re.IGNORECASE)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_MONTH_WORD = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
"""An English month name or its abbreviation: "Mars" the planet is not March (though the date reader, which
also reads French, would say it is)."""
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


@dataclass(frozen=True, slots=True)
class Kind:
    """What sort of answer a text is: options of one question share it."""

    family: str
    """DATE, NUMBER or TEXT."""
    detail: Hashable = None
    """Dates: (granularity, span, with year). Numbers: the unit (currencies, percent, time unit, words).
    Text: "name", "phrase", "ordinal" or "sentence"."""


@dataclass(frozen=True, slots=True)
class Distractor:
    """A wrong option, with the deck's feedback when the deck anticipated it."""

    text: str
    feedback: str = ""


def kind_of(text: str, card: AnyCard | None = None) -> Kind:
    """The kind of an answer; a date or numeric `card` says it directly, other text is read."""
    if isinstance(card, DateCard):
        return _date_kind(card.answer)
    if isinstance(card, NumericCard):
        return Kind(NUMBER, _unit_key(parse_unit(card.unit)))
    return _text_kind(text)


@functools.lru_cache(maxsize=8192)
def _text_kind(text: str) -> Kind:
    date = _as_date(text)
    if date is not None:
        return _date_kind(date)
    if any(char.isdigit() for char in text):
        try:
            return Kind(NUMBER, _unit_key(parse_quantity(text)))
        except NumberError:
            pass
    words = tidy(text).split()
    if len(words) >= SENTENCE_WORDS:
        return Kind(TEXT, "sentence")
    if len(words) == 1 and words[0].casefold() in ORDINAL_WORDS:
        return Kind(TEXT, "ordinal")
    significant = [word for word in words if f"{word.casefold()} " not in ARTICLES] or words
    first = significant[0] if significant else ""
    return Kind(TEXT, "name" if first[:1].isupper() else "phrase")


def _as_date(text: str) -> DateAnswer | None:
    """The date a text gives, when it plainly is one (a year or a month name in it, one reading)."""
    if not (_YEAR.search(text) or _MONTH_WORD.search(text)):
        return None
    try:
        readings = parse_date(text)
    except DateError:
        return None
    return readings[0] if len(readings) == 1 else None


def _date_kind(answer: DateAnswer) -> Kind:
    part = answer.start
    granularity = 3 if part.day is not None else 2 if part.month is not None else 1
    return Kind(DATE, (granularity, answer.end is not None, part.year is not None))


def _unit_key(quantity: Quantity) -> Hashable:
    """What a figure counts, without its scale or bound: "more than 280 entities" and "140 entity" agree."""
    words = tuple(sorted(word.rstrip("s") for word in quantity.words))
    return (quantity.currencies, quantity.percent, quantity.time_unit, words)


@functools.lru_cache(maxsize=8192)
def identity(text: str) -> Hashable:
    """What a text means, so that two spellings of one value count once.

    "$240.1 billion" and "240.1 billion USD" are one amount; "16-17 May" and
    "16–17 May" one span; "The Kremlin" and "the kremlin." one name.
    """
    kind = _text_kind(text)
    if kind.family == DATE:
        return (DATE, _as_date(text))
    if kind.family == NUMBER:
        try:
            quantity = parse_quantity(text)
        except NumberError:
            return (TEXT, canonical(text))
        value = quantity.value * 10.0**quantity.scale
        rounded = float(f"{value:.9g}") if math.isfinite(value) else value
        return (NUMBER, rounded, kind.detail, quantity.qualifier)
    return (TEXT, canonical(text))


def _words(text: str) -> str:
    """A text as its words between spaces, so that one text can be looked for in another word by word."""
    return " " + " ".join(re.findall(r"\w+", canonical(text))) + " "


def _graded_right(card: AnyCard, key: str, text: str) -> bool:
    """Whether the grader takes `text` for the item's answer, fully or in part."""
    item = None if key == card.id else key
    verdict = grade(card, text, item=item)
    return verdict.correctness in (Correctness.CORRECT, Correctness.PARTIAL)


def distractors(
    card: AnyCard,
    key: str,
    right: str,
    pool: Mapping[str, Sequence[str]],
    rng: random.Random,
    want: int,
    *,
    question: str = "",
) -> list[Distractor]:
    """Up to `want` wrong answers for one item, best first, all of the right answer's kind.

    Args:
        card: The deck card asked.
        key: The study item (`quiz.model.item_keys`).
        right: The item's right answer as shown.
        pool: Answers of the deck's items by card type (this item's own among them, or not).
        rng: The session's random generator.
        want: How many are needed.
        question: The question as asked: an answer it already shows (a cloze's
            other gaps, "Beijing" in "…visit to Beijing?") would be ruled out at a glance.
    """
    kind = kind_of(right, card)
    taken: list[Distractor] = []
    seen = {identity(right)}
    shown = _words(question)

    def offer(text: str, feedback: str = "") -> bool:
        text = " ".join(text.split())
        if not text or len(text) > 120:
            return False
        meaning = identity(text)
        if meaning in seen or _text_kind(text) != kind or _words(text) in shown:
            return False
        seen.add(meaning)
        if _graded_right(card, key, text):
            return False
        taken.append(Distractor(text, feedback))
        return len(taken) >= want

    for text, feedback in _anticipated(card):
        if offer(text, feedback):
            return taken
    for text in _from_deck(card, key, right, kind, pool, rng):
        if offer(text):
            return taken
    for text in _made_up(right, kind, card, rng):
        if offer(text):
            return taken
    return taken


def pool_entries(card: AnyCard, answers: Mapping[str, str]) -> list[tuple[str, str]]:
    """What a card adds to the deck's pool of distractors: (group, text) pairs.

    The group is the card type, with the topic of its question when it names
    one ("short:city"). `answers` are the card's recognisable answers by item
    key. A choice card whose question names a topic adds its options too: a
    teacher picked "Shenyang" and "Dalian" as cities to offer beside "Harbin".
    """
    entries = []
    for key, text in answers.items():
        topic = topic_of(card, key)
        entries.append((f"{card.type}:{topic}" if topic else str(card.type), text))
    if isinstance(card, ChoiceCard):
        topic = topic_of(card, card.id)
        if topic:
            entries += [(f"{card.type}:{topic}", choice.text) for choice in card.choices]
    return entries


def _anticipated(card: AnyCard) -> list[tuple[str, str]]:
    """The deck's own known wrong answers for the card (weight 0), with their feedback."""
    if isinstance(card, ShortCard):
        return [(answer.text, answer.feedback) for answer in card.answers if answer.weight <= 0]
    if isinstance(card, NumericCard):
        return [(describe(card, answer), answer.feedback) for answer in card.answers if answer.weight <= 0]
    return []


def _from_deck(
    card: AnyCard, key: str, right: str, kind: Kind, pool: Mapping[str, Sequence[str]], rng: random.Random
) -> list[str]:
    """Other answers of the deck of the same kind: same topic, same card type and similar shape first.

    A name whose question says what it names (a city, a country, a person) is
    never offered beside a name of another sort: "Xi Jinping" is no option for
    "Which city…?". Names whose sort is unknown come after those of the same sort.
    """
    words = len(right.split())
    topic = topic_of(card, key)
    article = _ARTICLE.match(right) is not None
    ranked: list[tuple[float, float, str]] = []
    for group, answers in pool.items():
        card_type, _, other_topic = group.partition(":")
        if topic and other_topic and TOPICS[topic] != TOPICS[other_topic]:
            continue
        weight = 0.0 if card_type == str(card.type) else 0.5
        if topic:
            weight += -1.0 if other_topic == topic else 0.0 if other_topic else 1.0
        for text in answers:
            other = _text_kind(text)
            if other != kind:
                continue  # a year for a year, a span for a span, the same unit: nearby ones are made up instead
            shape = abs(len(text.split()) - words) + abs(math.log((len(text) + 1) / (len(right) + 1)))
            shape += 0.5 * ((_ARTICLE.match(text) is not None) != article)  # "the Kremlin" beside "Xi Jinping"
            ranked.append((shape + weight, rng.random(), text))
    ranked.sort()
    return [text for _, _, text in ranked]


def topic_of(card: AnyCard, key: str) -> str:
    """What a name answer names, as its question says: "city", "country", "place", "person", or "" when unsaid.

    Read from the words after "which"/"what" ("In which northeastern Chinese
    city…", "which Chinese Premier…"), or for a cloze gap from the words just
    before it ("the city of {{Harbin}}", "Premier {{Li Qiang}}").
    """
    _, sub = split_item_key(key)
    if isinstance(card, ClozeCard) and sub:
        before = card.text.split("{{" + _gap_source(card, sub), 1)[0] if _gap_source(card, sub) else ""
        return _topic_in(_plain_words(before)[-3:])
    if isinstance(card, FlashCard):
        return ""
    words = _plain_words(card.question)
    for index, word in enumerate(words):
        if word in ("which", "what", "where"):
            if word == "where":
                return "place"
            found = _topic_in(words[index + 1 : index + 5])
            if found:
                return found
    return ""


def _gap_source(card: ClozeCard, sub: str) -> str:
    """The deck's text of a gap, as written between the braces (its answer first)."""
    number = 0
    for match in re.finditer(r"\{\{(.+?)\}\}", card.text, re.DOTALL):
        number += 1
        if sub == f"gap{number}":
            return match.group(1)
    return ""


def _plain_words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", tidy(text).casefold())


def _topic_in(words: Sequence[str]) -> str:
    for word in words:
        if word in TOPIC_WORDS:
            return TOPIC_WORDS[word]
    return ""


def _made_up(right: str, kind: Kind, card: AnyCard, rng: random.Random) -> list[str]:
    """Plausible wrong answers made from the right one: nearby dates, figures at the same scale, ordinals."""
    if kind.family == DATE:
        answer = card.answer if isinstance(card, DateCard) else _as_date(right)
        return _nearby_dates(answer, rng) if answer is not None else []
    if kind.family == NUMBER:
        return _nearby_numbers(right, rng)
    if kind.detail == "ordinal":
        index = ORDINAL_WORDS.index(right.strip().casefold())
        near = sorted(range(len(ORDINAL_WORDS)), key=lambda i: (abs(i - index), rng.random()))
        written = right.strip()
        return [
            ORDINAL_WORDS[i].capitalize() if written[:1].isupper() else ORDINAL_WORDS[i] for i in near if i != index
        ]
    return []


def _balanced(lower: list[str], higher: list[str], rng: random.Random) -> list[str]:
    """Made-up values on both sides of the right one, so that it is not always the smallest or largest."""
    rng.shuffle(lower)
    rng.shuffle(higher)
    below = rng.randint(0, 3)
    first = lower[:below] + higher[: 3 - below]
    rest = lower[below:] + higher[3 - below :]
    first += rest[: max(0, 3 - len(first))]
    return first + [text for text in rest if text not in first]


def _nearby_numbers(right: str, rng: random.Random) -> list[str]:
    """The right figure scaled up and down, written as the right one is ("$240.1 billion" → "$180.1 billion")."""
    numbers = list(_NUMBER.finditer(right))
    if len(numbers) != 1:
        return []
    match = numbers[0]
    written = match.group()
    whole, _, fraction = written.partition(".")
    if "," in whole and not re.fullmatch(r"\d{1,3}(,\d{3})+", whole):
        return []  # a decimal comma: leave it to the deck's own answers
    value = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
    if value <= 0:
        return []
    decimals = len(fraction)
    step = 10.0**-decimals
    if not decimals:
        digits = whole.replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0"))
        step = 10.0 ** min(zeros, max(len(digits) - 1, 0))
        if step == 1 and value % 5 == 0 and value >= 10:
            step = 5.0
        elif step >= 10 and value / step < 10:
            step /= 2  # 20 moves in fives (15, 25, 30), not only in tens
    lower: list[str] = []
    higher: list[str] = []
    for factor in (*NEAR_FACTORS, *FAR_FACTORS):
        new = round(value * factor / step) * step
        if new <= 0 or math.isclose(new, value):
            continue
        text = f"{new:,.{decimals}f}" if "," in whole or new >= 10_000 else f"{new:.{decimals}f}"
        made = right[: match.start()] + text + right[match.end() :]
        (lower if new < value else higher).append(made)
    lower, higher = list(dict.fromkeys(lower)), list(dict.fromkeys(higher))
    return _balanced(lower, higher, rng)


def _nearby_dates(answer: DateAnswer, rng: random.Random) -> list[str]:
    """The right date or span moved by a few years, months or days, at the same granularity."""
    start, end = answer.start, answer.end
    granularity = _date_kind(answer).detail[0]  # type: ignore[index]
    if granularity == 1 and start.year is None:
        return []
    length = _units_between(start, end, granularity) + 1 if end is not None else 1
    if granularity == 1:
        offsets = [1, 2, 3, 4, 5, 6]  # "2033" for a record of 2023 would be news from the future
    elif granularity == 2:
        offsets = [1, 2, 3, 6, 12]
    else:
        offsets = [1, 2, 3, 7, 14, 30]
    offsets = sorted({max(offset, length) if end is not None else offset for offset in offsets} | ({length + 1} if end
                     is not None else set()))  # fmt: skip
    lower: list[str] = []
    higher: list[str] = []
    for offset in offsets:
        for sign in (-1, 1):
            moved = _shift(answer, sign * offset, granularity)
            if moved is not None:
                (lower if sign < 0 else higher).append(format_date(moved))
    return _balanced(list(dict.fromkeys(lower)), list(dict.fromkeys(higher)), rng)


def _units_between(start: PartialDate, end: PartialDate | None, granularity: int) -> int:
    if end is None:
        return 0
    if granularity == 1:
        return (end.year or 0) - (start.year or 0)
    if granularity == 2:
        return ((end.year or 0) * 12 + (end.month or 1)) - ((start.year or 0) * 12 + (start.month or 1))
    return (_day(end) - _day(start)).days


def _day(part: PartialDate) -> dt.date:
    return dt.date(part.year or 2000, part.month or 1, part.day or 1)


def _shift(answer: DateAnswer, offset: int, granularity: int) -> DateAnswer | None:
    def move(part: PartialDate | None) -> PartialDate | None:
        if part is None:
            return None
        if granularity == 1:
            return PartialDate((part.year or 0) + offset)
        if granularity == 2:
            months = (part.year or 2000) * 12 + (part.month or 1) - 1 + offset
            return PartialDate(months // 12 if part.year is not None else None, months % 12 + 1)
        day = _day(part) + dt.timedelta(days=offset)
        return PartialDate(day.year if part.year is not None else None, day.month, day.day)

    try:
        moved = DateAnswer(move(answer.start), move(answer.end))  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    if moved.start.year is not None and not 1 <= moved.start.year <= dt.MAXYEAR:
        return None
    return moved


__all__ = [
    "DATE", "NUMBER", "TEXT", "Distractor", "Kind", "distractors", "identity", "kind_of", "pool_entries", "topic_of"
]  # fmt: skip
