"""Automatic rotating backups through SQLite's online backup API, and restoring one.

A backup is taken when a store is opened and the newest backup is older than a
day; the newest seven are kept. A new backup must pass `PRAGMA quick_check`
before any older one is deleted, so a bad copy can never push out a good one.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from quiz.errors import StorageError
from quiz.storage.files import DB_NAME, SIDE_FILES, StoreLock, move_aside, stamp

BACKUP_DIR = "backups"
KEEP = 7
INTERVAL = timedelta(days=1)

_log = logging.getLogger("quiz.storage")


def backup_dir(data_dir: Path) -> Path:
    """Where backups of the store in `data_dir` live."""
    return data_dir / BACKUP_DIR


def list_backups(data_dir: Path) -> list[Path]:
    """The backups in the data folder, newest first (by the time in their name)."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(folder.glob("progress-*.db"), key=lambda path: path.name, reverse=True)


def passes_check(path: Path) -> bool:
    """True if `path` opens as a database and `PRAGMA quick_check` says ok."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def newest_good_backup(data_dir: Path) -> Path | None:
    """The newest backup that passes quick_check, or None."""
    for path in list_backups(data_dir):
        if passes_check(path):
            return path
    return None


def backup_due(data_dir: Path, now: datetime) -> bool:
    """True when there is no backup yet or the newest is at least a day old."""
    backups = list_backups(data_dir)
    if not backups:
        return True
    newest = backups[0].stem.removeprefix("progress-")
    return newest <= stamp(now - INTERVAL) or newest > stamp(now)  # a clock that went back also refreshes


def back_up(db: Path, data_dir: Path, now: datetime) -> Path | None:
    """Back up the database file `db` through a connection of its own (see make_backup)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error as error:
        _log.warning("backup not made: %s", error)
        return None
    try:
        return make_backup(conn, data_dir, now)
    finally:
        conn.close()


def make_backup(conn: sqlite3.Connection, data_dir: Path, now: datetime) -> Path | None:
    """Copy the open database into backups/, check it, then drop the oldest beyond seven.

    Returns the new backup, or None if it could not be made (the reason is
    logged; a failed backup never stops the student from studying).
    """
    folder = backup_dir(data_dir)
    target = folder / f"progress-{stamp(now)}.db"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(exist_ok=True)
        for stale in folder.glob("progress-*.db.partial"):  # left by a copy that was killed midway
            stale.unlink(missing_ok=True)
        copy = sqlite3.connect(partial)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        if not passes_check(partial):
            _log.warning("backup %s failed quick_check; older backups kept", partial)
            partial.unlink(missing_ok=True)
            return None
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        _log.warning("backup not made: %s", error)
        partial.unlink(missing_ok=True)
        return None
    for old in list_backups(data_dir)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def restore_backup(data_dir: Path, backup: Path | None = None, *, now: datetime) -> Path:
    """Put a backup in place of the database; the current file (if any) is moved aside first.

    Takes the store lock, so it refuses while a quiz has the store open.
    Returns the backup restored.

    Raises:
        StorageError: there is no good backup, or the one named fails quick_check.
        StoreLockedError: another quiz has the store open.
    """
    chosen = backup if backup is not None else newest_good_backup(data_dir)
    if chosen is None:
        raise StorageError(f"No backup of your progress passes its check in {backup_dir(data_dir)}.")
    if not passes_check(chosen):
        raise StorageError(f"The backup {chosen} is damaged too; choose another.")
    lock = StoreLock(data_dir)
    lock.acquire()
    try:
        db = data_dir / DB_NAME
        if db.exists() or any(db.with_name(db.name + s).exists() for s in SIDE_FILES):
            if not db.exists():
                db.touch()
            move_aside(db, now, "replaced")
        partial = db.with_name(db.name + ".restoring")
        try:
            shutil.copyfile(chosen, partial)
            partial.replace(db)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise StorageError(
                f"The backup could not be put in place ({error.strerror}). Free some space and try again; "
                f"the backup {chosen.name} is untouched."
            ) from error
    finally:
        lock.release()
    return chosen
