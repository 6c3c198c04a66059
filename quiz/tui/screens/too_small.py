"""The note shown instead of a broken layout when the terminal is too small."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui import render

MIN_WIDTH = 60
MIN_HEIGHT = 16


def fits(width: int, height: int) -> bool:
    """Whether a terminal of this size can show the app's screens."""
    return width >= MIN_WIDTH and height >= MIN_HEIGHT


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

    def on_screen_resume(self) -> None:
        """Lift the note if the terminal grew while another screen sat on top of it.

        The app lifts the note on a resize only when the note is the top screen;
        a dialog pushed over it (the backup offer, when the decks finish loading)
        would otherwise leave "too small" on screen at any size once it closed.
        """
        if fits(self.app.size.width, self.app.size.height):
            self.dismiss()
        else:
            self._describe()

    def _describe(self) -> None:
        size = self.app.size
        self.query_one("#too-small", Static).update(
            render.lines(
                [
                    render.label("Terminal too small", "bold"),
                    render.label(f"need {MIN_WIDTH}×{MIN_HEIGHT}, have {size.width}×{size.height}"),
                    render.label("make the window larger to go on"),
                    render.label("ctrl+q quits", "$text-muted"),
                ]
            )
        )
