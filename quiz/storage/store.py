"""The progress store's public face: one object per open database, one short transaction per write.

Every method that writes commits before it returns, so an answer the student
saw acknowledged survives a crash or a kill at any later moment. A write that
fails on a full disk raises `NotSavedError` (the database is left intact and
the caller may retry); nothing here ever waits long for a lock. Calls are
serialised by a mutex, so a TUI worker thread may use the store too.
"""

from __future__ import annotations

import heapq
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

from quiz.errors import StorageError
from quiz.model import Deck, LearningState, MemoryState
from quiz.storage import answers, queries, quizzes
from quiz.storage.connection import StoreConnection
from quiz.storage.db import STATE_CODES, from_us, to_us
from quiz.storage.records import (
    DailyWork,
    HardItem,
    ItemCounts,
    ItemRecord,
    QuizAttempt,
    Retention,
    ReviewRecord,
    StoredReview,
    StudyMode,
    SyncReport,
)
from quiz.storage.rows import ITEM_COLUMNS, REVIEW_COLUMNS, item_record, stored_review
from quiz.storage.sync import sync_deck

_T = TypeVar("_T")

_BATCH = 500
"""Keys per `IN (...)` list: well under SQLite's limit on bound parameters."""


class Store(StoreConnection):
    """An open progress store. Get one from `open_store`; close it (or use `with`)."""

    # --- items ---------------------------------------------------------------

    def sync_deck(self, deck: Deck) -> SyncReport:
        """Bring the store in line with a freshly loaded deck; call it each time a deck is loaded.

        New items are added (memory None), edited cards keep their progress and are
        flagged changed / answer-changed, removed cards are hidden (never deleted) and
        come back with their history, `previous_ids` move an old card's items and
        reviews to the new id once, and a changed card type resets scheduling while
        keeping the review rows. One transaction.
        """
        try:
            with self._write() as conn:
                deck_row = self._deck_row(conn, deck.id, create=True)
                assert deck_row is not None
                if deck.digest:
                    (synced,) = conn.execute("SELECT synced_digest FROM deck WHERE id = ?", (deck_row,)).fetchone()
                    if synced == deck.digest:  # the same file as last time: nothing to reconcile
                        return SyncReport(deck_id=deck.id)
                report = sync_deck(conn, deck_row, deck, self.clock.now())
                conn.execute("UPDATE deck SET synced_digest = ? WHERE id = ?", (deck.digest or None, deck_row))
                return report
        except StorageError:
            self._forget_deck_cache()
            raise

    def get_item(self, deck_id: str, item_key: str) -> ItemRecord | None:
        """One item, or None if the store has never seen it."""

        def work(conn: sqlite3.Connection) -> ItemRecord | None:
            deck = self._deck_row(conn, deck_id, create=False)
            if deck is None:
                return None
            row = conn.execute(
                f"SELECT {ITEM_COLUMNS} FROM item AS i WHERE i.deck = ? AND i.item_key = ?", (deck, item_key)
            ).fetchone()
            return None if row is None else item_record(deck_id, row)

        return self._read(work)

    def items(self, deck_id: str, *, include_hidden: bool = False) -> dict[str, ItemRecord]:
        """Every item of a deck keyed by item key, in deck order."""
        hidden = "" if include_hidden else " AND i.hidden = 0"
        return {
            record.item_key: record
            for record in self._select_items(deck_id, f"{hidden} ORDER BY i.position, i.id", (), index="item_order")
        }

    def due_items(
        self,
        deck_id: str,
        now: datetime,
        *,
        due_by: datetime | None = None,
        limit: int | None = None,
        states: Iterable[LearningState] | None = None,
    ) -> list[ItemRecord]:
        """Scheduled items due by `due_by` (default `now`), earliest due first.

        Leaves out new, suspended and hidden items, and those still buried at `now`.
        Pass the end of the study day as `due_by` for "everything due today": an item
        buried until that moment stays out, because burying is judged at `now`.
        `states` keeps only items in those learning states, read from the item_status
        index: the review queue asks for every due learning item this way, so a backlog
        of old reviews can never push a learning step out of a `limit`.
        """
        if states is not None:
            return self._due_in_states(deck_id, now, due_by or now, limit, states)
        return self._select_items(
            deck_id,
            " AND i.due <= ? AND i.state IS NOT NULL AND i.suspended = 0 AND i.hidden = 0"
            " AND (i.buried_until IS NULL OR i.buried_until <= ?) ORDER BY i.due, i.id LIMIT ?",
            (to_us(due_by or now), to_us(now), -1 if limit is None else limit),
            index="item_due",
        )

    def _due_in_states(
        self, deck_id: str, now: datetime, due_by: datetime, limit: int | None, states: Iterable[LearningState]
    ) -> list[ItemRecord]:
        """due_items for some states: one ordered index range per state, merged, so a LIMIT reads only that many.

        (`state IN (...)` over the index would read and sort every match before the LIMIT applies.)
        """
        codes = sorted({STATE_CODES[LearningState(state)] for state in states})
        sql = (
            f"SELECT i.due, i.id, {ITEM_COLUMNS} FROM item AS i INDEXED BY item_status "
            "WHERE i.deck = ? AND i.hidden = 0 AND i.suspended = 0 AND i.state = ? AND i.due <= ? "
            "AND (i.buried_until IS NULL OR i.buried_until <= ?) ORDER BY i.due, i.id LIMIT ?"
        )

        def work(conn: sqlite3.Connection) -> list[ItemRecord]:
            deck = self._deck_row(conn, deck_id, create=False)
            if deck is None:
                return []
            params = (to_us(due_by), to_us(now), -1 if limit is None else limit)
            runs = [conn.execute(sql, (deck, code, *params)).fetchall() for code in codes]
            merged = heapq.merge(*runs, key=lambda row: (row[0], row[1]))
            return [item_record(deck_id, row[2:]) for row in itertools.islice(merged, limit)]

        return self._read(work)

    def new_items(self, deck_id: str, now: datetime, *, limit: int | None = None) -> list[ItemRecord]:
        """Never-reviewed items in deck order, leaving out suspended, hidden and buried ones."""
        return self._select_items(
            deck_id,
            " AND i.state IS NULL AND i.suspended = 0 AND i.hidden = 0"
            " AND (i.buried_until IS NULL OR i.buried_until <= ?) ORDER BY i.position LIMIT ?",
            (to_us(now), -1 if limit is None else limit),
            index="item_new",
        )

    def _select_items(
        self, deck_id: str, tail: str, params: tuple[object, ...], *, index: str | None = None
    ) -> list[ItemRecord]:
        source = f"item AS i INDEXED BY {index}" if index else "item AS i"

        def work(conn: sqlite3.Connection) -> list[ItemRecord]:
            deck = self._deck_row(conn, deck_id, create=False)
            if deck is None:
                return []
            rows = conn.execute(f"SELECT {ITEM_COLUMNS} FROM {source} WHERE i.deck = ?{tail}", (deck, *params))
            return [item_record(deck_id, row) for row in rows]

        return self._read(work)

    def items_by_key(self, deck_id: str, keys: Iterable[str]) -> dict[str, ItemRecord]:
        """These items (hidden ones included), keyed by item key; keys the store has never seen are left out.

        Reads them by the (deck, item_key) index a few hundred at a time: what a
        session of a few cards needs, without a pass over a large deck.
        """
        wanted = list(dict.fromkeys(keys))

        def work(conn: sqlite3.Connection) -> dict[str, ItemRecord]:
            deck = self._deck_row(conn, deck_id, create=False)
            found: dict[str, ItemRecord] = {}
            if deck is None:
                return found
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start : start + _BATCH]
                rows = conn.execute(
                    f"SELECT {ITEM_COLUMNS} FROM item AS i WHERE i.deck = ? "
                    f"AND i.item_key IN ({', '.join('?' * len(batch))})",
                    (deck, *batch),
                )
                for row in rows:
                    found[row[0]] = item_record(deck_id, row)
            return {key: found[key] for key in wanted if key in found}

        return self._read(work)

    def item_keys(
        self,
        deck_id: str,
        *,
        states: Iterable[LearningState | None] | None = None,
        unavailable: bool = False,
        include_hidden: bool = False,
    ) -> set[str]:
        """Item keys only, never whole records: cheap enough to ask of a 100,000-item deck.

        With no filter: every key the store knows (hidden too when `include_hidden`),
        read from the (deck, item_key) index alone. `states` (None in it meaning new):
        visible, unsuspended items in those states, from the item_status index.
        `unavailable=True`: the items no session may ask, the suspended and hidden ones.
        """
        ranges: list[tuple[str, tuple[object, ...]]]  # each an exact range of one index
        if unavailable:
            ranges = [("i.hidden = 1", ()), ("i.hidden = 0 AND i.suspended = 1", ())]
        elif states is not None:
            ranges = [
                ("i.hidden = 0 AND i.suspended = 0 AND i.state IS NULL", ())
                if state is None
                else ("i.hidden = 0 AND i.suspended = 0 AND i.state = ?", (STATE_CODES[LearningState(state)],))
                for state in dict.fromkeys(states)
            ]
        else:
            ranges = [("1" if include_hidden else "i.hidden = 0", ())]
        source = "item AS i INDEXED BY item_status" if unavailable or states is not None else "item AS i"

        def work(conn: sqlite3.Connection) -> set[str]:
            deck = self._deck_row(conn, deck_id, create=False)
            keys: set[str] = set()
            if deck is None:
                return keys
            for where, params in ranges:
                sql = f"SELECT i.item_key FROM {source} WHERE i.deck = ? AND {where}"
                keys.update(row[0] for row in conn.execute(sql, (deck, *params)))
            return keys

        return self._read(work)

    def flagged_items(self, deck_id: str) -> list[ItemRecord]:
        """Visible items whose text changed since last reviewed, or tagged leeches, in deck order.

        Read through the partial indexes that hold only such items, so it costs
        nothing for a large deck with none.
        """
        return self._select_items(
            deck_id,
            " AND i.id IN ("
            "SELECT id FROM item INDEXED BY item_changed WHERE deck = ?1 AND hidden = 0 AND state IS NOT NULL "
            "AND reviewed_fingerprint <> '' "
            "AND (fingerprint <> reviewed_fingerprint OR answer_fingerprint <> reviewed_answer_fingerprint) "
            "UNION SELECT id FROM item INDEXED BY item_leech WHERE deck = ?1 AND hidden = 0 AND leech = 1"
            ") ORDER BY i.position, i.id",
            (),
        )

    def counts(self, deck_id: str, now: datetime, day_end: datetime) -> ItemCounts:
        """How the deck's items stand at `now`; `day_end` is when the current study day ends (UTC).

        new, learning and review count unsuspended visible items whether due or not;
        due_today and due_now leave out buried items.
        """

        def work(conn: sqlite3.Connection) -> ItemCounts:
            deck = self._deck_row(conn, deck_id, create=False)
            return ItemCounts() if deck is None else queries.counts(conn, deck, now, day_end)

        return self._read(work)

    # --- answers ---------------------------------------------------------------

    def record_review(
        self,
        review: ReviewRecord,
        new_memory: MemoryState | None,
        *,
        before: MemoryState | None,
        leech: bool = False,
    ) -> int:
        """Save one answer and the item's new memory state in one transaction; return the review id.

        `new_memory` None records the answer without touching the schedule (cram,
        quiz). `before` is the state the scheduler started from, kept so the answer
        can be undone. `leech=True` tags the item a leech and suspends it in the same
        transaction. A due date earlier than the item's last review (a clock that
        went backwards) is moved up to it, and logged. A scheduled answer also clears
        the item's changed flags: the student has now seen the current text.
        Committed to disk before it returns.

        Raises:
            NotSavedError: the disk is full or the write failed; nothing was saved.
        """
        try:
            with self._write() as conn:
                deck = self._deck_row(conn, review.deck_id, create=True)
                assert deck is not None
                return answers.record(conn, deck, review, new_memory, before, leech)
        except StorageError:
            self._forget_deck_cache()
            raise

    def undo_review(self, review_id: int) -> MemoryState | None:
        """Undo an answer: restore the item's state from before it and mark the review undone.

        The review row stays in the history (marked undone), never deleted. A leech
        tag and suspension that answer caused are lifted. Only the latest answer to
        an item that is still in force can be undone. Returns the restored state
        (None when the item was new).

        Raises:
            StorageError: the review does not exist, was already undone, or a later answer followed it.
        """
        with self._write() as conn:
            return answers.undo(conn, review_id, to_us(self.clock.now()))

    def reviews(self, deck_id: str, item_key: str | None = None, *, include_undone: bool = False) -> list[StoredReview]:
        """The review log of a deck (or of one item), oldest first."""

        def work(conn: sqlite3.Connection) -> list[StoredReview]:
            deck = self._deck_row(conn, deck_id, create=False)
            if deck is None:
                return []
            sql = f"SELECT {REVIEW_COLUMNS} FROM review AS r JOIN item AS i ON i.id = r.item WHERE r.deck = ?"
            params: list[object] = [deck]
            if item_key is not None:
                sql += " AND i.item_key = ?"
                params.append(item_key)
            if not include_undone:
                sql += " AND r.undone_at IS NULL"
            rows = conn.execute(sql + " ORDER BY r.reviewed_at, r.id", params)
            return [stored_review(deck_id, row) for row in rows]

        return self._read(work)

    # --- student actions on items ----------------------------------------------

    def suspend(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Keep these items out of every review until unsuspended."""
        self._update_items(deck_id, item_keys, "suspended = 1")

    def unsuspend(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Let suspended items (leeches included) come back; clears the leech tag too."""
        self._update_items(deck_id, item_keys, "suspended = 0, leech = 0")

    def bury(self, deck_id: str, item_keys: Iterable[str], until: datetime) -> None:
        """Hide these items from reviews until `until` (usually the start of the next study day)."""
        self._update_items(deck_id, item_keys, "buried_until = ?", (to_us(until),))

    def unbury(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Lift a bury early."""
        self._update_items(deck_id, item_keys, "buried_until = NULL")

    def reset(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Forget these items: they become new again; their review history is kept.

        Also clears the leech tag and the changed flags, since the student has acted
        on them; a suspension stays until lifted.
        """
        self._update_items(
            deck_id,
            item_keys,
            "state = NULL, step = NULL, stability = NULL, difficulty = NULL, due = NULL, last_review = NULL, "
            "reps = 0, lapses = 0, leech = 0, reviewed_fingerprint = '', reviewed_answer_fingerprint = ''",
        )

    def set_leech(self, deck_id: str, item_key: str, leech: bool) -> None:
        """Tag or untag an item as a leech (does not suspend or unsuspend it)."""
        self._update_items(deck_id, [item_key], "leech = ?", (int(leech),))

    def acknowledge_change(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Clear the changed / answer-changed flags once the student has seen them and kept the progress."""
        self._update_items(
            deck_id,
            item_keys,
            "reviewed_fingerprint = fingerprint, reviewed_answer_fingerprint = answer_fingerprint",
        )

    # --- what was done -----------------------------------------------------------

    def _deck_query(self, deck_id: str | None, work: Callable[[sqlite3.Connection, int | None], _T], empty: _T) -> _T:
        def run(conn: sqlite3.Connection) -> _T:
            if deck_id is None:
                return work(conn, None)
            deck = self._deck_row(conn, deck_id, create=False)
            return empty if deck is None else work(conn, deck)

        return self._read(run)

    def daily_work(self, deck_id: str, since: datetime) -> DailyWork:
        """New items introduced and reviews done since `since` (the start of the study day), undone ones left out."""
        return self._deck_query(deck_id, lambda c, d: queries.daily_work(c, d, since), DailyWork())  # type: ignore[arg-type]

    def reviewed_since(self, deck_id: str, since: datetime) -> set[str]:
        """Item keys answered (not undone) since `since`: the siblings rule needs them."""
        return self._deck_query(deck_id, lambda c, d: queries.reviewed_since(c, d, since), set())  # type: ignore[arg-type]

    def review_counts(self, deck_id: str | None, boundaries: Sequence[datetime]) -> list[int]:
        """Answers (not undone) in each interval [boundaries[i], boundaries[i+1]); len(boundaries) - 1 numbers.

        The caller computes the boundaries of local study days with quiz.clock.day_start,
        so "reviews per day" follows the student's time zone. `deck_id` None means all decks.
        """
        empty = [0] * max(len(boundaries) - 1, 0)
        return self._deck_query(deck_id, lambda c, d: queries.review_counts(c, d, boundaries), empty)

    def forecast(self, deck_id: str | None, boundaries: Sequence[datetime]) -> list[int]:
        """Scheduled, unsuspended items falling due in each interval [boundaries[i], boundaries[i+1]).

        Items already overdue at boundaries[0] count in the first interval.
        """
        empty = [0] * max(len(boundaries) - 1, 0)
        return self._deck_query(deck_id, lambda c, d: queries.forecast(c, d, boundaries), empty)

    def retention(self, deck_id: str | None, since: datetime) -> Retention:
        """Share of scheduled answers to review-state items not rated AGAIN, since `since`."""
        return self._deck_query(deck_id, lambda c, d: queries.retention(c, d, since), Retention())

    def last_studied(self) -> dict[str, datetime]:
        """The time of the latest answer or quiz in each deck."""
        latest = self._read(queries.last_studied)
        return {deck: from_us(t) for deck, t in latest.items()}  # type: ignore[misc]

    def hardest_items(self, deck_id: str, *, limit: int = 10) -> list[HardItem]:
        """Visible items with the most lapses, then the lowest mean score (only items with some trouble)."""
        return self._deck_query(deck_id, lambda c, d: queries.hardest_items(c, d, deck_id, limit), [])  # type: ignore[arg-type]

    # --- quizzes and sessions -------------------------------------------------

    def start_quiz(self, deck_id: str, settings: Mapping[str, Any]) -> int:
        """Begin a quiz attempt with its settings (count, seed, types, tags…); return its id."""
        try:
            with self._write() as conn:
                deck = self._deck_row(conn, deck_id, create=True)
                return conn.execute(
                    "INSERT INTO quiz_attempt (deck, started_at, settings) VALUES (?, ?, ?) RETURNING id",
                    (deck, to_us(self.clock.now()), json.dumps(dict(settings), default=str)),
                ).fetchone()[0]
        except StorageError:
            self._forget_deck_cache()
            raise

    def record_quiz_answer(
        self,
        attempt_id: int,
        item_key: str,
        *,
        response: str,
        correctness: str,
        score: float,
        duration_ms: int = 0,
    ) -> None:
        """Save one question's outcome in its own transaction (committed before returning)."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO quiz_answer (attempt, item_key, response, correctness, score, answered_at, duration_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (attempt_id, item_key, response, str(correctness), score, to_us(self.clock.now()), duration_ms),
            )

    def finish_quiz(self, attempt_id: int, *, score: float, max_score: float) -> None:
        """Close an attempt with its total score."""
        with self._write() as conn:
            conn.execute(
                "UPDATE quiz_attempt SET finished_at = ?, score = ?, max_score = ? WHERE id = ?",
                (to_us(self.clock.now()), score, max_score, attempt_id),
            )
        self._checkpoint()

    def quiz_history(self, deck_id: str | None = None, *, limit: int = 20) -> list[QuizAttempt]:
        """Quiz attempts, newest first, with their answers."""

        return self._read(lambda conn: quizzes.history(conn, deck_id, limit))

    def start_session(self, deck_id: str, mode: StudyMode) -> int:
        """Begin a study session; return its id (pass it in each ReviewRecord)."""
        try:
            with self._write() as conn:
                deck = self._deck_row(conn, deck_id, create=True)
                return conn.execute(
                    "INSERT INTO session (deck, mode, started_at) VALUES (?, ?, ?) RETURNING id",
                    (deck, str(mode), to_us(self.clock.now())),
                ).fetchone()[0]
        except StorageError:
            self._forget_deck_cache()
            raise

    def finish_session(self, session_id: int, summary: Mapping[str, Any] | None = None) -> None:
        """Close a session, storing its summary (score, counts…) as JSON."""
        text = None if summary is None else json.dumps(dict(summary), default=str)
        with self._write() as conn:
            conn.execute(
                "UPDATE session SET finished_at = ?, summary = ? WHERE id = ?",
                (to_us(self.clock.now()), text, session_id),
            )
        self._checkpoint()

    def _checkpoint(self) -> None:
        """Copy the WAL into the database now, between answers, rather than during one (best effort)."""
        with self._mutex:
            if self._conn is not None and not self.read_only:
                try:
                    self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error:
                    pass  # a checkpoint that cannot run now runs later; nothing is at stake

    # --- options -----------------------------------------------------------------

    def get_options(self, deck_id: str) -> dict[str, Any]:
        """The student's overrides of a deck's StudyOptions (field name → value); empty if none."""
        row = self._read(lambda c: c.execute("SELECT options FROM deck WHERE name = ?", (deck_id,)).fetchone())
        return json.loads(row[0]) if row and row[0] else {}

    def set_options(self, deck_id: str, options: Mapping[str, Any]) -> None:
        """Replace the student's overrides for a deck (an empty mapping removes them)."""
        text = json.dumps(dict(options), default=list) if options else None
        try:
            with self._write() as conn:
                deck = self._deck_row(conn, deck_id, create=True)
                conn.execute("UPDATE deck SET options = ? WHERE id = ?", (text, deck))
        except StorageError:
            self._forget_deck_cache()
            raise
