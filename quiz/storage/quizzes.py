"""Reading quiz attempts back, with their answers, for the history and statistics."""

from __future__ import annotations

import json
import sqlite3

from quiz.storage.db import from_us
from quiz.storage.records import QuizAnswer, QuizAttempt


def history(conn: sqlite3.Connection, deck_id: str | None, limit: int) -> list[QuizAttempt]:
    """See Store.quiz_history."""
    sql = (
        "SELECT q.id, d.name, q.started_at, q.settings, q.finished_at, q.score, q.max_score "
        "FROM quiz_attempt AS q JOIN deck AS d ON d.id = q.deck"
    )
    params: tuple[object, ...] = ()
    if deck_id is not None:
        sql += " WHERE d.name = ?"
        params = (deck_id,)
    attempts = conn.execute(sql + " ORDER BY q.started_at DESC, q.id DESC LIMIT ?", (*params, limit)).fetchall()
    return [
        QuizAttempt(
            id=attempt_id,
            deck_id=deck,
            started_at=from_us(started),  # type: ignore[arg-type]
            settings=json.loads(settings),
            finished_at=from_us(finished),
            score=score,
            max_score=max_score,
            answers=_answers(conn, attempt_id),
        )
        for attempt_id, deck, started, settings, finished, score, max_score in attempts
    ]


def _answers(conn: sqlite3.Connection, attempt_id: int) -> tuple[QuizAnswer, ...]:
    rows = conn.execute(
        "SELECT item_key, response, correctness, score, answered_at, duration_ms FROM quiz_answer "
        "WHERE attempt = ? ORDER BY id",
        (attempt_id,),
    )
    return tuple(
        QuizAnswer(
            item_key=key,
            response=response,
            correctness=correctness,
            score=score,
            answered_at=from_us(at),  # type: ignore[arg-type]
            duration_ms=duration,
        )
        for key, response, correctness, score, at, duration in rows
    )
