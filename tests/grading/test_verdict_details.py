"""What comes with a verdict: the character diff, the suggested rating, flashcards, the right answer."""

from __future__ import annotations

import pytest
from grading_cards import (
    AGENDA,
    CITY_CHOICE,
    LONG_NAME,
    NO_LIMITS_FLASH,
    PREMIER,
    RECOGNITION,
    TIMELINE,
    TRADE,
    TRADE_CLOZE,
)

from quiz.grading import Mark, Rule, expected_answer, grade, suggest_rating
from quiz.model import Correctness, Rating


def _line(pairs) -> str:
    return "".join(
        char if mark is Mark.RIGHT else f"[{char}]" if mark is Mark.WRONG else f"({char})" for char, mark in pairs
    )


class TestDiff:
    def test_extra_letter_is_wrong_on_the_typed_line(self) -> None:
        diff = grade(PREMIER, "Li Quiang").diff
        assert diff is not None
        assert _line(diff.typed) == "Li Q[u]iang"
        assert _line(diff.expected) == "Li Qiang"

    def test_missing_letter_is_missing_on_the_expected_line(self) -> None:
        diff = grade(PREMIER, "Li Qang").diff
        assert diff is not None
        assert _line(diff.typed) == "Li Qang"
        assert _line(diff.expected) == "Li Q(i)ang"

    def test_replaced_letters_are_wrong_on_both_lines(self) -> None:
        diff = grade(RECOGNITION, "1948").diff
        assert diff is not None
        assert _line(diff.typed) == "194[8]"
        assert _line(diff.expected) == "194[9]"

    def test_case_differences_are_not_marked_on_a_case_blind_card(self) -> None:
        diff = grade(PREMIER, "li qiang").diff
        assert diff is not None
        assert all(mark is Mark.RIGHT for _, mark in diff.typed + diff.expected)

    def test_foreseen_wrong_answer_is_diffed_against_the_right_one(self) -> None:
        diff = grade(PREMIER, "Li Keqiang").diff
        assert diff is not None
        assert "".join(char for char, _ in diff.expected) == "Li Qiang"

    def test_a_long_answer_is_cut_before_diffing(self) -> None:
        diff = grade(PREMIER, "x" * 15_000).diff
        assert diff is not None
        assert len(diff.typed) <= 400

    def test_a_huge_answer_is_not_read_at_all(self) -> None:
        verdict = grade(PREMIER, "Li Qiang " * 12_000)
        assert (verdict.correctness, verdict.rule) == (Correctness.WRONG, Rule.UNREADABLE)
        assert verdict.explanation == "too long to be an answer"

    def test_right_numbers_and_dates_carry_no_diff(self) -> None:
        assert grade(TRADE, "$240.1bn").diff is None
        assert grade(RECOGNITION, "1949").diff is None

    def test_choices_carry_no_diff(self) -> None:
        assert grade(CITY_CHOICE, "a").diff is None


class TestRating:
    @pytest.mark.parametrize(
        ("card", "response", "elapsed", "rating"),
        [
            (PREMIER, "Xi Jinping", 1.0, Rating.AGAIN),
            (PREMIER, "Li", 1.0, Rating.HARD),
            (PREMIER, "Li Qiang", None, Rating.GOOD),
            (PREMIER, "Li Qiang", 3.0, Rating.EASY),
            (PREMIER, "Li Qiang", 5.0, Rating.EASY),
            (PREMIER, "Li Qiang", 5.1, Rating.GOOD),
            (PREMIER, "Li Qiang", 60.0, Rating.GOOD),
            (PREMIER, "Li Quiang", 1.0, Rating.GOOD),
            (LONG_NAME, "trade and investment exposition", 1.0, Rating.GOOD),
            (CITY_CHOICE, "a", 4.9, Rating.EASY),
            (CITY_CHOICE, "a", 5.1, Rating.GOOD),
            (CITY_CHOICE, "b", 1.0, Rating.AGAIN),
            (AGENDA, "a, b, c", 10.0, Rating.EASY),
            (AGENDA, "a, b", 1.0, Rating.HARD),
            (TIMELINE, [0, 1, 2, 3], 11.0, Rating.GOOD),
            (PREMIER, "Li Qiang", float("nan"), Rating.GOOD),
            (PREMIER, "Li Qiang", -1.0, Rating.GOOD),
        ],
    )
    def test_rating_follows_verdict_and_time(self, card, response, elapsed, rating) -> None:
        assert grade(card, response, elapsed=elapsed).rating is rating

    def test_suggest_rating_is_public_for_overrides(self) -> None:
        assert suggest_rating(Correctness.CORRECT, elapsed=2.0, easy_within=3.0) is Rating.EASY
        assert suggest_rating(Correctness.CORRECT, elapsed=2.0, easy_within=None) is Rating.GOOD
        assert suggest_rating(Correctness.SELF_RATED) is Rating.GOOD


class TestFlashcards:
    def test_no_response_is_self_rated(self) -> None:
        verdict = grade(NO_LIMITS_FLASH, None)
        assert verdict.correctness is Correctness.SELF_RATED
        assert verdict.score is None
        assert verdict.rule is Rule.SELF_RATED
        assert verdict.expected == "Declared in February 2022"
        assert verdict.rating is Rating.GOOD

    def test_a_rating_is_the_students_own_verdict(self) -> None:
        verdict = grade(NO_LIMITS_FLASH, Rating.HARD)
        assert (verdict.correctness, verdict.rating, verdict.score) == (Correctness.SELF_RATED, Rating.HARD, None)

    def test_reverse_item_asks_for_the_front(self) -> None:
        verdict = grade(NO_LIMITS_FLASH, "", item="no-limits-flash:reverse")
        assert verdict.expected == "The “no limits” partnership"
        assert grade(NO_LIMITS_FLASH, "the no limits partnership", item="no-limits-flash:reverse").correct

    def test_typed_answer_that_matches_the_back_is_correct(self) -> None:
        verdict = grade(NO_LIMITS_FLASH, "declared in February 2022.")
        assert (verdict.correctness, verdict.rule) == (Correctness.CORRECT, Rule.NORMALISED)

    def test_other_typed_answers_are_left_to_the_student_with_a_diff(self) -> None:
        verdict = grade(NO_LIMITS_FLASH, "in early 2022, I think")
        assert (verdict.correctness, verdict.score, verdict.rule) == (Correctness.SELF_RATED, None, Rule.SELF_RATED)
        assert verdict.rating is Rating.GOOD
        assert verdict.diff is not None
        assert "".join(char for char, _ in verdict.diff.expected) == "Declared in February 2022"

    def test_reverse_item_of_a_card_without_reverse_is_refused(self) -> None:
        with pytest.raises(ValueError):
            grade(PREMIER, "Li Qiang", item="premier:reverse")


@pytest.mark.parametrize(
    ("card", "item", "expected"),
    [
        (PREMIER, None, "Li Qiang"),
        (TRADE, None, "240.1 billion USD"),
        (RECOGNITION, None, "1949"),
        (CITY_CHOICE, None, "Harbin"),
        (AGENDA, None, "bilateral relations, cooperation across various sectors, global and regional issues"),
        (TRADE_CLOZE, "trade-cloze:gap3", "crude oil"),
        (NO_LIMITS_FLASH, "no-limits-flash:reverse", "The “no limits” partnership"),
    ],
)
def test_expected_answer_is_what_a_ui_reveals(card, item, expected) -> None:
    assert expected_answer(card, item=item) == expected
    assert grade(card, "", item=item).expected == expected


@pytest.mark.parametrize(
    ("card", "response"),
    [
        (AGENDA, list(range(5)) * 300),
        (TIMELINE, ["x" * 30_000]),
        (TIMELINE, {str(n): "a" for n in range(2_000)}),
    ],
)
def test_huge_structured_responses_are_not_read(card, response) -> None:
    verdict = grade(card, response)
    assert (verdict.correctness, verdict.rule) == (Correctness.WRONG, Rule.UNREADABLE)
