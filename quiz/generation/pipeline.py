"""From article text to a draft deck: extract facts, pick the ones worth asking, make cards, check them.

The steps are plain functions of the text and the seed, so the same input
always gives the same deck: ids come from content, distractors from a
generator seeded per card, and every choice among mentions is ordered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from quiz.generation import choice_templates, composite, phrasing, templates
from quiz.generation.cardmaking import Draft, slugify
from quiz.generation.entities import extract_entities
from quiz.generation.extract_dates import extract_dates
from quiz.generation.extract_numbers import extract_numbers
from quiz.generation.facts import Fact, FactKind
from quiz.generation.keyphrases import extract_phrases
from quiz.generation.phrasing import window
from quiz.generation.quality import defects_in_order
from quiz.generation.sentences import Sentence, split_sentences
from quiz.model import Deck, DeckSource
from quiz.text import clean_text, one_line

MIN_SENTENCE_WORDS = 5
"""Shorter sentences give a quote too thin to tell what is asked."""
MAX_SENTENCE_WORDS = 120
"""Longer "sentences" are lists, tables or text without punctuation: nothing to quote in a question."""
TOPIC_SHARE = 0.5
"""A place named in more than this share of sentences is the article's topic: asking about it teaches nothing."""
_SUBJECT_VERB = re.compile(r"^(?:’s\b|\s(?:has|have|had|is|was|were|will|became|emerged|remains|won|lost|beat)\b)")


@dataclass(frozen=True, slots=True)
class CardNote:
    """Why a card is in the draft (or was left out), for the teacher reviewing it."""

    card_id: str
    template: str
    fact: str
    problems: tuple[str, ...] = ()
    """The defect checks it failed; non-empty only for dropped candidates."""


@dataclass(frozen=True, slots=True)
class GenerationResult:
    """A draft deck and the notes on how each card was made."""

    deck: Deck
    notes: tuple[CardNote, ...]
    """One per card of the deck, in deck order."""
    dropped: tuple[CardNote, ...] = ()
    """Candidates that failed a defect check, with the checks they failed."""
    facts: tuple[Fact, ...] = field(default=(), repr=False)
    """Everything extracted, for tools that want to show it."""

    @property
    def candidate_count(self) -> int:
        return len(self.notes) + len(self.dropped)


def generate_deck(
    text: str,
    *,
    title: str = "",
    url: str = "",
    published: date | None = None,
    deck_id: str = "",
    seed: int = 0,
    article: str = "",
    description: str = "",
) -> GenerationResult:
    """Draft a deck from plain article text (one paragraph per line, as `read_article` gives).

    Args:
        text: the article's words; cleaned again here, as all untrusted text is.
        title: the deck and source title (default: the first words of the article).
        url, published: recorded in the deck's source table.
        deck_id: the deck's stable id (default: a slug of the title).
        seed: changes only which distractors are drawn and which true/false statements are falsified.
        article: the article's path relative to where the deck will be written, so `quiz check`
            can verify every card's quote; empty when there is no such file.
        description: the deck description (default: a line saying it is a generated draft).
    """
    text = clean_text(text)
    sentences = [
        s
        for s in split_sentences(text)
        if not s.heading and MIN_SENTENCE_WORDS <= len(s.text.split()) <= MAX_SENTENCE_WORDS
    ]
    facts = extract_facts(sentences)
    drafts = make_drafts(sentences, facts, seed, published)
    problems = defects_in_order([d.card for d in drafts])
    kept = [d for d, found in zip(drafts, problems, strict=True) if not found]
    dropped = [
        CardNote(d.card.id, d.template, d.fact, tuple(found))
        for d, found in zip(drafts, problems, strict=True)
        if found
    ]
    title = one_line(title) or _default_title(sentences)
    deck = Deck(
        id=_deck_id(deck_id or title),
        title=title,
        description=one_line(description)
        or "A draft deck generated from the article: review every card before studying.",
        cards=tuple(d.card for d in kept),
        tags=("generated",),
        source=DeckSource(title=title, url=one_line(url), published=published, article=article),
    )
    notes = tuple(CardNote(d.card.id, d.template, d.fact) for d in kept)
    return GenerationResult(deck=deck, notes=notes, dropped=tuple(dropped), facts=tuple(facts))


def extract_facts(sentences: list[Sentence]) -> list[Fact]:
    """Every fact of every sentence, in reading order; dates first, then figures, then names."""
    facts: list[Fact] = []
    for sentence in sentences:
        dates = extract_dates(sentence)
        spans = [(f.start, f.end) for f in dates]
        numbers = extract_numbers(sentence, spans)
        spans += [(f.start, f.end) for f in numbers]
        names = extract_entities(sentence, spans)
        spans += [(f.start, f.end) for f in names]
        phrases = extract_phrases(sentence, spans)
        found = dates + numbers + names + phrases
        quotes = [f for f in found if f.kind is FactKind.QUOTE]
        # What a speaker says is asked as a quotation, not taken apart.
        found = [f for f in found if f.kind is FactKind.QUOTE or not any(f.overlaps(q) for q in quotes)]
        facts.extend(sorted(found, key=lambda f: f.start))
    return facts


def make_drafts(sentences: list[Sentence], facts: list[Fact], seed: int, published: date | None = None) -> list[Draft]:
    """Candidate cards in reading order: one per chosen fact, then true/false, cloze, timeline and match."""
    topics = _topics(sentences, facts)
    by_sentence: dict[int, list[Fact]] = {}
    for fact in facts:
        by_sentence.setdefault(fact.sentence.index, []).append(fact)
    chosen = _choose_facts(facts, topics, by_sentence)
    options = _distinct(facts)
    per_sentence: dict[int, list[Draft]] = {s.index: [] for s in sentences}
    roles = [f for f in facts if f.kind is FactKind.ROLE]
    role_counts: dict[str, set[str]] = {}
    for fact in roles:
        role_counts.setdefault(str(fact.value).casefold(), set()).add(fact.detail)
    counters = {FactKind.DATE: 0, FactKind.FIGURE: 0, FactKind.PLACE: 0}
    for fact in chosen:
        draft = _single(fact, options, seed, role_counts, counters)
        if draft is not None:
            per_sentence[fact.sentence.index].append(draft)
    statements = _true_false_drafts(sentences, by_sentence, topics, options, seed)
    for sentence in sentences:
        own = [f for f in by_sentence.get(sentence.index, ()) if str(f.value) not in topics]
        if sentence.index in statements:
            per_sentence[sentence.index].append(statements[sentence.index])
        if own and (draft := composite.cloze_card(own)):
            per_sentence[sentence.index].append(draft)
    dates = [f for f in facts if f.kind is FactKind.DATE]
    events = list(dict.fromkeys(label for label in map(composite.event_label, dates) if label))
    for fact in dates:
        if draft := choice_templates.anniversary_event_card(fact, events, seed):
            per_sentence[fact.sentence.index].append(draft)
    drafts = [d for s in sentences for d in per_sentence[s.index]]
    timeline = composite.timeline_card(dates, published)
    match = composite.people_match_card(roles)
    drafts += [d for d in (timeline, match) if d is not None]
    return drafts


_STATEMENT_KINDS = (FactKind.FIGURE, FactKind.DATE, FactKind.ORDINAL, FactKind.PLACE, FactKind.PERSON)
"""Facts a true/false statement may change, in order of preference: a changed number reads as a fair test."""


def _true_false_drafts(
    sentences: list[Sentence], by_sentence: dict[int, list[Fact]], topics: set[str], options: list[Fact], seed: int
) -> dict[int, Draft]:
    """About one true/false statement per three sentences, spread evenly over the article."""
    made: dict[int, Draft] = {}
    for sentence in sentences:
        own = [
            f for f in by_sentence.get(sentence.index, ()) if f.kind in _STATEMENT_KINDS and str(f.value) not in topics
        ]
        own.sort(key=lambda f: _STATEMENT_KINDS.index(f.kind))
        if own and (draft := composite.true_false_card(own[0], options, seed)):
            made[sentence.index] = draft
    budget = max(3, len(sentences) // 3)
    if len(made) <= budget:
        return made
    keys = sorted(made)
    step = len(keys) / budget
    return {keys[int(i * step)]: made[keys[int(i * step)]] for i in range(budget)}


def _single(
    fact: Fact, facts: list[Fact], seed: int, role_counts: dict[str, set[str]], counters: dict[FactKind, int]
) -> Draft | None:
    kind = fact.kind
    precise = kind is FactKind.FIGURE and (fact.decimals > 0 or fact.unit.endswith(("USD", "EUR", "GBP", "JPY")))
    if kind in counters and not precise:
        counters[kind] += 1
    if kind is FactKind.DATE:
        if counters[kind] % 3 == 0 and not phrasing.anniversary_event_before(fact):
            return choice_templates.date_choice_card(fact, facts, seed) or templates.date_card(fact)
        return templates.date_card(fact)
    if kind is FactKind.FIGURE:
        # A figure stated to a decimal or as money is asked as a number, where its precision counts.
        if not precise and counters[kind] % 2 == 0 and not phrasing.anniversary_event_after(fact):
            return choice_templates.figure_choice_card(fact, facts, seed) or templates.numeric_card(fact)
        return templates.numeric_card(fact)
    if kind is FactKind.ORDINAL:
        return templates.ordinal_card(fact)
    if kind is FactKind.DURATION:
        return choice_templates.duration_card(fact, facts, seed)
    if kind is FactKind.SCORE:
        return templates.score_card(fact)
    if kind is FactKind.PERSON:
        unique = len(role_counts.get(fact.detail.casefold(), ())) == 1
        return templates.person_card(fact, unique)
    if kind is FactKind.ROLE:
        return templates.role_card(fact)
    if kind is FactKind.PLACE:
        return templates.place_card(fact, facts, seed, as_choice=counters[kind] % 2 == 1)
    if kind is FactKind.ORGANISATION:
        return templates.organisation_card(fact, facts, seed)
    if kind is FactKind.QUOTE:
        return templates.quote_card(fact)
    if kind is FactKind.TERM:
        return templates.term_card(fact)
    if kind is FactKind.PHRASE:
        return templates.phrase_card(fact)
    return None


def _distinct(facts: list[Fact]) -> list[Fact]:
    """The first mention of each value: the pool distractors are drawn from, in reading order."""
    seen: set[tuple[FactKind, str]] = set()
    out: list[Fact] = []
    for fact in facts:
        key = (fact.kind, fact.text.casefold())
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out


def _topics(sentences: list[Sentence], facts: list[Fact]) -> set[str]:
    if len(sentences) < 6:
        return set()
    mentions: dict[str, set[int]] = {}
    for fact in facts:
        if fact.kind is FactKind.PLACE:
            mentions.setdefault(str(fact.value), set()).add(fact.sentence.index)
    return {value for value, where in mentions.items() if len(where) > TOPIC_SHARE * len(sentences)}


def _choose_facts(facts: list[Fact], topics: set[str], by_sentence: dict[int, list[Fact]]) -> list[Fact]:
    """One mention per value for names and figures (the most telling one), every distinct date."""
    best: dict[tuple[FactKind, str], tuple[tuple[int, ...], Fact]] = {}
    for position, fact in enumerate(facts):
        if str(fact.value) in topics:
            continue
        key = (fact.kind, _value_key(fact))
        score = (*_mention_score(fact, by_sentence[fact.sentence.index]), position)
        if key not in best or score < best[key][0]:
            best[key] = (score, fact)
    return sorted((fact for _, fact in best.values()), key=lambda f: (f.sentence.index, f.start))


def _value_key(fact: Fact) -> str:
    if fact.kind is FactKind.ROLE:
        return fact.detail.casefold()
    if fact.kind is FactKind.FIGURE:
        return f"{fact.value}|{fact.unit}"
    return str(fact.value).casefold()


def _mention_score(fact: Fact, neighbours: list[Fact]) -> tuple[int, ...]:
    """Lower is better: a described mention, the only one in its clause, as the subject, few rival names."""
    if fact.kind is not FactKind.PLACE:
        return (0, 0, 0, 0)
    start, end = window(fact)
    text = fact.sentence.text[start:end]
    repeats = len(re.findall(rf"(?<!\w){re.escape(fact.text)}(?!\w)", text))
    rivals = sum(1 for other in neighbours if other.kind is FactKind.PLACE and other is not fact)
    subject = 0 if _SUBJECT_VERB.match(fact.sentence.text[fact.end :]) else 1
    asked_plainly = 0 if phrasing.subject_predicate(fact) else 1
    return (0 if fact.detail else 1, repeats, asked_plainly, subject, rivals)


def _default_title(sentences: list[Sentence]) -> str:
    if not sentences:
        return "Generated deck"
    words = sentences[0].text.split()
    return " ".join(words[:8]).rstrip(",;:.") + ("…" if len(words) > 8 else "")


def _deck_id(text: str) -> str:
    slug = slugify(text)[:64].strip("-")
    return slug or "generated-deck"
