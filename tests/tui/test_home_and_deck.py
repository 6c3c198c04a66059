"""Home and deck screens: every deck listed (broken ones too), modes and quiz options reach the session."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList
from textual.widgets._footer import FooterKey

from quiz.loader import deck_cache_dir
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
        await pilot.press("r", "l", "q", "c")  # a broken deck cannot be studied
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
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
        await pilot.press("n", "m", "t")  # 20 questions, timer on, and the types picker
        await pilot.pause()
        await pilot.press("a", "space", "enter")  # none, then the first type only
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
    path, mode, options = started[0]
    assert path.name == "all-types.toml" and mode == "quiz"
    assert options == {"count": 20, "types": ["choice"], "tags": None, "timer": True}


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


def _footer(app) -> dict[str, str]:  # noqa: ANN001
    """The keys the footer shows that are wholly visible: key → what it does.

    A key is visible when it ends inside the screen and before the command palette key,
    which is docked on the right and covers whatever runs under it.
    """
    keys = list(app.screen.query(FooterKey))
    palette = [key for key in keys if key.has_class("-command-palette")]
    right = min([key.region.x for key in palette], default=app.size.width)
    shown = {key.key: key.description for key in palette}
    for key in keys:
        if not key.has_class("-command-palette") and key.region.width and key.region.right <= right:
            shown[key.key] = key.description
    return shown


def _cell(app, row: int, column: str) -> str:  # noqa: ANN001
    table = app.screen.query_one("#decks", DataTable)
    return str(table.get_row_at(row)[[c.key.value for c in table.columns.values()].index(column)])


async def _highlight(app, pilot, title: str) -> None:  # noqa: ANN001
    app.screen.query_one("#decks", DataTable).move_cursor(row=_rows(app).index(title))
    await pilot.pause()
    await pilot.pause()


STUDY_KEYS = {"r": "Review", "l": "Learn", "q": "Quiz", "c": "Cram"}
EVERYWHERE = {"s": "Stats", "question_mark": "Help", "ctrl+q": "Quit", "ctrl+p": "palette"}
ALWAYS = EVERYWHERE | {"n": "New deck"}
"""Keys the home screen always shows, whichever deck is highlighted."""


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_home_footer_shows_every_key_a_student_needs(app_factory, decks, started, size) -> None:
    app = app_factory(decks)
    async with app.run_test(size=size) as pilot:
        await _ready(app, pilot)
        await _highlight(app, pilot, "Every question type")
        assert _footer(app) == STUDY_KEYS | ALWAYS
        await _highlight(app, pilot, "⚠ broken")
        assert _footer(app) == {"e": "Errors"} | ALWAYS


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_deck_footer_shows_every_key_a_student_needs(app_factory, decks, started, size) -> None:
    app = app_factory(decks)
    async with app.run_test(size=size) as pilot:
        await _ready(app, pilot)
        await _highlight(app, pilot, "Every question type")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DeckScreen)
        assert _footer(app) == STUDY_KEYS | {"escape": "Back"} | EVERYWHERE


async def test_home_counts_study_items_in_every_column(app_factory, decks) -> None:
    """all-types.toml has 10 cards; its cloze card has two gaps, so 11 items, all new (real store)."""
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        table = app.screen.query_one("#decks", DataTable)
        assert [str(col.label) for col in table.columns.values()][:5] == ["Deck", "Items", "New", "Learn", "Due"]
        row = _rows(app).index("Every question type")
        assert (_cell(app, row, "items"), _cell(app, row, "new"), _cell(app, row, "due")) == ("11", "11", "0")
        await _highlight(app, pilot, "Every question type")
        assert "10 cards make 11 study items" in str(app.screen.query_one("#home-detail").render())
        await _highlight(app, pilot, "Five statements")
        assert "5 cards, each studied as one item" in str(app.screen.query_one("#home-detail").render())
        await _highlight(app, pilot, "Every question type")
        await pilot.press("enter")
        await pilot.pause()
        counts = str(app.screen.query_one("#deck-counts").render())
        assert "10 cards make 11 study items" in counts
        rows = [line.split() for line in counts.splitlines()[1:]]
        assert rows == [["new", "11"], ["learning", "0"], ["due", "today", "0"]]


async def test_home_lists_decks_through_the_loader_cache(app_factory, decks, started, isolated_data_dir) -> None:
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _ready(app, pilot)
    entries = list(deck_cache_dir(isolated_data_dir).glob("*.deck"))
    assert len(entries) == 3  # every deck that loaded; broken.toml has nothing to keep


async def test_a_cache_that_cannot_be_written_does_not_stop_the_list(
    app_factory, decks, started, isolated_data_dir
) -> None:
    (isolated_data_dir / "cache").write_text("a file where the cache folder should be")  # fails even for root
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        rows = _rows(app)
        assert "Every question type" in rows and "⚠ broken" in rows and len(rows) == 4
        assert _cell(app, rows.index("Every question type"), "items") == "11"


async def test_an_empty_decks_folder_says_where_decks_go(app_factory, tmp_path, started) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = app_factory(empty)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        assert _rows(app) == []
        empty = app.screen.query_one("#home-empty")
        assert empty.display and not app.screen.query_one("#decks").display
        assert "No decks yet" in str(empty.render()) and "press n" in str(empty.render())
        assert _footer(app) == ALWAYS  # nothing to study, so no study keys


async def test_home_title_sums_up_decks_and_what_is_due(app_factory, decks, started) -> None:
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        title = str(app.screen.query_one("#home-title").render())
        assert "4 decks, 1 with errors" in title
        assert "6 due today" in title  # the stand-in counts say 2 due for each of the three good decks
        good = [entry.deck for entry in app.screen.entries if entry.deck is not None]
        assert f"{sum(len(deck.cards) for deck in good)} new to learn" in title  # and new = the deck's cards


async def test_long_titles_get_more_room_in_a_wide_terminal(app_factory, decks, started) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        narrow = [row for row in _rows(app) if "Hostile" in row][0]
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        wide = [row for row in _rows(app) if "Hostile" in row][0]
    assert narrow.endswith("…") and len(narrow) == 30
    assert not wide.endswith("…") and wide.startswith(narrow[:-1])


async def test_the_line_under_the_table_says_where_the_deck_comes_from(app_factory, decks, started) -> None:
    app = app_factory(decks, bundled=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await _highlight(app, pilot, "Every question type")
        assert f"From the command line: {decks / 'all-types.toml'}" in str(
            app.screen.query_one("#home-detail").render()
        )
        bundled = [row for row in _rows(app) if "Putin" in row][0]
        await _highlight(app, pilot, bundled)
        detail = str(app.screen.query_one("#home-detail").render())
        assert "Comes with quiz. Your own decks go in" in detail


async def test_a_broken_deck_lists_its_warnings_with_its_errors(app_factory, decks, started) -> None:
    (decks / "typo.toml").write_text(
        '[deck]\nid = "typo"\ntitle = "Typo"\nformat = 1\n\n'
        '[[cards]]\nid = "a"\ntype = "short"\nquestoin = "What?"\nquestion = "Why?"\nanswer = "x"\n\n'
        '[[cards]]\nid = "b"\ntype = "short"\nquestion = ""\nanswer = "y"\n',
        encoding="utf-8",
    )
    app = app_factory(decks)
    async with app.run_test(size=(100, 30)) as pilot:
        await _ready(app, pilot)
        await _highlight(app, pilot, "⚠ typo")
        detail = str(app.screen.query_one("#home-detail").render())
        assert "must not be blank" in detail  # the row names what stopped the deck, not the warning above it
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert "1 error, 1 warning" in str(app.screen.query_one("#problems-title").render())
        rows = [str(row.prompt) for row in app.screen.query_one("#problems-list", OptionList)._options]
        assert "questoin" in rows[0] and "must not be blank" in rows[1]  # top to bottom, as in the file


async def test_a_deck_with_many_errors_lists_them_all_within_80_by_24(app_factory, decks, started) -> None:
    cards = "".join(f'\n[[cards]]\nid = "c{i}"\ntype = "short"\nquestion = ""\nanswer = "x"\n' for i in range(60))
    (decks / "many.toml").write_text('[deck]\nid = "many"\ntitle = "Many"\nformat = 1\n' + cards, encoding="utf-8")
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        await _highlight(app, pilot, "⚠ many")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert "60 errors" in str(app.screen.query_one("#problems-title").render())
        problems = app.screen.query_one("#problems-list", OptionList)
        assert problems.option_count == 60
        keys = app.screen.query_one("#problems-keys")
        assert "esc closes" in str(keys.render())
        assert 0 < keys.region.bottom <= 24 and problems.region.bottom <= keys.region.y
        await pilot.press("end")
        await pilot.pause()
        assert problems.highlighted == 59 and problems.scroll_y > 0


async def test_without_progress_the_counts_say_unknown_not_zero(app_factory, decks, monkeypatch) -> None:
    monkeypatch.setattr(Backend, "deck_counts", lambda self, deck: None)  # the store cannot be read
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(app, pilot)
        row = _rows(app).index("Every question type")
        assert [_cell(app, row, key) for key in ("items", "new", "learning", "due")] == ["11", "—", "—", "—"]
        title = str(app.screen.query_one("#home-title").render())
        assert "4 decks" in title and "due" not in title


async def _ready(app, pilot) -> None:  # noqa: ANN001
    """Wait until the home screen has loaded its decks (they load in a worker thread)."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
