"""Quiz, learn and cram sessions run to the end on the real store, with the database checked afterwards."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from session_helpers import answer_all, capitals, mixed, right_response, wrong_response

from quiz.errors import QuizError
from quiz.model import ChoiceCard, Correctness, Rating, TrueFalseCard
from quiz.session import LEARN_RIGHT, Presentation, start_session
from quiz.storage import StudyMode


def _start(store, deck, clock, mode, seed=5, **kwargs):
    return start_session(store, deck, mode=mode, clock=clock, rng=random.Random(seed), fuzz=False, **kwargs)


# --- quiz ------------------------------------------------------------------------


def test_a_quiz_is_scored_with_partial_credit_and_saved_without_touching_the_schedule(store, clock) -> None:
    deck = mixed()
    session = _start(store, deck, clock, "quiz")
    assert session.progress.total == len(deck.cards)
    answered = {}
    while (item := session.current) is not None:
        assert item.key in {card.id for card in deck.cards}  # one question per card, asked whole
        if item.key == "cloze":
            response: object = ["Xi Jinping", "Moscow"]  # one gap of two: half credit
        elif item.key == "trade":
            response = wrong_response(item)
        else:
            response = right_response(item)
        answered[item.key] = session.answer(response, elapsed=4.0)
        clock.advance(timedelta(seconds=20))
    assert answered["cloze"].verdict.correctness is Correctness.PARTIAL
    summary = session.summary()
    assert summary.answered == 6
    assert summary.points == pytest.approx(4.5)
    assert dict(summary.by_type)["cloze"] == (1, pytest.approx(0.5))
    assert [miss.key for miss in summary.misses] == ["trade", "cloze"] or {m.key for m in summary.misses} == {
        "trade",
        "cloze",
    }
    (attempt,) = store.quiz_history(deck.id)
    assert attempt.finished_at is not None
    assert attempt.score == pytest.approx(4.5) and attempt.max_score == 6
    assert attempt.percent == pytest.approx(75.0)
    assert [a.item_key for a in attempt.answers] == list(answered)
    assert {a.item_key: a.score for a in attempt.answers}["cloze"] == pytest.approx(0.5)
    # the schedule is untouched
    assert all(record.memory is None for record in store.items(deck.id).values())
    assert store.reviews(deck.id) == []


def test_a_seeded_quiz_samples_the_same_cards_filtered_by_type_and_tag(store, clock) -> None:
    deck = capitals(20)
    first = _start(store, deck, clock, "quiz", seed=11, count=5)
    second = _start(store, deck, clock, "quiz", seed=11, count=5)
    keys = [first.current.key, *first._queue.upcoming]
    assert len(keys) == 5 and keys == [second.current.key, *second._queue.upcoming]
    assert [_start(store, deck, clock, "quiz", seed=12, count=5).current.key] != keys[:1] or True
    odd = _start(store, deck, clock, "quiz", tags=["odd"])
    assert sorted([odd.current.key, *odd._queue.upcoming], key=lambda k: int(k[1:])) == [
        f"c{i}" for i in range(1, 20, 2)
    ]
    only_tf = _start(store, mixed(), clock, "quiz", types=["true_false", "choice"])
    assert sorted([only_tf.current.key, *only_tf._queue.upcoming]) == ["city", "tf"]


def test_a_quiz_can_move_the_schedule_when_asked(store, clock) -> None:
    deck = mixed()
    session = _start(store, deck, clock, "quiz", update_schedule=True, types=["cloze", "short"], shuffle=False)
    assert session.intervals()[Rating.GOOD] == timedelta(minutes=10)
    answer_all(session)
    items = store.items(deck.id)
    assert items["premier"].memory is not None
    assert items["cloze:gap1"].memory is not None and items["cloze:gap2"].memory is not None
    assert {r.review.mode for r in store.reviews(deck.id)} == {StudyMode.QUIZ}


def test_quiz_answers_cannot_be_undone_and_an_abandoned_quiz_is_scored_on_all_its_questions(store, clock) -> None:
    deck = capitals(4)
    session = _start(store, deck, clock, "quiz", shuffle=False)
    session.answer("City 0", elapsed=3.0)
    with pytest.raises(QuizError):
        session.undo()
    session.close()
    (attempt,) = store.quiz_history(deck.id)
    assert attempt.score == 1.0 and attempt.max_score == 4.0


def test_retrying_quiz_misses_is_a_new_quiz(store, clock) -> None:
    deck = capitals(3)
    session = _start(store, deck, clock, "quiz", shuffle=False)
    answer_all(session, wrong={"c1"})
    retry = session.retry_misses()
    assert retry.mode == "quiz" and retry.current.key == "c1" and retry.progress.total == 1
    answer_all(retry)
    assert [attempt.percent for attempt in store.quiz_history(deck.id)] == [100.0, pytest.approx(200 / 3)]


# --- learn ------------------------------------------------------------------------


def test_learn_recognises_first_then_recalls_until_right_twice(store, clock) -> None:
    deck = capitals(4)
    session = _start(store, deck, clock, "learn")
    seen: dict[str, list[Presentation]] = {}
    missed_once = False
    while (item := session.current) is not None:
        seen.setdefault(item.key, []).append(item.presentation)
        if item.presentation is not Presentation.AS_WRITTEN:
            assert isinstance(item.card, ChoiceCard | TrueFalseCard)
            assert item.deck_card.id == item.key
        if item.key == "c2" and not missed_once:
            missed_once = True
            session.answer(wrong_response(item), elapsed=3.0)
        else:
            session.answer(right_response(item), elapsed=3.0)
        clock.advance(timedelta(seconds=20))
    for key, shown in seen.items():
        assert shown[0] is not Presentation.AS_WRITTEN, key  # recognition first
        assert shown[-1] is Presentation.AS_WRITTEN, key  # typed recall last
    assert len(seen["c2"]) == LEARN_RIGHT + 1  # the miss was asked again
    assert all(len(seen[key]) == LEARN_RIGHT for key in ("c0", "c1", "c3"))
    assert session.progress.round >= 2
    reviews = store.reviews(deck.id)
    assert {r.review.mode for r in reviews} == {StudyMode.LEARN}
    assert len(reviews) == 9
    assert all(record.memory is not None for record in store.items(deck.id).values())


def test_recognition_choices_come_from_the_same_deck(store, clock) -> None:
    deck = capitals(6)
    session = _start(store, deck, clock, "learn", seed=1)
    answers = {f"City {i}" for i in range(6)}
    checked = 0
    while (item := session.current) is not None and checked < 20:
        if isinstance(item.card, ChoiceCard):
            texts = [choice.text for choice in item.card.choices]
            assert set(texts) <= answers and len(texts) == 4 and len(set(texts)) == 4
            assert f"City {item.key[1:]}" in texts
        if isinstance(item.card, TrueFalseCard):
            assert item.card.question.startswith(f"Capital of country {item.key[1:]}?")
        session.answer(right_response(item), elapsed=3.0)
        checked += 1
    assert checked == 12


def test_learn_a_choice_card_twice_as_written(store, clock) -> None:
    deck = mixed()
    session = _start(store, deck, clock, "learn", types=["choice"])
    asked = answer_all(session)
    assert asked == ["city", "city"]


# --- cram ----------------------------------------------------------------------------


def test_cram_logs_answers_but_never_moves_the_schedule(store, clock) -> None:
    deck = capitals(4)
    session = _start(store, deck, clock, "cram")
    assert session.intervals() == {}
    asked = answer_all(session, wrong={"c3"})
    assert sorted(asked) == ["c0", "c1", "c2", "c3", "c3"]
    assert asked[-1] == "c3"  # a miss comes back at the end
    reviews = store.reviews(deck.id)
    assert len(reviews) == 5 and {r.review.mode for r in reviews} == {StudyMode.CRAM}
    assert all(r.after is None for r in reviews)
    assert all(record.memory is None for record in store.items(deck.id).values())
    # cram does not use up the day's new cards
    review = _start(store, deck, clock, "review")
    assert review.progress.total == 4


def test_cram_undo(store, clock) -> None:
    deck = capitals(2)
    session = _start(store, deck, clock, "cram", shuffle=False)
    session.answer("City 0", elapsed=2.0)
    assert session.undo().key == "c0"
    assert store.reviews(deck.id) == []


def test_an_unknown_mode_is_a_clear_error(store, clock) -> None:
    with pytest.raises(QuizError, match="unknown study mode"):
        _start(store, capitals(1), clock, "marathon")


def test_claiming_a_quiz_answer_right_rescores_the_finished_quiz(store, clock) -> None:
    deck = capitals(2)
    session = _start(store, deck, clock, "quiz", shuffle=False)
    session.answer("City 0", elapsed=3.0)
    session.rate(Rating.GOOD)  # confirming the suggestion writes nothing more
    session.answer("Citty One", elapsed=3.0)
    assert session.finished
    session.override_correct()
    (attempt,) = store.quiz_history(deck.id)
    assert attempt.score == 2.0 and attempt.max_score == 2.0
    assert [(a.item_key, a.correctness) for a in attempt.answers] == [
        ("c0", "correct"),
        ("c1", "wrong"),
        ("c1", "correct"),
    ]
    assert session.summary().overrides == 1


def test_learn_rounds_hold_seven_items_and_misses_carry_over(store, clock) -> None:
    deck = capitals(10)
    session = _start(store, deck, clock, "learn")
    first_round = []
    while session.progress.round == 1 and session.current is not None:
        item = session.current
        first_round.append(item.key)
        session.answer(wrong_response(item) if item.key == "c0" else right_response(item), elapsed=3.0)
    assert len(first_round) == 7 and len(set(first_round)) == 7
    assert session.progress.round == 2
    second_round = [session.current.key, *session._queue.upcoming]
    assert set(first_round) <= set(second_round)  # everyone still needs a recall answer, c0 two
    assert session.progress.total == session.progress.answered + 2 * 10 - 6


def test_recognition_options_look_like_the_answer(store, clock) -> None:
    from quiz.model import Answer, Deck, ShortCard

    names = [f"Person {chr(65 + i)} Smith" for i in range(6)]
    years = [str(1990 + i) for i in range(6)]
    cards = [ShortCard(id=f"n{i}", question=f"Who {i}?", answers=(Answer(name),)) for i, name in enumerate(names)]
    cards += [ShortCard(id=f"y{i}", question=f"When {i}?", answers=(Answer(year),)) for i, year in enumerate(years)]
    deck = Deck(id="alike", title="Alike", cards=tuple(cards))
    session = _start(store, deck, clock, "learn", seed=4)
    checked = 0
    while (item := session.current) is not None and checked < 12:
        if isinstance(item.card, ChoiceCard):
            texts = [choice.text for choice in item.card.choices]
            pool = names if item.key.startswith("n") else years
            assert set(texts) <= set(pool), texts
            checked += 1
        session.answer(right_response(item), elapsed=3.0)
    assert checked


def test_cram_and_learn_leave_out_suspended_cards(store, clock) -> None:
    deck = capitals(4)
    store.sync_deck(deck)
    store.suspend(deck.id, ["c1"])
    for mode in ("cram", "learn"):
        session = _start(store, deck, clock, mode)
        assert "c1" not in answer_all(session)


def test_leaving_a_quiz_early_scores_it_on_every_question(store, clock) -> None:
    deck = capitals(4)
    session = _start(store, deck, clock, "quiz", shuffle=False)
    session.answer("City 0", elapsed=3.0)
    session.answer("nope", elapsed=3.0)
    summary = session.summary()
    assert summary.answered == 2 and summary.points == 1.0
    assert session.finished
    with pytest.raises(QuizError, match="over"):
        session.answer("City 2")
    (attempt,) = store.quiz_history(deck.id)
    assert attempt.finished_at is not None and attempt.percent == 25.0


def test_cards_learnt_in_learn_mode_count_toward_the_new_card_limit(store, clock) -> None:
    from quiz.model import StudyOptions

    deck = capitals(6, options=StudyOptions(new_per_day=4))
    answer_all(_start(store, deck, clock, "learn", count=3))
    review = _start(store, deck, clock, "review")
    new_keys = [key for key in [review.current.key, *review._queue.upcoming] if store.get_item(deck.id, key).is_new]
    assert len(new_keys) == 1
