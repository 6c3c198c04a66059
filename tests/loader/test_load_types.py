"""Every question type loads into the right model object, with defaults and line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.errors import DeckError
from quiz.loader import load_deck, loads_deck
from quiz.model import (
    Answer,
    CardType,
    Choice,
    ClozeGap,
    DateAnswer,
    DeckSource,
    NumericAnswer,
    NumericBound,
    PartialDate,
    StudyOptions,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "loader" / "every-type.toml"

HEAD = '[deck]\nid = "d"\ntitle = "T"\n\n[[cards]]\nid = "c"\n'


def one_card(body: str):  # noqa: ANN201 - any card
    return loads_deck(HEAD + body).cards[0]


def test_example_deck_uses_every_type() -> None:
    deck = load_deck(EXAMPLE)
    assert {card.type for card in deck.cards} == set(CardType)
    assert deck.path == EXAMPLE
    assert deck.source == DeckSource(
        title="Putin to visit China on his first foreign trip of a new term",
        url="https://news.example/putin-china",
        publisher="Example News",
        published=__import__("datetime").date(2024, 5, 14),
        article="every-type-article.txt",
    )
    assert deck.options == StudyOptions(
        desired_retention=0.85,
        learning_steps=(60, 600, 3600),
        relearning_steps=(600,),
        new_per_day=10,
        max_reviews_per_day=100,
        day_starts_at=5,
        leech_threshold=6,
    )


def test_card_line_is_its_header_line() -> None:
    deck = load_deck(EXAMPLE)
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for card in deck.cards:
        assert lines[card.line - 1] == "[[cards]]"
        assert lines[card.line] == f'id = "{card.id}"'


def test_deck_defaults() -> None:
    deck = loads_deck(HEAD + 'type = "flashcard"\nfront = "a"\nback = "b"\n')
    assert (deck.language, deck.tags, deck.format, deck.source) == ("en", (), 1, None)
    assert deck.options == StudyOptions()


def test_flashcard() -> None:
    card = one_card('type = "flashcard"\nfront = "Xi Jinping"\nback = "President"\n')
    assert (card.question, card.back, card.reverse) == ("Xi Jinping", "President", False)


def test_short_answer_with_weighted_alternatives() -> None:
    card = one_card(
        'type = "short"\nquestion = "Who?"\nanswer = "Li Qiang"\n'
        'accept = ["Premier Li Qiang", { text = "Li", weight = 0.5, feedback = "Full name" }]\n'
    )
    assert card.answers == (Answer("Li Qiang"), Answer("Premier Li Qiang"), Answer("Li", 0.5, "Full name"))
    assert (card.case_sensitive, card.exact, card.typos, card.any_order) == (False, False, True, False)


def test_choice_answer_sets_the_weights() -> None:
    card = one_card(
        'type = "choice"\nquestion = "Q"\nchoices = ["A", { text = "B", feedback = "no" }]\nanswer = "a "\n'
    )
    assert card.choices == (Choice("A", 1.0), Choice("B", 0.0, "no"))
    assert card.shuffle is True


def test_choice_by_weights_alone() -> None:
    card = one_card(
        'type = "choice"\nquestion = "Q"\nchoices = [{ text = "A", weight = 1 }, { text = "B", weight = 0.5 }, "C"]\n'
    )
    assert [choice.weight for choice in card.choices] == [1.0, 0.5, 0.0]


def test_multi_shares_credit_and_penalises_wrong_picks() -> None:
    card = one_card('type = "multi"\nquestion = "Q"\nchoices = ["A", "B", "C", "D"]\nanswer = ["A", "C"]\n')
    assert [choice.weight for choice in card.choices] == [0.5, -0.5, 0.5, -0.5]


def test_multi_explicit_weight_overrides_the_default() -> None:
    card = one_card(
        'type = "multi"\nquestion = "Q"\nchoices = ["A", "B", { text = "C", weight = 0 }]\nanswer = ["A", "B"]\n'
    )
    assert [choice.weight for choice in card.choices] == [0.5, 0.5, 0.0]


def test_true_false() -> None:
    card = one_card('type = "true_false"\nquestion = "S"\nanswer = false\nfeedback_wrong = "No"\n')
    assert (card.answer, card.feedback_correct, card.feedback_wrong) == (False, "", "No")


@pytest.mark.parametrize(
    ("body", "answers", "bound"),
    [
        ("answer = 240.1\ntolerance = 0.05", (NumericAnswer(240.1, 0.05),), NumericBound.EXACT),
        ("answer = 75", (NumericAnswer(75.0),), NumericBound.EXACT),
        ('min = 280\nbound = "at_least"', (NumericAnswer(low=280.0),), NumericBound.AT_LEAST),
        ("min = 1\nmax = 2", (NumericAnswer(low=1.0, high=2.0),), NumericBound.EXACT),
        (
            'answer = 240.1\nanswers = [{ value = 240, tolerance = 1, weight = 0.5, feedback = "close" }]',
            (NumericAnswer(240.1), NumericAnswer(240.0, 1.0, weight=0.5, feedback="close")),
            NumericBound.EXACT,
        ),
        ("answers = [{ min = 1, weight = 0.5 }]", (NumericAnswer(low=1.0, weight=0.5),), NumericBound.EXACT),
    ],
)
def test_numeric(body: str, answers: tuple, bound: NumericBound) -> None:
    card = one_card(f'type = "numeric"\nquestion = "Q"\n{body}\n')
    assert card.answers == answers
    assert card.bound is bound


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('"1949"', DateAnswer(PartialDate(1949))),
        ('"2022-02"', DateAnswer(PartialDate(2022, 2))),
        ('"2024-05-16"', DateAnswer(PartialDate(2024, 5, 16))),
        ("2024-05-16", DateAnswer(PartialDate(2024, 5, 16))),
        ('"--05-16"', DateAnswer(PartialDate(None, 5, 16))),
        ('"--02-29"', DateAnswer(PartialDate(None, 2, 29))),
        ('"2024-05-16/2024-05-17"', DateAnswer(PartialDate(2024, 5, 16), PartialDate(2024, 5, 17))),
        ('"2024-05-16/17"', DateAnswer(PartialDate(2024, 5, 16), PartialDate(2024, 5, 17))),
        ('"2024-05-30/06-02"', DateAnswer(PartialDate(2024, 5, 30), PartialDate(2024, 6, 2))),
        ('"--05-16/--05-17"', DateAnswer(PartialDate(None, 5, 16), PartialDate(None, 5, 17))),
        ('"1941/1945"', DateAnswer(PartialDate(1941), PartialDate(1945))),
    ],
)
def test_date_forms(written: str, expected: DateAnswer) -> None:
    assert one_card(f'type = "date"\nquestion = "When?"\nanswer = {written}\n').answer == expected


def test_cloze_gaps_with_alternatives_and_hints() -> None:
    card = one_card('type = "cloze"\ntext = "Putin met {{Li Qiang|Premier Li}} in {{Harbin::a city}}."\n')
    assert card.question == ""
    assert card.gaps == (ClozeGap(1, "Li Qiang", ("Premier Li",)), ClozeGap(2, "Harbin", (), "a city"))


def test_order_and_match() -> None:
    order = one_card('type = "order"\nquestion = "Q"\nitems = ["a", "b", "c"]\n')
    assert order.items == ("a", "b", "c")
    match = one_card('type = "match"\nquestion = "Q"\npairs = [["a", "1"], ["b", "2"]]\ndistractors = ["3"]\n')
    assert (match.pairs, match.distractors) == ((("a", "1"), ("b", "2")), ("3",))


def test_common_keys() -> None:
    card = one_card(
        'type = "flashcard"\nfront = "f"\nback = "b"\ntags = ["x", "y"]\nhint = "h"\nexplanation = "e"\n'
        'source = "s"\nprevious_ids = ["old-id"]\ntitle = "t"\n'
    )
    assert (card.tags, card.hint, card.explanation, card.source, card.previous_ids, card.title) == (
        ("x", "y"),
        "h",
        "e",
        "s",
        ("old-id",),
        "t",
    )


def test_control_characters_are_made_visible() -> None:
    card = one_card('type = "flashcard"\nfront = "a\\u001b]52;c;x\\u0007b"\nback = "\\u202eevil"\n')
    assert card.question == "a\ufffd]52;c;x\ufffdb"
    assert card.back == "\ufffdevil"


def test_a_bad_deck_raises_deck_error_naming_the_file() -> None:
    with pytest.raises(DeckError) as caught:
        loads_deck(HEAD + 'type = "flashcard"\nfront = "f"\n', name="algebra.toml")
    assert str(caught.value) == 'algebra.toml:5: cards[0] (id "c"): missing "back"'
