"""Imported decks pass the deck checks in strict mode: no error and no warning."""

from __future__ import annotations

import pytest

from quiz.interchange import import_file
from quiz.interchange.validate import drop_invalid
from quiz.loader.load import parse_and_validate

from .conftest import DATA

FIXTURES = ["moodle_bank.gift", "aiken.txt", "anki_notes.txt", "quizlet_tab.txt", "cards.csv", "small_deck.gift"]


@pytest.mark.parametrize("name", FIXTURES)
def test_every_fixture_imports_to_a_deck_that_passes_strict_checks(name: str) -> None:
    result, text = drop_invalid(import_file(DATA / name))
    deck, report = parse_and_validate(text.encode("utf-8"), f"{result.deck.id}.toml", strict=True)
    assert deck is not None
    assert [str(problem) for problem in report.problems] == []
    assert len(deck.cards) == len(result.deck.cards)
