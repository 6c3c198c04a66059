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
from quiz.generation.choice_templates import choice_card
from quiz.generation.extract_numbers import number_text, ordinal_suffix, ordinal_word
from quiz.generation.facts import Fact
from quiz.generation.phrasing import (
    CLAUSE_END,
    anniversary_event_after,
    anniversary_event_before,
    anniversary_of,
    date_lead,
    gap_question,
    lead,
    lower_start,
    strip_end,
    subject_predicate,
)
from quiz.model import (
    Answer,
    DateAnswer,
    DateCard,
    NumericAnswer,
    NumericCard,
    ShortCard,
)

APPROXIMATE = 0.05
"""The margin either way for a hedged figure ("about 7 million")."""
_SOURCE_REST = re.compile(r"^\s*,\s*(?P<rest>.+)$")


def date_card(fact: Fact) -> Draft:
    """A date at the article's granularity; anniversaries ask for the event's year."""
    assert isinstance(fact.value, DateAnswer)
    event = anniversary_event_before(fact)
    if event:
        question = f"According to the article, in which year did {event} take place?"
        template = "anniversary.year"
    else:
        question = gap_question(date_lead(fact.value), fact)
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
        tolerance = max(tolerance, float(f"{abs(fact.value) * APPROXIMATE:.3g}"))
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
    card = NumericCard(
        id=card_id("figure", fact.text, question),
        question=question,
        answers=(NumericAnswer(value=fact.value, tolerance=tolerance),),
        unit=fact.unit,
        bound=fact.bound,
        source=fact.sentence.text,
        tags=("figure",),
        explanation=f"The article says “{figure_phrase(fact)}”.",
    )
    return Draft(card, template, fact.text)


def figure_phrase(fact: Fact) -> str:
    """The figure as the article words it, with its hedge and what it counts: "more than 280 entities"."""
    text = fact.sentence.text
    start = fact.start
    if fact.detail and text[: fact.start].endswith(fact.detail + " "):
        start -= len(fact.detail) + 1
    end = fact.end
    noun = fact.unit.split()[-1] if fact.unit and fact.unit != "%" else ""
    if noun and not noun.isupper():
        found = text.find(noun, fact.end, fact.end + 60)
        if found >= 0:
            end = found + len(noun)
    return text[start:end]


_CURRENCY_NAMES = {"USD": "US dollars", "EUR": "euros", "GBP": "pounds sterling", "JPY": "yen"}


def ordinal_card(fact: Fact) -> Draft:
    """An ordinal ("the fourth term") as a typed word; digits ("4th", "4") count too."""
    assert isinstance(fact.value, float)
    event = anniversary_of(fact)
    if event:
        question = f"According to the article, which anniversary of {event} is being marked?"
        template = "anniversary.ordinal"
    else:
        question = gap_question("Which ordinal number completes this statement from the article:", fact)
        template = "gap.ordinal"
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
    return Draft(card, template, fact.text)


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
            statement = CLAUSE_END.split(strip_end(rest["rest"]))[0]
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
