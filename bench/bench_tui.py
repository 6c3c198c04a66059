"""How fast the app starts and answers, measured side by side with a bare Textual app.

Run: `python bench/bench_tui.py [--runs N]`. It prints a Markdown table for
docs/performance.md. Both apps are started the same way: a fresh Python
process in a pseudo-terminal, timed from spawn until a marker appears in the
terminal output (the bare app's label, the quiz app's first card). Peak memory
is the child's maximum resident set size. The answer latency is measured in a
pseudo-terminal too: from the key press to the next card written to the terminal.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import resource
import select
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "decks" / "putin-china-state-visit.toml"

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Static
class Bare(App):
    def compose(self):
        yield Static("BARE-READY")
        yield Footer()
Bare().run()
"""

INPUT_APP = """
import sys
from textual.app import App
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static
if "--deps" in sys.argv:
    import fsrs, sqlite3
class Question(Screen):
    def compose(self):
        yield Static("INPUT-READY 1/20")
        with VerticalScroll():
            yield Static("On which dates was the visit set to take place?")
            yield Input(placeholder="a day and month, e.g. 3 March")
        yield Static("keys")
class Bare(App):
    def on_mount(self):
        self.push_screen(Question())
Bare().run()
"""
"""The least a question screen needs, for reference: a screen pushed over the default one, with
an input (with --deps, also importing the app's two compiled dependencies, SQLite and FSRS)."""


def big_deck(folder: Path, cards: int = 10_000) -> Path:
    """A deck of `cards` short-answer cards."""
    path = folder / "big.toml"
    parts = ['[deck]\nid = "bench-big"\ntitle = "Ten thousand cards"\nformat = 1\n']
    for i in range(cards):
        parts.append(f'[[cards]]\nid = "c{i}"\ntype = "short"\nquestion = "Question number {i}?"\nanswer = "a{i}"\n')
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _set_size(fd: int, columns: int = 80, lines: int = 24) -> None:
    """Give the pseudo-terminal a real size (a fresh one is 0×0)."""
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))


def run_in_pty(argv: list[str], marker: bytes, env: dict[str, str]) -> tuple[float, int]:
    """Seconds until `marker` is on the terminal, and the child's peak RSS in KiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    _set_size(fd)
    out = b""
    elapsed = float("nan")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            out += chunk
            if marker in out:
                elapsed = time.perf_counter() - start
                break
    os.write(fd, b"\x11")  # ctrl+q
    end = time.monotonic() + 10
    while time.monotonic() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def child_peak(argv: list[str], marker: bytes, env: dict[str, str]) -> tuple[float, int]:
    """Run in a fresh helper process so RUSAGE_CHILDREN holds this one child only."""
    import json
    import subprocess

    here = str(Path(__file__).parent)
    code = (
        f"import json, os, sys; sys.path.insert(0, {here!r}); from bench_tui import run_in_pty; "
        "print(json.dumps(run_in_pty(json.loads(sys.argv[1]), sys.argv[2].encode(), dict(os.environ))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(argv), marker.decode()],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    seconds, peak = json.loads(result.stdout)
    return seconds, peak


def answer_latency(deck: Path, env: dict[str, str], answers: int) -> list[float]:
    """Milliseconds from the key that accepts a rating to the next card on the terminal.

    The app runs in a pseudo-terminal as a student would use it (cram mode on a deck of
    short-answer cards asking "Question number N?"): type a wrong answer, wait for the
    feedback, then time the enter key until the next question's text has been written.
    """
    argv = [sys.executable, "-m", "quiz", "study", "--mode", "cram", str(deck)]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    _set_size(fd)
    times: list[float] = []

    def read_until(marker: bytes, limit: float = 20) -> bytes:
        out = b""
        end = time.monotonic() + limit
        while time.monotonic() < end and marker not in out:
            ready, _, _ = select.select([fd], [], [], 0.01)
            if ready:
                out += os.read(fd, 65536)
        return out

    try:
        read_until(b"Question number", 60)
        time.sleep(0.3)  # let the first frame settle
        for number in range(2, answers + 2):
            os.write(fd, b"x\r")
            read_until(b"I was right")  # the feedback is on screen
            time.sleep(0.05)
            start = time.perf_counter()
            os.write(fd, b"\r")
            marker = f"{number}/".encode()  # the header's position moves on with the next card
            out = read_until(marker)
            if marker not in out:
                break
            times.append((time.perf_counter() - start) * 1000)
            time.sleep(0.05)
    finally:
        os.write(fd, b"\x11")
        time.sleep(0.5)
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    return times


def compile_bytecode() -> None:
    """Write the app's bytecode first, as `pip install` does: a checkout run with
    PYTHONDONTWRITEBYTECODE would otherwise compile every module on every launch,
    while Textual's own modules were compiled when it was installed."""
    import compileall

    compileall.compile_dir(REPO / "quiz", quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--answers", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = big_deck(folder)
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        bare_py = folder / "bare.py"
        bare_py.write_text(BARE_APP, encoding="utf-8")
        input_py = folder / "input_app.py"
        input_py.write_text(INPUT_APP, encoding="utf-8")
        compile_bytecode()
        rows = []
        quiz_bundled = [sys.executable, "-m", "quiz", "study", str(BUNDLED)]
        quiz_big = [sys.executable, "-m", "quiz", "study", str(big)]
        cases = [
            ("bare Textual app", [sys.executable, str(bare_py)], b"BARE-READY", False),
            ("reference: an input on a pushed screen", [sys.executable, str(input_py)], b"INPUT-READY", False),
            (
                "reference: the same, importing SQLite and FSRS",
                [sys.executable, str(input_py), "--deps"],
                b"INPUT-READY",
                False,
            ),
            ("quiz, bundled deck, first launch", quiz_bundled, b"1/", False),
            ("quiz, bundled deck", quiz_bundled, b"1/", True),
            ("quiz, 10,000-card deck, first launch", quiz_big, b"1/", False),
            ("quiz, 10,000-card deck", quiz_big, b"1/", True),
        ]
        # Runs are interleaved (every app once, then again), so a busy spell on the machine
        # slows all of them alike instead of one app's runs.
        launches: dict[str, list[float]] = {name: [] for name, *_ in cases}
        peaks: dict[str, list[int]] = {name: [] for name, *_ in cases}
        for run in range(args.runs):
            for number, (name, argv, marker, again) in enumerate(cases):
                data = folder / f"data-{number}-{run}"
                child_env = {**env, "QUIZ_DATA_DIR": str(data)}
                if again:  # a student's usual launch: the deck was opened before
                    child_peak(argv, marker, child_env)
                seconds, peak = child_peak(argv, marker, child_env)
                launches[name].append(seconds)
                peaks[name].append(peak)
        bare = launches["bare Textual app"]
        bare_mem = max(peaks["bare Textual app"])
        for name, times in launches.items():
            # Each run is compared with the bare app's run of the same round.
            ratio = statistics.median(t / b for t, b in zip(times, bare, strict=True))
            peak = max(peaks[name])
            rows.append(
                f"| {name} | {statistics.median(times) * 1000:.0f} ms | {ratio:.2f}× | {peak / 1024:.0f} MiB | "
                f"{peak / bare_mem:.2f}× |"
            )
        latencies = answer_latency(big, {**env, "QUIZ_DATA_DIR": str(folder / "data-latency")}, args.answers)
    print(
        f"Launch to first card, median of {args.runs} interleaved runs (vs bare: the median of each run's ratio "
        "to the bare app's run of the same round); peak RSS, the largest of them:\n"
    )
    print("| app | launch | vs bare | peak memory | vs bare |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    if latencies:
        print(
            f"\nAnswer key → next card on the terminal ({len(latencies)} answers, 10,000-card deck): median "
            f"{statistics.median(latencies):.1f} ms, p90 {sorted(latencies)[int(len(latencies) * 0.9) - 1]:.1f} ms"
        )


if __name__ == "__main__":
    main()
