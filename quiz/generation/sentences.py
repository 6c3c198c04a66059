"""Splitting article text into sentences, each one a possible card `source`.

A sentence is kept exactly as it stands in the article text (no rewording, no
whitespace changes) because `quiz check` looks every card's `source` up in the
article verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft vs etc inc ltd co corp dept gen col lt sgt capt cmdr adm gov sen rep
    pres no nos vol vols fig figs approx est jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf al
    u.s u.k u.n e.u a.m p.m ph.d""".split()
)
"""Words that end in a full stop without ending the sentence (compared in lower case, without the stop)."""

_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
"""End punctuation, optional closing quotes or brackets, space, then what can start a sentence."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article."""

    text: str
    index: int
    """Position among all sentences, from 0: the reading order that timelines and ids rely on."""
    paragraph: int
    """Index of the paragraph (line of the article text) it belongs to, from 0."""
    heading: bool = False
    """A short line without end punctuation: a title or subheading, not a statement."""


def split_sentences(text: str) -> list[Sentence]:
    """Split article text (one paragraph per line) into sentences in reading order."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(line.strip() for line in text.split("\n")):
        if not paragraph:
            continue
        if _is_heading(paragraph):
            sentences.append(Sentence(paragraph, len(sentences), number, heading=True))
            continue
        for piece in _split_paragraph(paragraph):
            sentences.append(Sentence(piece, len(sentences), number))
    return sentences


def _is_heading(line: str) -> bool:
    return len(line.split()) <= 14 and not re.search(r"[.!?…:;\"”’)]$", line)


def _split_paragraph(paragraph: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        candidate = paragraph[start : match.start() + 1]
        if _ends_with_abbreviation(candidate):
            continue
        piece = paragraph[start:end].rstrip()
        if piece:
            pieces.append(piece)
        start = end
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def _ends_with_abbreviation(candidate: str) -> bool:
    """True when the full stop closing `candidate` belongs to an abbreviation or an initial."""
    if not candidate.endswith("."):
        return False
    words = candidate[:-1].split()
    if not words:
        return False
    word = words[-1].lstrip("(\"“‘'")
    if word.lower() in _ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("J. R. Smith").
    return len(word) == 1 and word.isupper()
