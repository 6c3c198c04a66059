"""Numbers written in words: "seventy-five", "two hundred and eighty", "a thousand", "seventy-fifth".

Words up to the thousands make the value; "million", "billion" and
"trillion" end it as a scale word, so "two hundred billion" is read like
"200 billion" and its scale can be checked against the card's unit.
"""

from __future__ import annotations

import re

SCALE_WORDS = frozenset({"million", "millions", "billion", "billions", "trillion", "trillions"})
"""Scale words that end a number written in words ("thousand" is part of the value instead)."""

UNITS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
ORDINALS = {"first": "one", "second": "two", "third": "three", "fifth": "five", "eighth": "eight",
            "ninth": "nine", "twelfth": "twelve"}  # fmt: skip


def _word_value(word: str) -> str:
    """An ordinal number word as its cardinal ("seventy-fifth" → "fifth" → "five"; "twentieth" → "twenty")."""
    if word in ORDINALS:
        return ORDINALS[word]
    if word.endswith("ieth") and word[:-4] + "y" in TENS:
        return word[:-4] + "y"
    if word.endswith("th") and (word[:-2] in UNITS or word[:-2] in ("hundred", "thousand")):
        return word[:-2]
    return word


def read_number_words(text: str) -> tuple[float, str, str]:
    """A number written in words: "seventy-five", "two hundred and eighty", "a thousand", "three point five".

    Returns the value, a scale word that ends it ("two hundred billion"), and the text left over.

    Raises:
        ValueError: No number word, or two separate numbers ("five or six").
    """
    tokens = re.split(r"[\s\-]+", text)
    total = current = 0
    fraction = ""
    seen = False
    start = end = None
    scale_word = ""
    in_fraction = False
    for index, raw in enumerate(tokens):
        word = _word_value(raw)
        nxt = _word_value(tokens[index + 1]) if index + 1 < len(tokens) else ""
        if in_fraction and word in UNITS and UNITS[word] < 10:
            fraction += str(UNITS[word])
        elif word in UNITS and not in_fraction:
            current += UNITS[word]
        elif word in TENS and not in_fraction:
            current += TENS[word]
        elif word == "hundred" and not in_fraction:
            current = (current or 1) * 100
        elif word == "thousand" and not in_fraction and nxt not in SCALE_WORDS:
            total += (current or 1) * 1000
            current = 0
        elif word in SCALE_WORDS and seen:
            scale_word = word
        elif word == "point" and seen and not in_fraction:
            in_fraction = True
        elif word == "a" and nxt in ("hundred", "thousand", "million", "billion", "trillion") and not seen:
            current = 1
        elif word == "and" and seen and nxt in {**UNITS, **TENS} and not in_fraction:
            pass
        else:
            if seen:
                if any(_word_value(later) in UNITS or _word_value(later) in TENS for later in tokens[index:]):
                    raise ValueError("give one number")
                break
            continue
        if start is None:
            start = index
        seen = True
        end = index + 1
        if scale_word:
            break
    if not seen or start is None or end is None:
        raise ValueError("no number in the answer")
    value = float(f"{total + current}.{fraction or 0}")
    rest = " ".join(tokens[:start] + tokens[end:])
    return value, scale_word, rest
