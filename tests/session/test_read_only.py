"""Practising on a read-only data folder: the session works, says nothing is saved, and writes nothing."""

from __future__ import annotations

import random
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from session_helpers import answer_all, capitals, right_response

from quiz.clock import FixedClock
from quiz.model import StudyOptions
from quiz.session import start_session
from quiz.storage import ReadOnlyStoreError, open_store

pytestmark = pytest.mark.slow


@pytest.fixture
def read_only_folder(tmp_path: Path, clock: FixedClock) -> Iterator[Path]:
    """A data folder with a day of progress in it, then remounted read-only (a real read-only file system)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True)
    assert mounted.returncode == 0, f"these tests mount a tmpfs (run them as root): {mounted.stderr!r}"
    try:
        with open_store(folder, clock=clock) as store:
            session = start_session(store, _deck(6), mode="review", clock=clock, rng=random.Random(1), fuzz=False)
            answer_all(session, clock=clock, step_seconds=60)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with pytest.raises(ReadOnlyStoreError):
            open_store(folder, clock=clock)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _deck(count: int):  # noqa: ANN202
    return capitals(count, options=StudyOptions(new_per_day=4))


def _reviews(folder: Path, clock: FixedClock) -> int:
    with open_store(folder, clock=clock, read_only=True) as store:
        return len(store.reviews("capitals", include_undone=True))


def test_a_review_session_on_a_read_only_folder_practises_and_saves_nothing(read_only_folder, clock) -> None:
    saved_before = _reviews(read_only_folder, clock)
    clock.advance(timedelta(days=3))
    with open_store(read_only_folder, clock=clock, read_only=True) as store:
        session = start_session(store, _deck(8), mode="review", clock=clock, rng=random.Random(2), fuzz=False)
        assert not session.saves_answers
        assert "read-only" in session.not_saved_notice
        assert not session.progress.saved and session.progress.unsaved_reason == session.not_saved_notice
        assert session.sync is None  # the deck was not synced: that write would fail
        queue = [session.current.key, *session._queue.upcoming]
        # the four reviews due, then the new cards: two the store knows and two it has never seen
        assert queue == ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"]
        assert session.current.key == "c0" and not session.current.is_new
        asked = answer_all(session, clock=clock, step_seconds=60)
        assert asked.count("c6") == 2  # a new card comes back for its learning step, scheduled in memory
        assert session.progress.answered == len(asked) and not session.progress.saved
        summary = session.summary()
        assert summary.answered == len(asked)
    assert _reviews(read_only_folder, clock) == saved_before


def test_quiz_cram_and_learn_on_a_read_only_folder(read_only_folder, clock) -> None:
    saved_before = _reviews(read_only_folder, clock)
    with open_store(read_only_folder, clock=clock, read_only=True) as store:
        quiz = start_session(store, _deck(6), mode="quiz", clock=clock, rng=random.Random(3), update_schedule=True)
        assert quiz.quiz_id is None and not quiz.saves_answers
        answer_all(quiz, wrong={"c1"})
        assert quiz.summary().right == 5
        assert store.quiz_history("capitals") == []
        cram = start_session(store, _deck(6), mode="cram", clock=clock, rng=random.Random(4))
        cram.suspend()  # the student's wish holds for this session; it cannot be kept
        cram.bury()
        rest = answer_all(cram)
        assert len(rest) == 4
        learn = start_session(store, _deck(6), mode="learn", clock=clock, rng=random.Random(5))
        item = learn.current
        outcome = learn.answer(right_response(item), elapsed=2.0)
        assert outcome.key == item.key
        assert learn.undo() is not None  # taking back an answer that was never saved
        learn.close()
    assert _reviews(read_only_folder, clock) == saved_before
