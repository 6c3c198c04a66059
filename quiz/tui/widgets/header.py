"""The study header: deck and mode, position, score, streak, time, and the saved mark."""

from __future__ import annotations

from dataclasses import dataclass

from textual.widgets import Static

from quiz.tui import render


@dataclass(frozen=True, slots=True)
class HeaderState:
    """What the header shows; every number comes from the session."""

    title: str
    mode: str
    position: int
    """1-based number of the card being asked."""
    total: int
    score: float | None
    """Share of credit so far (partial credit counted); None before the first graded answer."""
    streak: int
    elapsed: float
    """Seconds since the session began; negative when the student turned the timer off."""
    saved: bool
    """The last answer is committed to the store (the mark appears only then)."""
    unsaved_reason: str = ""
    round: int = 0
    """Learn mode's round; 0 hides it."""


def header_content(state: HeaderState) -> render.Content:
    parts: list[render.Part] = [
        render.deck_line(_short(state.title), "bold"),
        (f" · {state.mode}" + (f" round {state.round}" if state.round else ""), "$text-muted"),
        ("  ", ""),
        (f"{state.position}/{state.total}", "bold"),
        ("  score ", "$text-muted"),
        (render.percent(state.score), "bold"),
        ("  streak ", "$text-muted"),
        (str(state.streak), "bold"),
    ]
    if state.elapsed >= 0:  # a negative time means the timer is off
        parts += [("  ", ""), (render.clock_time(state.elapsed), "")]
    if state.unsaved_reason:
        parts += [("  ", ""), (f"⚠ not saved: {state.unsaved_reason}", "bold $error")]
    elif state.saved:
        parts += [("  ", ""), ("✓ saved", "$success")]
    return render.join(*parts)


TITLE_WIDTH = 24
"""Longer deck titles are cut so the numbers always fit in 80 columns."""


def _short(title: str) -> str:
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1].rstrip() + "…"


class StudyHeader(Static):
    """One line at the top of the study screen."""

    def show(self, state: HeaderState) -> None:
        self.update(header_content(state))
