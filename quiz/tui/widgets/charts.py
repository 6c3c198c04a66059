"""Charts drawn with text: a calendar heatmap of reviews and a bar chart of the due forecast.

Both are pure functions from numbers to `Content`, wrapped in small Static
widgets, so they are tested without a terminal and drawn in theme colours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from textual.content import Content
from textual.widgets import Static

from quiz.tui import render

SHADES = " ░▒▓█"
"""Intensity levels of a heatmap cell, from no reviews to the busiest day."""
BARS = " ▁▂▃▄▅▆▇█"
"""Eighths of a cell, for bar heights."""
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


def heatmap(per_day: Mapping[date, int], today: date, *, weeks: int = 12) -> Content:
    """Reviews per day for the last `weeks` weeks, a column per week, a row per weekday.

    The last column is the current week (Monday first); days after `today` are
    left blank. Shades are relative to the busiest day shown, so a light week
    still shows its pattern.
    """
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    shown = [first_monday + timedelta(days=i) for i in range(weeks * 7)]
    busiest = max((per_day.get(day, 0) for day in shown if day <= today), default=0)
    header = [" "] * (4 + 2 * weeks + 2)
    free_from = 0
    for week in range(weeks):
        monday = first_monday + timedelta(weeks=week)
        sunday = monday + timedelta(days=6)
        starts_month = sunday.month != monday.month or monday.day == 1
        if starts_month or (week == 0 and (monday + timedelta(days=14)).month == monday.month):
            start = 4 + 2 * week
            name = (sunday if starts_month else monday).strftime("%b")
            if start >= free_from:
                header[start : start + 3] = name
                free_from = start + 4
    rows = [render.join(("".join(header).rstrip(), "$text-muted"))]
    for weekday in range(7):
        parts: list[tuple[str, str]] = [(f"{WEEKDAYS[weekday]:<4}", "$text-muted")]
        for week in range(weeks):
            day = first_monday + timedelta(weeks=week, days=weekday)
            if day > today:
                parts.append(("  ", ""))
                continue
            count = per_day.get(day, 0)
            parts.append((_shade(count, busiest) * 2, "$success" if count else "$text-muted"))
        rows.append(render.join(*parts))
    total = sum(per_day.get(day, 0) for day in shown if day <= today)
    active = sum(1 for day in shown if day <= today and per_day.get(day, 0))
    legend = render.join(
        ("    less ", "$text-muted"),
        *((ch * 2, "$success") for ch in SHADES[1:]),
        (" more", "$text-muted"),
        f"   {total} review{'s' * (total != 1)} on {active} day{'s' * (active != 1)}",
    )
    rows.append(legend)
    return render.lines(rows)


def _shade(count: int, busiest: int) -> str:
    if count <= 0 or busiest <= 0:
        return "·"
    level = 1 + min(len(SHADES) - 2, (count * (len(SHADES) - 1) - 1) // busiest)
    return SHADES[level]


def bar_chart(values: Sequence[int], *, height: int = 6, labels: Mapping[int, str] | None = None) -> Content:
    """Vertical bars, two cells wide each, scaled to the largest value; the axis shows the scale.

    Args:
        values: One bar per value, left to right.
        height: Rows of bars.
        labels: Text to print under some bars, keyed by bar index.
    """
    peak = max(values, default=0)
    width = len(str(peak))
    rows: list[Content] = []
    for row in range(height, 0, -1):
        axis = f"{peak:>{width}} ┤" if row == height else f"{'':>{width}} │"
        parts: list[tuple[str, str]] = [(axis, "$text-muted")]
        for value in values:
            eighths = 0 if peak == 0 else round(value * height * 8 / peak)
            filled = eighths - (row - 1) * 8
            glyph = BARS[max(0, min(8, filled))]
            if value and row == 1 and filled <= 0:
                glyph = BARS[1]  # a day with any cards due is never drawn empty
            parts.append((glyph + " ", "$primary"))
        rows.append(render.join(*parts))
    rows.append(render.join((f"{0:>{width}} └" + "──" * len(values), "$text-muted")))
    if labels:
        line = [" "] * (width + 2 + 2 * len(values))
        for index, text in labels.items():
            start = width + 2 + 2 * index
            for offset, ch in enumerate(text):
                if start + offset < len(line):
                    line[start + offset] = ch
        rows.append(render.join(("".join(line).rstrip(), "$text-muted")))
    return render.lines(rows)


def forecast(due_per_day: Sequence[int], *, height: int = 6) -> Content:
    """Cards due on each of the coming days (index 0 is today), as a bar chart."""
    days = len(due_per_day)
    labels = {0: "today"}
    for index in range(10, days, 10):
        labels[index] = f"+{index}d"
    return bar_chart(due_per_day, height=height, labels=labels)


def meter(share: float, *, width: int = 10) -> str:
    """A horizontal bar for a share from 0 to 1 (mastery, retention), in eighths of a cell."""
    share = min(1.0, max(0.0, share))
    eighths = round(share * width * 8)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + (BARS[rest] if rest and full < width else "")
    return bar.ljust(width, "·")


class Heatmap(Static):
    """The calendar heatmap of reviews per day."""

    def show(self, per_day: Mapping[date, int], today: date, *, weeks: int = 12) -> None:
        self.update(heatmap(per_day, today, weeks=weeks))


class ForecastChart(Static):
    """The bar chart of cards coming due."""

    def show(self, due_per_day: Sequence[int]) -> None:
        self.update(forecast(due_per_day))
