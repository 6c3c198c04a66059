"""Reading numbers the way people type them: "$240.1bn", "240,1", "1 000", "seventy-five", "more than 280".

`parse_quantity` turns a typed answer into a value, a scale (a power of ten
from "billion", "bn", "k", …), a currency, a percent sign, a bound ("more
than", "at most") and any other unit words. `parse_unit` reads a card's `unit`
the same way, so "billion USD" and "US$240.1B" meet on equal terms.

Separators follow one documented rule (docs/grading.md):
- both "." and "," present: the last one is the decimal mark ("1,234.5", "1.234,5");
- one comma followed by exactly three digits is a thousands separator ("1,000",
  "240,100"), unless the number starts with 0 ("0,100" = 0.1); any other single
  comma is a decimal comma ("240,1", "3,14");
- a single dot is always a decimal point ("1.000" = 1); several dots or commas
  are thousands separators and must separate groups of three;
- spaces, apostrophes and underscores separate groups of three ("1 000", "1'000").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.grading.normalise import tidy
from quiz.grading.number_words import read_number_words
from quiz.model import NumericBound

MAX_NUMBER_TEXT = 200
"""Longer answers are not read as numbers at all (nobody types a number that long)."""


class NumberError(ValueError):
    """A typed answer that cannot be read as one number; the message says why."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as typed, with everything written around it."""

    value: float
    """The number as written, before any scale word ("240.1" in "240.1 billion")."""
    scale: int = 0
    """The power of ten a scale word adds (9 for "billion", "bn", "B")."""
    scale_word: str = ""
    """The scale word as typed, for explanations."""
    currencies: frozenset[str] = frozenset()
    """ISO codes the currency written could mean ("¥" is CNY or JPY); empty when none was written."""
    percent: bool = False
    time_unit: str = ""
    """A unit of time ("years", "months", …), normalised to its singular."""
    words: tuple[str, ...] = ()
    """Other words, such as "entities" or "firms"."""
    qualifier: NumericBound = NumericBound.EXACT
    """"more than 280" is AT_LEAST, "up to 280" AT_MOST."""

    @property
    def has_scale(self) -> bool:
        return bool(self.scale_word)


SCALES = {
    "k": 3,
    "thousand": 3,
    "thousands": 3,
    "m": 6,
    "mn": 6,
    "mln": 6,
    "mio": 6,
    "million": 6,
    "millions": 6,
    "b": 9,
    "bn": 9,
    "bln": 9,
    "bil": 9,
    "mrd": 9,
    "billion": 9,
    "billions": 9,
    "t": 12,
    "tn": 12,
    "trn": 12,
    "tril": 12,
    "trillion": 12,
    "trillions": 12,
}
SCALE_NAMES = {3: "thousand", 6: "million", 9: "billion", 12: "trillion"}

CURRENCIES = {
    "us$": {"USD"},
    "usd": {"USD"},
    "$": {"USD"},
    "dollar": {"USD"},
    "dollars": {"USD"},
    "us dollars": {"USD"},
    "u.s. dollars": {"USD"},
    "€": {"EUR"},
    "eur": {"EUR"},
    "euro": {"EUR"},
    "euros": {"EUR"},
    "£": {"GBP"},
    "gbp": {"GBP"},
    "pound": {"GBP"},
    "pounds": {"GBP"},
    "sterling": {"GBP"},
    "¥": {"CNY", "JPY"},
    "cn¥": {"CNY"},
    "yuan": {"CNY"},
    "renminbi": {"CNY"},
    "rmb": {"CNY"},
    "cny": {"CNY"},
    "yen": {"JPY"},
    "jpy": {"JPY"},
    "₽": {"RUB"},
    "rub": {"RUB"},
    "rouble": {"RUB"},
    "roubles": {"RUB"},
    "ruble": {"RUB"},
    "rubles": {"RUB"},
    "₹": {"INR"},
    "inr": {"INR"},
    "rupees": {"INR"},
}
CURRENCY_NAMES = {
    "USD": "US dollars",
    "EUR": "euros",
    "GBP": "pounds",
    "CNY": "yuan",
    "JPY": "yen",
    "RUB": "roubles",
    "INR": "rupees",
}
TIME_UNITS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "hour": "hour",
    "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "yrs": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
}  # fmt: skip
PERCENT_WORDS = ("percentage points", "per cent", "percent", "pct", "%")
FILLER = frozenset(
    {
        "of",
        "in",
        "the",
        "a",
        "an",
        "around",
        "total",
        "just",
        "worth",
        "some",
        "about",
        "roughly",
        "approximately",
        "approx",
        "nearly",
        "almost",
        "circa",
        "ca",
        "exactly",
        "only",
        "was",
        "is",
        "it",
        "and",
        "more",
        "or",
        "so",
        "than",
        "least",
        "most",
    }
)

_AT_LEAST = re.compile(
    r"^(?:(?:just |slightly |a little |a bit )?(?:more than|greater than|over|above|in excess of|upwards of)"
    r"|at least|no (?:fewer|less) than|>=|≥|>)\s*"
)
_AT_MOST = re.compile(r"^(?:less than|fewer than|under|below|at most|up to|no more than|<=|≤|<)\s*")
_APPROX = re.compile(
    r"^(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|circa|ca\.|c\.|~|≈|close to|exactly|"
    r"just)\s*"
)
_OR_MORE = re.compile(r"(?:\+|\s+or (?:more|above|over|higher)|\s+plus)$")
_OR_LESS = re.compile(r"\s+or (?:less|fewer|under|below|lower)$")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPER_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+")
_NUMBER = re.compile(
    r"(?<![\w.])(?P<sign>[-+])?(?P<body>\d+(?:[ '_]\d{3}(?!\d)|[.,]\d+)*)"
    r"(?:\s*(?:e|[x×*·]\s*10\s*(?:\^|\*\*))\s*(?P<exp>[-+]?\d{1,3}))?"
    r"(?P<ordinal>st|nd|rd|th)?"
    r"(?:\s*(?P<scale>thousands?|millions?|billions?|trillions?|mln|mio|mn|bn|bln|bil|mrd|trn|tril|tn|k|m|b|t)\b)?"
)
_CURRENCY = re.compile(
    "|".join(re.escape(key) if not key[0].isalpha() else rf"(?<![a-z]){re.escape(key)}(?![a-z])"
             for key in sorted(CURRENCIES, key=len, reverse=True))
)  # fmt: skip


def parse_quantity(text: str) -> Quantity:
    """Read one number, with its scale, currency, percent sign, bound and unit words.

    Raises:
        NumberError: No number, several numbers, or a separator pattern that fits no rule.
    """
    text = _SUPER_RUN.sub(lambda run: "^" + run.group().translate(_SUPERSCRIPTS), text[: MAX_NUMBER_TEXT + 1])
    if len(text) > MAX_NUMBER_TEXT:
        raise NumberError("too long to be a number")
    text = tidy(text).casefold().strip(" .,;:!?\"'")
    qualifier, text = _qualifier(text)
    currencies: set[str] = set()
    for match in _CURRENCY.finditer(text):
        currencies |= CURRENCIES[match.group()]
    text = _CURRENCY.sub(" ", text)
    percent = False
    for word in PERCENT_WORDS:
        if word in text:
            percent = True
            text = text.replace(word, " ")
    numbers = list(_NUMBER.finditer(text))
    if len(numbers) > 1:
        raise NumberError("give one number")
    if numbers:
        match = numbers[0]
        value = _digits(match.group("body"))
        if match.group("exp"):
            value = float(f"{value!r}e{int(match.group('exp'))}")  # inf, never OverflowError, for "1e999"
        if match.group("sign") == "-":
            value = -value
        scale_word = match.group("scale") or ""
        rest = text[: match.start()] + " " + text[match.end() :]
    else:
        try:
            value, scale_word, rest = read_number_words(text)
        except ValueError as error:
            raise NumberError(str(error)) from None
    words: list[str] = []
    time_unit = ""
    scale = SCALES.get(scale_word, 0)
    for word in re.split(r"[\s\-]+", rest):
        word = word.strip(".,;:()")
        if not word or word in FILLER:
            continue
        if any(char.isdigit() for char in word):
            raise NumberError("give one number")
        if word in SCALES and not scale_word:
            scale_word, scale = word, SCALES[word]
        elif word in SCALES and len(word) > 3:
            # "thousand million" is a billion in older British usage; "billion billion" is 10^18.
            scale_word, scale = f"{scale_word} {word}", scale + SCALES[word]
        elif word in TIME_UNITS:
            time_unit = TIME_UNITS[word]
        else:
            words.append(word)
    return Quantity(
        value=value,
        scale=scale,
        scale_word=scale_word,
        currencies=frozenset(currencies),
        percent=percent,
        time_unit=time_unit,
        words=tuple(words),
        qualifier=qualifier,
    )


def parse_unit(unit: str) -> Quantity:
    """Read a card's `unit` ("billion USD", "%", "years", "entities") as a quantity of 1."""
    try:
        return parse_quantity(f"1 {unit}")
    except NumberError:
        return Quantity(value=1.0, words=tuple(unit.casefold().split()))


def _qualifier(text: str) -> tuple[NumericBound, str]:
    qualifier = NumericBound.EXACT
    for _ in range(3):
        if match := _AT_LEAST.match(text):
            qualifier, text = NumericBound.AT_LEAST, text[match.end() :]
        elif match := _AT_MOST.match(text):
            qualifier, text = NumericBound.AT_MOST, text[match.end() :]
        elif match := _APPROX.match(text):
            text = text[match.end() :]
        else:
            break
    if match := _OR_MORE.search(text):
        qualifier, text = NumericBound.AT_LEAST, text[: match.start()]
    elif match := _OR_LESS.search(text):
        qualifier, text = NumericBound.AT_MOST, text[: match.start()]
    return qualifier, text


def _digits(body: str) -> float:
    """The value of a run of digits and separators, by the rule in the module docstring."""
    body = re.sub(r"[ '_]", "", body)
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if body.count(decimal) > 1:
            raise NumberError(f"“{body}” mixes separators in a way that fits no rule")
        whole, fraction = body.split(decimal)
        return float(_grouped(whole, thousands) + "." + fraction)
    if commas == 1 and not dots:
        whole, fraction = body.split(",")
        if len(fraction) == 3 and not whole.startswith("0") and len(whole) <= 3:
            return float(whole + fraction)
        return float(whole + "." + fraction)
    if dots == 1 and not commas:
        return float(body)
    if dots or commas:
        return float(_grouped(body, "." if dots else ","))
    return float(body)


def _grouped(whole: str, separator: str) -> str:
    groups = whole.split(separator)
    if len(groups[0]) > 3 or any(len(group) != 3 for group in groups[1:]):
        raise NumberError(f"“{whole}” does not separate thousands in groups of three")
    return "".join(groups)
