"""A few pictures of the app at 80×24, with a fixed clock and seed; compared as SVG."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from quiz.clock import FixedClock
from quiz.loader import load_deck
from quiz.tui.app import QuizApp, make_app
from quiz.tui.backend import Backend, DeckCounts
from quiz.tui.driver import Miss, Summary
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.stats import HardCard, StatsView
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.tui.fakes import FakeDriver

pytestmark = pytest.mark.snapshot

TUI_DATA = Path(__file__).resolve().parent.parent / "data" / "tui"
SIZE = (80, 24)


def _deck_copy(folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copy(TUI_DATA / name, target)
    return target


def _app(tmp_path: Path, *ids: str, deck: str = "all-types.toml") -> QuizApp:
    """The app on a study screen driven by a stand-in session (no store involved)."""
    loaded = load_deck(_deck_copy(tmp_path, deck))
    driver = FakeDriver(loaded)
    if ids:
        driver.queue = [(c, k) for c, k in driver.queue if c.id in ids]
    base = make_app(
        [], data_dir=tmp_path / "data", clock=FixedClock(datetime(2024, 5, 16, 9, tzinfo=UTC)), seed=1, bundled=False
    )

    class Studying(QuizApp):
        def on_ready(self) -> None:
            self.push_screen(StudyScreen(driver))

    return Studying(base.config)


def test_flashcard_revealed(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path, "flash"), terminal_size=SIZE, press=["space"])


def test_wrong_typed_answer_with_diff(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path, "short"), terminal_size=SIZE, press=[*"Li Keqiang", "enter"])


def test_choice_question(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path, "choice"), terminal_size=SIZE)


def test_match_question(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path, "match"), terminal_size=SIZE, press=["right"])


def test_hostile_deck_text_is_shown_literally(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path, deck="hostile.toml"), terminal_size=SIZE, press=[*"4", "enter"])


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    async def open_help(pilot) -> None:  # noqa: ANN001
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)

    assert snap_compare(_app(tmp_path, "flash"), terminal_size=SIZE, run_before=open_help)


def test_terminal_too_small(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(_app(tmp_path, "flash"), terminal_size=(50, 12))


@pytest.fixture
def fake_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fixed counts and statistics in place of the progress store."""

    def deck_counts(self, deck):  # noqa: ANN001, ANN202
        return DeckCounts(
            new=max(len(deck.cards) - 3, 0),
            learning=1,
            due=2,
            last_studied=datetime(2024, 5, 15, 9, tzinfo=UTC),
            mastery=0.3,
        )

    def stats(self, deck_id):  # noqa: ANN001, ANN202
        today = date(2024, 5, 16)
        return StatsView(
            title="Every question type",
            today=today,
            reviews_per_day={today - timedelta(days=i): (i * 7) % 23 for i in range(0, 84, 2)},
            retention=0.86,
            forecast=[(i * 5) % 11 for i in range(30)],
            hardest=[HardCard("Who became Chinese premier in 2023?", 3, "7 reviews, mean 45%")],
            quiz_scores=[(datetime(2024, 5, 10 + i, 9, tzinfo=UTC), 0.5 + i / 10) for i in range(4)],
            counts={"new": 7, "learning": 1, "review": 2, "due today": 2},
            streak=3,
        )

    monkeypatch.setattr(Backend, "deck_counts", deck_counts)
    monkeypatch.setattr(Backend, "stats", stats)


def _home(tmp_path: Path) -> QuizApp:
    folder = tmp_path / "decks"
    folder.mkdir()
    for name in ("all-types.toml", "broken.toml", "hostile.toml"):
        _deck_copy(folder, name)
    return make_app(
        [folder],
        data_dir=tmp_path / "data",
        clock=FixedClock(datetime(2024, 5, 16, 9, tzinfo=UTC)),
        seed=1,
        bundled=False,
    )


async def _decks_loaded(pilot) -> None:  # noqa: ANN001
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_home_with_a_broken_deck(snap_compare, tmp_path: Path, fake_numbers: None) -> None:
    assert snap_compare(_home(tmp_path), terminal_size=SIZE, press=["down"], run_before=_decks_loaded)


def test_deck_screen(snap_compare, tmp_path: Path, fake_numbers: None) -> None:
    assert snap_compare(_home(tmp_path), terminal_size=SIZE, press=["enter"], run_before=_decks_loaded)


def test_statistics_screen(snap_compare, tmp_path: Path, fake_numbers: None) -> None:
    assert snap_compare(_home(tmp_path), terminal_size=SIZE, press=["s"], run_before=_decks_loaded)


def test_summary_screen(snap_compare, tmp_path: Path) -> None:
    driver = FakeDriver(load_deck(_deck_copy(tmp_path, "all-types.toml")), "quiz")
    driver.summary = lambda: Summary(  # type: ignore[method-assign]
        mode="quiz",
        answered=10,
        score=0.73,
        seconds=312,
        by_tag={"geo": (3, 1.0), "people": (2, 0.5)},
        by_type={"short": (2, 0.5), "choice": (1, 1.0)},
        misses=[Miss("Who became Chinese premier in 2023?", "Li Keqiang", "Li Qiang", 0.0)],
    )
    base = make_app([], data_dir=tmp_path / "data", bundled=False)

    class Summarised(QuizApp):
        def on_ready(self) -> None:
            self.push_screen(SummaryScreen(driver))

    assert snap_compare(Summarised(base.config), terminal_size=SIZE)


def test_statistics_screen_side_by_side(snap_compare, tmp_path: Path, fake_numbers: None) -> None:
    """At 120 columns the charts share a row and the forecast narrows its bars instead of wrapping."""
    assert snap_compare(_home(tmp_path), terminal_size=(120, 30), press=["s"], run_before=_decks_loaded)
