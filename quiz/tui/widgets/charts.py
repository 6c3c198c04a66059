"""Charts drawn with text: a calendar heatmap of reviews and a bar chart of the due forecast.

Both are pure functions from numbers (and the width available) to `Content`,
drawn by small widgets that rebuild them for the width they are given, so they
are tested without a terminal and drawn in theme colours.

Why the width matters: a chart row is a line of text, and a line wider than
its widget is wrapped at the spaces between bars. The wrapped half of every row
then lands at the left edge under the wrong days, and the leftover cells look
like stray bars past the end of the axis. So a chart is never handed to Textual
wider than its widget: the forecast narrows its bars to one cell (and at worst
shows fewer days), and the heatmap moves its totals under the legend.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from quiz.tui import render

SHADES = " ░▒▓█"
"""Intensity levels of a heatmap cell, from no reviews to the busiest day."""
BARS = " ▁▂▃▄▅▆▇█"
"""Eighths of a cell, for bar heights."""
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
GRID_LEFT = 4
"""Columns taken by the weekday names left of the heatmap grid."""


def heatmap(per_day: Mapping[date, int], today: date, *, weeks: int = 12, width: int | None = None) -> Content:
    """Reviews per day for the last `weeks` weeks, a column per week, a row per weekday.

    The last column is the current week (Monday first); days after `today` are
    left blank. Shades are relative to the busiest day shown, so a light week
    still shows its pattern. The totals follow the legend on its line when
    `width` leaves room for them, and go on a line of their own otherwise.
    """
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    shown = [first_monday + timedelta(days=i) for i in range(weeks * 7)]
    busiest = max((per_day.get(day, 0) for day in shown if day <= today), default=0)
    header = [" "] * (GRID_LEFT + 2 * weeks + 2)
    free_from = 0
    for week in range(weeks):
        monday = first_monday + timedelta(weeks=week)
        sunday = monday + timedelta(days=6)
        starts_month = sunday.month != monday.month or monday.day == 1
        if starts_month or (week == 0 and (monday + timedelta(days=14)).month == monday.month):
            start = GRID_LEFT + 2 * week
            name = (sunday if starts_month else monday).strftime("%b")
            if start >= free_from:
                header[start : start + 3] = name
                free_from = start + 4
    rows = [render.join(("".join(header).rstrip(), "$text-muted"))]
    for weekday in range(7):
        parts: list[tuple[str, str]] = [(f"{WEEKDAYS[weekday]:<{GRID_LEFT}}", "$text-muted")]
        for week in range(weeks):
            day = first_monday + timedelta(weeks=week, days=weekday)
            if day > today:
                parts.append(("  ", ""))
                continue
            count = per_day.get(day, 0)
            parts.append((_shade(count, busiest) * 2, "$text-success" if count else "$text-muted"))
        rows.append(render.join(*parts))
    total = sum(per_day.get(day, 0) for day in shown if day <= today)
    active = sum(1 for day in shown if day <= today and per_day.get(day, 0))
    legend = render.join(
        (" " * GRID_LEFT + "less ", "$text-muted"),
        *((ch * 2, "$text-success") for ch in SHADES[1:]),
        (" more", "$text-muted"),
    )
    totals = f"{total:,} review{'s' * (total != 1)} on {active} day{'s' * (active != 1)}"
    if width is None or cell_len(legend.plain) + 3 + cell_len(totals) <= width:
        rows.append(render.join(legend, f"   {totals}"))
    else:
        rows += [legend, render.join(" " * GRID_LEFT + totals)]
    return render.lines(rows)


def _shade(count: int, busiest: int) -> str:
    if count <= 0 or busiest <= 0:
        return "·"
    level = 1 + min(len(SHADES) - 2, (count * (len(SHADES) - 1) - 1) // busiest)
    return SHADES[level]


def bar_chart(
    values: Sequence[int],
    *,
    height: int = 6,
    labels: Mapping[int, str] | None = None,
    width: int | None = None,
    empty_note: str = "nothing to show",
) -> Content:
    """Vertical bars scaled to the largest value; the axis shows the scale.

    Bars are two cells wide (a bar and a gap) when `width` allows, one cell
    otherwise; if even that is too wide, only the first bars that fit are drawn.
    A label is printed under its bar, starting in the bar's column, only if it
    fits whole and leaves a space before the next one, so labels never overlap
    or get cut. Any value above zero shows at least a sliver. When every value is
    zero, `empty_note` stands in for the empty bars.

    Args:
        values: One bar per value, left to right.
        height: Rows of bars.
        labels: Text to print under some bars, keyed by bar index.
        width: Cells available; None means as wide as it needs.
        empty_note: What to say when every value is zero.
    """
    peak = max(values, default=0)
    scale = f"{peak:,}" if peak else ""
    axis_width = max(len(scale), 1) + 2
    step = 2
    count = len(values)
    if width is not None and axis_width + step * count > width:
        step = 1
        count = max(0, min(count, width - axis_width))
    shown = values[:count]
    pad = axis_width - 2
    rows: list[Content] = []
    if peak <= 0:
        rows.append(render.join((f"{'':>{pad}} │ {empty_note}", "$text-muted")))
    else:
        for row in range(height, 0, -1):
            axis = f"{scale:>{pad}} ┤" if row == height else f"{'':>{pad}} │"
            parts: list[tuple[str, str]] = [(axis, "$text-muted")]
            for value in shown:
                eighths = round(max(value, 0) * height * 8 / peak)
                filled = eighths - (row - 1) * 8
                glyph = BARS[max(0, min(8, filled))]
                if value > 0 and row == 1 and filled <= 0:
                    glyph = BARS[1]  # a day with any cards due is never drawn empty
                parts.append((glyph + " " * (step - 1), "$primary"))
            rows.append(render.join(*parts))
    rows.append(render.join((f"{0:>{pad}} └" + "─" * (step * count), "$text-muted")))
    if labels:
        line = [" "] * (axis_width + step * count)
        free_from = 0
        for index in sorted(labels):
            text = labels[index]
            start = axis_width + step * index
            end = start + len(text)
            if index < 0 or index >= count or start < free_from or end > len(line):
                continue
            line[start:end] = text
            free_from = end + 1
        rows.append(render.join(("".join(line).rstrip(), "$text-muted")))
    return render.lines(rows)


def forecast(due_per_day: Sequence[int], *, height: int = 6, width: int | None = None) -> Content:
    """Cards due on each of the coming days (index 0 is today, overdue included), as a bar chart."""
    days = len(due_per_day)
    labels = {0: "today"}
    for index in range(10, days, 10):
        labels[index] = f"+{index}d"
    return bar_chart(
        due_per_day, height=height, labels=labels, width=width, empty_note=f"nothing due in the next {days} days"
    )


def meter(share: float, *, width: int = 10) -> str:
    """A horizontal bar for a share from 0 to 1 (mastery, retention), in eighths of a cell."""
    share = min(1.0, max(0.0, share))
    eighths = round(share * width * 8)
    full, rest = divmod(eighths, 8)
    bar = "█" * full + (BARS[rest] if rest and full < width else "")
    return bar.ljust(width, "·")


def line_count(content: Content) -> int:
    """Rows a block of Content takes when no line wraps."""
    return content.plain.count("\n") + 1


def block_width(content: Content) -> int:
    """Cells taken by the widest line of a block of Content."""
    return max(cell_len(line) for line in content.plain.split("\n"))


class Fitted(Widget):
    """Content rebuilt for the widget's own width, so no line is ever wrapped.

    `show` takes a function from the width available (in cells) to Content;
    the widget calls it when it lays out and when it draws, so a resized
    terminal redraws the chart for its new width.
    """

    DEFAULT_CSS = """
    Fitted {
        height: auto;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._build: Callable[[int | None], Content] = lambda _width: Content("")

    def show_content(self, build: Callable[[int | None], Content]) -> None:
        """Draw what `build` makes for the width the widget gets."""
        self._build = build
        self.refresh(layout=True)

    def render(self) -> Content:
        width = self.content_size.width
        return self._build(width if width > 0 else None)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        natural = block_width(self._build(None))
        return min(natural, container.width) if container.width else natural

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return line_count(self._build(width)) if width else 0


class Heatmap(Fitted):
    """The calendar heatmap of reviews per day."""

    def show(self, per_day: Mapping[date, int], today: date, *, weeks: int = 12) -> None:
        counts = dict(per_day)
        self.show_content(lambda width: heatmap(counts, today, weeks=weeks, width=width))


class ForecastChart(Fitted):
    """The bar chart of cards coming due."""

    def show(self, due_per_day: Sequence[int]) -> None:
        due = list(due_per_day)
        self.show_content(lambda width: forecast(due, width=width))
