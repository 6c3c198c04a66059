"""Key phrases: the few lower-case word groups an article's facts hinge on.

Names and numbers are not the only things worth asking: "a joint statement to be
issued", "a trade and investment exposition", "China's top crude oil supplier".
Three patterns find such phrases without a grammar model: a pair joined by
"and" before a noun, what something is the "top … supplier" of, and a document
that is issued, signed or published.
"""

from __future__ import annotations

import re

from quiz.generation.facts import Fact, FactKind
from quiz.generation.sentences import Sentence

_PATTERNS = (
    re.compile(r"\b(?:a|an|the)\s(?P<phrase>[a-z]{3,}\sand\s[a-z]{3,})\s(?P<head>[a-z]{4,})\b"),
    re.compile(
        r"\btop\s(?P<phrase>[a-z]{3,}(?:\s[a-z]{3,})?)\s(?P<head>supplier|producer|exporter|importer|buyer|seller|"
        r"partner|source|destination|market|customer|scorer|priority)\b"
    ),
    re.compile(
        r"\b(?:a|an|the)\s(?P<phrase>[a-z]{3,}\s[a-z]{4,})\s(?:to be|was|were|will be|has been|had been)\s"
        r"(?P<head>issued|signed|adopted|published|released|announced|agreed|ratified)\b"
    ),
)
_SKIP = frozenset("and the for with from that this which more most very other such".split())


def extract_phrases(sentence: Sentence, taken: list[tuple[int, int]]) -> list[Fact]:
    """Key phrases in one sentence that do not overlap `taken`."""
    found: list[Fact] = []
    spans = list(taken)
    for pattern in _PATTERNS:
        for match in pattern.finditer(sentence.text):
            start, end = match.span("phrase")
            words = match["phrase"].split()
            if words[0] in _SKIP or any(start < b and a < end for a, b in spans):
                continue
            spans.append((start, end))
            found.append(Fact(FactKind.PHRASE, sentence, start, end, match["phrase"], detail=match["head"]))
    return sorted(found, key=lambda fact: fact.start)
