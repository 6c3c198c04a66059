"""Turning item and review rows into records: the one place that knows the column order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quiz.model import Correctness, MemoryState, Rating
from quiz.storage.db import STATES, from_us, memory_from
from quiz.storage.records import ItemRecord, ReviewRecord, StoredReview, StudyMode

ITEM_COLUMNS = (
    "i.item_key, i.card_id, i.card_type, i.position, "
    "i.state, i.step, i.stability, i.difficulty, i.due, i.last_review, i.reps, i.lapses, "
    "i.suspended, i.buried_until, i.leech, i.hidden, "
    "i.fingerprint, i.answer_fingerprint, i.reviewed_fingerprint, i.reviewed_answer_fingerprint"
)
"""Select these (from `item AS i`) and hand each row to `item_record`."""

REVIEW_COLUMNS = (
    "r.id, i.item_key, r.reviewed_at, r.duration_ms, r.response, r.correctness, r.score, r.rating, r.mode, "
    "r.session, r.b_state, r.b_step, r.b_stability, r.b_difficulty, r.b_due, r.b_last_review, r.b_reps, "
    "r.b_lapses, r.a_state, r.a_step, r.a_stability, r.a_difficulty, r.a_due, r.a_reps, r.a_lapses, r.undone_at"
)
"""Select these (from `review AS r JOIN item AS i`) and hand each row to `stored_review`."""


def item_record(deck_id: str, row: Sequence[Any]) -> ItemRecord:
    """An ItemRecord from a row selected with ITEM_COLUMNS (unpacked inline: decks can hold 100,000 items)."""
    (key, card_id, card_type, position, state, step, stability, difficulty, due, last_review, reps, lapses,
     suspended, buried_until, leech, hidden, fingerprint, answer_fingerprint, reviewed, reviewed_answer,
     ) = row  # fmt: skip
    memory = None
    if state is not None:
        memory = MemoryState(
            state=STATES[state],
            step=step,
            stability=stability,
            difficulty=difficulty,
            due=from_us(due),  # type: ignore[arg-type]
            last_review=from_us(last_review),  # type: ignore[arg-type]
            reps=reps,
            lapses=lapses,
        )
    seen = memory is not None and reviewed != ""
    return ItemRecord(
        deck_id=deck_id,
        item_key=key,
        card_id=card_id,
        card_type=card_type,
        position=position,
        memory=memory,
        suspended=bool(suspended),
        buried_until=None if buried_until is None else from_us(buried_until),
        leech=bool(leech),
        hidden=bool(hidden),
        fingerprint=fingerprint,
        answer_fingerprint=answer_fingerprint,
        changed=seen and fingerprint != reviewed,
        answer_changed=seen and answer_fingerprint != reviewed_answer,
    )


def stored_review(deck_id: str, row: Sequence[object]) -> StoredReview:
    """A StoredReview from a row selected with REVIEW_COLUMNS."""
    reviewed_at = from_us(row[2])  # type: ignore[arg-type]
    before = memory_from(tuple(row[10:18]))
    a_state, a_step, a_stability, a_difficulty, a_due, a_reps, a_lapses = row[18:25]
    after = memory_from((a_state, a_step, a_stability, a_difficulty, a_due, row[2], a_reps, a_lapses))
    review = ReviewRecord(
        deck_id=deck_id,
        item_key=row[1],  # type: ignore[arg-type]
        reviewed_at=reviewed_at,  # type: ignore[arg-type]
        duration_ms=row[3],  # type: ignore[arg-type]
        response=row[4],  # type: ignore[arg-type]
        correctness=Correctness(row[5]),
        score=row[6],  # type: ignore[arg-type]
        rating=Rating(row[7]),
        mode=StudyMode(row[8]),
        session_id=row[9],  # type: ignore[arg-type]
    )
    return StoredReview(id=row[0], review=review, before=before, after=after, undone=row[25] is not None)  # type: ignore[arg-type]
