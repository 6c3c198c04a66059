"""Order by pairs in order, match by pairs matched, cloze gap by gap as text, number or date."""

from __future__ import annotations

import pytest
from grading_cards import PREMIER_CLOZE, ROLES, TIMELINE, TRADE_CLOZE

from quiz.grading import Rule, grade
from quiz.model import Correctness

C, P, W = Correctness.CORRECT, Correctness.PARTIAL, Correctness.WRONG
ITEMS = list(TIMELINE.items)

ORDER_CASES = [
    (ITEMS, 1.0),
    ([0, 1, 2, 3], 1.0),
    ("1, 2, 3, 4", 1.0),
    ("1234", 1.0),
    ("abcd", 1.0),
    (", ".join(ITEMS), 1.0),
    (" > ".join(ITEMS), 1.0),
    ([ITEMS[1], ITEMS[0], ITEMS[2], ITEMS[3]], 5 / 6),
    ([0, 1, 3, 2], 5 / 6),
    ([1, 2, 3, 0], 3 / 6),
    ([3, 2, 1, 0], 0.0),
    ([0, 1, 2], 3 / 6),
    ([0, 0, 1, 2, 3], 1.0),
    ("2, 1, 3, 4", 5 / 6),
    ("b a c d", 5 / 6),
    ("2134", 5 / 6),
    ("no limits 2022, recognition 1949, visit 2024, record trade 2023", 4 / 6),
]


@pytest.mark.parametrize(("response", "score"), ORDER_CASES, ids=[repr(case[0])[:40] for case in ORDER_CASES])
def test_order_scores_the_share_of_pairs_in_order(response, score) -> None:
    verdict = grade(TIMELINE, response)
    assert verdict.rule is Rule.PAIRS_IN_ORDER
    assert verdict.score == pytest.approx(score)


def test_order_marks_each_position() -> None:
    verdict = grade(TIMELINE, [1, 0, 2, 3])
    assert [part.correct for part in verdict.parts] == [False, False, True, True]
    assert verdict.parts[0].given == ITEMS[1]
    assert verdict.parts[0].expected == ITEMS[0]


@pytest.mark.parametrize("response", ["", "x, y, z", []])
def test_order_without_items_is_not_an_answer(response) -> None:
    assert grade(TIMELINE, response).correctness is W


MATCH_CASES = [
    ({"Vladimir Putin": "Russian President", "Xi Jinping": "Chinese President", "Li Qiang": "Chinese Premier"}, 1.0),
    ({0: 0, 1: 1, 2: 2}, 1.0),
    (["Russian President", "Chinese President", "Chinese Premier"], 1.0),
    ([0, 1, 2], 1.0),
    ("Vladimir Putin = Russian President; Xi Jinping = Chinese President; Li Qiang = Chinese Premier", 1.0),
    ("Vladimir Putin -> Russian President, Xi Jinping -> Chinese President, Li Qiang -> Chinese Premier", 1.0),
    ("1a 2b 3c", 1.0),
    ("1-a, 2-b, 3-c", 1.0),
    ("abc", 1.0),
    ("1b 2a 3c", 1 / 3),
    ("1d 2b 3c", 2 / 3),
    ({"Li Qiang": "Chinese Premier"}, 1 / 3),
    ({"Li Qiang": "Foreign Minister", "Xi Jinping": "Russian President"}, 0.0),
    ("li qiang: chinese premier", 1 / 3),
]


@pytest.mark.parametrize(("response", "score"), MATCH_CASES, ids=[repr(case[0])[:40] for case in MATCH_CASES])
def test_match_scores_the_share_of_right_pairs(response, score) -> None:
    verdict = grade(ROLES, response)
    assert verdict.rule is Rule.PAIRS_MATCHED
    assert verdict.score == pytest.approx(score)


def test_match_marks_each_left_item() -> None:
    verdict = grade(ROLES, "1b 2a 3c")
    assert [(part.label, part.given, part.correct) for part in verdict.parts] == [
        ("Vladimir Putin", "Chinese President", False),
        ("Xi Jinping", "Russian President", False),
        ("Li Qiang", "Chinese Premier", True),
    ]


@pytest.mark.parametrize("response", ["", "nobody = nothing", {}])
def test_match_without_pairs_is_not_an_answer(response) -> None:
    assert grade(ROLES, response).correctness is W


CLOZE_CASES = [
    ("trade-cloze:gap1", "$240.1 billion", C, Rule.EXACT),
    ("trade-cloze:gap1", "240.1bn", C, Rule.EXACT),
    ("trade-cloze:gap1", "240,1 billion", C, Rule.EXACT),
    ("trade-cloze:gap1", "240.1", C, Rule.EXACT),
    ("trade-cloze:gap1", "240.1 million", W, Rule.WRONG_SCALE),
    ("trade-cloze:gap1", "€240.1 billion", W, Rule.WRONG_UNIT),
    ("trade-cloze:gap2", "2023", C, Rule.EXACT),
    ("trade-cloze:gap2", "2022", W, Rule.NO_MATCH),
    ("trade-cloze:gap2", "2,023", C, Rule.EXACT),
    ("trade-cloze:gap3", "crude oil", C, Rule.EXACT),
    ("trade-cloze:gap3", "oil", C, Rule.ALTERNATIVE),
    ("trade-cloze:gap3", "crude oli", C, Rule.TYPO_FORGIVEN),
    ("trade-cloze:gap3", "gas", W, Rule.NO_MATCH),
    ("trade-cloze:gap4", "February 2022", C, Rule.DATE),
    ("trade-cloze:gap4", "Feb. 2022", C, Rule.DATE),
    ("trade-cloze:gap4", "2022-02", C, Rule.DATE),
    ("trade-cloze:gap4", "2022", P, Rule.PARTIAL_DATE),
    ("trade-cloze:gap4", "March 2022", W, Rule.NO_MATCH),
    ("premier-cloze:gap1", "Li Quiang", C, Rule.TYPO_FORGIVEN),
    ("premier-cloze:gap1", "Li Keqiang", W, Rule.NEAR_MISS),
]


@pytest.mark.parametrize(
    ("item", "typed", "correctness", "rule"), CLOZE_CASES, ids=[f"{case[0]}:{case[1]!r}" for case in CLOZE_CASES]
)
def test_each_gap_is_graded_by_what_it_holds(item, typed, correctness, rule) -> None:
    card = TRADE_CLOZE if item.startswith("trade") else PREMIER_CLOZE
    verdict = grade(card, typed, item=item)
    assert (verdict.correctness, verdict.rule) == (correctness, rule), verdict.explanation


def test_gap_verdict_shows_the_gap_answer_as_written() -> None:
    assert grade(TRADE_CLOZE, "1", item="trade-cloze:gap1").expected == "$240.1 billion"
    assert grade(TRADE_CLOZE, "1", item="trade-cloze:gap4").expected == "February 2022"


def test_whole_cloze_card_averages_its_gaps() -> None:
    verdict = grade(TRADE_CLOZE, "240.1bn; 2023; gas; 2022")
    assert verdict.rule is Rule.GAPS
    assert verdict.score == pytest.approx((1 + 1 + 0 + 0.5) / 4)
    assert [part.correct for part in verdict.parts] == [True, True, False, False]
    assert grade(TRADE_CLOZE, ["$240.1 billion", "2023", "crude oil", "February 2022"]).correct


def test_cloze_card_with_one_gap_needs_no_item() -> None:
    assert grade(PREMIER_CLOZE, "Li Qiang").correct


def test_an_item_of_another_card_is_refused() -> None:
    with pytest.raises(ValueError, match="not a study item"):
        grade(TRADE_CLOZE, "x", item="trade-cloze:gap9")
    with pytest.raises(ValueError, match="not a study item"):
        grade(TRADE_CLOZE, "x", item="other:gap1")


def test_a_month_name_alone_in_a_gap_is_a_word() -> None:
    from quiz.model import ClozeCard, ClozeGap

    card = ClozeCard(id="verb", question="", text="Troops {{march}} on.", gaps=(ClozeGap(1, "march"),))
    verdict = grade(card, "marhc", item="verb:gap1")
    assert (verdict.correctness, verdict.rule) == (C, Rule.TYPO_FORGIVEN)
