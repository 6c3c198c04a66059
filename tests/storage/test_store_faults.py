"""Each store fault performed for real: a second copy, a read-only folder, a full disk, a damaged file, a kill."""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from store_child import START
from store_helpers import DECK_ID, answer, capitals, memory

from quiz.clock import FixedClock
from quiz.errors import StorageError, StoreLockedError
from quiz.storage import (
    CorruptStoreError,
    DiskFullError,
    ReadOnlyStoreError,
    Store,
    list_backups,
    open_store,
    restore_backup,
)

pytestmark = pytest.mark.slow

CHILD = Path(__file__).with_name("store_child.py")


def child(mode: str, data_dir: Path) -> subprocess.Popen[str]:
    """Start store_child.py in MODE on DATA_DIR."""
    return subprocess.Popen(
        [sys.executable, str(CHILD), mode, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode:
        pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.decode().strip()}")


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs (skipped only where mounting is not permitted)."""
    mnt = tmp_path / "mnt"
    _mount_tmpfs(mnt, "1m")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


# --- a second copy ------------------------------------------------------------


def test_a_second_copy_is_told_which_process_holds_the_store(isolated_data_dir: Path, clock: FixedClock) -> None:
    holder = child("hold", isolated_data_dir)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError) as caught:
            open_store(isolated_data_dir, clock=clock)
        assert str(caught.value) == (
            f"Another quiz is using your progress (pid {holder.pid}). Close it, then try again."
        )
    finally:
        holder.communicate("", timeout=20)
    with open_store(isolated_data_dir, clock=clock) as store:  # released on exit
        assert store.items(DECK_ID) == {}


def test_a_killed_holder_leaves_no_stale_lock(isolated_data_dir: Path, clock: FixedClock) -> None:
    holder = child("hold", isolated_data_dir)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    holder.kill()
    holder.wait(timeout=20)
    with open_store(isolated_data_dir, clock=clock) as store:
        assert not store.read_only


def test_another_program_locking_the_database_gives_a_message_not_a_freeze(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    shell = sqlite3.connect(store.path, timeout=0, isolation_level=None)
    shell.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreLockedError, match="Another program is using your progress"):
            store.record_review(answer("fr", clock.now()), memory(clock.now()), before=None)
    finally:
        shell.execute("ROLLBACK")
        shell.close()
    store.record_review(answer("fr", clock.now()), memory(clock.now()), before=None)  # works again
    assert len(store.reviews(DECK_ID)) == 1


# --- read-only --------------------------------------------------------------------


def test_a_read_only_mount_is_refused_clearly_and_can_be_read(tmp_path: Path, clock: FixedClock) -> None:
    mnt = tmp_path / "ro"
    _mount_tmpfs(mnt, "4m")
    try:
        with open_store(mnt, clock=clock) as store:
            store.sync_deck(capitals())
            store.record_review(answer("fr", clock.now()), memory(clock.now()), before=None)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        with pytest.raises(ReadOnlyStoreError, match="read-only; progress cannot be saved"):
            open_store(mnt, clock=clock)
        with open_store(mnt, clock=clock, read_only=True) as store:
            assert store.get_item(DECK_ID, "fr").memory == memory(clock.now())  # type: ignore[union-attr]
            with pytest.raises(ReadOnlyStoreError):
                store.suspend(DECK_ID, ["fr"])
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_quiz_stats_reads_a_read_only_data_folder(tmp_path: Path, clock: FixedClock) -> None:
    """Statistics only read: a read-only folder must not stop `quiz stats` (it did, with exit status 1)."""
    from quiz.loader import load_deck

    deck_file = Path(__file__).resolve().parent.parent / "data" / "tui" / "five-statements.toml"
    deck = load_deck(deck_file)
    mnt = tmp_path / "ro"
    _mount_tmpfs(mnt, "4m")
    try:
        with open_store(mnt, clock=clock) as store:
            store.sync_deck(deck)
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        done = subprocess.run(
            [sys.executable, "-m", "quiz", "--data-dir", str(mnt), "stats", str(deck_file), "--json"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert "read-only" not in done.stderr
        assert '"new"' in done.stdout
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_data_folder_the_user_cannot_write_is_refused_clearly(tmp_path: Path) -> None:
    """Run as an unprivileged user (root ignores permission bits)."""
    import tempfile

    outer = Path(tempfile.mkdtemp(prefix="quiz-perm-"))
    try:
        outer.chmod(0o755)  # readable, not writable, by "nobody"
        script = (
            "import sys; from pathlib import Path; from quiz.storage import open_store, ReadOnlyStoreError\n"
            "try:\n    open_store(Path(sys.argv[1]) / 'data')\n"
            "except ReadOnlyStoreError as e:\n    print('refused:', e)\n"
        )
        # The unprivileged user may not be able to read the checkout or the virtual
        # environment (CI clones into a private temporary folder), so it imports the
        # package from a readable copy. quiz.storage needs nothing beyond the stdlib.
        import quiz

        code = outer / "code"
        shutil.copytree(Path(quiz.__file__).parent, code / "quiz", ignore=shutil.ignore_patterns("__pycache__"))
        for path in [code, *code.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", script]
        env = {**os.environ, "PYTHONPATH": str(code)}
        done = subprocess.run([*command, str(outer)], capture_output=True, text=True, timeout=60, cwd=outer, env=env)
        if "setpriv" in done.stderr and done.returncode:
            pytest.skip(f"cannot switch to an unprivileged user here: {done.stderr.strip()}")
        assert done.stdout.startswith("refused: Your data folder"), done.stderr
        assert "read-only; progress cannot be saved" in done.stdout
    finally:
        shutil.rmtree(outer, ignore_errors=True)


# --- a full disk ----------------------------------------------------------------


def test_a_file_size_limit_means_not_saved_and_nothing_lost(isolated_data_dir: Path, clock: FixedClock) -> None:
    filler = child("fill", isolated_data_dir)
    out, err = filler.communicate(timeout=60)
    lines = out.splitlines()
    acked = [line for line in lines if line.startswith("ack")]
    full = [line for line in lines if line.startswith("full")]
    assert acked and full, err
    assert "Disk not writable (full, or an input/output error)" in full[0]  # EFBIG comes as an I/O error
    assert lines[-1].startswith("retried"), err
    with open_store(isolated_data_dir, clock=clock) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # type: ignore[union-attr]
        assert len(store.reviews("kill")) == len(acked) + 1  # every acknowledged answer, plus the retry


def test_a_full_tmpfs_means_not_saved_and_the_store_stays_intact(small_tmpfs: Path, clock: FixedClock) -> None:
    ballast = small_tmpfs / "ballast"
    saved = 0
    with open_store(small_tmpfs, clock=clock) as store:
        free = os.statvfs(small_tmpfs).f_bavail * os.statvfs(small_tmpfs).f_frsize
        ballast.write_bytes(b"\0" * max(free - 160_000, 0))
        with pytest.raises(DiskFullError, match="^Disk full: nothing new can be saved"):
            for n in range(1000):
                at = clock.now() + timedelta(seconds=n)
                record = replace(answer(f"q{n}", at), response="x" * 3000)
                store.record_review(record, memory(at), before=None)
                saved += 1
        assert saved > 0
        ballast.unlink()  # the student frees some space and tries again
        store.record_review(answer("retry", clock.now()), memory(clock.now()), before=None)
    with open_store(small_tmpfs, clock=clock) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # type: ignore[union-attr]
        assert len(store.reviews(DECK_ID)) == saved + 1


def _fill(folder: Path) -> Path:
    """Fill the file system under `folder` to the last byte; returns the ballast file."""
    ballast = folder / "ballast"
    with ballast.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return ballast


def test_a_new_data_folder_on_a_full_disk_says_disk_full(small_tmpfs: Path) -> None:
    """The lock file had no room for its pid, and the raw OSError came out as two tracebacks."""
    _fill(small_tmpfs)
    deck = Path(__file__).resolve().parent.parent / "data" / "tui" / "five-statements.toml"
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "--data-dir", str(small_tmpfs), "stats", str(deck)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("quiz: Disk full: nothing new can be saved."), done.stderr


def test_restoring_onto_a_full_disk_is_a_message_and_leaves_no_half_copy(small_tmpfs: Path, clock: FixedClock) -> None:
    _store_with_backup(small_tmpfs, clock)
    _garbage_header(small_tmpfs / "progress.db")
    with pytest.raises(CorruptStoreError):
        open_store(small_tmpfs, clock=clock)
    ballast = _fill(small_tmpfs)
    with pytest.raises(StorageError, match=r"could not be put in place \(No space left on device\)"):
        restore_backup(small_tmpfs, clock=clock)
    assert not (small_tmpfs / "progress.db.restoring").exists()
    ballast.unlink()  # the student frees space and answers y again
    restore_backup(small_tmpfs, clock=clock)
    with open_store(small_tmpfs, clock=clock) as store:
        assert {r.review.item_key for r in store.reviews(DECK_ID)} == {"fr", "de"}


# --- damaged files ----------------------------------------------------------------


def _store_with_backup(data_dir: Path, clock: FixedClock) -> bytes:
    """A store with two answers, backed up a day later; returns the database's bytes."""
    with open_store(data_dir, clock=clock) as store:
        store.sync_deck(capitals())
        store.record_review(answer("fr", clock.now()), memory(clock.now()), before=None)
        store.record_review(answer("de", clock.now()), memory(clock.now()), before=None)
    clock.advance(timedelta(days=1, minutes=1))
    with open_store(data_dir, clock=clock):
        pass  # the daily backup now holds both answers
    return (data_dir / "progress.db").read_bytes()


def _truncate(db: Path) -> None:
    os.truncate(db, db.stat().st_size // 2)


def _garbage_header(db: Path) -> None:
    with db.open("r+b") as handle:
        handle.write(b"\x13\x37garbage-header!!")


def _random_middle(db: Path) -> None:
    data = bytearray(db.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = random.Random(7).randbytes(4096)[: len(data) - middle]
    db.write_bytes(bytes(data))


def _empty(db: Path) -> None:
    db.write_bytes(b"")


@pytest.mark.parametrize("damage", [_truncate, _garbage_header, _random_middle, _empty], ids=lambda f: f.__name__)
def test_a_damaged_database_is_moved_aside_and_the_backup_restores_it(
    isolated_data_dir: Path, clock: FixedClock, damage: object
) -> None:
    _store_with_backup(isolated_data_dir, clock)
    db = isolated_data_dir / "progress.db"
    damage(db)  # type: ignore[operator]
    damaged = db.read_bytes()
    clock.advance(timedelta(hours=1))
    with pytest.raises(CorruptStoreError) as caught:
        open_store(isolated_data_dir, clock=clock)
    error = caught.value
    assert error.moved_to is not None and error.moved_to.read_bytes() == damaged  # moved, not rewritten
    assert error.moved_to.name.startswith("progress.db.corrupt-")
    assert error.backup == list_backups(isolated_data_dir)[0]
    assert str(error.backup) in str(error) and "moved aside" in str(error)
    assert not db.exists()
    assert restore_backup(isolated_data_dir, clock=clock) == error.backup
    with open_store(isolated_data_dir, clock=clock) as store:
        assert {r.review.item_key for r in store.reviews(DECK_ID)} == {"fr", "de"}
    assert error.moved_to.exists()  # the damaged file is kept for the curious


def test_the_damage_message_says_how_to_restore_the_backup_by_hand(isolated_data_dir: Path, clock: FixedClock) -> None:
    """`quiz stats` finds the damage but cannot offer the backup, and the app's next start begins afresh:
    the message itself must say how to get the progress back, and doing what it says must work."""
    _store_with_backup(isolated_data_dir, clock)
    db = isolated_data_dir / "progress.db"
    _garbage_header(db)
    with pytest.raises(CorruptStoreError) as caught:
        open_store(isolated_data_dir, clock=clock)
    message = str(caught.value)
    assert caught.value.backup is not None
    assert f"with quiz closed, copy that file to {db}." in message
    shutil.copyfile(caught.value.backup, db)  # what the message says to do
    with open_store(isolated_data_dir, clock=clock) as store:
        assert {r.review.item_key for r in store.reviews(DECK_ID)} == {"fr", "de"}


def test_damage_found_by_one_command_is_offered_again_at_the_next_open(
    isolated_data_dir: Path, clock: FixedClock
) -> None:
    """`quiz stats` finds the damage and can only print it: the app's next start must offer the backup,
    not quietly begin an empty store; after that one offer (declined), quiz starts afresh."""
    _store_with_backup(isolated_data_dir, clock)
    _garbage_header(isolated_data_dir / "progress.db")
    with pytest.raises(CorruptStoreError) as first:
        open_store(isolated_data_dir, clock=clock)  # quiz stats
    with pytest.raises(CorruptStoreError, match="found damaged earlier") as again:
        open_store(isolated_data_dir, clock=clock)  # the app, next start
    assert again.value.backup == first.value.backup and again.value.moved_to == first.value.moved_to
    assert "copy that file to" in str(again.value)
    with open_store(isolated_data_dir, clock=clock) as store:  # declined: a fresh, empty store
        assert store.reviews(DECK_ID) == []


def test_restoring_the_backup_ends_the_offer(isolated_data_dir: Path, clock: FixedClock) -> None:
    _store_with_backup(isolated_data_dir, clock)
    _garbage_header(isolated_data_dir / "progress.db")
    with pytest.raises(CorruptStoreError):
        open_store(isolated_data_dir, clock=clock)
    restore_backup(isolated_data_dir, clock=clock)
    with open_store(isolated_data_dir, clock=clock) as store:
        assert {r.review.item_key for r in store.reviews(DECK_ID)} == {"fr", "de"}
    (isolated_data_dir / "progress.db").rename(isolated_data_dir / "elsewhere.db")
    with open_store(isolated_data_dir, clock=clock) as store:  # no stale offer of a backup already restored
        assert store.reviews(DECK_ID) == []


def test_damage_without_a_backup_says_so(isolated_data_dir: Path, clock: FixedClock) -> None:
    with open_store(isolated_data_dir, clock=clock) as store:
        store.record_review(answer("fr", clock.now()), memory(clock.now()), before=None)
    for backup in list_backups(isolated_data_dir):
        backup.unlink()
    _garbage_header(isolated_data_dir / "progress.db")
    with pytest.raises(CorruptStoreError, match="no backup") as caught:
        open_store(isolated_data_dir, clock=clock)
    assert caught.value.backup is None
    with open_store(isolated_data_dir, clock=clock) as store:  # the student can start afresh
        assert store.reviews(DECK_ID) == []


def test_restoring_refuses_while_a_quiz_holds_the_store(isolated_data_dir: Path, clock: FixedClock) -> None:
    _store_with_backup(isolated_data_dir, clock)
    with open_store(isolated_data_dir, clock=clock), pytest.raises(StoreLockedError):
        restore_backup(isolated_data_dir, clock=clock)


def test_restoring_a_damaged_backup_is_refused(isolated_data_dir: Path, clock: FixedClock) -> None:
    _store_with_backup(isolated_data_dir, clock)
    backup = list_backups(isolated_data_dir)[0]
    _garbage_header(backup)
    with pytest.raises(StorageError, match="damaged too"):
        restore_backup(isolated_data_dir, backup, clock=clock)
    older = list_backups(isolated_data_dir)[1]
    assert restore_backup(isolated_data_dir, clock=clock) == older  # the newest one that passes its check
    for each in list_backups(isolated_data_dir):
        _garbage_header(each)
    with pytest.raises(StorageError, match="No backup"):
        restore_backup(isolated_data_dir, clock=clock)


def test_backups_rotate_keeping_the_newest_seven(isolated_data_dir: Path, clock: FixedClock) -> None:
    for day in range(10):
        with open_store(isolated_data_dir, clock=clock) as store:
            store.record_review(answer(f"q{day}", clock.now()), memory(clock.now()), before=None)
        clock.advance(timedelta(days=1))
    backups = list_backups(isolated_data_dir)
    assert len(backups) == 7
    newest = sqlite3.connect(backups[0])
    assert newest.execute("SELECT count(*) FROM review").fetchone()[0] == 9  # taken at the 10th opening
    assert newest.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_no_second_backup_within_a_day(isolated_data_dir: Path, clock: FixedClock) -> None:
    for _ in range(3):
        with open_store(isolated_data_dir, clock=clock):
            clock.advance(timedelta(hours=5))
    assert len(list_backups(isolated_data_dir)) == 1


# --- kill -9 ----------------------------------------------------------------------


def _answer_until_killed(data_dir: Path, write_end: int) -> None:
    """The forked child: answer through the real store forever, acknowledging each answer after it returns."""
    from store_child import review  # the same answers as the spawned child gives

    try:
        store = open_store(data_dir, clock=FixedClock(START))
        items = store.items("kill").values()
        n = 1 + max((item.memory.reps for item in items if item.memory), default=0)
        while True:
            record, state = review(n)
            review_id = store.record_review(record, state, before=None)
            os.write(write_end, f"ack {review_id} {n}\n".encode())
            n += 1
    finally:
        os._exit(1)


def _acks(text: str) -> dict[int, int]:
    """Review id -> answer number, from complete lines only (a line cut short was never acknowledged)."""
    acks = {}
    for line in text.split("\n")[:-1]:
        _, review_id, n = line.split()
        acks[int(review_id)] = int(n)
    return acks


def test_no_acknowledged_answer_is_lost_when_killed_at_random_moments(
    isolated_data_dir: Path, clock: FixedClock
) -> None:
    """50 children, forked from this already-imported process (fast), each killed while answering."""
    rng = random.Random(20240516)
    acknowledged: dict[int, int] = {}
    for _ in range(50):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _answer_until_killed(isolated_data_dir, write_end)
        os.close(write_end)
        received = b""
        while b"\n" not in received:  # the store is open and answering
            chunk = os.read(read_end, 4096)
            assert chunk, "the child died before answering"
            received += chunk
        deadline = rng.uniform(0.0, 0.05)  # then a random moment later, without warning
        while select.select([read_end], [], [], deadline)[0]:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            received += chunk
            deadline = 0 if rng.random() < 0.2 else deadline / 2
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        while chunk := os.read(read_end, 65536):
            received += chunk
        os.close(read_end)
        acknowledged.update(_acks(received.decode()))
        with open_store(isolated_data_dir, clock=clock) as store:
            saved = {r.id: r.review.duration_ms for r in store.reviews("kill")}
            reps = {key: item.memory.reps for key, item in store.items("kill").items() if item.memory}
        missing = {rid for rid in acknowledged if saved.get(rid) != acknowledged[rid]}
        assert not missing, f"acknowledged answers lost after a kill: {sorted(missing)}"
        for n in acknowledged.values():  # each item's state is at least as new as its last acknowledged answer
            assert reps[f"q{n % 50}"] >= n
    conn = sqlite3.connect(isolated_data_dir / "progress.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(acknowledged) >= 50


def test_damage_found_while_in_use_moves_the_file_aside_too(
    isolated_data_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(isolated_data_dir, clock=clock) as store:
        for n in range(300):
            at = clock.now() + timedelta(seconds=n)
            store.record_review(replace(answer(f"q{n}", at), response="x" * 500), memory(at), before=None)
    clock.advance(timedelta(days=1, minutes=1))
    with open_store(isolated_data_dir, clock=clock):
        pass  # today's backup
    # A large store skips the full check at open; damage then shows only when a page is read.
    monkeypatch.setattr("quiz.storage.opening.QUICK_CHECK_LIMIT", 0)
    store = open_store(isolated_data_dir, clock=clock)
    db = isolated_data_dir / "progress.db"
    size = db.stat().st_size
    with db.open("r+b") as handle:  # wreck the review pages, which nothing has read yet
        handle.seek(size // 3)
        handle.write(b"\xff" * (size // 3))
    with pytest.raises(CorruptStoreError) as caught:
        store.reviews(DECK_ID)
    assert caught.value.moved_to is not None and caught.value.moved_to.exists()
    assert caught.value.backup == list_backups(isolated_data_dir)[0]
    assert not db.exists()
    with pytest.raises(StorageError, match="closed"):
        store.items(DECK_ID)
    with pytest.raises(CorruptStoreError, match="found damaged earlier"):  # the lock was let go: not "locked"
        open_store(isolated_data_dir, clock=clock)
    with open_store(isolated_data_dir, clock=clock):  # the backup was offered twice; now a fresh start
        pass


def test_a_backup_cut_short_by_a_kill_is_cleared_and_never_counted(isolated_data_dir: Path, clock: FixedClock) -> None:
    folder = isolated_data_dir / "backups"
    folder.mkdir()
    stale = folder / "progress-20240101T000000Z.db.partial"
    stale.write_bytes(b"half a copy")
    with open_store(isolated_data_dir, clock=clock):
        pass
    assert not stale.exists()
    assert [p.name for p in list_backups(isolated_data_dir)] == ["progress-20240516T090000Z.db"]


def test_a_file_shorter_than_its_header_says_is_fine_while_its_log_waits(
    isolated_data_dir: Path, clock: FixedClock
) -> None:
    """A kill in the middle of a checkpoint: page 1 already says the new size, the pages are still in the log."""
    with open_store(isolated_data_dir, clock=clock) as store:
        store.sync_deck(capitals())
    db = isolated_data_dir / "progress.db"
    wal = db.with_name("progress.db-wal")
    before = db.read_bytes()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE filler (x BLOB) STRICT")  # the database grows inside the log only
    conn.execute("INSERT INTO filler VALUES (zeroblob(40000))")
    grown = conn.execute("PRAGMA page_count").fetchone()[0]
    log = wal.read_bytes()
    conn.close()
    page_size = int.from_bytes(before[16:18], "big")
    header = bytearray(before)
    header[28:32] = grown.to_bytes(4, "big")  # what the interrupted checkpoint wrote first
    db.write_bytes(bytes(header))
    wal.write_bytes(log)
    assert db.stat().st_size < grown * page_size
    with open_store(isolated_data_dir, clock=clock) as store:
        assert len(store.items(DECK_ID)) == 7
        assert store._conn.execute("SELECT length(x) FROM filler").fetchone()[0] == 40000  # type: ignore[union-attr]
