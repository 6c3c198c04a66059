"""The explanation beside a verdict reads as a sentence a student understands at a glance."""

from __future__ import annotations

from grading_cards import NO_LIMITS, PREMIER, RECOGNITION, TRADE, TRADE_CLOZE, VISIT_DAYS_2024

from quiz.grading import grade


def test_a_right_date_says_how_precisely_it_was_right() -> None:
    assert grade(VISIT_DAYS_2024, "16-17 May 2024").explanation == "right to the day"
    assert grade(NO_LIMITS, "February 2022").explanation == "right to the month"  # was "the month asked"
    assert grade(RECOGNITION, "1949").explanation == "right to the year"


def test_a_partly_right_date_does_not_repeat_partly_right() -> None:
    verdict = grade(NO_LIMITS, "2022")
    assert verdict.explanation == "the month is missing"  # the screen already says "◐ Partly right"


def test_exact_answers_say_exactly() -> None:
    assert grade(PREMIER, "Li Qiang").explanation == "exactly the answer"
    assert grade(TRADE, "240.1 billion dollars").explanation.startswith("exactly the figure")


def test_an_alternative_names_the_answer_it_stands_for() -> None:
    assert grade(PREMIER, "Premier Li Qiang").explanation == "accepted as another way to say “Li Qiang”"


def test_a_plainly_right_gap_needs_no_words_but_a_wrong_one_says_why() -> None:
    verdict = grade(TRADE_CLOZE, "$240.1 billion; 2022; crude oli; February 2022")
    feedback = {part.label: part.feedback for part in verdict.parts}
    assert feedback["gap 1"] == "" and feedback["gap 4"] == ""  # was "the figure", "the month asked"
    assert feedback["gap 2"]  # wrong: the reason stays
    assert "typo" in feedback["gap 3"]  # a forgiven typo is still pointed out
