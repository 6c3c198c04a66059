"""Writing an answer and undoing one: the two statements of the hot path, inside the caller's transaction.

py-fsrs has no rollback, so each review row keeps the memory state from before
the answer; undo puts it back and marks the row undone (history is never deleted).
"""

from __future__ import annotations

import logging
import sqlite3

from quiz.errors import StorageError
from quiz.model import MemoryState, split_item_key
from quiz.storage.db import memory_from, memory_values, to_us
from quiz.storage.records import ReviewRecord

_log = logging.getLogger("quiz.storage")

_INSERT_REVIEW = (
    "INSERT INTO review (deck, item, reviewed_at, utc_offset, duration_ms, response, correctness, score, rating, "
    "mode, session, b_state, b_step, b_stability, b_difficulty, b_due, b_last_review, b_reps, b_lapses, "
    "a_state, a_step, a_stability, a_difficulty, a_due, a_reps, a_lapses, made_leech) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)
_SCHEDULE_ITEM = (
    "UPDATE item SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, reps = ?, "
    "lapses = ?, reviewed_fingerprint = fingerprint, reviewed_answer_fingerprint = answer_fingerprint, "
    "answers = answers + 1, score_sum = score_sum + ?, leech = max(leech, ?), suspended = max(suspended, ?) "
    "WHERE id = ?"
)
_COUNT_ANSWER = (
    "UPDATE item SET answers = answers + 1, score_sum = score_sum + ?, leech = max(leech, ?), "
    "suspended = max(suspended, ?) WHERE id = ?"
)


def record(
    conn: sqlite3.Connection,
    deck: int,
    review: ReviewRecord,
    new_memory: MemoryState | None,
    before: MemoryState | None,
    leech: bool,
) -> int:
    """Insert the review row and update the item (see Store.record_review); returns the review id."""
    item = conn.execute(
        "SELECT id, last_review FROM item WHERE deck = ? AND item_key = ?", (deck, review.item_key)
    ).fetchone()
    if item is None:  # answered before its deck was synced: keep the answer, sync fills in the rest
        item = conn.execute(
            "INSERT INTO item (deck, item_key, card_id, card_type, position) "
            "VALUES (?, ?, ?, '', 1 + coalesce((SELECT max(position) FROM item WHERE deck = ?), 0)) "
            "RETURNING id, last_review",
            (deck, review.item_key, split_item_key(review.item_key)[0], deck),
        ).fetchone()
    item_id, previous_review = item
    offset = review.reviewed_at.astimezone().utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    after = memory_values(new_memory)
    if new_memory is not None:
        floor = max(to_us(new_memory.last_review), previous_review or 0)
        if after[4] < floor:  # type: ignore[operator]
            _log.warning(
                "clock went backwards: due date of %s/%s moved up to its last review", review.deck_id, review.item_key
            )
            after = (*after[:4], floor, *after[5:])
    logged_after = after[:5] + after[6:] if new_memory is not None else (None,) * 7
    flag = int(leech)
    review_id: int = conn.execute(
        _INSERT_REVIEW,
        (
            deck,
            item_id,
            to_us(review.reviewed_at),
            minutes,
            review.duration_ms,
            review.response,
            str(review.correctness),
            review.score,
            int(review.rating),
            str(review.mode),
            review.session_id,
            *memory_values(before),
            *logged_after,
            flag,
        ),
    ).fetchone()[0]
    if new_memory is not None:
        conn.execute(_SCHEDULE_ITEM, (*after, review.score, flag, flag, item_id))
    else:
        conn.execute(_COUNT_ANSWER, (review.score, flag, flag, item_id))
    return review_id


def undo(conn: sqlite3.Connection, review_id: int, undone_at: int) -> MemoryState | None:
    """Restore the state from before review `review_id` and mark it undone (see Store.undo_review)."""
    row = conn.execute(
        "SELECT item, score, made_leech, a_state, undone_at, b_state, b_step, b_stability, b_difficulty, "
        "b_due, b_last_review, b_reps, b_lapses FROM review WHERE id = ?",
        (review_id,),
    ).fetchone()
    if row is None:
        raise StorageError(f"There is no answer {review_id} to undo.")
    item_id, score, made_leech, a_state, already = row[:5]
    if already is not None:
        raise StorageError("That answer was already undone.")
    later = conn.execute(
        "SELECT 1 FROM review WHERE item = ? AND id > ? AND undone_at IS NULL LIMIT 1", (item_id, review_id)
    ).fetchone()
    if later is not None:
        raise StorageError("Only the latest answer to a card can be undone.")
    before = memory_from(tuple(row[5:13]))
    if a_state is not None:
        conn.execute(
            "UPDATE item SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, "
            "reps = ?, lapses = ? WHERE id = ?",
            (*memory_values(before), item_id),
        )
    if made_leech:
        conn.execute("UPDATE item SET leech = 0, suspended = 0 WHERE id = ?", (item_id,))
    conn.execute("UPDATE item SET answers = answers - 1, score_sum = score_sum - ? WHERE id = ?", (score, item_id))
    conn.execute("UPDATE review SET undone_at = ? WHERE id = ?", (undone_at, review_id))
    return before
