"""`quiz check --strict` passes every draft, quotes included."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTICLES, BUNDLED_ARTICLE

from quiz.cli import main
from quiz.loader import check_deck


@pytest.mark.parametrize(
    "article",
    [BUNDLED_ARTICLE, ARTICLES / "harbour-derby-match-report.md", ARTICLES / "penicillin-history.html"],
    ids=lambda p: p.name,
)
def test_drafts_pass_the_strict_check(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    assert main(["generate", str(article), "-o", str(out), "--id", "draft"]) == 0
    result = check_deck(out, strict=True)
    assert result.deck is not None
    assert [str(p) for p in result.problems] == []
    assert main(["check", "--strict", str(out)]) == 0


def test_the_strict_check_would_catch_a_quote_that_is_not_in_the_article(tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    assert main(["generate", str(BUNDLED_ARTICLE), "-o", str(out), "--id", "draft"]) == 0
    copy = tmp_path / "draft.txt"
    copy.write_text(copy.read_text(encoding="utf-8").replace("$240.1 billion", "$250 billion"), encoding="utf-8")
    assert check_deck(out, strict=True).problems
