"""The GIFT a deck becomes: Moodle's layout, Moodle's rules, and a warning for each approximation."""

from __future__ import annotations

import pytest

from quiz.interchange import export_deck, import_text
from quiz.interchange.gift_export import escape, percent
from quiz.loader import load_deck
from quiz.model import Answer, Choice, ChoiceCard, Deck, NumericAnswer, NumericCard, ShortCard

from .conftest import BUNDLED_DECKS, DATA


def test_a_small_deck_gives_exactly_the_expected_gift() -> None:
    text, warnings = export_deck(load_deck(DATA / "small_deck.toml"), "gift")
    assert text == (DATA / "small_deck.gift").read_text(encoding="utf-8")
    assert warnings == [
        "premier: Moodle does not read case_sensitive = true; it is kept only in the // quiz: comment",
        "visit: Moodle has no date questions: exported as a short answer with the date's spellings",
        "timeline: Moodle has no ordering questions: exported as matching each item to its position",
        "met: GIFT has one gap per question: the 2 gaps become 2 questions",
        "met: Moodle does not show gap hints",
    ]


def test_the_bundled_deck_uses_only_grades_moodle_offers() -> None:
    _, warnings = export_deck(load_deck(BUNDLED_DECKS / "putin-china-state-visit.toml"), "gift")
    assert not [w for w in warnings if "offers no grade" in w]


def test_every_question_is_one_blank_line_separated_block_with_one_answer_block() -> None:
    text, _ = export_deck(load_deck(BUNDLED_DECKS / "putin-china-state-visit.toml"), "gift")
    blocks = [block for block in text.split("\n\n") if block.strip()]
    questions = [b for b in blocks if not all(line.startswith("//") for line in b.splitlines())]
    for block in questions:
        body = "\n".join(line for line in block.splitlines() if not line.startswith("//"))
        unescaped = body.replace("\\\\", "").replace("\\{", "").replace("\\}", "")
        assert unescaped.count("{") == 1 and unescaped.count("}") == 1, block
    assert len(questions) == 35 + 5  # three cloze cards with 2, 3 and 3 gaps add five gap questions


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a~b=c#d{e}f:g\\h", "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"),
        ("line one\nline two", "line one\\nline two"),
        ("plain", "plain"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


@pytest.mark.parametrize(("weight", "written"), [(1, "100"), (0.5, "50"), (1 / 3, "33.33333"), (-1 / 6, "-16.66667")])
def test_weights_are_written_as_moodle_percentages(weight: float, written: str) -> None:
    assert percent(weight) == written


def test_weights_moodle_does_not_offer_are_warned_about() -> None:
    card = ChoiceCard(id="c", question="Q?", choices=(Choice("a", 1.0), Choice("b", 0.37)))
    _, warnings = export_deck(Deck(id="d", title="D", cards=(card,)), "gift")
    assert warnings == ["c: Moodle offers no grade of 37% and will refuse or round it"]


def test_html_looking_text_is_exported_as_plain_so_moodle_shows_it_literally() -> None:
    card = ShortCard(id="tag", question="What does <br> do in HTML & XML?", answers=(Answer("a line break"),))
    deck = Deck(id="d", title="D", cards=(card,))
    text, _ = export_deck(deck, "gift")
    assert "[plain]What does <br> do in HTML & XML?" in text
    assert import_text(text, name="d.gift").deck.cards == (card,)


def test_open_ranges_are_written_with_both_ends_and_come_back_open() -> None:
    card = NumericCard(id="n", question="More than how many?", answers=(NumericAnswer(low=280),))
    deck = Deck(id="d", title="D", cards=(card,))
    text, warnings = export_deck(deck, "gift")
    assert "=280..1000000000000000" in text and "±1e+15" in warnings[0]
    assert import_text(text, name="d.gift").deck.cards == (card,)


def test_settings_moodle_cannot_read_are_warned_about() -> None:
    """docs/import-export.md promises a warning for what Moodle will grade or show differently."""
    card = ChoiceCard(id="c", question="Q?", choices=(Choice("a", 1.0), Choice("b", 0.0)), shuffle=False)
    short = ShortCard(id="s", question="Symbol of sodium?", answers=(Answer("Na"),), case_sensitive=True, exact=True)
    _, warnings = export_deck(Deck(id="d", title="D", cards=(card, short)), "gift")
    assert warnings == [
        "c: Moodle shuffles as its quiz settings say; shuffle = false is kept only in the // quiz: comment",
        "s: Moodle does not read case_sensitive = true, exact = true; it is kept only in the // quiz: comment",
    ]
