"""`quiz generate` end to end: files written, article referenced or copied, clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ARTICLES, BUNDLED_ARTICLE

from quiz.cli import main
from quiz.loader import load_deck


def test_writes_a_deck_and_a_copy_of_an_article_from_another_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft.toml"
    assert main(["generate", str(BUNDLED_ARTICLE), "-o", str(out), "--id", "my-visit-draft"]) == 0
    deck = load_deck(out)
    assert deck.id == "my-visit-draft"
    assert deck.source is not None and deck.source.article == "draft.txt"
    copy = (tmp_path / "draft.txt").read_text(encoding="utf-8")
    assert all(card.source in copy for card in deck.cards)
    assert f"wrote {out}" in capsys.readouterr().out


def test_names_the_article_itself_when_it_sits_beside_the_deck(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    shutil.copy(BUNDLED_ARTICLE, article)
    out = tmp_path / "deck.toml"
    assert main(["generate", str(article), "-o", str(out), "--title", "Visit", "--published", "2024-05-14"]) == 0
    deck = load_deck(out)
    assert deck.source is not None
    assert deck.source.article == "article.txt" and str(deck.source.published) == "2024-05-14"
    assert deck.title == "Visit" and deck.id == "visit"
    assert not (tmp_path / "deck.txt").exists()


def test_same_input_gives_the_same_file_and_seed_changes_it(tmp_path: Path) -> None:
    paths = [tmp_path / "a.toml", tmp_path / "b.toml", tmp_path / "c.toml"]
    for path, seed in zip(paths, ("0", "0", "3"), strict=True):
        assert main(["generate", str(BUNDLED_ARTICLE), "-o", str(path), "--id", "same", "--seed", seed]) == 0
    texts = [p.read_text(encoding="utf-8").replace(p.stem + ".txt", "X") for p in paths]
    assert texts[0] == texts[1] != texts[2]


def test_markdown_and_html_articles_get_a_plain_text_copy(tmp_path: Path) -> None:
    for name in ("harbour-derby-match-report.md", "penicillin-history.html"):
        out = tmp_path / (Path(name).stem + ".toml")
        assert main(["generate", str(ARTICLES / name), "-o", str(out)]) == 0
        deck = load_deck(out)
        copy = out.with_suffix(".txt").read_text(encoding="utf-8")
        assert "<p>" not in copy and "**" not in copy
        assert all(card.source in copy for card in deck.cards)


def test_without_output_the_deck_goes_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", str(BUNDLED_ARTICLE), "--id", "visit-draft"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("[deck]") and "[[cards]]" in captured.out
    assert "cards" in captured.err


def test_refuses_to_overwrite_another_text_beside_the_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "draft.txt").write_text("my notes", encoding="utf-8")
    assert main(["generate", str(BUNDLED_ARTICLE), "--id", "visit-draft", "-o", str(tmp_path / "draft.toml")]) == 1
    assert "holds other text" in capsys.readouterr().err
    assert (tmp_path / "draft.txt").read_text(encoding="utf-8") == "my notes"
    assert not (tmp_path / "draft.toml").exists()


def test_a_missing_output_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The message names the deck asked for and its folder, as `quiz import -o` does."""
    out = tmp_path / "out" / "cells.toml"
    assert main(["generate", str(BUNDLED_ARTICLE), "--id", "visit-draft", "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"quiz: cannot write {out}: the folder {out.parent} does not exist\n"


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.md", "missing.md: no such file"), (".", ".: is a folder, not a file")],
)
def test_an_article_that_is_not_a_file_is_named_as_import_names_it(
    name: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["generate", name]) == 1
    assert capsys.readouterr().err == f"quiz: {message}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "14/05/2024"], "YYYY-MM-DD"),
        (["--id", "bad id!"], "--id"),
    ],
)
def test_bad_options_give_one_line(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", str(BUNDLED_ARTICLE), "--id", "visit-draft", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_an_article_with_nothing_to_ask_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "empty.txt"
    article.write_text("It rained. Nobody came. The end.\n", encoding="utf-8")
    assert main(["generate", str(article)]) == 1
    assert "nothing to ask" in capsys.readouterr().err


def test_save_draft_writes_a_pruned_draft_for_the_app(tmp_path: Path) -> None:
    """What the app's "New deck from article…" calls after the teacher drops cards."""
    from dataclasses import replace

    from quiz.generation import generate_deck, read_article, save_draft

    article = read_article(ARTICLES / "penicillin-history.html")
    draft = generate_deck(article.text, title=article.title).deck
    kept = replace(draft, cards=draft.cards[::2])
    saved = save_draft(
        kept, article_text=article.text, source=ARTICLES / "penicillin-history.html", output=tmp_path / "p.toml"
    )
    assert saved.article_copy == tmp_path / "p.txt"
    assert [card.id for card in load_deck(saved.deck).cards] == [card.id for card in kept.cards]


def test_verbose_lists_every_card_with_its_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "d.toml"
    assert main(["generate", str(BUNDLED_ARTICLE), "--id", "visit-draft", "-o", str(out), "-v"]) == 0
    lines = capsys.readouterr().out.splitlines()
    deck = load_deck(out)
    listed = [line for line in lines if line.startswith("  ") and not line.startswith("  dropped")]
    assert [line.split()[0] for line in listed] == [card.id for card in deck.cards]
    assert "[numeric, anniversary.years]" in "\n".join(listed)


def test_the_deck_id_comes_from_the_heading_as_help_says(tmp_path: Path) -> None:
    """`--help` and docs/generation.md say where the default id comes from; this pins it."""
    article = tmp_path / "cells.md"
    article.write_text(
        "# The Cell\n\nThe cell was first described by the English scientist Robert Hooke in 1665.\n", encoding="utf-8"
    )
    plain = tmp_path / "notes.txt"
    plain.write_text("The cell was first described by the English scientist Robert Hooke in 1665.\n", encoding="utf-8")
    assert main(["generate", str(article), "-o", str(tmp_path / "a.toml")]) == 0
    assert main(["generate", str(plain), "-o", str(tmp_path / "b.toml")]) == 0
    assert (load_deck(tmp_path / "a.toml").id, load_deck(tmp_path / "b.toml").id) == ("the-cell", "notes")


def test_a_draft_never_takes_a_bundled_decks_id_unasked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Progress is kept by deck id: a draft of the bundled article named after its file would share it."""
    out = tmp_path / "draft.toml"
    assert main(["generate", str(BUNDLED_ARTICLE), "-o", str(out)]) == 1
    assert "comes with quiz" in capsys.readouterr().err and not out.exists()
    assert main(["generate", str(BUNDLED_ARTICLE), "-o", str(out), "--id", "putin-china-state-visit"]) == 0
    assert load_deck(out).id == "putin-china-state-visit"  # asked for by name: an edited copy keeps the progress
