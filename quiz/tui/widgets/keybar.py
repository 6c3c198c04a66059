"""One line of keys for the study screen, redrawn as a single Static when the phase changes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual import events
from textual.widgets import Static

from quiz.tui import render


class KeyBar(Static):
    """Shows (key, what it does) pairs; cheaper than a Footer, which rebuilds its widgets on each change.

    When the line is too narrow, the pairs named optional give way (the help
    screen lists every key), so the keys that matter are never cut off.
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's own name)
        super().__init__(id=id)
        self._keys: tuple[tuple[str, str], ...] = ()
        self._optional: frozenset[str] = frozenset()

    def show(self, keys: Sequence[tuple[str, str]], *, optional: Sequence[str] = ()) -> None:
        """Show `keys`; those whose description is in `optional` are dropped, last first, to fit."""
        self._keys = tuple(keys)
        self._optional = frozenset(optional)
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        self._draw()

    @property
    def shown_keys(self) -> tuple[tuple[str, str], ...]:
        """The pairs that fit the line now."""
        keys = list(self._keys)
        width = self.content_size.width or self.app.size.width
        droppable = [i for i, (_, what) in enumerate(keys) if what in self._optional]
        while sum(cell_len(key) + cell_len(what) + 3 for key, what in keys) > width and droppable:
            del keys[droppable.pop()]
        return tuple(keys)

    def _draw(self) -> None:
        parts: list[render.Part] = []
        for key, what in self.shown_keys:
            parts += [(f" {key} ", "bold $accent"), (f"{what} ", "")]
        self.update(render.join(*parts))
