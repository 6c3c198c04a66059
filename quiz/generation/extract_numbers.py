"""Figures in a sentence: numbers with their units, scale words, currencies and hedges; ordinals; scores.

The precision a card asks for follows the article: "$240.1 billion" is exact to
the tenth, "more than 280" means at least 280, "about 3,000" allows a margin.
The year-like numbers that `extract_dates` claims are skipped by the caller.
"""

from __future__ import annotations

import re

from quiz.generation.facts import Fact, FactKind
from quiz.generation.sentences import Sentence
from quiz.model import NumericBound

_CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}

_NUMBER = re.compile(
    r"(?P<hedge>\b(?:more than|over|at least|upwards of|in excess of|less than|fewer than|under|up to|at most|"
    r"almost|nearly|about|around|roughly|some|approximately|an estimated)\s)?"
    r"(?P<cur>US\$|[$€£¥])?"
    r"(?<![\w.,])(?<![\w][-–/])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w,]*\d)(?!-\w)"
    r"(?P<pct>\s?%|\s(?:percent|per cent)\b)?"
    r"(?:\s(?P<scale>thousand|million|billion|trillion|bn)\b)?",
    re.I,
)
_AT_LEAST = ("more than", "over", "at least", "upwards of", "in excess of")
_AT_MOST = ("less than", "fewer than", "under", "up to", "at most")

_UNIT_WORDS = frozenset(
    """km m cm mm kg g mg t lb lbs mph kph km/h kmh ft mi miles metres meters kilometres kilometers degrees °c °f
    minutes minute seconds hours days weeks months years year goals points runs wickets yards laps tonnes tons
    people""".split()
)
_STOP_WORDS = frozenset(
    """in on at by for from to of with and or but as than that which who since after before during into over under
    is are was were be been has have had will would can could per the a an this these those its their his her unless if
    when while because so although though until""".split()
)
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=1
    )
}
_ORDINAL = re.compile(
    r"\b(?P<word>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?P<digits>\d+)(?:st|nd|rd|th))"
    r"(?P<noun>(?:\s[a-z][a-z-]+){1,2})",
)
_SCORE = re.compile(r"(?<![\d.,-])\b(?P<a>\d{1,2})\s?[-–]\s?(?P<b>\d{1,2})\b(?![-–.,]?\d)")
_SCORE_CONTEXT = re.compile(
    r"\b(?:win|won|lose|lost|beat|draw|drew|victory|defeat|score|scored|lead|led|final)\b", re.I
)


def extract_numbers(sentence: Sentence, taken: list[tuple[int, int]]) -> list[Fact]:
    """Figures, ordinals and scores in one sentence, skipping the spans in `taken` (already dates)."""
    text = sentence.text
    found: list[Fact] = []
    spans = list(taken)

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in spans)

    if _SCORE_CONTEXT.search(text):
        for match in _SCORE.finditer(text):
            if free(match.start(), match.end()):
                spans.append((match.start(), match.end()))
                score = f"{match['a']}-{match['b']}"
                found.append(Fact(FactKind.SCORE, sentence, match.start(), match.end(), score))
    for match in _NUMBER.finditer(text):
        start = match.start("cur") if match["cur"] else match.start("num")
        if not free(start, match.end()):
            continue
        fact = _figure(sentence, match, start)
        if fact is not None:
            spans.append((start, match.end()))
            found.append(fact)
    for match in _ORDINAL.finditer(text):
        if not free(match.start("word"), match.end("word")):
            continue
        word = match["word"].lower()
        value = float(match["digits"]) if match["digits"] else float(_ORDINAL_WORDS[word])
        noun = match["noun"].split()
        while noun and noun[-1] in _STOP_WORDS:
            noun.pop()
        if not noun or noun[0] in _STOP_WORDS or noun[0].endswith("ly"):
            continue
        spans.append((match.start("word"), match.end("word")))
        found.append(
            Fact(FactKind.ORDINAL, sentence, match.start("word"), match.end("word"), value, unit=" ".join(noun))
        )
    return sorted(found, key=lambda fact: fact.start)


def _figure(sentence: Sentence, match: re.Match[str], start: int) -> Fact | None:
    number = match["num"]
    value = float(number.replace(",", ""))
    decimals = len(number.partition(".")[2])
    currency = _CURRENCIES.get(match["cur"] or "", "")
    scale = (match["scale"] or "").lower()
    if scale == "bn":
        scale = "billion"
    if match["pct"]:
        unit = "%"
    elif currency:
        unit = f"{scale} {currency}".strip()
    else:
        noun = _unit_after(sentence.text[match.end() :])
        if noun is None:
            return None
        unit = f"{scale} {noun}".strip()
    hedge = (match["hedge"] or "").strip().lower()
    bound = NumericBound.EXACT
    if hedge in _AT_LEAST:
        bound = NumericBound.AT_LEAST
    elif hedge in _AT_MOST:
        bound = NumericBound.AT_MOST
    approximate = bool(hedge) and bound is NumericBound.EXACT
    return Fact(
        FactKind.FIGURE,
        sentence,
        start,
        match.end(),
        value,
        unit=unit,
        bound=bound,
        decimals=decimals,
        approximate=approximate,
        detail=hedge,
    )


def _unit_after(rest: str) -> str | None:
    """The noun a bare number counts: "280 entities", "20 Chinese and Hong Kong-based firms" → firms.

    Looks at most five words ahead, past adjectives and names, and stops at
    punctuation or a function word. None when nothing countable follows, so a
    lone number (a page, a clause number) is not asked about.
    """
    words = re.match(r"^((?:\s[\w’'°/-]+){1,5})", rest)
    if not words:
        return None
    candidates = words.group(1).split()
    for position, word in enumerate(candidates):
        lower = word.lower()
        if lower in _UNIT_WORDS:
            return lower
        if lower in _STOP_WORDS and not (lower == "and" and position > 0):
            return None
        if re.fullmatch(r"[a-z][a-z-]*[a-z]s", word) and not word.endswith(("ss", "us", "is")):
            return word
    return None


def ordinal_word(value: float) -> str:
    """3 → "third" (words up to twelfth), else "13th"."""
    number = int(value)
    for word, n in _ORDINAL_WORDS.items():
        if n == number:
            return word
    return f"{number}{ordinal_suffix(number)}"


def ordinal_suffix(number: int) -> str:
    """1 → "st", 2 → "nd", 11 → "th", 23 → "rd"."""
    return "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def number_text(value: float) -> str:
    """A number as an answer: no trailing ".0", thousands separators kept out (so "1500", not "1,500")."""
    return str(int(value)) if value == int(value) else repr(value)
