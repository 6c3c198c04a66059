"""`quiz` in a real terminal (tmux, 80×24): answer three cards, quit, start again, find the progress."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.storage import open_store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

DECK = Path(__file__).resolve().parent.parent / "data" / "tui" / "five-statements.toml"


class Tmux:
    """One detached tmux session on its own server socket."""

    def __init__(self, socket: Path, env: dict[str, str]) -> None:
        self.base = ["tmux", "-S", str(socket)]
        self.env = env

    def run(self, *args: str) -> str:
        result = subprocess.run([*self.base, *args], env=self.env, capture_output=True, text=True, timeout=30)
        return result.stdout

    def start(self, command: str) -> None:
        self.run("new-session", "-d", "-s", "quiz", "-x", "80", "-y", "24", command)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "quiz")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "quiz", *keys)

    def wait_for(self, text: str, limit: float = 30, *, absent: str | None = None) -> str:
        """Poll the screen until `text` shows (and `absent` does not): a condition, not a fixed sleep."""
        end = time.monotonic() + limit
        shown = ""
        while time.monotonic() < end:
            shown = self.screen()
            if text in shown and (absent is None or absent not in shown):
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")

    def wait_gone(self, limit: float = 30) -> None:
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if "quiz" not in self.run("list-sessions"):
                return
            time.sleep(0.1)
        raise AssertionError("the app did not exit")

    def kill(self) -> None:
        self.run("kill-server")


@pytest.fixture
def tmux(tmp_path: Path, isolated_data_dir: Path):  # noqa: ANN201
    env = {**os.environ, "QUIZ_DATA_DIR": str(isolated_data_dir), "TERM": "xterm-256color"}
    env.pop("TMUX", None)
    session = Tmux(tmp_path / "tmux.sock", env)
    yield session
    session.kill()


def test_answer_three_cards_quit_and_find_the_progress(tmux: Tmux, tmp_path: Path, isolated_data_dir: Path) -> None:
    deck = tmp_path / "five.toml"
    shutil.copy(DECK, deck)
    python = sys.executable
    # the pane stays open after the app exits, so a crash's message can be read
    tmux.start(f"{python} -m quiz study --mode review {deck}; echo QUIZ-EXITED-$?; sleep 30")
    for number in (1, 2, 3):
        tmux.wait_for(f"  {number}/", absent="⏎ ")  # card `number` is asked, no feedback on screen
        tmux.keys("t")
        tmux.wait_for("⏎ ")  # the feedback, with the suggested rating
        assert "✓ saved" in tmux.screen()
        tmux.keys("Enter")
    tmux.wait_for("  4/", absent="⏎ ")
    tmux.keys("C-q")
    tmux.wait_for("QUIZ-EXITED-0")
    tmux.run("kill-session", "-t", "quiz")

    with open_store(isolated_data_dir) as store:
        reviews = store.reviews("tui-five-statements")
    assert len(reviews) == 3

    tmux.start(f"{python} -m quiz {deck}; echo QUIZ-EXITED-$?; sleep 30")
    screen = tmux.wait_for("today")  # the deck's row, once its counts are in
    row = next(line for line in screen.splitlines() if "Five statements" in line and "today" in line)
    assert "today" in row
    cells = row.split()
    assert cells[cells.index("statements") + 1 : cells.index("statements") + 3] == ["5", "2"]  # cards, new
    tmux.keys("C-q")
    tmux.wait_for("QUIZ-EXITED-0")
