"""Every answer a session acknowledged survives the process being killed at a random moment."""

from __future__ import annotations

import os
import random
import select
import signal
from datetime import UTC, datetime
from pathlib import Path

import pytest
from session_helpers import capitals, right_response

from quiz.clock import FixedClock
from quiz.session import start_session
from quiz.storage import open_store

pytestmark = pytest.mark.slow

KILLS = 20


def _answer_until_killed(data_dir: Path, out: int) -> None:
    """In the child: study in cram sessions without end, writing one line after each answer returns."""
    try:
        clock = FixedClock(datetime(2024, 5, 16, 9, 0, tzinfo=UTC))
        deck = capitals(30)
        with open_store(data_dir, clock=clock) as store:
            rng = random.Random(os.getpid())
            os.write(out, b"open\n")
            while True:
                session = start_session(store, deck, mode="cram", clock=clock, rng=rng)
                while (item := session.current) is not None:
                    session.answer(right_response(item), elapsed=2.0)
                    os.write(out, b"a\n")  # acknowledged: the answer was committed before `answer` returned
    finally:
        os._exit(1)


def test_no_acknowledged_answer_is_lost_when_a_session_is_killed(isolated_data_dir: Path) -> None:
    rng = random.Random(7)
    acknowledged = 0
    for _ in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _answer_until_killed(isolated_data_dir, write_end)
        os.close(write_end)
        received = b""
        while b"open\n" not in received:
            chunk = os.read(read_end, 4096)
            assert chunk, "the child died before studying"
            received += chunk
        wait = rng.uniform(0.0, 0.08)
        while select.select([read_end], [], [], wait)[0]:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            received += chunk
            wait = 0 if rng.random() < 0.1 else wait / 2
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        received += _drain(read_end)
        os.close(read_end)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        acknowledged += received.count(b"a\n")
    assert acknowledged > KILLS, acknowledged  # the children did answer
    with open_store(isolated_data_dir, clock=FixedClock(datetime(2024, 5, 16, 10, tzinfo=UTC))) as store:
        saved = len(store.reviews("capitals"))
    # every acknowledged answer is there; at most one more per kill (committed, not yet acknowledged)
    assert acknowledged <= saved <= acknowledged + KILLS


def _drain(fd: int) -> bytes:
    data = b""
    while select.select([fd], [], [], 0)[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        data += chunk
    return data
