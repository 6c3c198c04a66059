"""Read-only questions the session and the statistics ask, each answered by an indexed query.

Functions take an open connection and the deck's row id (None = all decks where
allowed); the Store maps deck ids to rows and turns errors into StorageErrors.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from quiz.storage.db import to_us
from quiz.storage.records import DailyWork, HardItem, ItemCounts, Retention


def counts(conn: sqlite3.Connection, deck: int, now: datetime, day_end: datetime) -> ItemCounts:
    """See Store.counts: range counts over the item_status index, and the few buried items apart."""
    live = "deck = :deck AND hidden = 0 AND suspended = 0"
    row = conn.execute(
        f"""
        SELECT
            (SELECT count(*) FROM item WHERE {live} AND state IS NULL),
            (SELECT count(*) FROM item WHERE {live} AND state IN (1, 3)),
            (SELECT count(*) FROM item WHERE {live} AND state = 2),
            (SELECT count(*) FROM item WHERE {live} AND state IN (1, 2, 3) AND due < :end),
            (SELECT count(*) FROM item WHERE {live} AND state IN (1, 2, 3) AND due <= :now),
            (SELECT count(*) FROM item WHERE deck = :deck AND hidden = 0 AND suspended = 1),
            (SELECT count(*) FROM item WHERE deck = :deck AND leech = 1 AND hidden = 0),
            (SELECT count(*) FROM item WHERE deck = :deck AND hidden = 1),
            (SELECT count(*) FROM item WHERE deck = :deck AND hidden = 0 AND state IS NOT NULL
                AND reviewed_fingerprint <> ''
                AND (fingerprint <> reviewed_fingerprint OR answer_fingerprint <> reviewed_answer_fingerprint))
        """,
        {"deck": deck, "now": to_us(now), "end": to_us(day_end)},
    ).fetchone()
    new, learning, review, due_today, due_now, suspended, leeches, hidden, changed = row
    buried = conn.execute(
        f"SELECT state, due FROM item WHERE {live} AND buried_until IS NOT NULL AND buried_until > :now",
        {"deck": deck, "now": to_us(now)},
    ).fetchall()
    scheduled_buried = [due for state, due in buried if state is not None]
    return ItemCounts(
        new=new,
        learning=learning,
        review=review,
        due_today=due_today - sum(due < to_us(day_end) for due in scheduled_buried),
        due_now=due_now - sum(due <= to_us(now) for due in scheduled_buried),
        suspended=suspended,
        buried=len(buried),
        leeches=leeches,
        hidden=hidden,
        changed=changed,
    )


def daily_work(conn: sqlite3.Connection, deck: int, since: datetime) -> DailyWork:
    """See Store.daily_work."""
    row = conn.execute(
        "SELECT sum(b_state IS NULL), sum(b_state = 2), sum(b_state IN (1, 3)) FROM review "
        "WHERE deck = ? AND reviewed_at >= ? AND undone_at IS NULL AND a_state IS NOT NULL",
        (deck, to_us(since)),
    ).fetchone()
    return DailyWork(new_introduced=row[0] or 0, reviews=row[1] or 0, learning=row[2] or 0)


def reviewed_since(conn: sqlite3.Connection, deck: int, since: datetime) -> set[str]:
    """See Store.reviewed_since."""
    rows = conn.execute(
        "SELECT DISTINCT i.item_key FROM review AS r JOIN item AS i ON i.id = r.item "
        "WHERE r.deck = ? AND r.reviewed_at >= ? AND r.undone_at IS NULL",
        (deck, to_us(since)),
    )
    return {row[0] for row in rows}


def review_counts(conn: sqlite3.Connection, deck: int | None, boundaries: Sequence[datetime]) -> list[int]:
    """See Store.review_counts: one indexed range count per interval."""
    edges = [to_us(b) for b in boundaries]
    if deck is None:
        sql = "SELECT count(*) FROM review WHERE reviewed_at >= ? AND reviewed_at < ? AND undone_at IS NULL"
        return [conn.execute(sql, (lo, hi)).fetchone()[0] for lo, hi in zip(edges, edges[1:], strict=False)]
    sql = "SELECT count(*) FROM review WHERE deck = ? AND reviewed_at >= ? AND reviewed_at < ? AND undone_at IS NULL"
    return [conn.execute(sql, (deck, lo, hi)).fetchone()[0] for lo, hi in zip(edges, edges[1:], strict=False)]


def forecast(conn: sqlite3.Connection, deck: int | None, boundaries: Sequence[datetime]) -> list[int]:
    """See Store.forecast: one index range count per interval (a due date is set exactly when scheduled)."""
    edges = [to_us(b) for b in boundaries]
    if len(edges) < 2:
        return []
    lows = [None, *edges[1:-1]]  # the first interval also takes everything overdue
    if deck is None:
        decks = [row[0] for row in conn.execute("SELECT id FROM deck")]
    else:
        decks = [deck]
    sql = (
        "SELECT count(*) FROM item WHERE deck = ? AND hidden = 0 AND suspended = 0 AND state IN (1, 2, 3) "
        "AND due >= ? AND due < ?"
    )
    return [
        sum(conn.execute(sql, (each, -(2**62) if lo is None else lo, hi)).fetchone()[0] for each in decks)
        for lo, hi in zip(lows, edges[1:], strict=True)
    ]


def retention(conn: sqlite3.Connection, deck: int | None, since: datetime) -> Retention:
    """See Store.retention."""
    sql = (
        "SELECT count(*), sum(rating > 1) FROM review WHERE reviewed_at >= ? AND b_state = 2 "
        "AND a_state IS NOT NULL AND undone_at IS NULL"
    )
    params: tuple[object, ...] = (to_us(since),)
    if deck is not None:
        sql += " AND deck = ?"
        params += (deck,)
    total, passed = conn.execute(sql, params).fetchone()
    return Retention(passed=passed or 0, total=total or 0)


def last_studied(conn: sqlite3.Connection) -> dict[str, int]:
    """Deck id → the latest answer or quiz start (microseconds), one index lookup per deck."""
    result: dict[str, int] = {}
    for deck, name in conn.execute("SELECT id, name FROM deck").fetchall():
        review = conn.execute("SELECT max(reviewed_at) FROM review WHERE deck = ?", (deck,)).fetchone()[0]
        quiz = conn.execute("SELECT max(started_at) FROM quiz_attempt WHERE deck = ?", (deck,)).fetchone()[0]
        latest = max((t for t in (review, quiz) if t is not None), default=None)
        if latest is not None:
            result[name] = latest
    return result


def hardest_items(conn: sqlite3.Connection, deck: int, deck_id: str, limit: int) -> list[HardItem]:
    """See Store.hardest_items: the per-item totals kept by record_review, through a partial index of troubled items."""
    rows = conn.execute(
        "SELECT item_key, lapses, answers, score_sum FROM item INDEXED BY item_trouble "
        "WHERE deck = ? AND hidden = 0 AND answers > 0 AND (lapses > 0 OR score_sum < answers) "
        "ORDER BY lapses DESC, score_sum / answers ASC, position LIMIT ?",
        (deck, limit),
    )
    return [
        HardItem(deck_id=deck_id, item_key=key, lapses=lapses, reviews=answers, mean_score=total / answers)
        for key, lapses, answers, total in rows
    ]
