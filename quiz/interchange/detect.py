"""Which format an import file is in, when the user does not say.

The rules look at the file name first and then at the text, most specific
format first: Anki's `#separator:`-style headers, Aiken's `ANSWER:` lines,
GIFT's `{…}` answer blocks and `::titles::`, a CSV header naming the
columns, and finally two columns of terms and definitions (Quizlet).
"""

from __future__ import annotations

import re

from quiz.interchange.csv_deck import has_known_header

FORMATS = ("gift", "aiken", "anki", "quizlet", "csv")
"""The formats `quiz import` reads."""

_ANKI_HEADER = re.compile(r"#(separator|html|tags|columns|notetype|deck|guid|if matches|tags column|deck column)", re.I)
_AIKEN_ANSWER = re.compile(r"^ANSWER\s*:\s*[A-Z]\s*$", re.M)
_AIKEN_OPTION = re.compile(r"^[A-Z][.)]\s+\S", re.M)
_GIFT = re.compile(r"(^|[^\\])\{[^}]*\}|^::|^\$CATEGORY:", re.M)
_EXTENSIONS = {".gift": "gift", ".aiken": "aiken"}


def detect_format(name: str, text: str) -> str | None:
    """The most likely format of `text`, or None when nothing fits well enough to guess."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    head = text[:200_000]
    first_lines = [line for line in head.splitlines()[:12] if line.strip()]
    if first_lines and _ANKI_HEADER.match(first_lines[0].lstrip("\ufeff")):
        return "anki"
    if _AIKEN_ANSWER.search(head) and _AIKEN_OPTION.search(head):
        return "aiken"
    if first_lines and has_known_header(first_lines[0]):
        return "csv"
    if _GIFT.search(head):
        return "gift"
    pairs = sum("\t" in line or "," in line or " - " in line for line in first_lines)
    if first_lines and pairs > len(first_lines) / 2:
        return "quizlet"
    if suffix in (".csv", ".tsv"):
        return "quizlet"
    return None
