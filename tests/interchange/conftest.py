"""Shared helpers for the import/export tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.interchange import ImportResult, import_text

DATA = Path(__file__).resolve().parent.parent / "data" / "interchange"
BUNDLED_DECKS = Path(__file__).resolve().parent.parent.parent / "decks"


def gift(text: str, **kwargs: object) -> ImportResult:
    """Import GIFT text given inline."""
    return import_text(text, name="bank.gift", format="gift", **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def bank() -> ImportResult:
    """The fixture question bank that uses every GIFT construct."""
    from quiz.interchange import import_file

    return import_file(DATA / "moodle_bank.gift")
