"""The files around the database: the single-copy lock, the "written before" marker, moving a broken file aside.

All of them live in the data folder next to `progress.db`:
`progress.lock` (holds the pid of the copy using the store), `progress.db.written`
(says the app has written a database here before, so a 0-byte file is damage,
not a fresh start), and `progress.db.corrupt-<UTC time>` for files moved aside.
"""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

from quiz.errors import StoreLockedError
from quiz.storage.errors import ReadOnlyStoreError

DB_NAME = "progress.db"
LOCK_NAME = "progress.lock"
MARKER_NAME = "progress.db.written"
DAMAGE_NOTE_NAME = "progress.db.damaged"
"""Names the moved-aside file while its backup has not been restored, so the next open offers it again."""
SIDE_FILES = ("-wal", "-shm", "-journal")
"""SQLite's companions of a database file; they move with it."""

_HEADER = b"SQLite format 3\x00"
_WINDOWS_LOCK_OFFSET = 4096
"""Windows byte locks are mandatory, so the lock sits past the pid, which others must still read."""
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def read_only_message(folder: Path) -> str:
    """What a student is told when the data folder cannot be written."""
    return (
        f"Your data folder {folder} is read-only; progress cannot be saved. "
        "To save it, start quiz with --data-dir pointing at a folder you can write."
    )


def ensure_folder(folder: Path) -> None:
    """Create the data folder if needed; a read-only parent becomes ReadOnlyStoreError."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        if error.errno in _READ_ONLY_ERRNOS:
            raise ReadOnlyStoreError(read_only_message(folder)) from error
        raise ReadOnlyStoreError(f"Your data folder {folder} cannot be created: {error.strerror}.") from error


class StoreLock:
    """An exclusive advisory lock on `progress.lock`, held while a store is open.

    The lock (flock; a byte-range lock on Windows) is released by the system when
    the process dies, even by SIGKILL, so a crash never leaves a stale lock behind.
    The file holds the owner's pid so a second copy can say which process to close.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise StoreLockedError naming the holder; never waits."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            if error.errno in _READ_ONLY_ERRNOS:
                raise ReadOnlyStoreError(read_only_message(self.path.parent)) from error
            raise
        if not _try_lock(fd):
            holder = _read_pid(fd)
            os.close(fd)
            who = f" (pid {holder})" if holder else ""
            raise StoreLockedError(f"Another quiz is using your progress{who}. Close it, then try again.")
        try:
            pid = f"{os.getpid()}\n".encode().ljust(32)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, pid)
        except OSError as error:
            if error.errno in _READ_ONLY_ERRNOS:
                os.close(fd)
                raise ReadOnlyStoreError(read_only_message(self.path.parent)) from error
            # A full disk (a new, empty lock file has no room for the pid): the lock itself
            # holds, and a second copy is only told less. The database then says "disk full".
        self._fd = fd

    def release(self) -> None:
        """Let go of the lock; safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing drops the lock


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock on the open lock file without waiting; False if another process has it."""
    try:
        import fcntl
    except ImportError:  # Windows: a byte-range lock, also dropped when the process ends
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def mark_written(folder: Path) -> None:
    """Leave the marker saying a database was written here (once)."""
    marker = folder / MARKER_NAME
    if not marker.exists():
        marker.write_text("quiz wrote progress.db in this folder\n", encoding="utf-8")


def was_written(folder: Path) -> bool:
    """True if the app has written a database in this folder before."""
    return (folder / MARKER_NAME).exists()


def note_damage(folder: Path, moved: Path) -> None:
    """Remember that the database was moved aside with a backup left to restore.

    Damage found by `quiz stats` cannot be answered there; without this note the
    app's next start would quietly begin an empty store and never offer the backup.
    A folder that cannot take the note only loses that second offer.
    """
    try:
        (folder / DAMAGE_NOTE_NAME).write_text(moved.name + "\n", encoding="utf-8")
    except OSError:
        pass


def take_damage_note(folder: Path) -> str | None:
    """The moved-aside file's name from the note, removing the note (so the offer is made once); None if none."""
    note = folder / DAMAGE_NOTE_NAME
    try:
        moved = note.read_text(encoding="utf-8").strip()
        note.unlink()
    except (OSError, UnicodeDecodeError):
        return None
    return moved or None


def clear_damage_note(folder: Path) -> None:
    """Forget the note once a database is back in place (a backup was restored, by the app or by hand)."""
    note = folder / DAMAGE_NOTE_NAME
    if note.exists():
        try:
            note.unlink()
        except OSError:
            pass


def damage(db: Path) -> str | None:
    """A cheap look for damage that SQLite might not notice at once; None if the file looks whole.

    Checks the 16-byte header and that the file is as long as its header says
    (a truncated file fails this). A 0-byte file is judged by the caller. While a
    write-ahead log is waiting beside the file, its length proves nothing: a kill
    in the middle of a checkpoint leaves page 1 (with the new size) written and
    the rest still in the log, which SQLite replays on open.
    """
    size = db.stat().st_size
    if size == 0:
        return None
    with db.open("rb") as handle:
        header = handle.read(100)
    wal = db.with_name(db.name + "-wal")
    pending_log = wal.exists() and wal.stat().st_size > 0
    if len(header) < 100 and pending_log:
        return None
    if len(header) < 100 or not header.startswith(_HEADER):
        return "not a database file (its header is damaged)"
    if pending_log:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "its header is damaged"
    pages = int.from_bytes(header[28:32], "big")
    change_counter = int.from_bytes(header[24:28], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    if pages and change_counter == valid_for and size < pages * page_size:
        return f"the file is truncated ({size} of {pages * page_size} bytes)"
    return None


def stamp(instant: datetime) -> str:
    """A UTC instant as a file-name-safe stamp, e.g. 20240516T090000Z."""
    return instant.strftime("%Y%m%dT%H%M%SZ")


def move_aside(db: Path, instant: datetime, label: str = "corrupt") -> Path:
    """Rename a database (and its -wal/-shm) to `<name>.<label>-<UTC time>`, never over an existing file."""
    base = f"{db.name}.{label}-{stamp(instant)}"
    target = db.with_name(base)
    n = 1
    while any(target.with_name(target.name + suffix).exists() for suffix in ("", *SIDE_FILES)):
        n += 1
        target = db.with_name(f"{base}-{n}")
    for suffix in SIDE_FILES:
        side = db.with_name(db.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    db.rename(target)
    return target
