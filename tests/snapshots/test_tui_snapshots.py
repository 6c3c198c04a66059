"""A few pictures of the app at 80×24, with a fixed clock and seed; compared as SVG."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.clock import FixedClock
from quiz.loader import load_deck
from quiz.tui.app import QuizApp, make_app
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.study import StudyScreen
from tests.tui.fakes import FakeDriver

pytestmark = pytest.mark.snapshot

TUI_DATA = Path(__file__).resolve().parent.parent / "data" / "tui"
SIZE = (80, 24)


def _deck_copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
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
