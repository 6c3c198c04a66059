"""A small dialog for picking several of a list at once: a quiz's question types or tags."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from quiz.tui import render
from quiz.tui.widgets.rows import CursorList, Hanging

MIN_WIDTH = 52
"""The panel's width for short names; it grows to fit a long tag and its count on one line."""
NAME_MAX = 48
"""Names up to this long line their counts up in one column; a longer one wraps instead of widening the panel."""


class PickList(CursorList):
    """An OptionList whose enter finishes the dialog instead of choosing one row."""

    BINDINGS = [Binding("enter", "screen.done", "Done", show=False)]


class PickModal(ModalScreen[list[str] | None]):
    """A box beside each name; dismisses with the names ticked, in list order, or None when cancelled.

    "All" is the default, so with nothing chosen yet every name starts ticked and the
    student unticks what they do not want; `a` ticks all or none in one go. The caller
    reads an empty list, like a full one, as "all": a quiz always asks something.
    Ticks are drawn as "[x]" and "[ ]" rather than by colour alone, so they read the
    same in every theme and terminal.
    """

    BINDINGS = [
        # not priority bindings: those run before the list has moved its cursor for an arrow
        # typed just before, so a quick "down space" would tick the wrong row
        Binding("space,x", "toggle", "Tick"),
        Binding("a", "all_or_none", "All or none"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], chosen: list[str] | None) -> None:
        """`choices` are (name, detail) pairs; the name is deck text (a tag), the detail app text ("3 cards")."""
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.ticked = [chosen is None or name in chosen for name, _ in choices]
        self._width = min(max((len(name) for name, _ in choices), default=0), NAME_MAX) + 2

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-panel") as panel:
            panel.border_title = self.title_text
            yield PickList(*[self._row(i) for i in range(len(self.choices))], id="pick-list")
            yield Static(
                render.join(
                    ("space", "bold"),
                    " tick  ",
                    ("a", "bold"),
                    " all/none  ",
                    ("enter", "bold"),
                    " done  ",
                    ("esc", "bold"),
                    " cancel",
                ),
                id="pick-keys",
            )

    def on_mount(self) -> None:
        self.query_one("#pick-list", OptionList).highlighted = 0
        detail = max((len(detail) for _, detail in self.choices), default=0)
        # box, name column, count; the panel's padding, border and the list's scrollbar
        row = len("[x] ") + self._width + detail + 2 + 2 + 2
        self.query_one("#pick-panel").styles.width = max(MIN_WIDTH, row, len(self.title_text) + 8)

    def _row(self, index: int) -> Hanging:
        """A box, then the name and its count; a name too long even for the widest panel wraps beside the box."""
        name, detail = self.choices[index]
        box = ("[x] ", "bold $text-success") if self.ticked[index] else ("[ ] ", "$text-muted")
        body = render.join(render.deck_line(name), " " * max(2, self._width - len(name)), (detail, "$text-muted"))
        return Hanging(render.join(box), body)

    def _redraw(self, index: int) -> None:
        self.query_one("#pick-list", OptionList).replace_option_prompt_at_index(index, self._row(index))

    def action_toggle(self) -> None:
        index = self.query_one("#pick-list", OptionList).highlighted
        if index is not None:
            self.ticked[index] = not self.ticked[index]
            self._redraw(index)

    def action_all_or_none(self) -> None:
        tick = not all(self.ticked)
        for index in range(len(self.ticked)):
            self.ticked[index] = tick
            self._redraw(index)

    def action_done(self) -> None:
        self.dismiss([name for (name, _), ticked in zip(self.choices, self.ticked, strict=True) if ticked])

    def action_cancel(self) -> None:
        self.dismiss(None)
