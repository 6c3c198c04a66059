"""The open connection beneath a Store: its lifetime, its transactions, and damage found while in use.

Kept apart from `Store` so that the store's public methods read as what they
do, and this, the one place that knows how a write is made safe, stays small.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self, TypeVar

from quiz.clock import Clock, SystemClock
from quiz.errors import StorageError
from quiz.storage.db import transaction, translate
from quiz.storage.errors import CorruptStoreError, ReadOnlyStoreError

_T = TypeVar("_T")


class StoreConnection:
    """An open progress database; calls are serialised by a mutex, so worker threads may share it.

    `Store` builds its public methods on `_write` (one transaction) and `_read`.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        path: Path,
        clock: Clock | None = None,
        read_only: bool = False,
        on_close: Callable[[], None] | None = None,
        on_corrupt: Callable[[], CorruptStoreError] | None = None,
        background: threading.Thread | None = None,
    ) -> None:
        self.path = path
        """The database file."""
        self.read_only = read_only
        """True when opened for reading only: every write raises ReadOnlyStoreError."""
        self.clock: Clock = clock or SystemClock()
        self._conn: sqlite3.Connection | None = conn
        self._mutex = threading.RLock()
        self._decks: dict[str, int] = {}
        self._on_close = on_close
        self._on_corrupt = on_corrupt
        self._background = background
        """Work on the database in another thread (the daily backup); closing waits for it."""

    def close(self) -> None:
        """Close the database and release the lock; safe to call twice."""
        with self._mutex:
            background, self._background = self._background, None
            if background is not None:
                background.join()  # first, so that this connection is the last and tidies the WAL away
            conn, self._conn = self._conn, None
            if conn is not None:
                if not self.read_only:
                    try:  # keep the query planner's statistics fresh; bounded, so cheap even for a large store
                        conn.execute("PRAGMA analysis_limit = 400")
                        conn.execute("PRAGMA optimize")
                    except sqlite3.Error:
                        pass
                conn.close()
            on_close, self._on_close = self._on_close, None
            if on_close is not None:
                on_close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # --- plumbing ------------------------------------------------------------

    def _open_conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StorageError("The progress store is closed.")
        return self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, with damage turned into a moved-aside file and a clear error."""
        with self._mutex:
            conn = self._open_conn()
            if self.read_only:
                raise ReadOnlyStoreError("Progress is read-only in this session: nothing can be saved.")
            try:
                with transaction(conn):
                    yield conn
            except CorruptStoreError as error:
                raise self._corrupted() from error

    def _read(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run a read under the mutex, with SQLite errors turned into StorageErrors."""
        with self._mutex:
            conn = self._open_conn()
            try:
                return work(conn)
            except sqlite3.Error as error:
                translated = translate(error)
                if isinstance(translated, CorruptStoreError):
                    raise self._corrupted() from error
                raise translated from error

    def _corrupted(self) -> CorruptStoreError:
        """Close, move the damaged file aside and say which backup can replace it."""
        handler, self._on_corrupt = self._on_corrupt, None
        background, self._background = self._background, None
        if background is not None:
            background.join()
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if handler is None:
            return CorruptStoreError("Your progress database is damaged.", moved_to=None, backup=None)
        error = handler()
        self.close()
        return error

    def _deck_row(self, conn: sqlite3.Connection, deck_id: str, *, create: bool) -> int | None:
        row = self._decks.get(deck_id)
        if row is not None:
            return row
        found = conn.execute("SELECT id FROM deck WHERE name = ?", (deck_id,)).fetchone()
        if found is None:
            if not create:
                return None
            found = conn.execute("INSERT INTO deck (name) VALUES (?) RETURNING id", (deck_id,)).fetchone()
        self._decks[deck_id] = found[0]
        return found[0]

    def _forget_deck_cache(self) -> None:
        self._decks.clear()  # a rolled-back INSERT could otherwise leave a stale row id

    def _item_ids(self, conn: sqlite3.Connection, deck_id: str, keys: Iterable[str]) -> list[int]:
        deck = self._deck_row(conn, deck_id, create=False)
        if deck is None:
            return []
        ids = []
        for key in keys:
            row = conn.execute("SELECT id FROM item WHERE deck = ? AND item_key = ?", (deck, key)).fetchone()
            if row is not None:
                ids.append(row[0])
        return ids

    def _update_items(self, deck_id: str, keys: Iterable[str], sql: str, params: tuple[object, ...] = ()) -> None:
        keys = list(keys)
        try:
            with self._write() as conn:
                for item_id in self._item_ids(conn, deck_id, keys):
                    conn.execute(f"UPDATE item SET {sql} WHERE id = ?", (*params, item_id))
        except StorageError:
            self._forget_deck_cache()
            raise
