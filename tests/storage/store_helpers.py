"""Small decks, memory states and answers for the progress store's tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from quiz.model import (
    Answer,
    ClozeCard,
    ClozeGap,
    Correctness,
    Deck,
    FlashCard,
    LearningState,
    MemoryState,
    Rating,
    ShortCard,
)
from quiz.storage import ReviewRecord, StudyMode

DECK_ID = "capitals"


def short(card_id: str, question: str, answer: str, *, previous_ids: tuple[str, ...] = ()) -> ShortCard:
    """A typed-answer card."""
    return ShortCard(id=card_id, question=question, answers=(Answer(answer),), previous_ids=previous_ids)


def make_deck(*cards: object, deck_id: str = DECK_ID) -> Deck:
    """A deck holding `cards` in order."""
    return Deck(id=deck_id, title="Capitals", cards=tuple(cards))  # type: ignore[arg-type]


def capitals() -> Deck:
    """Three short cards, a reversed flashcard and a two-gap cloze card: seven items."""
    return make_deck(
        short("fr", "Capital of France?", "Paris"),
        short("de", "Capital of Germany?", "Berlin"),
        short("it", "Capital of Italy?", "Rome"),
        FlashCard(id="es", question="Spain", back="Madrid", reverse=True),
        ClozeCard(
            id="pt",
            question="",
            text="{{Lisbon}} is the capital of {{Portugal}}.",
            gaps=(ClozeGap(1, "Lisbon"), ClozeGap(2, "Portugal")),
        ),
    )


def memory(
    at: datetime,
    *,
    due_in: timedelta = timedelta(days=1),
    state: LearningState = LearningState.REVIEW,
    reps: int = 1,
    lapses: int = 0,
) -> MemoryState:
    """A memory state reviewed at `at` and due `due_in` later."""
    step = None if state is LearningState.REVIEW else 0
    return MemoryState(
        state=state,
        step=step,
        stability=2.5,
        difficulty=5.0,
        due=at + due_in,
        last_review=at,
        reps=reps,
        lapses=lapses,
    )


def answer(
    key: str,
    at: datetime,
    *,
    rating: Rating = Rating.GOOD,
    score: float = 1.0,
    deck_id: str = DECK_ID,
    mode: StudyMode = StudyMode.REVIEW,
    session_id: int | None = None,
) -> ReviewRecord:
    """A review of item `key` at `at`."""
    return ReviewRecord(
        deck_id=deck_id,
        item_key=key,
        reviewed_at=at,
        rating=rating,
        correctness=Correctness.CORRECT if score >= 1 else Correctness.WRONG,
        score=score,
        response=f"answer to {key}",
        duration_ms=1200,
        mode=mode,
        session_id=session_id,
    )
