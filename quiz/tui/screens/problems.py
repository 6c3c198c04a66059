"""Every problem of a deck that failed to load, in the `file:line: field: message` form."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from quiz.errors import Problem, Severity
from quiz.tui import render


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
        with Vertical(id="problems-panel"):
            yield Static(
                render.join(
                    ("Problems in ", "bold"),
                    render.deck_line(str(self.path), "bold"),
                    f"  {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}",
                ),
                id="problems-title",
            )
            yield OptionList(*(self._option(p) for p in self.problems), id="problems-list")
            yield Static(render.label("Fix the file, then press f5 on the home screen.  escape closes", "$text-muted"))

    @staticmethod
    def _option(problem: Problem) -> render.Content:
        mark = ("✗ ", "$error") if problem.severity is Severity.ERROR else ("! ", "$warning")
        return render.join(mark, render.deck_text(str(problem)))

    def action_close(self) -> None:
        self.dismiss(None)
