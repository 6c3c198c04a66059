"""Learn mode's recognition questions over the bundled deck: options a teacher would accept.

Each generated question must have exactly one option that means the right
answer, every option of the right answer's kind, a true/false statement that
reads as a statement, and the deck card's source for the feedback.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from session_helpers import right_response

from quiz.grading import grade
from quiz.grading.dates import parse_date
from quiz.grading.numbers import parse_quantity, parse_unit
from quiz.loader import load_deck
from quiz.model import (
    Answer,
    AnyCard,
    ChoiceCard,
    ClozeCard,
    Correctness,
    DateCard,
    NumericAnswer,
    NumericCard,
    ShortCard,
    TrueFalseCard,
    item_keys,
)
from quiz.session import Presentation, StudyItem, start_session
from quiz.session.distractors import distractors, identity, kind_of
from quiz.session.items import pool_entries, recall_answer, recall_question, recognition_item, statement

BUNDLED = Path(__file__).resolve().parents[2] / "decks" / "putin-china-state-visit.toml"
SEEDS = range(12)


@pytest.fixture(scope="module")
def deck():  # noqa: ANN201
    return load_deck(BUNDLED)


def _pool(cards) -> dict[str, list[str]]:  # noqa: ANN001
    """What the session offers `recognition_item`: the deck's answers (and named choices), by group."""
    pool: dict[str, list[str]] = {}
    for card in cards:
        for group, answer in pool_entries(card):
            pool.setdefault(group, []).append(answer)
    return pool


def _items(deck) -> Iterator[tuple[AnyCard, str]]:  # noqa: ANN001
    for card in deck.cards:
        for key in item_keys(card):
            if recall_answer(card, key) is not None:
                yield card, key


def _grade_item(card: AnyCard, key: str) -> str | None:
    return None if key == card.id else key


def _correctness(card: AnyCard, key: str, text: str) -> Correctness:
    return grade(card, text, item=_grade_item(card, key)).correctness


def _date_granularity(text: str) -> tuple[int, bool]:
    (answer,) = parse_date(text)
    part = answer.start
    return (3 if part.day is not None else 2 if part.month is not None else 1), answer.end is not None


def _same_kind(card: AnyCard, right: str, option: str) -> bool:
    """The option is of the right answer's kind, checked with the grading readers where there is one."""
    if isinstance(card, DateCard):
        return _date_granularity(option) == _date_granularity(right)
    if isinstance(card, NumericCard):
        unit, typed = parse_unit(card.unit), parse_quantity(option)
        return (
            typed.currencies == unit.currencies
            and typed.time_unit == unit.time_unit
            and ({word.rstrip("s") for word in typed.words} == {word.rstrip("s") for word in unit.words})
        )
    return kind_of(option) == kind_of(right)


def _questions(deck) -> Iterator[tuple[AnyCard, str, StudyItem]]:  # noqa: ANN001
    pool = _pool(deck.cards)
    for card, key in _items(deck):
        for seed in SEEDS:
            for true_false in (False, True):
                made = recognition_item(StudyItem(key, card, card), pool, random.Random(seed), true_false=true_false)
                if made is not None:
                    yield card, key, made


def test_every_choice_question_has_one_right_option_and_the_rest_wrong_and_of_its_kind(deck) -> None:
    asked = 0
    for card, key, item in _questions(deck):
        if not isinstance(item.card, ChoiceCard):
            continue
        asked += 1
        right = recall_answer(card, key)
        texts = [choice.text for choice in item.card.choices]
        assert 3 <= len(texts) <= 4, (key, texts)
        rights = [choice.text for choice in item.card.choices if choice.correct]
        assert rights == [right], (key, texts)
        for text in texts:
            said = _correctness(card, key, text)
            if text == right:
                assert said is Correctness.CORRECT, (key, text)
            else:
                assert said not in (Correctness.CORRECT, Correctness.PARTIAL), (key, text, said)
            assert _same_kind(card, right, text), (key, right, text)
        assert len({identity(text) for text in texts}) == len(texts), (key, texts)
        assert grade(item.card, right_response(item)).correctness is Correctness.CORRECT
    assert asked >= 12 * 20  # most items of the deck, at every seed


def test_every_true_false_question_reads_as_a_statement_and_is_true_only_with_the_right_answer(deck) -> None:
    asked = 0
    for card, key, item in _questions(deck):
        if not isinstance(item.card, TrueFalseCard):
            continue
        asked += 1
        question = item.card.question
        assert "\nAnswer:" not in question
        right = recall_answer(card, key)
        if isinstance(card, ClozeCard):
            assert "{{" not in question and "_____" not in question and "\n" not in question
            assert (question == statement(card, key, right)) is item.card.answer
        else:
            head, _, proposed = question.partition("\n\nProposed answer: ")
            assert head == recall_question(card, key) and proposed, question
            said = _correctness(card, key, proposed)
            assert (said is Correctness.CORRECT) is item.card.answer, (key, proposed, said)
            assert said is not Correctness.PARTIAL
            assert _same_kind(card, right, proposed), (key, right, proposed)
        told = item.card.feedback_wrong if item.card.answer else item.card.feedback_correct
        assert f"The answer is {right}." in told  # a false statement still says what is right
        assert grade(item.card, right_response(item)).correctness is Correctness.CORRECT
    assert asked >= 12 * 10


def test_generated_questions_keep_the_cards_source_and_explanation(deck) -> None:
    for card, _, item in _questions(deck):
        assert item.card.source == card.source and item.card.source
        assert item.card.explanation == card.explanation
        assert item.card.id == card.id and item.deck_card is card


def test_the_same_amount_written_another_way_is_never_a_wrong_option(deck) -> None:
    card = deck.card("trade-volume-2023")
    pool = {"cloze": ["$240.1 billion", "240.1 bn"], "short": ["US$240.1B", "240,100 million USD"], "numeric": []}
    for seed in SEEDS:
        wrong = distractors(card, card.id, "240.1 billion USD", pool, random.Random(seed), 3)
        assert len(wrong) == 3
        texts = [other.text for other in wrong]
        assert all(_correctness(card, card.id, text) is Correctness.WRONG for text in texts), texts
        assert all(text.endswith(" billion USD") for text in texts), texts  # made up at the same scale and unit


def test_a_date_question_offers_dates_of_its_granularity_never_figures(deck) -> None:
    pool = _pool(deck.cards)
    for seed in SEEDS:
        item = recognition_item(
            StudyItem("visit-dates", deck.card("visit-dates"), deck.card("visit-dates")),
            pool,
            random.Random(seed),
            true_false=False,
        )
        assert item is not None and item.presentation is Presentation.CHOICE
        for choice in item.card.choices:
            assert _date_granularity(choice.text) == (3, True), choice.text  # a day span for a day span
        year = deck.card("prc-recognition-year")
        item = recognition_item(StudyItem(year.id, year, year), pool, random.Random(seed), true_false=False)
        assert all(choice.text.isdigit() and len(choice.text) == 4 for choice in item.card.choices)


def test_a_cloze_statement_puts_the_proposed_answer_in_its_gap(deck) -> None:
    card = deck.card("harbin-cloze")
    said = statement(card, "harbin-cloze:gap2", "a joint statement")
    assert said == (
        "Putin will hold discussions with Chinese Premier Li Qiang and attend a joint statement exposition "
        "in the northeastern city of Harbin."
    )  # one article, not "a a joint statement"
    for seed in SEEDS:
        item = recognition_item(
            StudyItem("harbin-cloze:gap2", card, card), _pool(deck.cards), random.Random(seed), true_false=False
        )
        assert "a joint statement" not in {choice.text for choice in item.card.choices}  # "attend a _____ exposition"


def test_the_decks_anticipated_wrong_answer_is_offered_first_with_its_feedback(deck) -> None:
    card = deck.card("chinese-premier")
    wrong = distractors(card, card.id, "Li Qiang", _pool(deck.cards), random.Random(1), 3)
    assert wrong[0].text == "Li Keqiang" and "successor is Li Qiang" in wrong[0].feedback
    item = recognition_item(StudyItem(card.id, card, card), _pool(deck.cards), random.Random(1), true_false=False)
    picked = next(i for i, choice in enumerate(item.card.choices) if choice.text == "Li Keqiang")
    assert "successor is Li Qiang" in grade(item.card, picked).feedback


def test_an_option_already_shown_in_the_question_is_not_offered(deck) -> None:
    card = deck.card("troops-deployed-to")  # "…after Putin's February 2022 visit to Beijing?"
    for seed in SEEDS:
        texts = [other.text for other in distractors(card, card.id, "Ukraine", _pool(deck.cards),
                                                     random.Random(seed), 3, question=card.question)]  # fmt: skip
        assert "Beijing" not in texts and len(texts) == 3


def _names_card(answer: str) -> ShortCard:
    return ShortCard(id="q", question="Who wrote it?", answers=(Answer(answer),), source="The sentence.")


def test_too_few_answers_of_the_kind_ask_fewer_options_then_true_false_then_the_question_as_written() -> None:
    card = _names_card("Ada Lovelace")
    item = StudyItem("q", card, card)
    mixed_kinds = {"numeric": ["20 firms", "$240.1 billion"], "date": ["1949", "16–17 May"], "short": ["crude oil"]}
    two = recognition_item(item, {**mixed_kinds, "short": ["Alan Turing", "Grace Hopper", "crude oil"]},
                           random.Random(1), true_false=False)  # fmt: skip
    assert isinstance(two.card, ChoiceCard)
    assert sorted(choice.text for choice in two.card.choices) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    one = recognition_item(item, {**mixed_kinds, "short": ["Alan Turing"]}, random.Random(1), true_false=False)
    assert isinstance(one.card, TrueFalseCard)
    assert one.card.question in ("Who wrote it?\n\nProposed answer: Alan Turing",
                                 "Who wrote it?\n\nProposed answer: Ada Lovelace")  # fmt: skip
    assert recognition_item(item, mixed_kinds, random.Random(1), true_false=False) is None
    assert recognition_item(item, mixed_kinds, random.Random(1), true_false=True) is None


def test_a_figure_with_too_few_of_its_unit_in_the_deck_gets_nearby_figures_on_both_sides() -> None:
    card = NumericCard(id="n", question="How many?", answers=(NumericAnswer(20.0),), unit="firms")
    places = set()
    for seed in range(40):
        texts = [other.text for other in distractors(card, "n", "20 firms", {"numeric": ["75 years"]},
                                                     random.Random(seed), 3)]  # fmt: skip
        assert len(texts) == 3 and all(text.endswith(" firms") for text in texts)
        values = [int(text.split()[0]) for text in texts]
        assert all(value % 5 == 0 and value != 20 for value in values)  # round like the figure asked
        places.add(sum(value < 20 for value in values))
    assert len(places) >= 3  # the right one is sometimes the smallest, sometimes in the middle, sometimes…


def test_a_learn_session_on_the_bundled_deck_asks_recognition_questions_that_grade_right(store, clock) -> None:
    deck = load_deck(BUNDLED)
    session = start_session(store, deck, mode="learn", clock=clock, rng=random.Random(3), fuzz=False)
    recognised = 0
    while (item := session.current) is not None and recognised < 60:
        if item.presentation is not Presentation.AS_WRITTEN:
            recognised += 1
            right = recall_answer(item.deck_card, item.key)
            if isinstance(item.card, ChoiceCard):
                for choice in item.card.choices:
                    assert _same_kind(item.deck_card, right, choice.text), (item.key, choice.text)
                    if not choice.correct:
                        assert _correctness(item.deck_card, item.key, choice.text) is Correctness.WRONG
            assert item.card.source == item.deck_card.source
        outcome = session.answer(right_response(item), elapsed=3.0)
        assert outcome.verdict.correct or item.presentation is Presentation.AS_WRITTEN, item.key
    assert recognised >= 20


def test_a_name_is_offered_only_beside_names_of_its_sort(deck) -> None:
    pool = _pool(deck.cards)
    people, places = {"Li Qiang", "Xi Jinping", "Li Keqiang"}, {"Beijing", "Harbin", "Shenyang", "Dalian", "Ukraine"}
    for key, right, sort, never in (
        ("beijing-2022", "Beijing", {"Harbin", "Shenyang", "Dalian"}, people),  # "Which city…?"
        ("harbin-cloze:gap3", "Harbin", {"Beijing", "Shenyang", "Dalian"}, people),  # "…the city of {{Harbin}}"
        ("troops-deployed-to", "Ukraine", {"Russia", "Saudi Arabia", "Iraq", "Angola"}, people),  # "…which country…?"
        ("chinese-premier", "Li Qiang", {"Xi Jinping", "Li Keqiang"}, places),  # "Which Chinese Premier…?"
    ):
        card = deck.card(key.split(":")[0])
        for seed in SEEDS:
            item = recognition_item(StudyItem(key, card, card), pool, random.Random(seed), true_false=False)
            texts = {choice.text for choice in item.card.choices} - {right}
            assert texts <= sort and not texts & never, (key, texts)


def test_a_choice_card_that_names_its_sort_lends_its_options_to_other_questions(deck) -> None:
    assert ("choice:city", "Shenyang") in pool_entries(deck.card("harbin-city"))
    assert ("short:country", "Ukraine") in pool_entries(deck.card("troops-deployed-to"))
    assert pool_entries(deck.card("second-visit-interval")) == []  # "within what period of time?" names no sort


def test_a_figure_the_deck_anticipates_as_wrong_is_offered_with_its_feedback() -> None:
    card = NumericCard(
        id="n",
        question="How large was the trade, in billions of US dollars?",
        answers=(NumericAnswer(240.1), NumericAnswer(190.3, weight=0.0, feedback="That was 2022.")),
        unit="billion USD",
    )
    wrong = distractors(card, "n", "240.1 billion USD", {}, random.Random(2), 3)
    assert wrong[0].text == "190.3 billion USD" and wrong[0].feedback == "That was 2022."
    assert [other.text.endswith(" billion USD") for other in wrong] == [True, True, True]


def test_kinds_read_from_answers() -> None:
    assert kind_of("Mars") == kind_of("Venus") != kind_of("March")  # a planet, not the French for March
    assert kind_of("16–17 May") == kind_of("2–3 June") != kind_of("16 May")  # a span is not a day
    assert kind_of("$240.1 billion") == kind_of("US$12 million") != kind_of("20 firms")
    assert kind_of("fourth") != kind_of("crude oil") != kind_of("Harbin")
