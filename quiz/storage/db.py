"""SQLite itself: connecting, the pragmas, the schema and its migrations, and error translation.

Why these settings (see docs/storage.md): WAL so that readers never block the
writer, `synchronous=FULL` so that a committed answer also survives a power cut
(NORMAL can lose the last commits then), foreign keys on, and a short busy
timeout so that a second copy of the app learns at once that the store is taken
instead of freezing for Python's default five seconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.clock import require_utc
from quiz.errors import StorageError, StoreLockedError
from quiz.model import LearningState, MemoryState
from quiz.storage.errors import CorruptStoreError, DiskFullError, NewerStoreError, ReadOnlyStoreError

SCHEMA_VERSION = 2
"""The newest schema this version of the app reads and writes (`PRAGMA user_version`)."""

APPLICATION_ID = 0x5155495A
"""`PRAGMA application_id` of a quiz progress database ("QUIZ"), so a foreign file is never taken for ours."""

BUSY_TIMEOUT_MS = 250
"""How long a statement waits for another connection's lock before giving up."""

WAL_AUTOCHECKPOINT_PAGES = 4000
"""Pages the WAL may hold before an answer's commit also copies them into the database.

Higher than SQLite's 1000 so that a study session's answers (a few pages each)
rarely pay for a checkpoint; the store checkpoints when a session or quiz ends.
"""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)

STATE_CODES = {LearningState.LEARNING: 1, LearningState.REVIEW: 2, LearningState.RELEARNING: 3}
STATES = {code: state for state, code in STATE_CODES.items()}


def _migrations() -> tuple[str, ...]:
    """Migrations from version N-1 to N, applied in order; index 0 creates the schema (version 1).

    Read only when a store needs one, not on every open of a current store.
    """
    from importlib import resources

    return (
        resources.files("quiz.storage").joinpath("schema.sql").read_text(encoding="utf-8"),
        # 2: the digest of the deck file last synced, so an unchanged deck is not compared card by card again
        "ALTER TABLE deck ADD COLUMN synced_digest TEXT;",
    )


def to_us(instant: datetime) -> int:
    """A UTC instant as integer microseconds since the epoch (exact, sortable)."""
    return (require_utc(instant) - _EPOCH) // _MICRO


def from_us(value: int | None) -> datetime | None:
    """The inverse of `to_us`; None stays None."""
    return None if value is None else _EPOCH + timedelta(microseconds=value)


def memory_values(memory: MemoryState | None) -> tuple[object, ...]:
    """A memory state as the eight values (state, step, stability, difficulty, due, last_review, reps, lapses)."""
    if memory is None:
        return (None, None, None, None, None, None, 0, 0)
    return (
        STATE_CODES[memory.state],
        memory.step,
        memory.stability,
        memory.difficulty,
        to_us(memory.due),
        to_us(memory.last_review),
        memory.reps,
        memory.lapses,
    )


def memory_from(values: tuple[object, ...] | sqlite3.Row) -> MemoryState | None:
    """The inverse of `memory_values`; a NULL state means a new item (None)."""
    state, step, stability, difficulty, due, last_review, reps, lapses = values
    if state is None:
        return None
    return MemoryState(
        state=STATES[state],  # type: ignore[index]
        step=step,  # type: ignore[arg-type]
        stability=stability,  # type: ignore[arg-type]
        difficulty=difficulty,  # type: ignore[arg-type]
        due=from_us(due),  # type: ignore[arg-type]
        last_review=from_us(last_review),  # type: ignore[arg-type]
        reps=reps or 0,  # type: ignore[arg-type]
        lapses=lapses or 0,  # type: ignore[arg-type]
    )


def connect(path: Path | str) -> sqlite3.Connection:
    """Open a connection with the store's settings (autocommit; transactions are explicit)."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def prepare_schema(conn: sqlite3.Connection, name: str) -> None:
    """Create the schema in an empty database, migrate an older one, refuse a newer or foreign one.

    `name` is how messages call the file. The journal mode is switched to WAL
    here, once the file is known to be ours.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    if app_id != APPLICATION_ID and (tables or version):
        raise StorageError(f"{name} is not a quiz progress database; it was left untouched. Move it out of the way.")
    if version > SCHEMA_VERSION:
        raise NewerStoreError(
            f"{name}: progress was saved by a newer version of quiz (store format {version}; this version "
            f"reads up to {SCHEMA_VERSION}). Update quiz; the file was left untouched."
        )
    conn.execute("PRAGMA journal_mode = WAL")
    if version == SCHEMA_VERSION:
        return
    migrations = _migrations()
    with transaction(conn):
        for script_version in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _statements(migrations[script_version - 1]):
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> Iterator[str]:
    """Split a schema script into statements (executescript would commit our open transaction)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            buffer = ""
            if statement and not all(part.strip().startswith("--") for part in statement.splitlines()):
                yield statement


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises.

    BEGIN IMMEDIATE takes the write lock up front, so a conflict shows at once
    rather than halfway through. SQLite errors come out as StorageErrors.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise translate(error) from error
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as error:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the transaction is already gone (SQLite rolls back by itself on some I/O errors)
        if isinstance(error, sqlite3.Error):
            raise translate(error) from error
        raise


_FULL = 13
_IOERR = 10
_BUSY = 5
_LOCKED = 6
_READONLY = 8
_CORRUPT = 11
_NOTADB = 26
_CANTOPEN = 14

DISK_FULL_MESSAGE = (
    "Disk full: nothing new can be saved. Free some space and try again; everything saved before is safe."
)
"""Names the fault in its first two words: the study header shows it after "⚠ not saved: ", and at
80 columns only the first words fit there. The rest (what to do) shows in full in the notice."""

WRITE_ERROR_MESSAGE = (
    "Disk not writable (full, or an input/output error): nothing new can be saved. "
    "Free some space or check the disk, and try again; everything saved before is safe."
)
"""SQLite reports a full disk as SQLITE_FULL only for ENOSPC; a file-size limit or a failing disk come
as an I/O error, which may or may not be a full disk, so this names both causes."""


def translate(error: sqlite3.Error) -> StorageError:
    """The StorageError a student should see for an SQLite error."""
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    if code == _FULL:
        return DiskFullError(DISK_FULL_MESSAGE)
    if code == _IOERR:
        return DiskFullError(WRITE_ERROR_MESSAGE)
    if code in (_BUSY, _LOCKED):
        return StoreLockedError("Another program is using your progress database. Close it, then try again.")
    if code == _READONLY:
        return ReadOnlyStoreError("Your progress cannot be saved: the database is read-only.")
    if code in (_CORRUPT, _NOTADB):
        return CorruptStoreError("Your progress database is damaged.", moved_to=None, backup=None)
    if code == _CANTOPEN:
        return ReadOnlyStoreError("Your progress database cannot be opened (is the data folder read-only?).")
    return StorageError(f"Progress could not be saved: {error}")
