"""Question templates for single facts: one exam-shaped card per fact.

Most templates quote the fact's clause with the fact blanked and say what kind
of answer completes it ("Which year completes this statement from the
article: …?"). Where the article's wording allows a plainer question, a
specific template asks it: anniversaries ("how many years have passed since
…"), people and their offices ("who is the Chinese Premier?"), a statement's
source ("according to the article, who stated that …?"), quotations.
"""

from __future__ import annotations

import re

from quiz.generation import gazetteer
from quiz.generation.cardmaking import Draft, card_id
from quiz.generation.distractors import answer_text, distractors, rng_for
from quiz.generation.extract_numbers import number_text, ordinal_suffix, ordinal_word
from quiz.generation.facts import Fact
from quiz.generation.phrasing import lower_start, quote, strip_end
from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    DateAnswer,
    DateCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
    ShortCard,
)

_ANNIVERSARY = re.compile(r"^\s+years?\s+(?:since|after)\s+(?P<event>.+?)(?:\s+in\s+(?:1\d{3}|20\d{2})\b|[,;.]|$)")
_SOURCE_REST = re.compile(r"^\s*,\s*(?P<rest>.+)$")
_CLAUSE_END = re.compile(r",\s(?:which|marking|underscoring|representing|following|with|while|known|as well)\b")


def lead(kind: str) -> str:
    return f"{kind} completes this statement from the article:"


def _date_lead(answer: DateAnswer) -> str:
    start = answer.start
    if answer.end is not None:
        return "Which dates complete this statement from the article:"
    if start.month is None:
        return lead("Which year")
    if start.day is None:
        return "Which month and year complete this statement from the article:" if start.year else lead("Which month")
    return lead("Which date")


def gap_question(lead_in: str, fact: Fact, blanks: tuple[Fact, ...] = ()) -> str:
    return f"{lead_in} “{quote(fact, blanks=blanks)}”?"


def date_card(fact: Fact, facts: list[Fact]) -> Draft:
    """A date at the article's granularity; anniversaries ask for the event's year."""
    assert isinstance(fact.value, DateAnswer)
    event = anniversary_event_before(fact)
    if event:
        question = f"According to the article, in which year did {event} take place?"
        template = "anniversary.year"
    else:
        question = gap_question(_date_lead(fact.value), fact)
        template = "gap.date"
    card = DateCard(
        id=card_id("date", fact.text, question),
        question=question,
        answer=fact.value,
        source=fact.sentence.text,
        tags=("date",),
        explanation=f"The article gives {fact.text}.",
    )
    return Draft(card, template, fact.text)


def numeric_card(fact: Fact) -> Draft:
    """A figure: the tolerance follows the digits the article gives; "more than N" is at least N."""
    assert isinstance(fact.value, float)
    tolerance = 0.0
    if fact.decimals:
        tolerance = round(0.5 * 10 ** (-fact.decimals), fact.decimals + 1)
    if fact.approximate:
        tolerance = max(tolerance, round(abs(fact.value) * 0.05, fact.decimals))
    event = anniversary_event_after(fact)
    if event:
        question = f"According to the article, how many years have passed since {event}?"
        template = "anniversary.years"
    elif fact.unit.endswith(("USD", "EUR", "GBP", "JPY")):
        scale, _, currency = fact.unit.rpartition(" ")
        what = f"{scale}s of {_CURRENCY_NAMES[currency]}" if scale else _CURRENCY_NAMES[currency]
        question = gap_question(f"What amount, in {what}, completes this statement from the article:", fact)
        template = "gap.amount"
    elif fact.unit == "%":
        question = gap_question("What percentage completes this statement from the article:", fact)
        template = "gap.percentage"
    else:
        question = gap_question("What number completes this statement from the article:", fact)
        template = "gap.figure"
    bound_note = {NumericBound.AT_LEAST: "more than / at least ", NumericBound.AT_MOST: "up to / at most "}
    card = NumericCard(
        id=card_id("figure", fact.text, question),
        question=question,
        answers=(NumericAnswer(value=fact.value, tolerance=tolerance),),
        unit=fact.unit,
        bound=fact.bound,
        source=fact.sentence.text,
        tags=("figure",),
        explanation=f"The article says {bound_note.get(fact.bound, '')}{fact.text}".rstrip() + ".",
    )
    return Draft(card, template, fact.text)


_CURRENCY_NAMES = {"USD": "US dollars", "EUR": "euros", "GBP": "pounds sterling", "JPY": "yen"}


def ordinal_card(fact: Fact) -> Draft:
    """An ordinal ("the fourth term") as a typed word; digits ("4th", "4") count too."""
    assert isinstance(fact.value, float)
    question = gap_question("Which ordinal number completes this statement from the article:", fact)
    word = fact.text.lower()
    accepts = {
        ordinal_word(fact.value),
        number_text(fact.value),
        f"{number_text(fact.value)}{ordinal_suffix(int(fact.value))}",
    }
    accepts.discard(word)
    card = ShortCard(
        id=card_id("ordinal", word, question),
        question=question,
        answers=(Answer(word), *(Answer(text) for text in sorted(accepts))),
        source=fact.sentence.text,
        tags=("figure", "ordinal"),
    )
    return Draft(card, "gap.ordinal", fact.text)


def person_card(fact: Fact, role_is_unique: bool) -> Draft:
    """Who holds an office ("who is the Chinese Premier?"), or a gap when the office is not unique."""
    name = str(fact.value)
    if fact.detail and role_is_unique:
        question = f"According to the article, who is the {fact.detail}?"
        template = "person.by_role"
    else:
        question = gap_question("Which person completes this statement from the article:", fact)
        template = "gap.person"
    answers = [Answer(name)]
    if fact.detail:
        answers.append(Answer(f"{fact.detail} {name}"))
    card = ShortCard(
        id=card_id("person", name, question),
        question=question,
        answers=tuple(answers),
        source=fact.sentence.text,
        tags=("person",),
    )
    return Draft(card, template, name)


def role_card(fact: Fact) -> Draft:
    """The office the article gives a person; the bare office ("Premier") is accepted too."""
    role, name = str(fact.value), fact.detail
    question = f"According to the article, what office or role does {name} hold?"
    words = role.split()
    accepts = [Answer(" ".join(words[i:])) for i in range(1, len(words)) if words[i][0].isalpha()]
    card = ShortCard(
        id=card_id("role", role, name),
        question=question,
        answers=(Answer(role), *accepts),
        source=fact.sentence.text,
        tags=("role", "person"),
    )
    return Draft(card, "role.of_person", role)


def place_card(fact: Fact, facts: list[Fact], seed: int, as_choice: bool) -> Draft:
    """A place as a typed answer or, with enough plausible alternatives, a choice."""
    what = f"Which {fact.detail}" if fact.detail and fact.detail != "venue" else "Which place"
    if fact.detail == "venue":
        what = "Which venue"
    question = gap_question(lead(what), fact)
    template = "gap.place"
    predicate = subject_predicate(fact)
    if predicate:
        noun = "country" if fact.value in gazetteer.COUNTRIES else "city" if fact.value in gazetteer.CITIES else "place"
        question = f"According to the article, which {noun} {predicate}?"
        template = "subject.place"
    if as_choice:
        card = choice_card("place", fact, facts, seed, question)
        if card is not None:
            return Draft(card, template.replace("gap.", "choice."), fact.text)
    card = ShortCard(
        id=card_id("place", fact.text, question),
        question=question,
        answers=(Answer(str(fact.value)),),
        source=fact.sentence.text,
        tags=("place",),
    )
    return Draft(card, template, fact.text)


def organisation_card(fact: Fact, facts: list[Fact], seed: int) -> Draft:
    """An organisation; for "According to the Kremlin, …" the question asks who said what follows."""
    question = ""
    template = "choice.organisation"
    if fact.detail == "source":
        rest = _SOURCE_REST.match(fact.sentence.text[fact.end :])
        if rest:
            statement = _CLAUSE_END.split(strip_end(rest["rest"]))[0]
            question = f"According to the article, who stated that {lower_start(statement)}?"
            template = "source.statement"
    if not question and (predicate := subject_predicate(fact)):
        question = f"According to the article, which organisation {predicate}?"
        template = "subject.organisation"
    if not question:
        question = gap_question(lead("Which organisation"), fact)
    card = choice_card("org", fact, facts, seed, question)
    if card is not None:
        return Draft(card, template, fact.text)
    short = ShortCard(
        id=card_id("org", fact.text, question),
        question=question,
        answers=(
            Answer(fact.text),
            *((Answer(fact.text.removeprefix("the ")),) if fact.text.startswith("the ") else ()),
        ),
        source=fact.sentence.text,
        tags=("organisation",),
    )
    return Draft(short, template.replace("choice.", "gap."), fact.text)


def duration_card(fact: Fact, facts: list[Fact], seed: int) -> Draft | None:
    """A relative span of time ("just over six months") as a choice among other spans."""
    question = gap_question(lead("Which span of time"), fact)
    card = choice_card("span", fact, facts, seed, question)
    return Draft(card, "choice.duration", fact.text) if card is not None else None


def quote_card(fact: Fact) -> Draft:
    """Who said a quoted statement."""
    speaker = fact.detail
    body = str(fact.value)
    question = f"According to the article, who said: “{body}”?"
    answers = [Answer(speaker)]
    card = ShortCard(
        id=card_id("quote", speaker, body),
        question=question,
        answers=tuple(answers),
        source=fact.sentence.text,
        tags=("quote", "person"),
    )
    return Draft(card, "quote.speaker", speaker)


def term_card(fact: Fact) -> Draft:
    """A phrase the article puts in quotation marks ("no limits")."""
    question = gap_question("Which words, in quotation marks in the article, complete this statement:", fact)
    card = ShortCard(
        id=card_id("term", fact.text, question),
        question=question,
        answers=(Answer(fact.text),),
        source=fact.sentence.text,
        tags=("term",),
    )
    return Draft(card, "gap.term", fact.text)


def phrase_card(fact: Fact) -> Draft:
    """A key phrase of the article ("joint statement"), typed."""
    question = gap_question("Which words complete this statement from the article:", fact)
    card = ShortCard(
        id=card_id("phrase", fact.text, question),
        question=question,
        answers=(Answer(fact.text),),
        source=fact.sentence.text,
        tags=("phrase",),
    )
    return Draft(card, "gap.phrase", fact.text)


def score_card(fact: Fact) -> Draft:
    """A match score ("3-1"); the en dash and spaced forms count too."""
    question = gap_question(lead("Which score"), fact)
    a, b = str(fact.value).split("-")
    card = ShortCard(
        id=card_id("score", str(fact.value), question),
        question=question,
        answers=(Answer(f"{a}-{b}"), Answer(f"{a}–{b}"), Answer(f"{a} - {b}")),
        source=fact.sentence.text,
        tags=("score", "figure"),
        exact=True,
    )
    return Draft(card, "gap.score", fact.text)


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
    question = gap_question(_date_lead(fact.value), fact)
    card = choice_card("date", fact, facts, seed, question)
    return Draft(card, "choice.date", fact.text) if card is not None else None


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
    predicate = _CLAUSE_END.split(strip_end(match["predicate"]))[0]
    predicate = re.split(r"[,;:]\s", predicate)[0].strip()
    return predicate if len(predicate.split()) >= 3 else ""


_PREDICATE = re.compile(
    r"^\s(?!(?:and|or|nor|but|of|in|on|at|to|for|with|from|by|as|the|a|an|that|which|who)\b)(?P<predicate>[a-z]+\b.+)$"
)
"""A lower-case word after a sentence-initial name is, in English, almost always its verb."""


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


def anniversary_event_after(fact: Fact) -> str:
    """For "75 years since X in 1949", the event X (from the figure "75")."""
    if fact.unit != "years":
        return ""
    match = _ANNIVERSARY.match(fact.sentence.text[fact.end :])
    return match["event"].strip() if match else ""


def anniversary_event_before(fact: Fact) -> str:
    """For "75 years since X in 1949", the event X (from the year "1949")."""
    before = fact.sentence.text[: fact.start]
    match = re.search(r"\b\d+\s+years?\s+(?:since|after)\s+(?P<event>.+?)\s+in\s+$", before)
    return match["event"].strip() if match else ""
