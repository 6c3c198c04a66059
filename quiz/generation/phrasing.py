"""Turning a sentence around a fact into the words of a question.

Questions quote the article: the clause that holds the fact, with the fact
blanked out. Quoting keeps every question grammatical and faithful to the
article, whatever the sentence's structure; the lead-in ("Which year
completes …") says what kind of answer is wanted, so the card reads on its own.
"""

from __future__ import annotations

import re

from quiz.generation.facts import Fact
from quiz.model import DateAnswer

GAP = "___"
MIN_WINDOW_WORDS = 9
MAX_WINDOW_WORDS = 32

_CLAUSE_BREAK = re.compile(r",\s|;\s|\s[—–]\s|:\s")
_STARTERS = frozenset(
    """The This That These Those It Its A An There Their Our His Her Recent Notably Despite
    As Given After Before In On By At During When Since For He She They We About Some Nearly Almost Around
    More Most Many Several Each Every All Both Only Today Yesterday Last Next Once Later Earlier Then Now""".split()
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


# --- question wording -------------------------------------------------------------


def lead(kind: str) -> str:
    """The usual lead-in: "<Which year> completes this statement from the article:"."""
    return f"{kind} completes this statement from the article:"


def date_lead(answer: DateAnswer) -> str:
    """The lead-in that asks for a date at its granularity: a year, a month and year, a date, or dates."""
    start = answer.start
    if answer.end is not None:
        return "Which dates complete this statement from the article:"
    if start.month is None:
        return lead("Which year")
    if start.day is None:
        return "Which month and year complete this statement from the article:" if start.year else lead("Which month")
    return lead("Which date")


def gap_question(lead_in: str, fact: Fact, blanks: tuple[Fact, ...] = ()) -> str:
    """The lead-in, then the fact's clause quoted with the fact blanked."""
    return f"{lead_in} “{quote(fact, blanks=blanks)}”?"


# --- reading a sentence around a fact ----------------------------------------------

_ANNIVERSARY = re.compile(r"^\s+years?\s+(?:since|after)\s+(?P<event>.+?)(?:\s+in\s+(?:1\d{3}|20\d{2})\b|[,;.]|$)")
CLAUSE_END = re.compile(r",\s(?:which|marking|underscoring|representing|following|with|while|known|as well)\b")
"""Where a clause that adds detail begins: a question stops before it."""


def subject_predicate(fact: Fact) -> str:
    """What the article says its subject did, when the fact opens its clause: "has emerged as China’s top … supplier".

    Only for a fact at the start of the sentence (or after one introductory word
    and a comma, "Notably, Russia has …") followed by its verb, so the question
    "which country has emerged as …?" reads as English.
    """
    before = fact.sentence.text[: fact.start]
    if before.strip() and not re.fullmatch(r"[A-Z][a-z]+,\s", before):
        return ""
    after = fact.sentence.text[fact.end :]
    match = _PREDICATE.match(after)
    if not match:
        return ""
    predicate = CLAUSE_END.split(strip_end(match["predicate"]))[0]
    predicate = re.split(r"[,;:]\s", predicate)[0].strip()
    return predicate if len(predicate.split()) >= 3 else ""


_PREDICATE = re.compile(
    r"^\s(?!(?:and|or|nor|but|of|in|on|at|to|for|with|from|by|as|the|a|an|that|which|who)\b)(?P<predicate>[a-z]+\b.+)$"
)
"""A lower-case word after a sentence-initial name is, in English, almost always its verb."""


def anniversary_event_after(fact: Fact) -> str:
    """For "75 years since X in 1949", the event X (from the figure "75")."""
    if fact.unit != "years":
        return ""
    match = _ANNIVERSARY.match(fact.sentence.text[fact.end :])
    return match["event"].strip() if match else ""


def anniversary_event_before(fact: Fact) -> str:
    """For "75 years since X in 1949", the event X (from the year "1949")."""
    before = fact.sentence.text[: fact.start]
    # Not "the 75th anniversary of X in 1949": there "in 1949" may date the anniversary as well as X.
    match = re.search(r"\b\d+\s+years?\s+(?:since|after)\s+(?P<event>.+?)\s+in\s+$", before)
    return match["event"].strip() if match else ""


def anniversary_of(fact: Fact) -> str:
    """For "the 75th anniversary of X", the event X (from the ordinal "75th")."""
    match = _ANNIVERSARY_OF.match(fact.sentence.text[fact.end :])
    return match["event"].strip() if match else ""


_ANNIVERSARY_OF = re.compile(r"^\s+anniversary\s+of\s+(?P<event>.+?)(?:\s+in\s+(?:1\d{3}|20\d{2})\b|[,;.]|$)")
