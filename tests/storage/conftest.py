"""Fixtures for the progress store: an open store in the test's data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.clock import FixedClock
from quiz.storage import Store, open_store


@pytest.fixture
def store(isolated_data_dir: Path, clock: FixedClock) -> Iterator[Store]:
    """A freshly created store in the test's data folder, closed afterwards."""
    with open_store(isolated_data_dir, clock=clock) as opened:
        yield opened
