"""Cards built from several facts: true/false by changing one fact, cloze passages, timelines, people ↔ roles."""

from __future__ import annotations

import re
from datetime import date

from quiz.generation import gazetteer
from quiz.generation.cardmaking import Draft, card_id
from quiz.generation.distractors import distractors, rng_for
from quiz.generation.extract_dates import date_key
from quiz.generation.facts import Fact, FactKind
from quiz.generation.phrasing import anniversary_event_before, lower_start, window
from quiz.model import ClozeCard, ClozeGap, DateAnswer, MatchCard, OrderCard, TrueFalseCard

_GAP_HINTS = {
    FactKind.PERSON: "a person",
    FactKind.DATE: "a date",
    FactKind.FIGURE: "a number",
    FactKind.PLACE: "a place",
    FactKind.ORGANISATION: "an organisation",
    FactKind.TERM: "a phrase",
    FactKind.PHRASE: "a phrase",
    FactKind.SCORE: "a score",
    FactKind.ORDINAL: "an ordinal",
    FactKind.DURATION: "a span of time",
    FactKind.ROLE: "an office",
}
"""Which facts may be gaps, most worth gapping first, and the hint each gap shows."""
MAX_CLOZE_WORDS = 45
MAX_TIMELINE = 6
MAX_STATEMENT_WORDS = 40
_INTRODUCTORY = re.compile(r"^(?:[A-Z][a-z]+ly|However|Meanwhile|Still|Yet|Instead),\s")
"""An opening adverb ("Notably, …") that cannot follow "According to the article,"."""
MAX_PAIRS = 6
"""More pairs than this make a match card a chore rather than a question."""


def true_false_card(fact: Fact, facts: list[Fact], seed: int) -> Draft | None:
    """The fact's clause as a statement: as written (true), or with the fact swapped for a distractor (false)."""
    rng = rng_for(seed, "tf", fact.sentence.index, fact.start)
    make_false = rng.random() < 0.5
    replacement = None
    if make_false:
        # An option already named in the sentence would make a nonsense statement, not a false one.
        wrong = [text for text in distractors(fact, facts, rng, count=4) if text not in fact.sentence.text]
        if fact.kind is FactKind.PLACE:
            wanted = str(fact.value) in gazetteer.WITH_THE
            wrong = [text for text in wrong if (text in gazetteer.WITH_THE) == wanted]
        if not wrong:
            return None
        replacement = wrong[0]
    sentence = fact.sentence.text.strip()
    if len(sentence.split()) > MAX_STATEMENT_WORDS or not sentence.endswith("."):
        return None
    statement = sentence[: fact.start] + (replacement if replacement is not None else fact.text) + sentence[fact.end :]
    if not statement.startswith("According to"):
        statement = "According to the article, " + lower_start(_INTRODUCTORY.sub("", statement))
    right = f"The article says “{fact.text}”, not “{replacement}”." if make_false else ""
    card = TrueFalseCard(
        id=card_id("tf", fact.text, statement),
        question=statement,
        answer=not make_false,
        feedback_wrong=right,
        feedback_correct=right,
        source=fact.sentence.text,
        tags=(fact.kind.value, "true-false"),
    )
    return Draft(card, "true_false.changed" if make_false else "true_false.as_written", fact.text)


def cloze_card(sentence_facts: list[Fact]) -> Draft | None:
    """The sentence (or its clause) with up to three of its facts as gaps, each hinted by its kind."""
    text = sentence_facts[0].sentence.text
    usable = [
        f
        for f in sentence_facts
        if f.kind in _GAP_HINTS and "|" not in f.text and "::" not in f.text and text.count(f.text) == 1
    ]
    chosen: list[Fact] = []
    seen: set[str] = set()
    for fact in sorted(usable, key=lambda f: list(_GAP_HINTS).index(f.kind)):
        key = fact.text.casefold()
        near = any(
            fact.sentence.index == other.sentence.index and fact.start <= other.end + 2 and other.start <= fact.end + 2
            for other in chosen
        )
        if key not in seen and not near:
            seen.add(key)
            chosen.append(fact)
    if len(chosen) < 2:
        return None
    sentence = sentence_facts[0].sentence
    text = sentence.text
    if "{" in text or "}" in text:
        return None
    start, end = 0, len(text)
    if len(text.split()) > MAX_CLOZE_WORDS:
        start, end = window(chosen[0], max_words=MAX_CLOZE_WORDS)
    chosen = sorted((f for f in chosen if start <= f.start and f.end <= end), key=lambda f: f.start)[:3]
    if len(chosen) < 2:
        return None
    pieces: list[str] = []
    gaps: list[ClozeGap] = []
    cursor = start
    for index, fact in enumerate(sorted(chosen, key=lambda f: f.start), start=1):
        hint = _GAP_HINTS[fact.kind]
        pieces.append(text[cursor : fact.start])
        pieces.append(f"{{{{{fact.text}::{hint}}}}}")
        gaps.append(ClozeGap(index=index, answer=fact.text, hint=hint))
        cursor = fact.end
    pieces.append(text[cursor:end])
    body = "".join(pieces).strip()
    if start > 0:
        body = "…" + body
    if end < len(text.rstrip()):
        body = body.rstrip(",;: ") + "…"
    card = ClozeCard(
        id=card_id("cloze", " ".join(g.answer for g in gaps), text),
        question="Fill in the gaps in this passage from the article.",
        text=body,
        gaps=tuple(gaps),
        source=text,
        tags=("cloze", *sorted({f.kind.value for f in chosen})),
    )
    return Draft(card, "cloze.sentence", ", ".join(g.answer for g in gaps))


def timeline_card(dates: list[Fact], published: date | None = None) -> Draft | None:
    """Events with dated years in time order, when the article has at least three of them.

    A date without a year ("May 16-17") joins the timeline only when the
    article's publication date is known: it is then taken to be the one within
    six months of publication, which is how a news report uses such dates.
    """
    events: dict[tuple[int, int, int], tuple[str, Fact]] = {}
    labels: set[str] = set()
    sentences: set[int] = set()
    for fact in dates:
        key = _when(fact.value, published) if isinstance(fact.value, DateAnswer) else None
        if key is None:
            continue
        if fact.sentence.index in sentences or _RANGE.search(fact.sentence.text[: fact.start]):
            continue  # one event per sentence; "between 2015 and 2022" or "until 1930" is a period, not an event
        label = event_label(fact)
        if not label or label in labels or any(_overlap(key, other) for other in events):
            continue
        events[key] = (label, fact)
        labels.add(label)
        sentences.add(fact.sentence.index)
    if len(events) < 3:
        return None
    ordered = [events[key] for key in sorted(events)][:MAX_TIMELINE]
    items = tuple(label for label, _ in ordered)
    sources = [fact for _, fact in ordered]
    card = OrderCard(
        id=card_id("timeline", "events", *items),
        question="Put these events from the article in the order they happened, earliest first.",
        items=items,
        source=sources[0].sentence.text,
        explanation="; ".join(f"{fact.text}: {label}" for label, fact in ordered) + ".",
        tags=("date", "timeline"),
    )
    return Draft(card, "order.timeline", ", ".join(f.text for f in sources))


def _when(answer: DateAnswer, published: date | None) -> tuple[int, int, int] | None:
    """A date's place in time, its year taken from the publication date when the article omits it."""
    start = answer.start
    if start.year is not None:
        return date_key(answer)
    if published is None or start.month is None:
        return None
    year = published.year
    if start.month - published.month > 6:
        year -= 1
    elif published.month - start.month > 6:
        year += 1
    return (year, start.month, start.day or 0)


_RANGE = re.compile(r"\b(?:between|from|until|till|by|before|after)\s+$")
"""Words before a date that make it a bound of a period, not the time of an event."""


def _overlap(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    """Whether two dates could be the same time ("2022" and "July 2022"), so their order is unknown."""
    if a[0] != b[0]:
        return False
    if not a[1] or not b[1]:
        return True
    return a[1] == b[1] and (not a[2] or not b[2] or a[2] == b[2])


def event_label(fact: Fact) -> str:
    """A short description of what happened at a date: the words leading up to it in its clause.

    "The declaration of a “no limits” partnership between China and Russia in
    February 2022 laid the groundwork…" gives "The declaration of a “no limits”
    partnership between China and Russia"; the words after the date are used
    only when too few come before it.
    """
    event = anniversary_event_before(fact)
    if event:
        return event[0].upper() + event[1:]
    start, end = window(fact, max_words=24, min_words=8)
    text = fact.sentence.text
    raw_before = text[start : fact.start]
    before = _LEAD_OUT.sub("", raw_before).strip(" ,;:")
    if len(before.split()) < 5:
        after = text[fact.end : end]
        if "," in raw_before and after.startswith(","):  # "The gala, set for May 16-17, will …": drop the aside
            after = after[1:]
        before = re.sub(r"\s+([,;:.])", r"\1", " ".join(f"{before} {after}".split())).strip(" ,;:.")
    words = before.split()
    if len(words) < 3:
        return ""
    label = " ".join(words[:16]).rstrip(" ,;:") + ("…" if len(words) > 16 else "")
    if start > 0:
        return "…" + label
    return label[0].upper() + label[1:]


_LEAD_OUT = re.compile(
    r"(?:,?\s*\b(?:set|scheduled|planned|due|expected))?"
    r"(?:,\s*)?\s*\b(?:in|on|since|by|from|during|of|at|for|until)\s*$",
    re.I,
)


def people_match_card(roles: list[Fact]) -> Draft | None:
    """People and the offices the article gives them, when it names at least two."""
    pairs: dict[str, str] = {}
    for fact in roles:
        name = fact.detail
        if name not in pairs and str(fact.value) not in pairs.values():
            pairs[name] = str(fact.value)
    if len(pairs) < 2:
        return None
    ordered = tuple((name, role) for name, role in pairs.items())[:MAX_PAIRS]
    card = MatchCard(
        id=card_id("match", "people-roles", *ordered),
        question="Match each person to the office or role the article gives them.",
        pairs=ordered,
        source=next(f for f in roles if f.detail == ordered[0][0]).sentence.text,
        tags=("person", "role"),
    )
    return Draft(card, "match.people_roles", ", ".join(name for name, _ in ordered))
