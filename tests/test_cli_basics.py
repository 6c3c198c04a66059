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
