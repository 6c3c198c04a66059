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
    # `quiz generate -v ARTICLE | head -1`: the reader goes away mid-output.
    script = f"{sys.executable} -m quiz generate -v decks/putin-china-state-visit.txt | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", script], capture_output=True, text=True, timeout=120)
    assert "unexpected error" not in result.stderr
    assert result.returncode == 0, result.stderr
