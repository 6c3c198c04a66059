"""Every problem of a deck that failed to load, in the `file:line: field: message` form."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.errors import Problem, Severity
from quiz.tui import render
from quiz.tui.widgets.rows import CursorList, Hanging


class ProblemsScreen(ModalScreen[None]):
    """Lists a deck's problems (one OptionList row each, so thousands stay fast)."""

    BINDINGS = [Binding("escape,q,enter", "close", "Close")]

    def __init__(self, path: Path, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.path = path
        self.problems = tuple(problems)

    def compose(self) -> ComposeResult:
        errors = sum(1 for p in self.problems if p.severity is Severity.ERROR)
        warnings = len(self.problems) - errors
        counts = f"{errors} error{'s' * (errors != 1)}"
        if warnings:
            counts += f", {warnings} warning{'s' * (warnings != 1)}"
        with Vertical(id="problems-panel") as panel:
            panel.border_title = "Problems"
            yield Static(
                render.lines(
                    [
                        render.join(render.deck_line(self.path.name, "bold"), ("  ", ""), (counts, "bold $text-error")),
                        render.deck_line(str(self.path), "$text-muted"),
                    ]
                ),
                id="problems-title",
            )
            yield CursorList(*(self._option(p) for p in self.problems), id="problems-list")
            yield Static(
                render.label("Fix the file, then f5 on the home screen loads it again.   esc closes"),
                id="problems-keys",
            )

    @staticmethod
    def _option(problem: Problem) -> Hanging:
        mark = ("✗ ", "$text-error") if problem.severity is Severity.ERROR else ("! ", "$text-warning")
        return Hanging(render.join(mark), render.deck_text(str(problem)))

    def action_close(self) -> None:
        self.dismiss(None)
