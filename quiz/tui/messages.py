"""App-wide messages: what screens tell the app, rather than reaching across to each other."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message


@dataclass
class StudyRequested(Message):
    """The student chose a deck and a mode; the app starts a session."""

    path: Path
    mode: str
    quiz_options: dict[str, object] | None = None
    """Quiz-mode choices from the deck screen (number of questions, types, tags, timer)."""


@dataclass
class DecksChanged(Message):
    """Progress or deck files changed; lists showing counts should refresh."""
