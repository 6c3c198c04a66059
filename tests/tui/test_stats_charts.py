"""The statistics charts, drawn to text: bars over their days, nothing wrapped, at every width."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from quiz.tui.backend import Backend
from quiz.tui.screens.stats import HardCard, StatsScreen, StatsView, hardest_content, shorten
from quiz.tui.widgets.charts import BARS, bar_chart, forecast, heatmap

BAR_GLYPHS = set(BARS) - {" "}


def _lines(content) -> list[str]:  # noqa: ANN001
    return content.plain.split("\n")


def _bar_columns(lines: list[str]) -> set[int]:
    """Columns holding any bar glyph, in the rows above the axis."""
    axes = [i for i, line in enumerate(lines) if "└" in line]
    assert len(axes) == 1, f"expected one axis line, got {lines}"
    axis = axes[0]
    return {col for line in lines[:axis] for col, ch in enumerate(line) if ch in BAR_GLYPHS}


def _label_column(lines: list[str], label: str) -> int:
    return lines[-1].index(label)


# --- forecast: where the bars land -------------------------------------------------


@pytest.mark.parametrize("width", [None, 100, 64, 63, 54, 40])
def test_each_bar_sits_over_its_own_day(width: int | None) -> None:
    """A single busy day draws one bar, in the column where its day's label starts."""
    for day in (0, 10, 20):
        due = [0] * 30
        due[day] = 7
        lines = _lines(forecast(due, width=width))
        label = "today" if day == 0 else f"+{day}d"
        assert _bar_columns(lines) == {_label_column(lines, label)}


def test_bars_step_two_cells_when_there_is_room_and_one_when_not() -> None:
    due = list(range(1, 31))
    wide = _lines(forecast(due, width=80))
    narrow = _lines(forecast(due, width=50))
    left = len("30 ┤")
    assert sorted(_bar_columns(wide)) == [left + 2 * day for day in range(30)]
    assert sorted(_bar_columns(narrow)) == [left + day for day in range(30)]
    assert _label_column(wide, "+10d") == left + 20
    assert _label_column(narrow, "+10d") == left + 10


@pytest.mark.parametrize("width", range(30, 101, 7))
def test_no_line_is_wider_than_the_space_given(width: int) -> None:
    due = [(i * 37) % 11 for i in range(30)]
    due[3] = 10_000
    for line in _lines(forecast(due, width=width)):
        assert len(line) <= width


def test_the_axis_ends_with_the_last_bar() -> None:
    """Nothing is drawn to the right of the axis: no stray bars past its end."""
    due = [(i * 5) % 11 for i in range(30)]
    for width in (None, 50):
        lines = _lines(forecast(due, width=width))
        axis_end = len(lines[-2])
        assert max(_bar_columns(lines)) < axis_end
        assert all(len(line.rstrip()) <= axis_end for line in lines)


def test_ten_thousand_on_one_day_still_shows_the_small_days() -> None:
    due = [2] * 30
    due[4] = 10_000
    lines = _lines(forecast(due, width=80))
    assert lines[0].startswith("10,000 ┤")
    bottom = lines[5]
    assert _bar_columns(lines) == {8 + 2 * day for day in range(30)}
    assert bottom[8 + 2 * 4] == "█" and bottom[8] == BARS[1]  # every day with cards due shows a sliver
    assert lines[0][8 + 2 * 4] == "█" and set(lines[0][9:]) <= {" ", "█"}


def test_nothing_due_says_so_instead_of_drawing_empty_bars() -> None:
    lines = _lines(forecast([0] * 30, width=80))
    assert "nothing due in the next 30 days" in lines[0]
    assert not _bar_columns(lines)
    assert "today" in lines[-1]


def test_labels_never_overlap_nor_get_cut() -> None:
    lines = _lines(bar_chart([1, 2, 3, 4, 5], labels={0: "first", 1: "second", 4: "last-one"}))
    labels = lines[-1]
    assert "first" in labels
    assert "second" not in labels  # it would run into "first"
    assert "last" not in labels  # it would run past the end of the axis


# --- heatmap -------------------------------------------------------------------------


def test_heatmap_rows_start_on_monday_and_columns_are_weeks() -> None:
    today = date(2026, 12, 2)  # a Wednesday
    monday_three_weeks_ago = today - timedelta(days=today.weekday(), weeks=3)
    lines = _lines(heatmap({monday_three_weeks_ago: 5, today: 1}, today))
    rows = lines[1:8]
    assert [row[:3] for row in rows[::2]] == ["Mon", "Wed", "Fri", "Sun"]
    column = 4 + 2 * (12 - 1 - 3)
    assert rows[0][column : column + 2] == "██"
    assert rows[2][4 + 2 * 11 : 4 + 2 * 12] == "░░"  # today, Wednesday, in the last column
    assert rows[3][4 + 2 * 11 :].strip() == ""  # Thursday is still to come


def test_heatmap_totals_move_under_the_legend_when_narrow() -> None:
    today = date(2026, 12, 2)
    per_day = {today - timedelta(days=i): 1000 for i in range(20)}
    wide = _lines(heatmap(per_day, today, width=80))
    narrow = _lines(heatmap(per_day, today, width=34))
    assert "20,000 reviews on 20 days" in wide[-1] and "more" in wide[-1]
    assert narrow[-1].strip() == "20,000 reviews on 20 days" and "more" in narrow[-2]
    assert all(len(line) <= 34 for line in narrow)


# --- hardest cards -------------------------------------------------------------------


def test_long_questions_are_cut_after_a_whole_word() -> None:
    assert shorten("What is the capital of Australia today?", 22) == "What is the capital…"
    assert shorten("Supercalifragilistic", 8) == "Superca…"
    assert shorten("short", 8) == "short"


def test_hardest_cards_fit_their_width_and_keep_their_numbers() -> None:
    view = StatsView(
        title="t",
        today=date(2026, 12, 1),
        hardest=[HardCard("A rather long question about the treaty of " * 3, 12, "40 reviews, mean 65%")],
    )
    line = _lines(hardest_content(view, 60))[1]
    assert len(line) <= 60
    assert line.startswith(" 12× A rather long") and line.endswith("…  40 reviews, mean 65%")


# --- in the app, at real sizes -------------------------------------------------------


@pytest.fixture
def busy_stats(monkeypatch: pytest.MonkeyPatch) -> None:
    """Statistics where every bar's day can be told apart: day i has i + 1 cards due."""

    def stats(self, deck_id):  # noqa: ANN001, ANN202
        today = date(2024, 5, 16)
        return StatsView(
            title="all decks",
            today=today,
            reviews_per_day={today - timedelta(days=i): 1234 for i in range(0, 84, 3)},
            retention=0.9,
            forecast=[day + 1 for day in range(30)],
            hardest=[HardCard("Which river flows through the city of Vienna and Budapest? " * 2, 3, "7 reviews")],
            quiz_scores=[(datetime(2024, 5, 15, tzinfo=UTC), 0.75)],
        )

    monkeypatch.setattr(Backend, "stats", stats)


def _widget_text(widget) -> list[str]:  # noqa: ANN001
    """What the widget draws, row by row, as it appears on the screen."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (110, 30), (120, 40), (200, 50)])
async def test_charts_on_screen_are_never_wrapped(app_factory, busy_stats, size: tuple[int, int]) -> None:
    """At widths where the two charts share a row, the forecast once wrapped and put bars under the wrong days."""
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(StatsScreen())
        await pilot.pause()
        chart = app.screen.query_one("#forecast")
        lines = [line.rstrip() for line in _widget_text(chart)]
        assert len(lines) == 8  # six rows of bars, the axis and the labels: nothing wrapped onto extra rows
        columns = sorted(_bar_columns(lines))
        assert len(columns) == 30
        step = columns[1] - columns[0]
        assert columns == [columns[0] + step * day for day in range(30)]
        assert lines[-1].index("+10d") == columns[10] and lines[-1].index("+20d") == columns[20]
        assert all("└" in line or len(line) <= len(lines[-2]) for line in lines)
        for name in ("#heatmap", "#stats-hardest", "#stats-scores"):
            widget = app.screen.query_one(name)
            drawn = _widget_text(widget)
            assert len(drawn) == len(str(widget.render()).split("\n"))  # one screen row per line
        heatmap_rows = _widget_text(app.screen.query_one("#heatmap"))
        assert "33,318 reviews on 27 days" in " ".join(heatmap_rows[-2:])
