"""The study header: deck and mode, position, score, streak, time, and the saved mark."""

from __future__ import annotations

from dataclasses import dataclass, replace

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


def header_content(state: HeaderState, width: int | None = None) -> render.Content:
    """The header line; with `width`, the deck title gives way first so the numbers always show.

    The saved mark matters most (it says the answer is safe), then the position and
    score; the streak and the clock are dropped before the mark would be cut off.
    """
    numbers = _numbers(state)
    if width is None:
        return _assemble(state, TITLE_WIDTH, numbers)
    # measured with the widest numbers this session can show, so the title does not shrink
    # and grow by a letter each time the score or the clock gains a digit
    widest = _numbers(_widest(state))
    for drop in ((), ("streak",), ("streak", "time")):
        kept = [(name, parts) for name, parts in numbers if name not in drop]
        rest = _assemble(state, 0, [(name, parts) for name, parts in widest if name not in drop]).cell_length
        if width - rest >= MIN_TITLE or "time" in drop:
            return _assemble(state, max(MIN_TITLE, width - rest), kept)
    raise AssertionError("unreachable: the last try always returns")  # pragma: no cover


Numbers = list[tuple[str, list[render.Part]]]


def _numbers(state: HeaderState) -> Numbers:
    """The pieces after the title, each named so that the least needed can be dropped."""
    numbers: Numbers = [
        ("position", [("  ", ""), (f"{state.position}/{state.total}", "bold")]),
        ("score", [("  score ", "$text-muted"), (render.percent(state.score), "bold")]),
        ("streak", [("  streak ", "$text-muted"), (str(state.streak), "bold")]),
    ]
    if state.elapsed >= 0:  # a negative time means the timer is off
        numbers.append(("time", [("  ", ""), (render.clock_time(state.elapsed), "")]))
    if state.unsaved_reason:
        numbers.append(("saved", [("  ", ""), (f"⚠ not saved: {state.unsaved_reason}", "bold $text-error")]))
    elif state.saved:
        numbers.append(("saved", [("  ", ""), ("✓ saved", "$text-success")]))
    return numbers


def _widest(state: HeaderState) -> HeaderState:
    """The same header with every number at its widest for this session (saved mark shown)."""
    return replace(
        state,
        position=state.total,
        score=1.0,
        streak=max(state.streak, 99),
        elapsed=max(state.elapsed, 59 * 60 + 59) if state.elapsed >= 0 else state.elapsed,
        saved=True,
    )


def _assemble(state: HeaderState, title_width: int, numbers: Numbers) -> render.Content:
    mode = f" · {state.mode}" + (f" round {state.round}" if state.round else "")
    parts: list[render.Part] = [render.deck_line(_short(state.title, title_width), "bold"), (mode, "$text-muted")]
    for _, pieces in numbers:
        parts += pieces
    return render.join(*parts)


TITLE_WIDTH = 24
"""Without a known width, longer deck titles are cut so the numbers fit in 80 columns."""
MIN_TITLE = 12
"""The title never shrinks below this; the streak and clock go first."""


def _short(title: str, width: int = TITLE_WIDTH) -> str:
    if width <= 0:
        return ""
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


class StudyHeader(Static):
    """One line at the top of the study screen, fitted to its width."""

    _header_state: HeaderState | None = None

    def show(self, state: HeaderState) -> None:
        self._header_state = state
        self.update(header_content(state, self._width()))

    def _width(self) -> int | None:
        return self.content_size.width or None

    def on_resize(self) -> None:
        if self._header_state is not None:
            self.update(header_content(self._header_state, self._width()))
