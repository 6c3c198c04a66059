"""Choice cards: one right option in the article's words and wrong options of the same kind.

The wrong options come from `distractors` (the article first, then built-in
lists); when fewer than two plausible ones exist, `choice_card` returns None and
the caller asks the fact as a typed answer instead.
"""

from __future__ import annotations

from quiz.generation.cardmaking import Draft, card_id
from quiz.generation.distractors import answer_text, distractors, rng_for
from quiz.generation.facts import Fact
from quiz.generation.phrasing import anniversary_event_before, date_lead, gap_question, lead
from quiz.model import Choice, ChoiceCard, DateAnswer


def choice_card(prefix: str, fact: Fact, facts: list[Fact], seed: int, question: str) -> ChoiceCard | None:
    """One right option (the article's words) and three distractors; None when fewer than two exist."""
    rng = rng_for(seed, prefix, fact.sentence.index, fact.start)
    wrong = distractors(fact, facts, rng)
    if len(wrong) < 2:
        return None
    right = answer_text(fact)
    options = [Choice(right, 1.0), *(Choice(text) for text in wrong)]
    rng.shuffle(options)
    return ChoiceCard(
        id=card_id(prefix, right, question),
        question=question,
        choices=tuple(options),
        source=fact.sentence.text,
        tags=(fact.kind.value,),
    )


def figure_choice_card(fact: Fact, facts: list[Fact], seed: int) -> Draft | None:
    """A figure as a choice among the article's other figures in the same unit (or nearby values)."""
    question = gap_question(lead("Which figure"), fact)
    card = choice_card("figure", fact, facts, seed, question)
    return Draft(card, "choice.figure", fact.text) if card is not None else None


def date_choice_card(fact: Fact, facts: list[Fact], seed: int) -> Draft | None:
    """A date as a choice among the article's other dates of the same granularity (or nearby ones)."""
    assert isinstance(fact.value, DateAnswer)
    question = gap_question(date_lead(fact.value), fact)
    card = choice_card("date", fact, facts, seed, question)
    return Draft(card, "choice.date", fact.text) if card is not None else None


def duration_card(fact: Fact, facts: list[Fact], seed: int) -> Draft | None:
    """A relative span of time ("just over six months") as a choice among other spans."""
    question = gap_question(lead("Which span of time"), fact)
    card = choice_card("span", fact, facts, seed, question)
    return Draft(card, "choice.duration", fact.text) if card is not None else None


def anniversary_event_card(fact: Fact, events: list[str], seed: int) -> Draft | None:
    """What happened in an anniversary's year ("what happened in 1949?"), the other dated events as options."""
    event = anniversary_event_before(fact)
    if not event:
        return None
    right = event[0].upper() + event[1:]
    wrong = [label for label in events if label.casefold() != right.casefold()][:3]
    if len(wrong) < 2:
        return None
    question = f"According to the article, which event of {fact.text} does the anniversary recall?"
    rng = rng_for(seed, "event", fact.sentence.index, fact.start)
    options = [Choice(right, 1.0), *(Choice(text) for text in wrong)]
    rng.shuffle(options)
    card = ChoiceCard(
        id=card_id("event", right, question),
        question=question,
        choices=tuple(options),
        source=fact.sentence.text,
        tags=("date", "event"),
    )
    return Draft(card, "anniversary.event", right)
