"""`quiz import` and `quiz export` as a teacher runs them: files, reports, re-imports and full disks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.loader import load_deck

from .conftest import DATA


def run(*argv: str) -> int:
    return main(list(argv))


def test_import_writes_the_deck_to_the_deck_folder_and_reports_every_question(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("import", str(DATA / "moodle_bank.gift")) == 0
    out = capsys.readouterr().out
    target = isolated_data_dir / "decks" / "moodle-bank.toml"
    assert f"written to {target}" in out
    assert "moodle_bank.gift:7: imported: numeric card 'trade-record'" in out
    assert "moodle_bank.gift:59: converted: flashcard 'essay'" in out
    assert "moodle_bank.gift:72: skipped: Moodle embedded-answer" in out
    assert "18 cards imported (15 as written, 3 converted), 2 skipped" in out
    assert len(load_deck(target).cards) == 18


def test_reimporting_updates_the_same_deck_and_cards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "week3.gift", tmp_path / "week3.toml"
    source.write_text("::Premier::Who is premier?{=Li Qiang}\n\nWhat is 2+2?{#4}\n", encoding="utf-8")
    assert run("import", str(source), "-o", str(target)) == 0
    first = load_deck(target)
    source.write_text("What is 2+2?{#4}\n\n::Premier::Who is premier?{=Li Qiang =Premier Li}\n", encoding="utf-8")
    assert run("import", str(source), "-o", str(target)) == 0
    second = load_deck(target)
    assert first.id == second.id == "week3"
    assert sorted(c.id for c in first.cards) == sorted(c.id for c in second.cards)
    assert len(second.card("premier").answers) == 2


def test_import_refuses_to_replace_another_deck_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "deck.toml"
    assert run("import", str(DATA / "aiken.txt"), "-o", str(target)) == 0
    assert run("import", str(DATA / "cards.csv"), "-o", str(target)) == 1
    assert "holds the deck 'aiken'" in capsys.readouterr().err
    assert load_deck(target).id == "aiken"
    assert run("import", str(DATA / "cards.csv"), "-o", str(target), "--force") == 0
    assert load_deck(target).id == "cards"


def test_import_to_standard_output_keeps_the_report_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("import", str(DATA / "quizlet_tab.txt"), "-o", "-", "--id", "china-words", "--title", "China") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith('[deck]\nid = "china-words"\ntitle = "China"')
    assert "quizlet_tab.txt:3: skipped" in captured.err


def test_import_options_for_quizlet_separators(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["import", str(DATA / "quizlet_custom.txt"), "--format", "quizlet", "--separator", " - "]
    assert run(*argv, "--card-separator", ";", "-o", "-") == 0
    assert capsys.readouterr().out.count("[[cards]]") == 3


def test_separator_option_is_the_csv_delimiter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--help` says --separator applies to CSV; a bar-separated file is read with it."""
    source = tmp_path / "bars.csv"
    source.write_text("question|answer\nWhat is 2, plus 2?|4\n", encoding="utf-8")
    assert run("import", str(source), "--format", "csv", "--separator", "|", "-o", "-") == 0
    assert 'front = "What is 2, plus 2?"\nback = "4"' in capsys.readouterr().out


def test_a_separator_the_format_does_not_use_is_noted_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The format is detected after the options are given, so a teacher may pass one that does not apply."""
    assert run("import", str(DATA / "aiken.txt"), "--separator", ";", "--card-separator", ";", "-o", "-") == 0
    err = capsys.readouterr().err
    assert "aiken.txt: note: --separator was ignored: Aiken files do not use it" in err
    assert "aiken.txt: note: --card-separator was ignored: Aiken files do not use it" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "missing.gift"], "missing.gift: no such file"),
        (["import", str(DATA)], "is a folder"),
        (["import", str(DATA / "moodle_bank.gift"), "--id", "no spaces"], "--id 'no spaces'"),
        (["export", "no-such-deck", "--format", "gift"], "no-such-deck: no such deck file"),
    ],
)
def test_user_errors_are_one_line_messages(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*argv) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_undetectable_format_asks_for_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("Just some prose.\n", encoding="utf-8")
    assert run("import", str(notes)) == 1
    assert "--format" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["gift", "anki", "csv"])
def test_export_the_bundled_deck_by_id(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / f"visit.{fmt}"
    assert run("export", "putin-china-state-visit", "--format", fmt, "-o", str(target)) == 0
    out = capsys.readouterr().out
    assert "Exported 35 cards of 'putin-china-state-visit'" in out
    assert target.stat().st_size > 1000
    assert not list(tmp_path.glob(".*.part"))


def test_exported_gift_imports_back_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gift, deck = tmp_path / "visit.gift", tmp_path / "visit.toml"
    assert run("export", "putin-china-state-visit", "--format", "gift", "-o", str(gift), "-q") == 0
    assert run("import", str(gift), "-o", str(deck), "--id", "putin-china-state-visit") == 0
    again = load_deck(deck)
    assert len(again.cards) == 35


def test_a_full_disk_during_export_gives_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("export", "putin-china-state-visit", "--format", "gift", "-o", "/dev/full") == 1
    err = capsys.readouterr().err
    assert err.strip() == "quiz: cannot write /dev/full (no space left on device)"


def test_a_failed_write_leaves_the_old_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    target = tmp_path / "visit.gift"
    target.write_text("old contents", encoding="utf-8")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    assert run("export", "putin-china-state-visit", "--format", "gift", "-o", str(target)) == 1
    assert "no space left on device" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["visit.gift"]


def test_a_card_the_deck_rules_refuse_is_left_out_and_reported(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    source, target = tmp_path / "long.gift", tmp_path / "long.toml"
    source.write_text("Short one?{=yes}\n\n" + "Long " * 2500 + "?{=no}\n", encoding="utf-8")
    assert run("import", str(source), "-o", str(target)) == 0
    out = capsys.readouterr().out
    assert "long.gift:3: skipped:" in out and "too long" in out
    assert "1 cards imported" not in out and "1 card imported (1 as written, 0 converted), 1 skipped" in out
    assert [card.question for card in load_deck(target).cards] == ["Short one?"]


def test_import_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    stdin = io.TextIOWrapper(io.BytesIO(b"Q?\nA. yes\nB. no\nANSWER: A\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert run("import", "-", "--id", "piped", "-o", "-") == 0
    captured = capsys.readouterr()
    assert 'id = "piped"' in captured.out and 'type = "choice"' in captured.out
    assert "<stdin>:1: imported: choice card" in captured.err


def test_export_finds_a_deck_by_id_whatever_its_file_is_called(
    isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = isolated_data_dir / "decks"
    assert run("import", str(DATA / "aiken.txt"), "--id", "week-3", "-o", str(folder / "my exam.toml")) == 1
    folder.mkdir()
    assert run("import", str(DATA / "aiken.txt"), "--id", "week-3", "-o", str(folder / "my exam.toml")) == 0
    (folder / "broken.toml").write_text("not a deck", encoding="utf-8")
    capsys.readouterr()
    assert run("export", "week-3", "--format", "csv", "-o", "-", "-q") == 0
    assert capsys.readouterr().out.startswith("id,type,title,question,answer")


def test_a_file_named_like_a_bundled_deck_does_not_take_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Progress is kept by deck id: a bank called putin-china-state-visit.gift would share the bundled deck's."""
    bank = tmp_path / "putin-china-state-visit.gift"
    bank.write_text("Who is premier?{=Li Qiang}\n", encoding="utf-8")
    assert run("import", str(bank), "-o", str(tmp_path / "out.toml")) == 1
    assert "is the id of a deck that comes with quiz" in capsys.readouterr().err
    assert not (tmp_path / "out.toml").exists()
    assert run("import", str(bank), "-o", str(tmp_path / "out.toml"), "--id", "my-visit") == 0


def test_when_nothing_can_be_imported_the_reasons_are_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The reasons for the skips are what the teacher has to fix; a bare count would hide them."""
    sheet = tmp_path / "slips.csv"
    sheet.write_text("question,answer,choices,type\nCapital?,Lyonnn,Paris | Lyon,choice\n2+2?,four,,numeric\n")
    assert run("import", str(sheet), "-o", "-") == 1
    assert capsys.readouterr().err.splitlines() == [
        "quiz: slips.csv: no card could be imported from it as CSV (2 question(s) skipped)",
        "slips.csv:2: skipped: the answer 'Lyonnn' is not among the choices",
        "slips.csv:3: skipped: not a number: 'four'",
    ]


def test_an_unknown_csv_type_lists_the_types(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "types.csv"
    sheet.write_text("question,answer,type\nEssay?,x,essay\nOk?,yes,short\n", encoding="utf-8")
    assert run("import", str(sheet), "-o", "-") == 0
    assert (
        "types.csv:2: skipped: unknown type 'essay' (expected: flashcard, short, choice, multi, true_false, numeric, "
        "date, cloze, order, match)" in capsys.readouterr().err
    )
