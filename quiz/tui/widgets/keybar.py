"""One line of keys for the study screen, redrawn as a single Static when the phase changes."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Static

from quiz.tui import render


class KeyBar(Static):
    """Shows (key, what it does) pairs; cheaper than a Footer, which rebuilds its widgets on each change."""

    def show(self, keys: Sequence[tuple[str, str]]) -> None:
        parts: list[render.Part] = []
        for key, what in keys:
            parts += [(f" {key} ", "bold $accent"), (f"{what} ", "")]
        self.update(render.join(*parts))
