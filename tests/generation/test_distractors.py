"""Wrong options: same kind, from the article first, built-in lists only when it has too few."""

from __future__ import annotations

from quiz.generation import gazetteer
from quiz.generation.distractors import distractors, rng_for
from quiz.generation.entities import extract_entities
from quiz.generation.extract_dates import extract_dates
from quiz.generation.extract_numbers import extract_numbers
from quiz.generation.facts import Fact, FactKind
from quiz.generation.sentences import Sentence


def facts_of(*texts: str) -> list[Fact]:
    out: list[Fact] = []
    for index, text in enumerate(texts):
        sentence = Sentence(text, index, index)
        dates = extract_dates(sentence)
        spans = [(f.start, f.end) for f in dates]
        numbers = extract_numbers(sentence, spans)
        out += dates + numbers + extract_entities(sentence, spans + [(f.start, f.end) for f in numbers])
    return out


def test_the_articles_own_places_of_the_same_sort_come_first() -> None:
    facts = facts_of("They flew from Harbin to Dalian and on to Tokyo.", "Talks with Ukraine and Poland followed.")
    harbin = next(f for f in facts if f.text == "Harbin")
    wrong = distractors(harbin, facts, rng_for(0, "t"))
    assert sorted(wrong[:2]) == ["Dalian", "Tokyo"] and len(wrong) == 3
    assert not {"Ukraine", "Poland"} & set(wrong)  # countries are not offered for a city
    assert all(w in gazetteer.CITIES for w in wrong)


def test_figures_in_the_same_unit_then_nearby_values() -> None:
    facts = facts_of("Exports reached 40 tonnes, imports 55 tonnes, and 12 ships sailed.")
    forty = next(f for f in facts if f.text == "40")
    wrong = distractors(forty, facts, rng_for(0, "t"))
    assert wrong[0] == "55" and "12" not in wrong and len(wrong) == 3


def test_dates_of_the_same_granularity_then_nearby_years() -> None:
    facts = facts_of("It opened in 1932 and closed in March 1950, then reopened in 1961.")
    year = next(f for f in facts if f.text == "1932")
    wrong = distractors(year, facts, rng_for(0, "t"))
    assert "1961" in wrong and "March 1950" not in wrong
    assert all(w.isdigit() and len(w) == 4 for w in wrong)


def test_the_seed_decides_the_draw_and_the_same_seed_repeats_it() -> None:
    facts = facts_of("They flew from Harbin to Dalian.")
    harbin = next(f for f in facts if f.kind is FactKind.PLACE)
    draws = {tuple(distractors(harbin, facts, rng_for(seed, "t"))) for seed in range(6)}
    assert len(draws) > 1
    assert distractors(harbin, facts, rng_for(3, "t")) == distractors(harbin, facts, rng_for(3, "t"))
