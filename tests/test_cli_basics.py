"""The command line itself: version, help and error handling."""

from __future__ import annotations

import subprocess
import sys

from quiz import __version__
from quiz.cli import main


def test_version_is_printed(capsys) -> None:
    try:
        main(["--version"])
    except SystemExit as stop:
        assert stop.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_lists_every_subcommand(capsys) -> None:
    try:
        main(["--help"])
    except SystemExit as stop:
        assert stop.code == 0
    out = capsys.readouterr().out
    for command in ("study", "check", "grade", "stats", "import", "export", "generate"):
        assert command in out


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert f"quiz {__version__}" in result.stdout


def test_output_cut_short_by_a_closed_pipe_is_not_an_error() -> None:
    # As in `quiz check decks/ | head -0`: the reader has gone before the command writes.
    code = (
        "import os; r, w = os.pipe(); os.close(r); os.dup2(w, 1);"
        "from quiz.cli import main; rc = main(['check', 'decks/']); os.write(2, f'rc={rc}'.encode())"
    )
    result = subprocess.run([sys.executable, "-u", "-c", code], capture_output=True, text=True, timeout=120)
    assert "unexpected error" not in result.stderr
    assert result.stderr.endswith("rc=0")


def test_only_the_command_being_run_is_imported() -> None:
    # Opening the app must not pay for the grader's number words, the importers or the generator.
    code = (
        "import sys; from quiz.cli import build_parser, _route_home;"
        "build_parser('study').parse_args(_route_home([]));"
        "heavy = ('quiz.interchange', 'quiz.generation', 'quiz.commands.grade_cmd');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_a_subcommand_still_gets_its_own_arguments(capsys) -> None:
    assert main(["check", "decks/"]) == 0
    assert "35 cards" in capsys.readouterr().out


def _readme_command_lines() -> list[str]:
    """Every command line in the README's Commands table, alternatives (`a\\|b`) expanded."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    lines = []
    for row in section.splitlines():
        if not row.startswith("| `quiz"):
            continue
        first_cell = row.split(" | ", 1)[0]
        for span in re.findall(r"`(quiz[^`]*)`", first_cell):
            alternatives = re.search(r"(\S+\\\|\S+)", span)
            choices = alternatives.group(1).split("\\|") if alternatives else [None]
            for choice in choices:
                lines.append(span.replace(alternatives.group(1), choice) if choice else span)
    return lines


def test_every_command_line_in_the_readme_is_accepted() -> None:
    """The README's Commands table is what a teacher copies: each line must parse as written."""
    import shlex

    from quiz.cli import COMMANDS, _command_named, build_parser

    placeholders = {"DECK": "deck.toml", "PATH...": "decks/", "FILE": "bank.gift", "ARTICLE": "article.txt"}
    placeholders |= {"CARD_ID": "card", "ANSWER": "an answer", "[DECK]": "deck.toml"}
    lines = _readme_command_lines()
    assert {shlex.split(line)[1] for line in lines if len(shlex.split(line)) > 1} == set(COMMANDS)
    for line in lines:
        argv = [placeholders.get(word, word) for word in shlex.split(line)[1:]]
        try:
            build_parser(_command_named(argv)).parse_args(argv)
        except SystemExit as stop:
            raise AssertionError(f"README: `{line}` is refused by the command line") from stop


def test_grade_finds_an_imported_deck_by_its_id(tmp_path, capsys) -> None:  # noqa: ANN001
    """`quiz import` writes into the deck folder; `quiz grade` takes that id, as export and stats do."""
    data = tmp_path / "data"
    bank = tmp_path / "week3.gift"
    bank.write_text("::Pi::What is pi to two places?{#3.14:0.005}\n", encoding="utf-8")
    assert main(["--data-dir", str(data), "import", str(bank)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "grade", "week3", "pi", "3.14"]) == 0
    assert "3.14" in capsys.readouterr().out


def test_grade_and_export_find_a_bundled_deck_by_file_name(tmp_path, capsys, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    name = "putin-china-state-visit.toml"
    assert main(["--data-dir", str(tmp_path), "export", name, "--format", "csv", "-q"]) == 0
    assert main(["--data-dir", str(tmp_path), "grade", name, "trade-volume-2023", "240.1"]) == 0


def test_check_on_a_folder_without_decks_names_the_folder(tmp_path, capsys) -> None:  # noqa: ANN001
    """A teacher who pointed at the wrong folder sees which one was searched."""
    (tmp_path / "bank.gift").write_text("Q?{=a}\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"no deck files (*.toml) found in {tmp_path}\n"
