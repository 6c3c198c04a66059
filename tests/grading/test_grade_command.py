"""`quiz grade`: every example of the grading issue, end to end through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.cli import main

BUNDLED = Path(__file__).resolve().parents[2] / "decks" / "putin-china-state-visit.toml"

DECK = """
[deck]
id = "grading-examples"
title = "Grading examples"
format = 1

[[cards]]
id = "premier"
type = "short"
question = "Which Chinese Premier?"
answer = "Li Qiang"
accept = [
    { text = "Li", weight = 0.5, feedback = "Full name, please" },
    { text = "Li Keqiang", weight = 0, feedback = "He was premier until 2023" },
]

[[cards]]
id = "trade"
type = "numeric"
question = "How large was trade?"
answer = 240.1
tolerance = 0.05
unit = "billion USD"

[[cards]]
id = "entities"
type = "numeric"
question = "More than how many entities?"
answer = 280
bound = "at_least"
unit = "entities"

[[cards]]
id = "visit"
type = "date"
question = "Which dates?"
answer = "--05-16/--05-17"

[[cards]]
id = "day"
type = "date"
question = "Which day?"
answer = "2024-04-03"

[[cards]]
id = "gaps"
type = "cloze"
text = "Trade reached {{$240.1 billion}} in {{2023}}."

[[cards]]
id = "count"
type = "numeric"
question = "How many?"
answer = 1000

[[cards]]
id = "years"
type = "numeric"
question = "How many years?"
answer = 75
unit = "years"

[[cards]]
id = "share"
type = "numeric"
question = "What share?"
answer = 45
unit = "%"

[[cards]]
id = "month"
type = "date"
question = "Which month?"
answer = "2022-02"

[[cards]]
id = "year"
type = "date"
question = "Which year?"
answer = "1949"

[[cards]]
id = "places"
type = "short"
question = "Which two leaders?"
answer = "Xi Jinping and Li Qiang"
any_order = true

[[cards]]
id = "city"
type = "choice"
question = "Which city?"
choices = ["Shanghai", "Harbin", "Dalian"]
answer = "Harbin"

[[cards]]
id = "agenda"
type = "multi"
question = "Which apply?"
choices = ["relations", "cooperation", "arms", "space"]
answer = ["relations", "cooperation"]

[[cards]]
id = "fell"
type = "true_false"
question = "Trade fell."
answer = false

[[cards]]
id = "timeline"
type = "order"
question = "Earliest first"
items = ["1949", "2022", "2023", "2024"]

[[cards]]
id = "roles"
type = "match"
question = "Match"
pairs = [["Putin", "Russian President"], ["Xi", "Chinese President"], ["Li", "Chinese Premier"]]
"""


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "examples.toml"
    path.write_text(DECK, encoding="utf-8")
    return path


def _json(capsys, *argv: str) -> dict:
    assert main(["grade", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("card", "answer", "correctness", "rule"),
    [
        ("trade", "$240.1 billion", "correct", "exact"),
        ("trade", "240.1bn", "correct", "exact"),
        ("trade", "US$240.1B", "correct", "exact"),
        ("trade", "240,100 million", "correct", "exact"),
        ("trade", "2.401e11", "correct", "exact"),
        ("trade", "240,1", "correct", "exact"),
        ("trade", "240.1 million", "wrong", "wrong_scale"),
        ("trade", "240.1 billion euros", "wrong", "wrong_unit"),
        ("entities", "more than 280", "correct", "bound"),
        ("entities", "less than 280", "wrong", "wrong_bound"),
        ("premier", "Li Quiang", "correct", "typo_forgiven"),
        ("premier", "Li Keqiang", "wrong", "anticipated_wrong"),
        ("premier", "Li", "partial", "alternative"),
        ("visit", "May 16-17", "correct", "date"),
        ("visit", "16–17 May", "correct", "date"),
        ("visit", "16 and 17 May", "correct", "date"),
        ("visit", "May 16 to 17", "correct", "date"),
        ("visit", "2024-05-16/17", "correct", "date"),
        ("visit", "May 16", "partial", "partial_date"),
        ("day", "03/04/2024", "wrong", "ambiguous"),
        ("gaps:gap1", "240.1bn", "correct", "exact"),
        ("gaps:gap2", "2022", "wrong", "no_match"),
        ("count", "1,000", "correct", "exact"),
        ("count", "1 000", "correct", "exact"),
        ("years", "75th", "correct", "exact"),
        ("years", "seventy-five", "correct", "exact"),
        ("share", "45%", "correct", "exact"),
        ("share", "45 percent", "correct", "exact"),
        ("month", "February 2022", "correct", "date"),
        ("month", "Feb. 2022", "correct", "date"),
        ("year", "1949", "correct", "date"),
        ("year", "1948", "wrong", "no_match"),
        ("places", "Li Qiang, Xi Jinping", "correct", "any_order"),
        ("city", "b", "correct", "choice"),
        ("city", "2", "correct", "choice"),
        ("city", "harbin", "correct", "choice"),
        ("city", "Shanghai", "wrong", "choice"),
        ("agenda", "a, b", "correct", "picks"),
        ("agenda", "a", "partial", "picks"),
        ("agenda", "a, c", "wrong", "picks"),
        ("fell", "f", "correct", "choice"),
        ("fell", "yes", "wrong", "choice"),
        ("timeline", "1949, 2022, 2023, 2024", "correct", "pairs_in_order"),
        ("timeline", "2022, 1949, 2023, 2024", "partial", "pairs_in_order"),
        ("roles", "1a 2b 3c", "correct", "pairs_matched"),
        (
            "roles",
            "Putin = Chinese President; Xi = Russian President; Li = Chinese Premier",
            "partial",
            "pairs_matched",
        ),
    ],
)
def test_grade_command_reports_the_verdict_as_json(capsys, deck: Path, card, answer, correctness, rule) -> None:
    result = _json(capsys, str(deck), card, answer)
    assert (result["correctness"], result["rule"]) == (correctness, rule), result["explanation"]


def test_json_holds_everything_a_tool_needs(capsys, deck: Path) -> None:
    result = _json(capsys, str(deck), "premier", "Li Keqiang", "--elapsed", "2")
    assert result["deck"] == "grading-examples"
    assert result["item"] == "premier"
    assert result["feedback"] == "He was premier until 2023"
    assert result["expected"] == "Li Qiang"
    assert result["rating"] == "again"
    assert result["score"] == 0.0
    assert {mark for _, mark in result["diff"]["typed"]} == {"right", "wrong"}


def test_plain_report_says_why(capsys, deck: Path) -> None:
    assert main(["grade", str(deck), "trade", "240.1 million"]) == 0
    out = capsys.readouterr().out
    assert "wrong" in out
    assert "240.1 million is a thousand times too small" in out
    assert "answer:   240.1 billion USD" in out
    assert "suggested rating: Again" in out


def test_plain_report_shows_the_diff_and_feedback(capsys, deck: Path) -> None:
    assert main(["grade", str(deck), "premier", "Li"]) == 0
    out = capsys.readouterr().out
    assert "feedback: Full name, please" in out
    assert "expected: Li( Qiang)" in out


def test_item_option_picks_the_gap(capsys, deck: Path) -> None:
    result = _json(capsys, str(deck), "gaps", "2023", "--item", "gaps:gap2")
    assert result["correctness"] == "correct"
    assert result["item"] == "gaps:gap2"


def test_whole_cloze_card_takes_answers_separated_by_semicolons(capsys, deck: Path) -> None:
    result = _json(capsys, str(deck), "gaps", "240.1 bn; 2023")
    assert result["rule"] == "gaps"
    assert result["correctness"] == "correct"


def test_bundled_deck_is_found_by_name(capsys) -> None:
    result = _json(capsys, "putin-china-state-visit", "prc-recognition-year", "1948")
    assert result["correctness"] == "wrong"
    assert result["explanation"] == "1 year too early: the answer is 1949"
    assert _json(capsys, str(BUNDLED), "trade-volume-2023", "$240.1 billion")["correctness"] == "correct"


def test_unknown_card_is_a_clear_error(capsys, deck: Path) -> None:
    assert main(["grade", str(deck), "nope", "x"]) == 1
    err = capsys.readouterr().err
    assert "examples.toml: no card with id 'nope'" in err
    assert "premier" in err
    assert "Traceback" not in err


def test_unknown_item_is_a_clear_error(capsys, deck: Path) -> None:
    assert main(["grade", str(deck), "gaps", "x", "--item", "gaps:gap7"]) == 1
    assert "not a study item" in capsys.readouterr().err


def test_missing_deck_is_a_clear_error(capsys, tmp_path: Path) -> None:
    assert main(["grade", str(tmp_path / "missing.toml"), "x", "y"]) == 1
    assert "missing.toml" in capsys.readouterr().err


def test_a_negative_number_is_an_answer_not_an_option(capsys, deck: Path) -> None:
    assert _json(capsys, str(deck), "trade", "-240.1")["rule"] == "no_match"
    assert main(["grade", "--json", str(deck), "trade", "--", "-240.1 billion"]) == 0
    assert json.loads(capsys.readouterr().out)["answer"] == "-240.1 billion"


def test_several_answers_get_one_verdict_each(capsys, deck: Path) -> None:
    assert main(["grade", str(deck), "premier", "Li Qiang", "Li Quiang", "Li Keqiang"]) == 0
    out = capsys.readouterr().out
    assert out.count("question: Which Chinese Premier?") == 1
    assert "» Li Quiang" in out and "rule: typo_forgiven" in out and "rule: anticipated_wrong" in out


def test_several_answers_as_json_are_a_list(capsys, deck: Path) -> None:
    assert main(["grade", "--json", str(deck), "trade", "240.1bn", "240.1 million"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [(result["answer"], result["rule"]) for result in results] == [
        ("240.1bn", "exact"),
        ("240.1 million", "wrong_scale"),
    ]
