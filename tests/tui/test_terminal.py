"""The real app in a real pseudo-terminal: hostile escapes never reach it, signals exit cleanly."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

EVIL = [b"\x1b]52;", b"\x1b]0;PWNED", b"\x1b]8;;", b"\x1b[2JBBB", b"\xc2\x9b", b"\xc2\x9d"]


def _spawn(args: list[str], env: dict[str, str]) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the app
        os.execvpe(sys.executable, [sys.executable, "-m", "quiz", *args], env)
    return pid, fd


def _read_until(fd: int, marker: bytes, limit: float) -> bytes:
    """Read the terminal's bytes until `marker` shows up (or the time limit passes)."""
    out = b""
    end = time.monotonic() + limit
    while time.monotonic() < end and marker not in out:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


def _drain(fd: int, limit: float) -> bytes:
    out = b""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


def _wait(pid: int, limit: float) -> int | None:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return None


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_signal_exits_cleanly_and_hostile_text_never_reaches_the_terminal(
    sig: signal.Signals, tmp_path: Path, isolated_data_dir: Path
) -> None:
    deck = Path(__file__).resolve().parent.parent / "data" / "tui" / "hostile.toml"
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "QUIZ_DATA_DIR": str(isolated_data_dir),
        "COLUMNS": "100",
        "LINES": "30",
    }
    pid, fd = _spawn(["study", str(deck)], env)
    try:
        # the frame arrives in several writes: the question's text comes after the header's "streak"
        shown = _read_until(fd, b"Click for a hint", 30)
        assert b"streak" in shown and b"Click for a hint" in shown, shown[-2000:]
        os.kill(pid, sig)
        shown += _drain(fd, 2)
        code = _wait(pid, 20)
    finally:
        os.close(fd)
    assert code == 0
    assert b"\x1b[?1049l" in shown  # the alternate screen was left: the terminal is restored
    for evil in EVIL:
        assert evil not in shown


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGKILL])
def test_an_answer_on_screen_survives_the_terminal_closing_or_a_kill(
    sig: signal.Signals, isolated_data_dir: Path
) -> None:
    """The terminal closing (SIGHUP) or a kill while a graded answer is on screen keeps that answer.

    A SIGKILL cannot restore the terminal; SIGHUP must, and must exit 0.
    """
    from quiz.storage import open_store

    deck = Path(__file__).resolve().parent.parent / "data" / "tui" / "five-statements.toml"
    env = {**os.environ, "TERM": "xterm-256color", "QUIZ_DATA_DIR": str(isolated_data_dir)}
    pid, fd = _spawn(["study", str(deck)], env)
    try:
        shown = _read_until(fd, b"streak", 30)
        assert b"streak" in shown, shown[-2000:]
        os.write(fd, b"t")  # a true/false card: the answer is given and graded
        shown += _read_until(fd, b"saved", 10)
        assert b"saved" in shown
        os.kill(pid, sig)
        shown += _drain(fd, 2)
        code = _wait(pid, 20)
    finally:
        os.close(fd)
    if sig == signal.SIGHUP:
        assert code == 0
        assert b"\x1b[?1049l" in shown  # the terminal was restored
    with open_store(isolated_data_dir) as store:
        assert len(store.reviews("tui-five-statements")) == 1
