"""A real progress store in a temporary folder; decks and answering helpers are in session_helpers.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.clock import FixedClock
from quiz.storage import Store, open_store


@pytest.fixture
def store(tmp_path: Path, clock: FixedClock) -> Iterator[Store]:
    with open_store(tmp_path / "data", clock=clock) as opened:
        yield opened
