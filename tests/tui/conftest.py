"""Fixtures for the app's tests: decks copied into a temporary folder, and the app factory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.clock import FixedClock
from quiz.tui.app import QuizApp, StartAt, make_app

TUI_DATA = Path(__file__).resolve().parent.parent / "data" / "tui"


@pytest.fixture
def decks(tmp_path: Path) -> Path:
    """A folder with copies of the test decks (tests may edit them)."""
    folder = tmp_path / "decks"
    shutil.copytree(TUI_DATA, folder)
    return folder


@pytest.fixture
def app_factory(isolated_data_dir: Path, clock: FixedClock) -> Callable[..., QuizApp]:
    """Build the app the way the CLI does, with a fixed clock and seed and no bundled decks."""

    def build(*paths: Path, start: StartAt | None = None, theme: str | None = None, bundled: bool = False) -> QuizApp:
        return make_app(
            paths, data_dir=isolated_data_dir, clock=clock, seed=7, start=start, bundled=bundled, theme=theme
        )

    return build
