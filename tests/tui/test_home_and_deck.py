"""Home and deck screens: every deck listed (broken ones too), modes and quiz options reach the session."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from quiz.tui.backend import Backend, DeckCounts
from quiz.tui.screens.deck import DeckScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.problems import ProblemsScreen
from quiz.tui.screens.stats import StatsScreen, StatsView
from quiz.tui.screens.study import StudyScreen

from .fakes import FakeDriver


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str, dict]]:
    """Replace the store-backed parts of the backend; record every session started."""
    calls: list[tuple[Path, str, dict]] = []

    def start_session(self, path, mode, options, *, rng):  # noqa: ANN001, ANN202
        from quiz.loader import load_deck

        calls.append((path, mode, options))
        return FakeDriver(load_deck(path), mode)

    def deck_counts(self, deck):  # noqa: ANN001, ANN202
        return DeckCounts(new=len(deck.cards), learning=0, due=2, last_studied=None, mastery=0.25)

    def stats(self, deck_id):  # noqa: ANN001, ANN202
        return StatsView(
            title=deck_id or "all decks",
            today=date(2024, 5, 16),
            reviews_per_day={date(2024, 5, 15): 12},
            retention=0.9,
            forecast=[3] * 30,
            quiz_scores=[(datetime(2024, 5, 15, tzinfo=UTC), 0.75)],
        )

    monkeypatch.setattr(Backend, "start_session", start_session)
    monkeypatch.setattr(Backend, "deck_counts", deck_counts)
    monkeypatch.setattr(Backend, "stats", stats)
    return calls


def _rows(app) -> list[str]:  # noqa: ANN001
    table = app.screen.query_one("#decks", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_home_lists_good_and_broken_decks(app_factory, decks, started) -> None:
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        rows = _rows(app)
        assert "Every question type" in rows
        assert "⚠ broken" in rows
        assert any("Hostile" in row for row in rows)


async def test_a_broken_deck_shows_its_first_error_and_e_shows_them_all(app_factory, decks, started) -> None:
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        index = _rows(app).index("⚠ broken")
        app.screen.query_one("#decks", DataTable).move_cursor(row=index)
        await pilot.pause()
        assert "must not be blank" in str(app.screen.query_one("#home-detail").render())
        await pilot.press("e")
        assert isinstance(app.screen, ProblemsScreen)
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("escape")
        await pilot.press("r")  # a broken deck cannot be studied: its problems show instead
        assert isinstance(app.screen, ProblemsScreen)
    assert started == []


async def test_enter_opens_the_deck_and_quiz_options_reach_the_session(app_factory, decks, started) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        app.screen.query_one("#decks", DataTable).move_cursor(row=_rows(app).index("Every question type"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DeckScreen)
        assert "A made-up article" in str(app.screen.query_one("#deck-about").render())
        assert app.screen.query_one("#cards", OptionList).option_count == 10
        await pilot.press("n", "m", "t")  # 20 questions, timer on, first type only
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
    path, mode, options = started[0]
    assert path.name == "all-types.toml" and mode == "quiz"
    assert options == {"count": 20, "types": ("choice",), "tags": None, "timer": True}


async def test_mode_keys_on_home_start_a_session(app_factory, decks, started) -> None:
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        app.screen.query_one("#decks", DataTable).move_cursor(row=_rows(app).index("Every question type"))
        for key, mode in [("r", "review"), ("l", "learn"), ("c", "cram")]:
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen) and app.screen.driver.mode == mode
            await pilot.press("escape", "escape")  # end the session, leave the summary
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
    assert [mode for _, mode, _ in started] == ["review", "learn", "cram"]


async def test_statistics_screen_draws_charts(app_factory, started) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        heatmap = str(app.screen.query_one("#heatmap").render())
        assert "12 reviews on 1 day" in heatmap
        assert "today" in str(app.screen.query_one("#forecast").render())
        assert "75%" in str(app.screen.query_one("#stats-scores").render())


async def _ready(app, pilot) -> None:  # noqa: ANN001
    """Wait until the home screen has loaded its decks (they load in a worker thread)."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
