"""Opening the store: the lock, damage checks, the schema, read-only mode and the daily backup.

Order matters. The lock comes first, so two copies never both repair or
migrate the same file. The cheap damage checks come before SQLite touches the
file, because SQLite happily "opens" a truncated file or turns a 0-byte file
into a fresh empty database, which would quietly drop a student's history.
The daily backup runs last, in a thread with its own connection (WAL lets it
read while answers are written), and closing the store waits for it.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path

from quiz.clock import Clock, SystemClock
from quiz.errors import StorageError
from quiz.storage import backups
from quiz.storage.db import connect, prepare_schema, translate
from quiz.storage.errors import CorruptStoreError, ReadOnlyStoreError
from quiz.storage.files import (
    DB_NAME,
    SIDE_FILES,
    StoreLock,
    clear_damage_note,
    damage,
    ensure_folder,
    mark_written,
    move_aside,
    note_damage,
    take_damage_note,
    was_written,
)
from quiz.storage.store import Store

QUICK_CHECK_LIMIT = 32 * 1024 * 1024
"""Databases up to this size get a full `quick_check` at every open (it reads every page)."""


def open_store(data_dir: Path, *, clock: Clock | None = None, read_only: bool = False) -> Store:
    """Open (creating if needed) the progress store `progress.db` in the data folder.

    Takes the single-copy lock, migrates an older schema, refuses a newer one, and
    makes the day's rotating backup. `read_only=True` opens a copy the student can
    read but never write (for a read-only data folder; writes raise ReadOnlyStoreError).

    Raises:
        StoreLockedError: another running quiz holds the store (its pid is named).
        ReadOnlyStoreError: the data folder cannot be written (retry with read_only=True).
        NewerStoreError: a newer version of quiz wrote this database.
        CorruptStoreError: the database was damaged; it was moved aside, a backup is named.
    """
    clock = clock or SystemClock()
    data_dir = Path(data_dir)
    if read_only:
        return _open_read_only(data_dir, clock)
    ensure_folder(data_dir)
    lock = StoreLock(data_dir)
    lock.acquire()
    try:
        store = _open_locked(data_dir, clock, lock)
    except BaseException:
        lock.release()
        raise
    return store


def _open_locked(data_dir: Path, clock: Clock, lock: StoreLock) -> Store:
    db = data_dir / DB_NAME
    if not db.exists():
        moved = take_damage_note(data_dir)
        backup = backups.newest_good_backup(data_dir) if moved else None
        if moved and backup is not None:
            earlier = f"Your progress file was found damaged earlier and moved aside to {moved}."
            raise CorruptStoreError(
                f"{earlier} {_restore_offer(db, backup)}",
                moved_to=data_dir / moved,
                backup=backup,
            )
    else:
        clear_damage_note(data_dir)
        size = db.stat().st_size
        problem = damage(db)
        if size == 0 and was_written(data_dir) and not db.with_name(db.name + "-wal").exists():
            problem = "the file is empty (0 bytes), though progress was saved here before"
        if problem:
            raise _quarantine(data_dir, db, clock, problem)
    try:
        conn = connect(db)
    except sqlite3.Error as error:
        raise _open_error(data_dir, db, clock, error) from error
    try:
        prepare_schema(conn, DB_NAME)
        if db.stat().st_size <= QUICK_CHECK_LIMIT:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                conn.close()
                raise _quarantine(data_dir, db, clock, f"the database failed its check ({result})")
    except sqlite3.Error as error:
        conn.close()
        raise _open_error(data_dir, db, clock, error) from error
    except BaseException:
        conn.close()
        raise
    try:
        mark_written(data_dir)
    except OSError as error:
        conn.close()
        raise ReadOnlyStoreError(f"Your data folder {data_dir} cannot be written: {error.strerror}.") from error
    now = clock.now()
    backup: threading.Thread | None = None
    if backups.backup_due(data_dir, now):
        # A large store takes seconds to copy and check: do it beside the student, not before them.
        backup = threading.Thread(target=backups.back_up, args=(db, data_dir, now), name="quiz-backup", daemon=True)
        backup.start()
    return Store(
        conn,
        path=db,
        clock=clock,
        background=backup,
        on_close=lock.release,
        on_corrupt=lambda: _quarantine(data_dir, db, clock, "SQLite reported damage while it was in use"),
    )


def _open_error(data_dir: Path, db: Path, clock: Clock, error: sqlite3.Error) -> StorageError:
    """The StorageError for a failure while opening; damage moves the file aside."""
    translated = translate(error)
    if isinstance(translated, CorruptStoreError):
        return _quarantine(data_dir, db, clock, str(error))
    if isinstance(translated, ReadOnlyStoreError):
        return ReadOnlyStoreError(
            f"Your progress in {data_dir} cannot be saved: the database file is read-only. "
            "To save it, make the file writable or start quiz with --data-dir pointing at a folder you can write."
        )
    return translated


def _quarantine(data_dir: Path, db: Path, clock: Clock, problem: str) -> CorruptStoreError:
    """Move a damaged database aside (never overwriting anything) and name the newest good backup."""
    moved = move_aside(db, clock.now())
    backup = backups.newest_good_backup(data_dir)
    if backup is None:
        offer = "There is no backup to restore, so quiz starts a new, empty progress file the next time it saves."
    else:
        note_damage(data_dir, moved)  # the next open offers the backup again, if this one could not
        offer = _restore_offer(db, backup)
    message = f"Your progress file was damaged ({problem}). It was moved aside to {moved.name}. {offer}"
    return CorruptStoreError(message, moved_to=moved, backup=backup)


def _restore_offer(db: Path, backup: Path) -> str:
    """How to get the progress back from a backup: the app asks, and `quiz stats` cannot, so also by hand."""
    return (
        f"The newest good backup is {backup} ({_backup_age(backup)}). To get your progress back, "
        f"answer y when quiz offers to restore it, or, with quiz closed, copy that file to {db}."
    )


def _backup_age(backup: Path) -> str:
    """How much history restoring a backup would lose, in words."""
    stamp = backup.stem.removeprefix("progress-")
    return f"taken {stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]} UTC; answers after that are lost"


def _open_read_only(data_dir: Path, clock: Clock) -> Store:
    """A private copy of the database (with its WAL) in a temporary folder, opened for reading.

    SQLite cannot open a WAL database in a read-only folder at all (it needs the
    -shm file), and `immutable=1` would ignore answers still in the WAL; reading a
    copy sees everything saved. Without a database, an empty store in memory.
    """
    db = data_dir / DB_NAME
    temp = Path(tempfile.mkdtemp(prefix="quiz-readonly-"))
    try:
        target = temp / DB_NAME
        if db.exists() and db.stat().st_size > 0:
            for suffix in ("", *SIDE_FILES):
                source = db.with_name(db.name + suffix)
                if source.exists():
                    shutil.copyfile(source, target.with_name(target.name + suffix))
            problem = damage(target)
            if problem:
                raise StorageError(f"Your progress file is damaged ({problem}); open quiz with a writable data folder.")
            conn = connect(target)
        else:
            conn = connect(":memory:")
        prepare_schema(conn, DB_NAME)
    except sqlite3.Error as error:
        shutil.rmtree(temp, ignore_errors=True)
        raise translate(error) from error
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return Store(conn, path=db, clock=clock, read_only=True, on_close=lambda: shutil.rmtree(temp, ignore_errors=True))


def list_backups(data_dir: Path) -> list[Path]:
    """The backups in the data folder, newest first."""
    return backups.list_backups(Path(data_dir))


def restore_backup(data_dir: Path, backup: Path | None = None, *, clock: Clock | None = None) -> Path:
    """Put a backup (by default the newest that passes quick_check) in place of the database.

    A database already there is moved aside first, never overwritten. Returns the
    backup restored. Refuses while a quiz has the store open.
    """
    return backups.restore_backup(Path(data_dir), backup, now=(clock or SystemClock()).now())


def start_afresh(data_dir: Path) -> str:
    """Decline the backup offered after damage: the next open starts a new, empty progress file.

    The damaged file stays where it was moved and the backups stay in their folder,
    so the choice can still be undone by hand. Returns what to tell the student.
    """
    data_dir = Path(data_dir)
    clear_damage_note(data_dir)
    return (
        "Your progress file was damaged and moved aside; you chose to start afresh, so new answers go to "
        f"a new, empty progress file. The backups are still in {backups.backup_dir(data_dir)}: to go back to "
        f"one later, close quiz and copy it to {data_dir / DB_NAME} (that replaces the new file)."
    )
