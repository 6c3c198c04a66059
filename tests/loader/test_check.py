"""`check_deck`, `check_decks` and `quiz check`: all problems at once, files and folders, quotes, exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.errors import DeckError
from quiz.loader import check_deck, check_decks, load_deck, resolve_deck_file
from quiz.paths import bundled_decks_dir

DATA = Path(__file__).resolve().parents[1] / "data" / "loader"
DECK = '[deck]\nid = "{id}"\ntitle = "T"\n'
CARD = '\n[[cards]]\nid = "c"\ntype = "flashcard"\nfront = "f"\nback = "b"\n'
QUOTED = '\n[[cards]]\nid = "q"\ntype = "true_false"\nquestion = "S"\nanswer = true\nsource = "{quote}"\n'


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def deck_with_article(folder: Path, article: str, quote: str, *, name: str = "news.toml") -> Path:
    text = DECK.format(id="news") + f'\n[deck.source]\narticle = "{article}"\n' + QUOTED.format(quote=quote)
    return write(folder, name, text)


# --- every bundled deck is clean, even when strict ----------------------------------------


def test_every_bundled_deck_passes_strict_check(capsys) -> None:  # noqa: ANN001
    decks = sorted(bundled_decks_dir().glob("*.toml"))
    assert decks, "no bundled decks"
    assert main(["check", "--strict", str(bundled_decks_dir())]) == 0
    out = capsys.readouterr().out
    for deck in decks:
        assert f"{deck.name}: " in out
    assert "warning" not in out


def test_example_deck_is_clean_and_summarised(capsys) -> None:  # noqa: ANN001
    assert main(["check", "--strict", str(DATA / "every-type.toml")]) == 0
    assert (
        capsys.readouterr()
        .out.strip()
        .endswith(
            "every-type.toml: 12 cards (2 date, 2 numeric, 1 choice, 1 cloze, 1 flashcard, 1 match, 1 multi, 1 order,"
            " 1 short, 1 true_false)"
        )
    )


# --- the command -----------------------------------------------------------------------------

TEN_MISTAKES = """[deck]
id = "ten mistakes"
title = ""

[[cards]]
id = "a"
type = "essay"

[[cards]]
id = "b"
type = "numeric"
question = "Q"
answer = "3,14"

[[cards]]
id = "b"
type = "choice"
question = "Q"
choices = ["x", "z"]
answer = "y"

[[cards]]
id = "d"
type = "numeric"
question = "Q"
answer = 1
tolerance = -1

[[cards]]
id = "e"
type = "cloze"
text = "no gaps"

[[cards]]
id = "f"
type = "date"
question = "Q"
answer = "2023-02-30"

[[cards]]
id = "g"
type = "true_false"
question = "S"
answer = "yes"
"""


def test_ten_mistakes_give_ten_located_messages_and_exit_1(tmp_path, capsys) -> None:  # noqa: ANN001
    path = write(tmp_path, "bad.toml", TEN_MISTAKES)
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "10 errors, 0 warnings in 1 file"
    located = [line for line in lines[:-1] if line.startswith("bad.toml:")]
    assert len(located) == 10
    assert all(line.split(":")[1].isdigit() for line in located)


def test_warnings_are_told_apart_and_do_not_fail(tmp_path, capsys) -> None:  # noqa: ANN001
    path = write(tmp_path, "w.toml", DECK.format(id="w") + CARD + 'colour = "red"\n')
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == 'w.toml:10: cards[0] (id "c"): warning: unknown key "colour"'
    assert out[1] == "w.toml: 1 card (1 flashcard)"
    assert main(["check", "--strict", str(path)]) == 1


def test_folders_are_searched_recursively(tmp_path, capsys) -> None:  # noqa: ANN001
    (tmp_path / "sub").mkdir()
    write(tmp_path, "a.toml", DECK.format(id="a") + CARD)
    write(tmp_path / "sub", "b.toml", DECK.format(id="b") + CARD)
    write(tmp_path, "notes.txt", "not a deck")
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "a.toml: 1 card" in out and "b.toml: 1 card" in out
    assert "notes" not in out


def test_json_output_for_tools(tmp_path, capsys) -> None:  # noqa: ANN001
    good = write(tmp_path, "good.toml", DECK.format(id="good") + CARD)
    bad = write(tmp_path, "bad.toml", DECK.format(id="bad") + CARD.replace('back = "b"', "back = 1"))
    assert main(["check", "--format", "json", str(good), str(bad)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["errors"] == 1 and document["warnings"] == 0
    assert document["files"][0] == {
        "path": "good.toml",
        "deck_id": "good",
        "cards": 1,
        "types": {"flashcard": 1},
        "errors": 0,
        "warnings": 0,
    }
    assert document["problems"] == [
        {
            "path": "bad.toml",
            "line": 9,
            "column": None,
            "field": 'cards[0] (id "c").back',
            "severity": "error",
            "message": "expected text, got integer",
        }
    ]


def test_missing_path_is_an_error(tmp_path, capsys) -> None:  # noqa: ANN001
    assert main(["check", str(tmp_path / "nope.toml")]) == 1
    assert "nope.toml: no such file or folder" in capsys.readouterr().out


def test_deck_text_is_printed_as_plain_text(tmp_path, capsys) -> None:  # noqa: ANN001
    path = write(tmp_path, "m.toml", DECK.format(id="m") + CARD.replace('id = "c"', 'id = "[bold]x"'))
    main(["check", str(path)])
    assert 'id "[bold]x"' in capsys.readouterr().out


# --- several files ------------------------------------------------------------------------------


def test_same_deck_id_in_two_files_names_both(tmp_path) -> None:  # noqa: ANN001
    first = write(tmp_path, "one.toml", DECK.format(id="alg") + CARD)
    second = write(tmp_path, "two.toml", DECK.format(id="alg") + CARD)
    one, two = check_decks([first, second])
    assert one.ok
    assert not two.ok
    assert [str(p) for p in two.errors] == [
        'two.toml:2: deck.id: deck id "alg" is also used by one.toml; each deck needs its own id'
    ]


# --- files that are not decks ---------------------------------------------------------------------


def test_directory_named_like_a_deck(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "x.toml").mkdir()
    with pytest.raises(DeckError, match=r"^x.toml: is a folder, not a deck file$"):
        load_deck(tmp_path / "x.toml")


def test_fifo_deck_is_refused_without_blocking(tmp_path) -> None:  # noqa: ANN001
    os.mkfifo(tmp_path / "pipe.toml")
    with pytest.raises(DeckError, match=r"^pipe.toml: not a regular file$"):
        load_deck(tmp_path / "pipe.toml")


def test_missing_deck(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(DeckError, match=r"^gone.toml: no such file$"):
        load_deck(tmp_path / "gone.toml")


def test_unreadable_deck(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    # chmod 000 does not stop root (the CI user), so the refusal is simulated where the file is opened.
    path = write(tmp_path, "secret.toml", DECK.format(id="s") + CARD)

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("quiz.loader.toml_deck.os.open", refuse)
    with pytest.raises(DeckError, match=r"^secret.toml: cannot read \(permission denied\)$"):
        load_deck(path)


def test_a_relative_path_is_named_as_given(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    (tmp_path / "decks").mkdir()
    write(tmp_path / "decks", "a.toml", DECK.format(id="a") + CARD.replace('back = "b"', ""))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DeckError, match=r'^decks/a.toml:5: cards\[0\] \(id "c"\): missing "back"$'):
        load_deck(Path("decks/a.toml"))


# --- the article and its quotes ---------------------------------------------------------------------

ARTICLE = "Putin’s visit to China, set for May 16-17, is aimed at emphasizing the “deepening”\npartnership."


@pytest.mark.parametrize(
    "quote",
    [
        "Putin’s visit to China, set for May 16-17",
        "Putin's visit to China, set for May 16-17",  # straight apostrophe
        'emphasizing the "deepening" partnership.',  # straight quotes, the line break is a space
        "…set for May 16-17… partnership.",  # left-out text
    ],
)
def test_quotes_found_in_the_article(tmp_path, quote: str) -> None:  # noqa: ANN001
    (tmp_path / "news.txt").write_text(ARTICLE, encoding="utf-8")
    result = check_deck(deck_with_article(tmp_path, "news.txt", quote.replace('"', '\\"')))
    assert result.ok, result.problems


def test_quote_missing_from_the_article_names_the_card_line(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "news.txt").write_text(ARTICLE, encoding="utf-8")
    result = check_deck(deck_with_article(tmp_path, "news.txt", "set for May 18"))
    assert [str(p) for p in result.errors] == [
        'news.toml:13: cards[0] (id "q").source: quote not found in news.txt: "set for May 18"'
    ]


def test_article_not_found(tmp_path) -> None:  # noqa: ANN001
    result = check_deck(deck_with_article(tmp_path, "missing.txt", "x"))
    assert [str(p) for p in result.errors] == [
        'news.toml:6: deck.source.article: "missing.txt" not found beside the deck'
    ]


def test_article_symlink_leaving_the_folder(tmp_path) -> None:  # noqa: ANN001
    outside = tmp_path / "outside.txt"
    outside.write_text("secret", encoding="utf-8")
    folder = tmp_path / "deck"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    result = check_deck(deck_with_article(folder, "link.txt", "secret"))
    assert [p.message for p in result.errors] == ["path leaves the deck folder (through a symbolic link)"]


def test_article_symlink_inside_the_folder_is_fine(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "real.txt").write_text("secret words", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    assert check_deck(deck_with_article(tmp_path, "link.txt", "secret")).ok


def test_article_fifo_is_refused_without_blocking(tmp_path) -> None:  # noqa: ANN001
    os.mkfifo(tmp_path / "pipe.txt")
    result = check_deck(deck_with_article(tmp_path, "pipe.txt", "x"))
    assert [p.message for p in result.errors] == ['"pipe.txt" is not a regular file']


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("../x.txt", 'path leaves the deck folder (".." is not allowed)'),
        ("sub/../../x.txt", 'path leaves the deck folder (".." is not allowed)'),
        ("/etc/passwd", "path leaves the deck folder (absolute paths are not allowed; write it relative to the deck)"),
        ("a\x00b", "path contains a NUL or control character"),
    ],
)
def test_resolver_refuses_paths_leaving_the_folder(tmp_path, reference: str, message: str) -> None:  # noqa: ANN001
    with pytest.raises(DeckError) as caught:
        resolve_deck_file(tmp_path / "d.toml", reference)
    assert caught.value.problems[0].message == message


def test_a_deck_that_cannot_be_read_does_not_stop_the_others(tmp_path) -> None:  # noqa: ANN001
    good = write(tmp_path, "good.toml", DECK.format(id="good") + CARD)
    (tmp_path / "folder.toml").mkdir()
    vanished = tmp_path / "vanished.toml"
    results = check_decks([good, tmp_path / "folder.toml", vanished])
    assert [result.ok for result in results] == [True, False, False]
    assert [str(p) for p in results[1].problems] == ["folder.toml: is a folder, not a deck file"]
    assert [str(p) for p in results[2].problems] == ["vanished.toml: no such file or folder"]
