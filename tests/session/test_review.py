"""Full review sessions on the real store: queue order, daily limits, siblings, learning steps, leeches."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from session_helpers import answer_all, capitals, mixed, right_response, wrong_response

from quiz.model import Correctness, LearningState, MemoryState, Rating, StudyOptions, item_keys
from quiz.session import Presentation, start_session
from quiz.storage import ReviewRecord, StudyMode


def _review(store, deck, clock, **kwargs):
    return start_session(store, deck, mode="review", clock=clock, rng=random.Random(3), fuzz=False, **kwargs)


def test_first_day_new_cards_up_to_the_limit_and_learning_steps_come_back(store, clock) -> None:
    deck = capitals(6, options=StudyOptions(new_per_day=4))
    session = _review(store, deck, clock)
    assert session.progress.total == 4
    assert session.current is not None and session.current.is_new
    asked = answer_all(session, clock=clock, step_seconds=60)
    # each new card twice: once new (→ 10 minute step), once more when it comes due (→ review)
    assert asked == ["c0", "c1", "c2", "c3", "c0", "c1", "c2", "c3"]
    assert session.finished
    items = store.items(deck.id)
    assert [items[f"c{i}"].memory.state for i in range(4)] == [LearningState.REVIEW] * 4
    assert items["c4"].memory is None and items["c5"].memory is None
    reviews = store.reviews(deck.id)
    assert len(reviews) == 8
    assert {r.review.mode for r in reviews} == {StudyMode.REVIEW}
    assert all(r.review.correctness is Correctness.CORRECT for r in reviews)
    summary = session.summary()
    assert (summary.answered, summary.right, summary.score) == (8, 8, 1.0)
    assert dict(summary.by_tag) == {"even": (4, 1.0), "odd": (4, 1.0)}


def test_the_new_card_limit_holds_for_the_whole_study_day(store, clock) -> None:
    deck = capitals(6, options=StudyOptions(new_per_day=2))
    answer_all(_review(store, deck, clock), clock=clock, step_seconds=60)
    clock.advance(timedelta(hours=1))
    again = _review(store, deck, clock)
    assert again.current is None
    # 4 am local is the next study day: two more new cards
    clock.advance(timedelta(days=1))
    fresh = _review(store, deck, clock)
    assert [key for key in fresh._queue.upcoming] == ["c3"] and fresh.current.key == "c2"


def test_due_reviews_come_first_and_respect_the_review_limit(store, clock) -> None:
    deck = capitals(6, options=StudyOptions(new_per_day=4, max_reviews_per_day=3))
    answer_all(_review(store, deck, clock), clock=clock, step_seconds=60)
    clock.advance(timedelta(days=3))
    session = _review(store, deck, clock)
    keys = [session.current.key, *session._queue.upcoming]
    assert keys[:3] == ["c0", "c1", "c2"]  # reviews due, earliest first, three at most
    assert keys[3:] == ["c4", "c5"]  # then new cards
    before = store.get_item(deck.id, "c0").memory
    session.answer("City 0", elapsed=10.0)
    after = store.get_item(deck.id, "c0").memory
    assert after.state is LearningState.REVIEW and after.due > before.due and after.reps == before.reps + 1


def test_learning_items_due_now_come_before_reviews(store, clock) -> None:
    deck = capitals(3)
    store.sync_deck(deck)
    now = clock.now()
    learning = MemoryState(
        state=LearningState.RELEARNING,
        step=0,
        stability=1.0,
        difficulty=6.0,
        due=now,
        last_review=now - timedelta(minutes=10),
    )
    reviewing = MemoryState(
        state=LearningState.REVIEW, step=None, stability=5.0, difficulty=5.0, due=now - timedelta(days=1),
        last_review=now - timedelta(days=6),
    )  # fmt: skip
    for key, memory in (("c2", learning), ("c1", reviewing)):
        record = ReviewRecord(deck_id=deck.id, item_key=key, reviewed_at=memory.last_review, rating=Rating.GOOD,
                              correctness=Correctness.CORRECT)  # fmt: skip
        store.record_review(record, memory, before=None)
    session = _review(store, deck, clock)
    assert [session.current.key, *session._queue.upcoming] == ["c2", "c1", "c0"]


def test_siblings_are_not_shown_on_the_same_day(store, clock) -> None:
    deck = mixed()
    session = _review(store, deck, clock)
    keys = [session.current.key, *session._queue.upcoming]
    card_ids = [key.split(":")[0] for key in keys]
    assert len(card_ids) == len(set(card_ids))
    assert "flash" in keys and "flash:reverse" not in keys
    assert "cloze:gap1" in keys and "cloze:gap2" not in keys
    answer_all(session, clock=clock, step_seconds=60)
    # later the same day the other sibling still waits; the next day it comes
    clock.advance(timedelta(hours=2))
    later = _review(store, deck, clock)
    later_keys = [] if later.current is None else [later.current.key, *later._queue.upcoming]
    assert "flash:reverse" not in later_keys and "cloze:gap2" not in later_keys
    clock.advance(timedelta(days=1))
    tomorrow = _review(store, deck, clock)
    tomorrow_keys = [tomorrow.current.key, *tomorrow._queue.upcoming]
    assert "flash:reverse" in tomorrow_keys and "cloze:gap2" in tomorrow_keys


def test_a_miss_comes_back_in_the_session_and_is_listed(store, clock) -> None:
    deck = capitals(3, options=StudyOptions(new_per_day=3, learning_steps=(60,)))
    session = _review(store, deck, clock)
    asked = answer_all(session, wrong={"c1"}, clock=clock, step_seconds=30)
    assert asked.count("c1") == 2
    summary = session.summary()
    assert [(m.key, m.given, m.expected) for m in summary.misses] == [("c1", "qqqq", "City 1")]
    assert summary.ratings[Rating.AGAIN] == 1
    retry = session.retry_misses()
    assert retry is not None and retry.mode == "cram" and retry.current.key == "c1"


def test_undo_restores_the_item_and_asks_it_again(store, clock) -> None:
    deck = capitals(2)
    session = _review(store, deck, clock)
    session.answer("City 0", elapsed=10.0)
    assert store.get_item(deck.id, "c0").memory is not None
    assert session.current.key == "c1"
    undone = session.undo()
    assert undone is not None and undone.key == "c0"
    assert session.current.key == "c0"
    assert store.get_item(deck.id, "c0").memory is None
    assert store.reviews(deck.id) == []
    assert [r.undone for r in store.reviews(deck.id, include_undone=True)] == [True]
    assert session.progress.answered == 0 and session.progress.streak == 0
    assert session.undo() is None


def test_changing_the_suggested_rating_replaces_the_saved_answer(store, clock) -> None:
    deck = capitals(2)
    session = _review(store, deck, clock)
    outcome = session.answer("City 0", elapsed=10.0)
    assert outcome.rating is Rating.GOOD and outcome.saved
    assert outcome.intervals[Rating.GOOD] == timedelta(minutes=10)
    assert outcome.due == clock.now() + timedelta(minutes=10)
    changed = session.rate(Rating.EASY)
    assert changed.rating is Rating.EASY
    memory = store.get_item(deck.id, "c0").memory
    assert memory.state is LearningState.REVIEW and memory.due == clock.now() + timedelta(days=8)
    logged = store.reviews(deck.id, include_undone=True)
    assert [(r.review.rating, r.undone) for r in logged] == [(Rating.GOOD, True), (Rating.EASY, False)]
    # confirming the same rating again changes nothing
    session.rate(Rating.EASY)
    assert len(store.reviews(deck.id, include_undone=True)) == 2


def test_i_was_right_counts_the_answer_right_and_keeps_the_first_verdict(store, clock) -> None:
    deck = capitals(2)
    session = _review(store, deck, clock)
    outcome = session.answer("Cty Zero", elapsed=10.0)
    assert outcome.verdict.correctness is Correctness.WRONG
    claimed = session.override_correct()
    assert claimed.verdict.correctness is Correctness.CORRECT and claimed.rating is Rating.GOOD
    logged = store.reviews(deck.id, include_undone=True)
    assert [(r.review.correctness, r.undone) for r in logged] == [
        (Correctness.WRONG, True),
        (Correctness.CORRECT, False),
    ]
    assert logged[-1].review.response == "Cty Zero"
    summary = session.summary()
    assert summary.overrides == 1 and summary.score == 1.0 and summary.misses == ()


def test_flashcards_are_rated_by_the_student(store, clock) -> None:
    deck = mixed()
    session = _review(store, deck, clock)
    assert session.current.key == "flash"
    intervals = session.intervals()
    assert intervals[Rating.AGAIN] == timedelta(minutes=1)
    outcome = session.rate(Rating.HARD)
    assert outcome.verdict.correctness is Correctness.SELF_RATED and outcome.rating is Rating.HARD
    assert store.reviews(deck.id)[0].review.rating is Rating.HARD


def test_a_hint_caps_the_suggestion_at_hard(store, clock) -> None:
    deck = capitals(2)
    session = _review(store, deck, clock)
    session.hint()
    assert session.answer("City 0", elapsed=1.0).rating is Rating.HARD


def test_skip_bury_and_suspend(store, clock) -> None:
    deck = capitals(4)
    session = _review(store, deck, clock)
    session.skip()
    assert session.current.key == "c1"
    assert session._queue.upcoming[-1] == "c0"
    session.bury()
    session.suspend()
    assert session.current.key == "c3"
    buried, suspended = store.get_item(deck.id, "c1"), store.get_item(deck.id, "c2")
    assert buried.buried_until is not None and buried.buried_until > clock.now()
    assert suspended.suspended
    answer_all(session)
    assert session.summary().skipped == 1
    clock.advance(timedelta(days=1))
    tomorrow = _review(store, deck, clock)
    assert "c2" not in [tomorrow.current.key, *tomorrow._queue.upcoming]
    assert "c1" in [tomorrow.current.key, *tomorrow._queue.upcoming]


def test_a_leech_is_tagged_suspended_and_announced(store, clock) -> None:
    deck = capitals(2, options=StudyOptions(leech_threshold=2))
    store.sync_deck(deck)
    now = clock.now()
    lapsed_once = MemoryState(
        state=LearningState.REVIEW, step=None, stability=2.0, difficulty=7.0, due=now,
        last_review=now - timedelta(days=2), reps=5, lapses=1,
    )  # fmt: skip
    store.record_review(
        ReviewRecord(deck_id=deck.id, item_key="c0", reviewed_at=lapsed_once.last_review, rating=Rating.GOOD,
                     correctness=Correctness.CORRECT),
        lapsed_once, before=None,
    )  # fmt: skip
    session = _review(store, deck, clock)
    assert session.current.key == "c0"
    outcome = session.answer("nope", elapsed=5.0)
    assert outcome.leech and "leech" in outcome.message
    item = store.get_item(deck.id, "c0")
    assert item.leech and item.suspended and item.memory.lapses == 2
    assert "c0" not in {key for _, key in session._queue.later}
    assert session.changes().leeches == ("c0",)
    session.undo()
    item = store.get_item(deck.id, "c0")
    assert not item.leech and not item.suspended


def test_a_clock_going_back_never_puts_a_due_date_before_the_last_review(store, clock) -> None:
    deck = capitals(1, options=StudyOptions(learning_steps=(60,)))
    session = _review(store, deck, clock)
    session.answer("City 0", elapsed=10.0)
    first = store.get_item(deck.id, "c0").memory
    clock.advance(timedelta(days=-2))
    later = start_session(store, deck, mode="learn", clock=clock, rng=random.Random(3), fuzz=False)
    assert later.current.key == "c0"  # learn mode asks known items too, and moves their schedule
    later.answer("City 0", elapsed=10.0)
    memory = store.get_item(deck.id, "c0").memory
    assert memory.due >= first.last_review
    assert memory.last_review >= first.last_review


def test_edits_reload_into_the_session(store, clock) -> None:
    deck = capitals(3)
    session = _review(store, deck, clock)
    session.answer("City 0", elapsed=10.0)
    edited = capitals(3)
    edited = type(edited)(id=edited.id, title=edited.title, cards=edited.cards[:2], options=edited.options)
    report = session.reload(edited)
    assert report.hidden == ("c2",)
    assert "c2" not in session._queue.upcoming
    assert session.current.key == "c1"
    assert store.get_item(deck.id, "c2") is None or store.items(deck.id).get("c2") is None


def test_a_failed_save_changes_nothing_and_says_so(store, clock, monkeypatch) -> None:
    from quiz.storage import NotSavedError

    deck = capitals(2)
    session = _review(store, deck, clock)

    def full_disk(*args, **kwargs):
        raise NotSavedError("The disk is full: your last answer was not saved.")

    monkeypatch.setattr(store, "record_review", full_disk)
    try:
        session.answer("City 0", elapsed=10.0)
    except NotSavedError:
        pass
    else:  # pragma: no cover - the test fails here
        raise AssertionError("the failed save was not reported")
    progress = session.progress
    assert not progress.saved and "disk is full" in progress.unsaved_reason
    assert progress.answered == 0 and session.current.key == "c0"
    monkeypatch.undo()
    session.answer("City 0", elapsed=10.0)
    assert session.progress.saved


def test_recognition_is_only_for_learn_mode(store, clock) -> None:
    session = _review(store, capitals(3), clock)
    assert session.current.presentation is Presentation.AS_WRITTEN
    assert right_response(session.current) == "City 0" and wrong_response(session.current) == "qqqq"
    assert item_keys(capitals(1).cards[0]) == ("c0",)


def test_a_changed_answer_is_offered_for_reset(store, clock) -> None:
    from dataclasses import replace

    from quiz.model import Answer

    deck = capitals(2)
    answer_all(_review(store, deck, clock), clock=clock, step_seconds=60)
    assert store.get_item(deck.id, "c0").memory is not None
    edited_card = replace(deck.cards[0], answers=(Answer("Town 0"),))
    edited = replace(deck, cards=(edited_card, deck.cards[1]))
    clock.advance(timedelta(days=1))
    session = _review(store, edited, clock)
    changes = session.changes()
    assert changes.answer_changed == ("c0",) and not changes.quiet
    session.reset_items(changes.answer_changed)
    assert store.get_item(deck.id, "c0").memory is None
    assert session.changes().answer_changed == ()
    assert len(store.reviews(deck.id, "c0")) == 2  # the history is kept


def test_time_per_card_comes_from_the_monotonic_clock(store, clock) -> None:
    timer = [100.0]
    deck = capitals(2)
    session = start_session(store, deck, mode="cram", clock=clock, rng=random.Random(1), shuffle=False,
                            monotonic=lambda: timer[0])  # fmt: skip
    timer[0] += 30.0  # before the question is shown: not counted
    assert session.current.key == "c0"  # shown now
    timer[0] += 4.5
    assert session.progress.on_card == pytest.approx(4.5)
    first = session.answer("City 0")
    assert first.seconds == pytest.approx(4.5)
    timer[0] += 12.0  # reading the feedback
    assert session.current.key == "c1"
    timer[0] += 5.5
    second = session.answer("City 1")
    assert second.seconds == pytest.approx(5.5)
    summary = session.summary()
    assert summary.seconds_per_answer == pytest.approx(5.0) and summary.seconds == pytest.approx(52.0)
    assert [r.review.duration_ms for r in store.reviews(deck.id)] == [4500, 5500]


def test_reload_shows_the_edited_text_of_the_current_card(store, clock) -> None:
    from dataclasses import replace

    deck = capitals(2)
    session = _review(store, deck, clock)
    assert session.current.card.question == "Capital of country 0?"
    edited = replace(
        deck, cards=(replace(deck.cards[0], question="Which city is the capital of country 0?"), deck.cards[1])
    )
    session.reload(edited)
    assert session.current.key == "c0"
    assert session.current.card.question == "Which city is the capital of country 0?"
    outcome = session.answer("City 0", elapsed=5.0)
    assert outcome.verdict.correct


def test_the_students_own_options_override_the_decks(store, clock) -> None:
    deck = capitals(6, options=StudyOptions(new_per_day=5))
    store.set_options(deck.id, {"new_per_day": 2, "learning_steps": [120], "bogus": 1, "desired_retention": "high"})
    session = _review(store, deck, clock)
    assert session.options.new_per_day == 2 and session.options.learning_steps == (120,)
    assert session.options.desired_retention == deck.options.desired_retention
    assert session.progress.total == 2
    assert session.intervals()[Rating.AGAIN] == timedelta(minutes=2)
