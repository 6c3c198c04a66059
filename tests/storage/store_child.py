"""A separate process driving the real store, for the fault tests (a lock holder, a file-size limit).

Run as `python store_child.py MODE DATA_DIR`. It prints one line per event and
flushes at once, so the parent knows exactly what was acknowledged:
- hold:   open the store, print "ready <pid>", wait for stdin to close.
- fill:   open the store, cap the file size (RLIMIT_FSIZE), answer until the disk is "full",
          print "full <message>", lift the cap, retry the same answer and print "retried <review id>".
"""

from __future__ import annotations

import resource
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.clock import FixedClock
from quiz.model import Correctness, LearningState, MemoryState, Rating
from quiz.storage import NotSavedError, ReviewRecord, open_store

START = datetime(2024, 5, 16, 9, 0, tzinfo=UTC)


def review(n: int, response: str = "") -> tuple[ReviewRecord, MemoryState]:
    """The n-th answer: item `q<n % 50>` at START + n seconds, with its new state."""
    at = START + timedelta(seconds=n)
    record = ReviewRecord(
        deck_id="kill",
        item_key=f"q{n % 50}",
        reviewed_at=at,
        rating=Rating.GOOD,
        correctness=Correctness.CORRECT,
        response=response or f"answer {n}",
        duration_ms=n,
    )
    state = MemoryState(
        state=LearningState.REVIEW,
        step=None,
        stability=1.0 + n,
        difficulty=5.0,
        due=at + timedelta(days=1),
        last_review=at,
        reps=n,
    )
    return record, state


def say(*parts: object) -> None:
    print(*parts, flush=True)


def main() -> None:
    mode, data_dir = sys.argv[1], Path(sys.argv[2])
    store = open_store(data_dir, clock=FixedClock(START))
    if mode == "hold":
        say("ready")
        sys.stdin.read()
        store.close()
        return
    first = 1 + len(store.reviews("kill"))
    if mode == "fill":
        size = sum(p.stat().st_size for p in data_dir.glob("progress.db*"))
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 200_000, resource.RLIM_INFINITY))
        n = first
        while True:
            record, state = review(n, response="x" * 4000)
            try:
                review_id = store.record_review(record, state, before=None)
            except NotSavedError as error:
                say("full", error)
                break
            say("ack", review_id, n)
            n += 1
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        say("retried", store.record_review(record, state, before=None))
        store.close()


if __name__ == "__main__":
    main()
