"""The command line when something unexpected fails and the data folder cannot even take the log."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from quiz import cli


def _boom(args: argparse.Namespace) -> int:
    raise RuntimeError("boom")


def test_an_unexpected_error_with_an_unwritable_log_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, a log that could not be written sent two chained tracebacks to the student's terminal."""
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setattr("quiz.commands.stats_cmd.run", _boom)
    status = cli.main(["--data-dir", str(not_a_folder), "stats"])
    err = capsys.readouterr().err
    assert status == 2
    assert err == "quiz: unexpected error (RuntimeError: boom); run again with --debug for details\n"


def test_an_unexpected_error_goes_to_the_log_when_it_can(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("quiz.commands.stats_cmd.run", _boom)
    status = cli.main(["--data-dir", str(tmp_path), "stats"])
    log = tmp_path / "quiz.log"
    assert status == 2
    assert capsys.readouterr().err == f"quiz: unexpected error; details written to {log}\n"
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
