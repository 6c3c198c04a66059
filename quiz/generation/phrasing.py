"""Turning a sentence around a fact into the words of a question.

Questions quote the article: the clause that holds the fact, with the fact
blanked out. Quoting keeps every question grammatical and faithful to the
article, whatever the sentence's structure; the lead-in ("Which year
completes …") says what kind of answer is wanted, so the card reads on its own.
"""

from __future__ import annotations

import re

from quiz.generation.facts import Fact

GAP = "___"
MIN_WINDOW_WORDS = 9
MAX_WINDOW_WORDS = 32

_CLAUSE_BREAK = re.compile(r",\s|;\s|\s[—–]\s|:\s")
_STARTERS = frozenset(
    """The This That These Those It Its A An There Their Our His Her Recent Notably Despite
    As Given After Before In On By At During When Since For He She They We""".split()
)
"""Sentence-initial words that may be lower-cased when a quote starts mid-sentence."""


def window(fact: Fact, *, min_words: int = MIN_WINDOW_WORDS, max_words: int = MAX_WINDOW_WORDS) -> tuple[int, int]:
    """The span of the fact's sentence worth quoting: its clause, widened to at least `min_words`.

    Whole sentences up to `max_words` words are quoted whole; longer ones are
    cut at commas, semicolons or dashes around the fact.
    """
    text = fact.sentence.text.rstrip()
    if len(text.split()) <= max_words:
        return 0, len(text)
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    # clause boundaries: pieces [cuts[i], cuts[i+1])
    pieces = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    first = last = next(i for i, (a, b) in enumerate(pieces) if a <= fact.start < b or fact.start == b == len(text))
    while first > 0 or last < len(pieces) - 1:
        if len(text[pieces[first][0] : pieces[last][1]].split()) >= min_words and pieces[last][1] >= fact.end:
            break
        if last < len(pieces) - 1 and (first == 0 or last - first < 2 or pieces[last][1] < fact.end):
            last += 1
        else:
            first -= 1
    while pieces[last][1] < fact.end and last < len(pieces) - 1:
        last += 1
    return pieces[first][0], pieces[last][1]


def quote(fact: Fact, *, blanks: tuple[Fact, ...] = (), replace: str | None = None) -> str:
    """The fact's window as a quotation, with the fact (and any `blanks`) replaced by a gap.

    `replace` substitutes other words for the fact instead of a gap (true/false
    statements). Every other occurrence of the answer inside the window is
    blanked too, so the quote never gives the answer away.
    """
    start, end = window(fact)
    text = fact.sentence.text
    edits = sorted({(f.start, f.end) for f in (fact, *blanks) if start <= f.start and f.end <= end})
    pieces: list[str] = []
    cursor = start
    for a, b in edits:
        pieces.append(text[cursor:a])
        pieces.append(replace if (replace is not None and (a, b) == (fact.start, fact.end)) else GAP)
        cursor = b
    pieces.append(text[cursor:end])
    body = "".join(pieces)
    if replace is None:
        body = _blank_repeats(body, fact.text)
    body = body.strip().rstrip(",;:—– ").rstrip()
    if body.endswith("."):
        body = body[:-1]
    if start > 0:
        body = "…" + _lower_first(body)
    if end < len(text.rstrip()) - 1:
        body = body + "…"
    return body


def _blank_repeats(body: str, answer: str) -> str:
    if len(answer) < 2:
        return body
    return re.sub(rf"(?<!\w){re.escape(answer)}(?!\w)", GAP, body)


def _lower_first(body: str) -> str:
    first, _, rest = body.partition(" ")
    return (first.lower() + " " + rest) if first in _STARTERS else body


def lower_start(text: str) -> str:
    """Lower-case the first word when it is an ordinary sentence starter, for use after "that"."""
    return _lower_first(text)


def strip_end(text: str) -> str:
    """The sentence without its final full stop (for quoting inside a question)."""
    text = text.strip()
    return text[:-1] if text.endswith(".") else text
