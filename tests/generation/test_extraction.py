"""Sentences, dates, figures, names: what the extractors find in single sentences."""

from __future__ import annotations

import pytest

from quiz.generation.entities import extract_entities
from quiz.generation.extract_dates import extract_dates
from quiz.generation.extract_numbers import extract_numbers
from quiz.generation.facts import FactKind
from quiz.generation.keyphrases import extract_phrases
from quiz.generation.sentences import Sentence, split_sentences
from quiz.model import DateAnswer, NumericBound, PartialDate


def s(text: str) -> Sentence:
    return Sentence(text, 0, 0)


def test_sentences_respect_abbreviations_decimals_and_quotes() -> None:
    text = "Dr. Smith met J. R. Brown in the U.S. on Monday. Trade was $240.1 billion. He said “Go.” Then he left."
    assert [x.text for x in split_sentences(text)] == [
        "Dr. Smith met J. R. Brown in the U.S. on Monday.",
        "Trade was $240.1 billion.",
        "He said “Go.”",
        "Then he left.",
    ]


def test_short_line_without_full_stop_is_a_heading() -> None:
    sentences = split_sentences("A Title Here\nThe body has a sentence.")
    assert [x.heading for x in sentences] == [True, False]


@pytest.mark.parametrize(
    ("text", "found", "answer"),
    [
        (
            "The visit, set for May 16-17, is short.",
            "May 16-17",
            DateAnswer(PartialDate(None, 5, 16), PartialDate(None, 5, 17)),
        ),
        ("It was declared in February 2022 at last.", "February 2022", DateAnswer(PartialDate(2022, 2))),
        ("The recognition in 1949 mattered.", "1949", DateAnswer(PartialDate(1949))),
        ("They met on 16 May 2024 in Beijing.", "16 May 2024", DateAnswer(PartialDate(2024, 5, 16))),
        ("They meet on April 19, 2025, again.", "April 19, 2025", DateAnswer(PartialDate(2025, 4, 19))),
        ("Filed 2024-05-16 by the clerk.", "2024-05-16", DateAnswer(PartialDate(2024, 5, 16))),
    ],
)
def test_dates_at_the_granularity_written(text: str, found: str, answer: DateAnswer) -> None:
    facts = [f for f in extract_dates(s(text)) if f.kind is FactKind.DATE]
    assert [(f.text, f.value) for f in facts] == [(found, answer)]


def test_counts_that_look_like_years_are_not_dates() -> None:
    assert extract_dates(s("The army sent 1500 troops and $2000 to the front.")) == []


def test_relative_spans_of_time_are_kept_as_text() -> None:
    facts = extract_dates(s("This will be his second visit in just over six months."))
    assert [(f.kind, f.value) for f in facts] == [(FactKind.DURATION, "just over six months")]


@pytest.mark.parametrize(
    ("text", "found", "value", "unit", "bound", "decimals"),
    [
        ("Trade reached $240.1 billion in 2023.", "$240.1 billion", 240.1, "billion USD", NumericBound.EXACT, 1),
        ("Measures targeted more than 280 entities today.", "280", 280.0, "entities", NumericBound.AT_LEAST, 0),
        ("They include 20 Chinese and Hong Kong-based firms.", "20", 20.0, "firms", NumericBound.EXACT, 0),
        ("It commemorates 75 years since the event.", "75", 75.0, "years", NumericBound.EXACT, 0),
        ("Growth was 12% last year.", "12%", 12.0, "%", NumericBound.EXACT, 0),
        ("Up to 3,000 people came.", "3,000", 3000.0, "people", NumericBound.AT_MOST, 0),
    ],
)
def test_figures_with_units_bounds_and_precision(
    text: str, found: str, value: float, unit: str, bound: NumericBound, decimals: int
) -> None:
    figures = [f for f in extract_numbers(s(text), []) if f.kind is FactKind.FIGURE]
    assert [(f.text, f.value, f.unit, f.bound, f.decimals) for f in figures] == [(found, value, unit, bound, decimals)]


def test_hedged_figures_are_approximate() -> None:
    (fact,) = extract_numbers(s("They prepared about 2.3 million doses."), [])
    assert fact.approximate and fact.unit == "million doses"


def test_numbers_inside_names_and_ranges_are_not_figures() -> None:
    found = [
        f.text for f in extract_numbers(s("COVID-19 patients filled 300 beds in 2015-2022 and 1/2 of 20 wards."), [])
    ]
    assert found == ["300", "20"]


def test_a_bare_number_without_a_countable_noun_is_not_asked() -> None:
    assert extract_numbers(s("See clause 12 of the treaty."), []) == []


def test_ordinals_and_scores() -> None:
    facts = extract_numbers(s("They won 3-2 for a fourth term, scoring in the 58th minute."), [])
    assert [(f.kind, f.text, f.value) for f in facts] == [
        (FactKind.SCORE, "3-2", "3-2"),
        (FactKind.ORDINAL, "fourth", 4.0),
        (FactKind.ORDINAL, "58th", 58.0),
    ]


def test_people_with_roles_places_and_organisations() -> None:
    text = (
        "According to the Kremlin, Putin will meet Chinese Premier Li Qiang in the northeastern city of Harbin, "
        "known for its ties with Russia."
    )
    facts = {(f.kind, f.text, f.detail) for f in extract_entities(s(text), [])}
    assert (FactKind.ORGANISATION, "the Kremlin", "source") in facts
    assert (FactKind.PERSON, "Li Qiang", "Chinese Premier") in facts
    assert (FactKind.ROLE, "Chinese Premier", "Li Qiang") in facts
    assert (FactKind.PLACE, "Harbin", "northeastern city") in facts
    assert (FactKind.PLACE, "Russia", "") in facts


def test_quotes_have_speakers_and_short_quotes_are_terms() -> None:
    text = "“We never gave up on this team,” said head coach Maria Lindqvist of the “no limits” run."
    facts = {(f.kind, str(f.value), f.detail) for f in extract_entities(s(text), [])}
    assert (FactKind.QUOTE, "We never gave up on this team", "Maria Lindqvist") in facts
    assert (FactKind.TERM, "no limits", "") in facts


def test_key_phrases() -> None:
    text = "Russia is China’s top crude oil supplier; a joint statement is to be issued at a trade and investment fair."
    assert [f.text for f in extract_phrases(s(text), [])] == ["crude oil", "trade and investment"]
    assert [f.text for f in extract_phrases(s("They expect a joint statement to be issued."), [])] == [
        "joint statement"
    ]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        (
            "Notably, Russia has emerged as China’s top crude oil supplier, with a surge in shipments.",
            "has emerged as China’s top crude oil supplier",
        ),
        ("Harbin hosted a trade fair in the north; it was busy.", "hosted a trade fair in the north"),
        ("Beijing and Moscow signed a deal.", ""),
        ("Talks in Beijing went well.", ""),
    ],
)
def test_subject_predicate(text: str, predicate: str) -> None:
    from quiz.generation.phrasing import subject_predicate

    place = next(f for f in extract_entities(s(text), []) if f.kind is FactKind.PLACE)
    assert subject_predicate(place) == predicate


def test_a_possessive_is_not_part_of_a_name() -> None:
    facts = {
        (f.kind, f.text)
        for f in extract_entities(s("The engineer Gustave Eiffel's company met Sean O'Brien, a chemist, there."), [])
    }
    assert (FactKind.PERSON, "Gustave Eiffel") in facts
    assert (FactKind.PERSON, "Sean O'Brien") in facts
