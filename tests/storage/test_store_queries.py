"""What the session and the statistics ask: today's work, reviews per day, forecast, retention, quizzes."""

from __future__ import annotations

from datetime import timedelta

from store_helpers import DECK_ID, answer, capitals, memory

from quiz.clock import FixedClock
from quiz.model import Correctness, LearningState, Rating
from quiz.storage import Store, StudyMode


def test_daily_work_counts_new_introductions_and_reviews_since_the_day_began(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    start = clock.now()
    yesterday = start - timedelta(days=1)
    store.record_review(answer("fr", yesterday), memory(yesterday), before=None)
    store.record_review(answer("fr", start), memory(start), before=memory(yesterday))  # a review
    store.record_review(answer("de", start), memory(start, state=LearningState.LEARNING), before=None)  # new
    store.record_review(  # learning step
        answer("de", start + timedelta(minutes=1)),
        memory(start),
        before=memory(start, state=LearningState.LEARNING),
    )
    undone = store.record_review(answer("it", start), memory(start), before=None)
    store.undo_review(undone)
    store.record_review(answer("es", start, mode=StudyMode.CRAM), None, before=None)  # not scheduled
    work = store.daily_work(DECK_ID, start)
    assert (work.new_introduced, work.reviews, work.learning) == (1, 1, 1)
    assert store.reviewed_since(DECK_ID, start) == {"fr", "de", "es"}


def test_review_counts_per_interval(store: Store, clock: FixedClock) -> None:
    day = timedelta(days=1)
    start = clock.now()
    for offset, key in [(0, "fr"), (0, "de"), (1, "fr"), (3, "it")]:
        at = start + offset * day + timedelta(hours=1)
        store.record_review(answer(key, at), memory(at), before=None)
    boundaries = [start + i * day for i in range(5)]
    assert store.review_counts(DECK_ID, boundaries) == [2, 1, 0, 1]
    assert store.review_counts(None, boundaries) == [2, 1, 0, 1]
    assert store.review_counts("elsewhere", boundaries) == [0, 0, 0, 0]


def test_forecast_puts_overdue_items_in_the_first_day(store: Store, clock: FixedClock) -> None:
    store.sync_deck(capitals())
    now = clock.now()
    day = timedelta(days=1)
    store.record_review(answer("fr", now - 5 * day), memory(now - 5 * day, due_in=day), before=None)  # overdue
    store.record_review(answer("de", now), memory(now, due_in=2 * day + timedelta(hours=1)), before=None)
    store.record_review(answer("it", now), memory(now, due_in=40 * day), before=None)  # beyond
    store.record_review(answer("es", now), memory(now, due_in=2 * day), before=None)
    store.suspend(DECK_ID, ["es"])
    boundaries = [now + i * day for i in range(31)]
    forecast = store.forecast(DECK_ID, boundaries)
    assert len(forecast) == 30
    assert forecast[0] == 1 and forecast[2] == 1 and sum(forecast) == 2


def test_retention_counts_review_state_answers_not_rated_again(store: Store, clock: FixedClock) -> None:
    now = clock.now()
    reviewed = memory(now - timedelta(days=3))
    for key, rating in [("fr", Rating.GOOD), ("de", Rating.AGAIN), ("it", Rating.HARD), ("es", Rating.EASY)]:
        store.record_review(answer(key, now, rating=rating), memory(now), before=reviewed)
    learning = memory(now, state=LearningState.LEARNING)
    store.record_review(answer("pt:gap1", now, rating=Rating.AGAIN), memory(now), before=learning)
    retention = store.retention(DECK_ID, now - timedelta(days=1))
    assert (retention.passed, retention.total) == (3, 4)
    assert retention.rate == 0.75
    assert store.retention(None, now + timedelta(days=1)).rate is None


def test_last_studied_and_hardest_items(store: Store, clock: FixedClock) -> None:
    now = clock.now()
    store.record_review(answer("fr", now, score=0), memory(now, lapses=3), before=None)
    store.record_review(answer("de", now, score=0.5), memory(now, lapses=1), before=None)
    store.record_review(answer("it", now + timedelta(hours=1)), memory(now), before=None)
    store.record_review(answer("x", now, deck_id="other"), memory(now), before=None)
    assert store.last_studied() == {DECK_ID: now + timedelta(hours=1), "other": now}
    hardest = store.hardest_items(DECK_ID)
    assert [(h.item_key, h.lapses, h.mean_score) for h in hardest] == [("fr", 3, 0.0), ("de", 1, 0.5)]


def test_quiz_attempts_keep_each_answer_and_the_score(store: Store, clock: FixedClock) -> None:
    attempt = store.start_quiz(DECK_ID, {"count": 2, "seed": 7, "types": ["short"]})
    store.record_quiz_answer(attempt, "fr", response="Paris", correctness=Correctness.CORRECT, score=1.0)
    clock.advance(timedelta(seconds=30))
    store.record_quiz_answer(attempt, "de", response="Bonn", correctness=Correctness.WRONG, score=0.0, duration_ms=4000)
    store.finish_quiz(attempt, score=1.0, max_score=2.0)
    store.start_quiz("other", {})
    [latest] = store.quiz_history(DECK_ID)
    assert latest.settings == {"count": 2, "seed": 7, "types": ["short"]}
    assert latest.percent == 50.0
    assert [(a.item_key, a.response, a.correctness, a.score) for a in latest.answers] == [
        ("fr", "Paris", "correct", 1.0),
        ("de", "Bonn", "wrong", 0.0),
    ]
    assert latest.finished_at == clock.now()
    assert len(store.quiz_history()) == 2
    assert latest.deck_id in store.last_studied()


def test_sessions_are_numbered_and_linked_from_reviews(store: Store, clock: FixedClock) -> None:
    session = store.start_session(DECK_ID, StudyMode.REVIEW)
    store.record_review(answer("fr", clock.now(), session_id=session), memory(clock.now()), before=None)
    store.finish_session(session, {"score": 1, "answered": 1})
    assert store.reviews(DECK_ID)[0].review.session_id == session
    assert store.start_session(DECK_ID, StudyMode.QUIZ) == session + 1
