"""The defect checks catch each documented defect, and pass a well-made card."""

from __future__ import annotations

from quiz.generation.quality import DUPLICATE, EMPTY_SLOT, LEAK, UNGRAMMATICAL, defects
from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    ClozeCard,
    ClozeGap,
    DateAnswer,
    DateCard,
    NumericAnswer,
    NumericCard,
    PartialDate,
    ShortCard,
    TrueFalseCard,
)

GOOD = ShortCard(
    id="good", question="According to the article, who is the Chinese Premier?", answers=(Answer("Li Qiang"),)
)


def only(card: object) -> list[str]:
    return defects([card]).get(card.id, [])  # type: ignore[attr-defined]


def test_a_good_card_has_no_defects() -> None:
    assert only(GOOD) == []


def test_leaked_text_answer() -> None:
    card = ShortCard(id="x", question="Who is Li Qiang, the Chinese Premier?", answers=(Answer("Li Qiang"),))
    assert LEAK in only(card)


def test_leaked_surname_of_a_person() -> None:
    card = ShortCard(
        id="x",
        question="Which person completes: “___ met Xi”, said Qiang?",
        answers=(Answer("Li Qiang"),),
        tags=("person",),
    )
    assert LEAK in only(card)


def test_leaked_number_and_year() -> None:
    numeric = NumericCard(id="n", question="How many of the 280 entities?", answers=(NumericAnswer(value=280),))
    date = DateCard(id="d", question="When, in 1949, did it happen?", answer=DateAnswer(PartialDate(1949)))
    assert LEAK in only(numeric) and LEAK in only(date)
    fine = NumericCard(id="f", question="How many entities, in 2800 pages?", answers=(NumericAnswer(value=280),))
    assert LEAK not in only(fine)


def test_leaked_cloze_answer_outside_its_gap() -> None:
    card = ClozeCard(
        id="c", question="Fill in.", text="{{Harbin}} is a city; Harbin hosts a fair.", gaps=(ClozeGap(1, "Harbin"),)
    )
    assert LEAK in only(card)


def test_choice_options_are_not_a_leak() -> None:
    card = ChoiceCard(id="c", question="Which city hosts the fair?", choices=(Choice("Harbin", 1), Choice("Dalian")))
    assert only(card) == []


def test_empty_slots() -> None:
    for question in ("Who is the {role}?", "Who is the None?", "Which words: “”?", "Who is  the Premier?"):
        assert EMPTY_SLOT in only(ShortCard(id="x", question=question, answers=(Answer("Li"),))), question
    no_gap = ShortCard(
        id="x", question="Which place completes this statement from the article: “a city”?", answers=(Answer("Li"),)
    )
    assert EMPTY_SLOT in only(no_gap)
    assert EMPTY_SLOT in only(ShortCard(id="x", question="Who is it?", answers=(Answer(" "),)))


def test_ungrammatical_joins() -> None:
    for question in (
        "Who is the the Premier?",
        "Who attended a exposition?",
        "Who attended an trade fair?",
        "Who is the Premier ?",
        "Who is the Premier,?",
        "who is the Premier?",
        "Who is the Premier",
    ):
        assert UNGRAMMATICAL in only(ShortCard(id="x", question=question, answers=(Answer("Li"),))), question
    statement = TrueFalseCard(id="t", question="Harbin is a city", answer=True)
    assert UNGRAMMATICAL in only(statement)
    fine = ShortCard(id="y", question="Who attended an hour-long talk and a university fair?", answers=(Answer("Li"),))
    assert only(fine) == []


def test_gap_between_repeated_words_is_not_a_doubled_word() -> None:
    card = DateCard(
        id="d", question="Which month: “treated in ___ in Oxford”?", answer=DateAnswer(PartialDate(1941, 2))
    )
    assert only(card) == []


def test_duplicates_by_question_and_by_answer_and_source() -> None:
    same_question = ShortCard(id="other", question=GOOD.question, answers=(Answer("Someone"),))
    same_answer = ShortCard(
        id="third", question="Who is the premier named?", answers=(Answer("li qiang"),), source=GOOD.source
    )
    found = defects([GOOD, same_question, same_answer])
    assert "good" not in found
    assert found["other"] == [DUPLICATE] and found["third"] == [DUPLICATE]


def test_of_two_cards_with_one_id_only_the_second_is_the_duplicate() -> None:
    from quiz.generation.quality import defects_in_order

    twin = ShortCard(
        id="good", question="According to the article, who is the Chinese President?", answers=(Answer("Xi"),)
    )
    assert defects_in_order([GOOD, twin]) == [[], [DUPLICATE]]
