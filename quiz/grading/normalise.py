"""How typed text is tidied before it is compared: the leeway students get for free.

Every comparison goes through `tidy` (Unicode NFKC, typographic quotes and
dashes folded, invisible characters dropped, whitespace collapsed) and, unless
a card asks for the exact answer, through `canonical`, which also ignores case,
surrounding punctuation, dots and apostrophes inside words, hyphens between
words, parentheses and a leading article. The deck's own answers get the same
treatment, so the two sides always meet on equal terms.

Trap: NFKC and casefolding can change a string's length ("ß" → "ss", "ﬁ" →
"fi"), so positions in canonical text never point into the original; the diff
in `distance.py` works on tidied text for that reason.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

MAX_VARIANT_PARENS = 3
"""At most this many parenthesised parts are treated as optional (2**3 variants)."""

ARTICLES = ("the ", "a ", "an ")
"""Leading articles that are optional in any answer (English only: decks in other languages list their own)."""

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd]"
)
"""Controls, soft hyphens, zero-width characters and bidi marks: never part of what a student meant."""
_SURROUNDING = " .,;:!?\"'()[]{}<>\u00bf\u00a1\u2026*"
_INNER_DROP = re.compile(r"'|(?<!\d)\.|\.(?!\d)")
"""Dots and apostrophes inside words ("U.S." = "US", "Xi's" = "Xis"); a decimal point stays."""
_INNER_SPACE = re.compile(r"(?<!\d)[-_/,]|[-_/,](?!\d)")
"""Hyphens, slashes and commas between words are spaces ("Hong Kong-based" = "Hong Kong based")."""
_PARENS = re.compile(r"\(([^()]*)\)")
_PARTS = re.compile(r"\s*(?:[,;&+]|\band\b|\bor\b)\s*")
"""Where an any-order answer splits into parts: "Xi Jinping and Li Qiang", "Li Qiang, Xi Jinping"."""


def tidy(text: str) -> str:
    """NFKC, typographic quotes and dashes folded, invisibles dropped, whitespace collapsed."""
    if text.isascii():  # NFKC and the folding table cost most of the time, and in ASCII only "`" folds
        text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return " ".join(_INVISIBLE.sub("", text).split())


def fold_case(text: str, *, case_sensitive: bool) -> str:
    """Casefold unless the card is case-sensitive."""
    return text if case_sensitive else text.casefold()


def canonical(text: str, *, case_sensitive: bool = False) -> str:
    """The form two answers are compared in when the card is not `exact`.

    Parentheses are dropped but their content kept; `variants` is what makes
    the content optional on the deck's side. "&" between words reads as "and".
    """
    text = fold_case(tidy(text), case_sensitive=case_sensitive)
    text = text.replace("(", " ").replace(")", " ").replace(" & ", " and ")
    text = _INNER_SPACE.sub(" ", _INNER_DROP.sub("", text.strip(_SURROUNDING)))
    text = " ".join(text.split()).strip(_SURROUNDING)
    lowered = text.casefold()
    for article in ARTICLES:
        if lowered.startswith(article) and len(text) > len(article):
            return text[len(article) :]
    return text


@functools.lru_cache(maxsize=8192)
def variants(text: str, *, case_sensitive: bool = False) -> frozenset[str]:
    """Every canonical form of a deck answer, with each parenthesised part kept or left out.

    "(Chinese) Premier Li Qiang" yields "chinese premier li qiang" and "premier li qiang".
    """
    tidied = tidy(text)
    groups = _PARENS.findall(tidied)
    if not groups or len(groups) > MAX_VARIANT_PARENS:
        return frozenset({canonical(tidied, case_sensitive=case_sensitive)} - {""})
    pieces = _PARENS.split(tidied)
    forms: set[str] = set()
    for keep in itertools.product((True, False), repeat=len(groups)):
        built = []
        for index, piece in enumerate(pieces):
            if index % 2 == 0:
                built.append(piece)
            elif keep[index // 2]:
                built.append(piece)
        forms.add(canonical(" ".join(built), case_sensitive=case_sensitive))
    return frozenset(forms - {""})


def split_parts(text: str) -> list[str]:
    """Split an any-order answer into its parts (on commas, semicolons, "&", "+", "and", "or")."""
    return [part for part in _PARTS.split(tidy(text)) if part.strip(_SURROUNDING)]


def is_code(text: str) -> bool:
    """Whether an answer must be typed exactly: it holds a digit, or it is one word in capitals (an acronym)."""
    tidied = tidy(text)
    if any(char.isdigit() for char in tidied):
        return True
    words = tidied.strip(_SURROUNDING).split()
    return len(words) == 1 and len(words[0]) >= 2 and words[0].isupper()


def typo_allowance(expected_canonical: str) -> int:
    """How many edits are forgiven: none up to 4 letters, 1 for 5-8, 2 from 9 (spaces not counted)."""
    length = len(expected_canonical.replace(" ", ""))
    if length <= 4:
        return 0
    if length <= 8:
        return 1
    return 2
