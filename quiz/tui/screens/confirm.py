"""A yes/no question in a small dialog, answered with y or n."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui import render


class ConfirmModal(ModalScreen[bool]):
    """Asks one question; dismisses with True for y, False for n or escape."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: render.Content) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel"):
            yield Static(self.question)
            yield Static(render.join(("y", "bold"), " yes    ", ("n", "bold"), " no"), id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
