"""Deck text reaches the screen literally: no markup, no actions, no terminal escapes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from quiz.tui import render

PAYLOADS = [
    "[@click=app.quit]Click for a hint[/]",
    "[@click=app.reset_progress]Show hint[/]",
    "What is 2+2? [/]",
    "Solve [/ this",
    "[$accent]themed[/]",
    "[link='file:///etc/passwd']Show hint[/link]",
    "[@click=evil.quit]hint[/]",
    "[/",
    "[@==",
    "C:\\Users\\x",
]
ESCAPES = [
    "AAA\x1b[2JBBB",
    "\x1b]52;c;UFdORUQ=\x07",
    "\x1b]0;TITLE\x1b\\",
    "\x1b]8;;http://evil.example/\x1b\\x",
    "\u202ereversed",
    "\x9b2J \x9d0;x",
]


class ClickApp(App[None]):
    """Shows one piece of deck text and records any action it manages to fire."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.fired: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(render.deck_text(self.text), id="q")

    def action_reset_progress(self) -> None:
        self.fired.append("reset_progress")

    def action_quit(self) -> None:  # type: ignore[override]
        self.fired.append("quit")


@pytest.mark.parametrize("text", PAYLOADS)
def test_markup_is_kept_as_text(text: str) -> None:
    assert render.deck_text(text).plain == text
    assert render.deck_line(text).plain == text
    assert render.cell(text).plain == text


@pytest.mark.parametrize("text", ESCAPES)
def test_control_characters_become_visible_replacements(text: str) -> None:
    shown = render.deck_text(text).plain
    assert "\x1b" not in shown and "\u202e" not in shown and "\x9b" not in shown and "\x9d" not in shown
    assert "\ufffd" in shown


@pytest.mark.parametrize("text", PAYLOADS[:5])
async def test_clicking_deck_text_fires_nothing(text: str) -> None:
    app = ClickApp(text)
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.click("#q", offset=(1, 0))
        await pilot.pause()
        shown = str(app.query_one("#q", Static).render())
    assert shown == text
    assert app.fired == []


def test_join_keeps_deck_text_literal_inside_app_text() -> None:
    joined = render.join(("Hint: ", "bold"), render.deck_text("[b]x[/b]"), " end")
    assert joined.plain == "Hint: [b]x[/b] end"


@pytest.mark.parametrize(
    ("delta", "shown"),
    [
        (timedelta(seconds=30), "30s"),
        (timedelta(minutes=10), "10m"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=4), "4d"),
        (timedelta(days=90), "3mo"),
        (timedelta(days=800), "2.2y"),
        (None, "—"),
    ],
)
def test_durations_are_short(delta: timedelta | None, shown: str) -> None:
    assert render.duration(delta) == shown


def test_clock_time() -> None:
    assert render.clock_time(75) == "1:15"
    assert render.clock_time(3675) == "1:01:15"


def test_a_diff_strikes_through_the_students_mistakes_never_the_right_answer() -> None:
    from quiz.grading import grade
    from quiz.model import Answer, ShortCard
    from quiz.tui.widgets.feedback import diff_block

    card = ShortCard(id="city", question="Which city?", answers=(Answer("Beijing"),))
    verdict = grade(card, "Bejjing")
    assert verdict.diff is not None
    typed, expected = str(diff_block(verdict.diff)).split("\n")
    block = diff_block(verdict.diff)
    cut = len(typed) + 1
    typed_styles = [str(span.style) for span in block.spans if span.end <= cut]
    expected_styles = [str(span.style) for span in block.spans if span.start >= cut]
    assert any("strike" in style for style in typed_styles)
    assert expected_styles and not any("strike" in style for style in expected_styles)
    assert expected.endswith("Beijing")
