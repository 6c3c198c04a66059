"""Shared inputs for the generation tests: the bundled article and the articles under tests/data/articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.generation import GenerationResult, generate_deck, read_article

REPO = Path(__file__).resolve().parents[2]
BUNDLED_ARTICLE = REPO / "decks" / "putin-china-state-visit.txt"
BUNDLED_DECK = REPO / "decks" / "putin-china-state-visit.toml"
ARTICLES = REPO / "tests" / "data" / "articles"


@pytest.fixture(scope="session")
def bundled() -> GenerationResult:
    """The draft deck for the bundled article, made once for the whole session."""
    return generate_deck(read_article(BUNDLED_ARTICLE).text, title="Putin’s state visit to China")


def generate_file(path: Path, **settings: object) -> GenerationResult:
    article = read_article(path)
    return generate_deck(article.text, title=article.title or path.stem, **settings)  # type: ignore[arg-type]
