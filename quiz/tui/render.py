"""The one gate from deck text to the screen.

Deck text comes from strangers. Passed to a widget as a `str`, Textual parses
it as markup: `[@click=app.quit]` runs an action when clicked, `[/]` crashes
the app, `[$accent]` restyles it, and ESC sequences reach the terminal (see
RELIABILITY.md §2a and §2c). So every piece of deck text that reaches the
screen goes through this module, which cleans it again (the loader already
did; a second pass is cheap and guards against text built elsewhere) and wraps
it in `Content`, which never parses markup. DataTable cells take Rich `Text`,
built the same way.

App-authored text with styling is built here too, from (text, style) pairs,
so no widget ever formats a markup string that might hold deck text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from rich.text import Text
from textual.content import Content

from quiz.text import clean_text, one_line

Part = Content | tuple[str, str] | str
"""A piece of a line: deck text already wrapped, or app text with an optional style."""


def deck_text(value: str, style: str = "") -> Content:
    """Deck text (any number of lines) as inert Content, optionally styled as a whole."""
    return Content.styled(clean_text(value), style)


def deck_line(value: str, style: str = "") -> Content:
    """Deck text folded onto one line (titles, list rows, table cells)."""
    return Content.styled(one_line(value), style)


def cell(value: str | int | float) -> Text:
    """A DataTable cell: Rich `Text`, because DataTable parses plain `str` cells as markup."""
    if isinstance(value, str):
        return Text(one_line(value), end="")
    return Text(str(value), end="", justify="right")


def label(value: str, style: str = "") -> Content:
    """App-authored text (never deck text), styled as a whole; a `str` is never parsed as markup."""
    return Content.styled(value, style)


def join(*parts: Part) -> Content:
    """Join pieces into one Content.

    A bare `str` part is app text and is shown as is; deck text must arrive
    already wrapped by `deck_text`/`deck_line`. Neither is parsed as markup.
    """
    pieces: list[Content | tuple[str, str]] = []
    for part in parts:
        if isinstance(part, str):
            pieces.append((clean_text(part), ""))
        elif isinstance(part, tuple):
            pieces.append((clean_text(part[0]), part[1]))
        else:
            pieces.append(part)
    return Content.assemble(*pieces)


def lines(rows: Iterable[Content]) -> Content:
    """Stack Content rows into one block."""
    return Content("\n").join(rows)


def duration(delta: timedelta | float | None) -> str:
    """A short interval for a grade key or a due date: "45s", "10m", "3h", "4d", "2mo", "1.5y"."""
    if delta is None:
        return "—"
    seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{round(seconds)}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    years = days / 365
    return f"{years:.1f}y" if years < 10 else f"{round(years)}y"


def clock_time(seconds: float) -> str:
    """Elapsed time as "m:ss" (or "h:mm:ss" past an hour) for the header and summary."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def percent(score: float | None) -> str:
    """A score from 0 to 1 as a whole percentage; "—" when there is none."""
    if score is None:
        return "—"
    return f"{round(score * 100)}%"
