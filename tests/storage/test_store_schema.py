"""The database file: its settings, its schema version, and files that are not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_helpers import DECK_ID, answer, memory

from quiz.clock import FixedClock
from quiz.errors import StorageError
from quiz.storage import NewerStoreError, Store, open_store
from quiz.storage.db import APPLICATION_ID, SCHEMA_VERSION


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def test_the_database_uses_wal_full_sync_and_foreign_keys(store: Store) -> None:
    conn = store._conn  # the settings live on the store's own connection
    assert conn is not None
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_tables_are_strict_and_due_dates_indexed(store: Store) -> None:
    conn = _raw(store.path)
    tables = conn.execute("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'")
    ours = {name: strict for name, strict in tables if not name.startswith("sqlite_")}
    assert ours and all(ours.values())
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM item WHERE deck = 1 AND due <= 5 ORDER BY due LIMIT 10"
    ).fetchall()
    assert any("item_due" in row[-1] for row in plan)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO deck (name, synced_at) VALUES ('x', 'not a number')")


def test_a_database_from_a_newer_version_is_refused_and_left_alone(isolated_data_dir: Path, clock: FixedClock) -> None:
    with open_store(isolated_data_dir, clock=clock) as store:
        store.record_review(answer("fr", clock.now()), memory(clock.now()), before=None)
        path = store.path
    conn = _raw(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerStoreError, match="progress was saved by a newer version of quiz"):
        open_store(isolated_data_dir, clock=clock)
    assert path.read_bytes() == before
    assert _raw(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_a_foreign_database_is_never_taken_over(isolated_data_dir: Path, clock: FixedClock) -> None:
    path = isolated_data_dir / "progress.db"
    conn = _raw(path)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="not a quiz progress database"):
        open_store(isolated_data_dir, clock=clock)
    assert _raw(path).execute("SELECT text FROM notes").fetchall() == [("mine",)]


def test_an_empty_file_never_written_by_quiz_becomes_a_new_store(isolated_data_dir: Path, clock: FixedClock) -> None:
    (isolated_data_dir / "progress.db").touch()
    with open_store(isolated_data_dir, clock=clock) as store:
        assert store.items(DECK_ID) == {}


def test_the_store_opens_in_a_data_folder_that_does_not_exist_yet(tmp_path: Path, clock: FixedClock) -> None:
    with open_store(tmp_path / "a" / "b", clock=clock) as store:
        assert store.path == tmp_path / "a" / "b" / "progress.db"
    assert (tmp_path / "a" / "b" / "progress.db.written").exists()


def test_a_version_1_database_is_migrated_in_place(isolated_data_dir: Path, clock: FixedClock) -> None:
    from quiz.storage.db import _migrations, _statements

    path = isolated_data_dir / "progress.db"
    conn = _raw(path)
    for statement in _statements(_migrations()[0]):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO deck (name, synced_at) VALUES (?, 1)", (DECK_ID,))
    conn.commit()
    conn.close()
    with open_store(isolated_data_dir, clock=clock) as store:
        store.record_review(answer("fr", clock.now()), memory(clock.now()), before=None)
        assert [r.review.item_key for r in store.reviews(DECK_ID)] == ["fr"]
    conn = _raw(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert conn.execute("SELECT name, synced_at, synced_digest FROM deck").fetchall() == [(DECK_ID, 1, None)]
