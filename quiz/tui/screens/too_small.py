"""The note shown instead of a broken layout when the terminal is too small."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui import render

MIN_WIDTH = 60
MIN_HEIGHT = 16


class TooSmallScreen(ModalScreen[None]):
    """Covers everything and swallows keys until the terminal is big enough again.

    Keys other than ctrl+q do nothing here, so no answer is taken or lost
    while the student cannot see the question.
    """

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self._describe()

    def on_resize(self) -> None:
        self._describe()

    def _describe(self) -> None:
        size = self.app.size
        self.query_one("#too-small", Static).update(
            render.lines(
                [
                    render.label("Terminal too small", "bold"),
                    render.label(f"need {MIN_WIDTH}×{MIN_HEIGHT}, have {size.width}×{size.height}"),
                    render.label("ctrl+q quits", "$text-muted"),
                ]
            )
        )
