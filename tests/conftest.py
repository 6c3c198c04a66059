"""Fixtures every test may use. No test ever touches the real user data folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.clock import FixedClock

REPO = Path(__file__).resolve().parent.parent
BUNDLED_DECKS = REPO / "decks"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point QUIZ_DATA_DIR at a fresh temporary folder for every test."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at a known UTC instant (Thursday 2024-05-16, 09:00 UTC)."""
    return FixedClock(datetime(2024, 5, 16, 9, 0, tzinfo=UTC))
