"""Random runs of answers, rating changes, claims, undos, skips and buries: the store and the session agree."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from session_helpers import mixed, right_response, wrong_response

from quiz.errors import QuizError
from quiz.model import Rating
from quiz.session import start_session


@pytest.mark.parametrize("mode", ["review", "learn", "cram"])
@pytest.mark.parametrize("seed", range(6))
def test_store_and_session_agree_after_any_run(store, clock, mode: str, seed: int) -> None:
    deck = mixed()
    rng = random.Random(seed)
    session = start_session(store, deck, mode=mode, clock=clock, rng=random.Random(seed), fuzz=False)
    for _ in range(40):
        item = session.current
        if item is None:
            break
        action = rng.choice(["right", "right", "wrong", "rate", "claim", "undo", "skip", "bury"])
        try:
            if action in ("right", "rate", "claim"):
                session.answer(right_response(item), elapsed=rng.uniform(1, 20))
                if action == "rate":
                    session.rate(rng.choice(list(Rating)))
            elif action == "wrong":
                session.answer(wrong_response(item), elapsed=5.0)
                if rng.random() < 0.5:
                    session.override_correct()
            elif action == "undo":
                session.undo()
            elif action == "skip":
                session.skip()
            else:
                session.bury()
        except QuizError as error:  # only "there is no answer to claim" is expected
            pytest.fail(f"{action}: {error}")
        clock.advance(timedelta(seconds=rng.randint(5, 400)))
    answered = session.progress.answered
    stored = store.reviews(deck.id)
    # one live review per answer (a whole cloze card in a quiz would be more; these modes ask items)
    assert len(stored) == answered
    assert [r.review.item_key for r in stored] == [r.key for r in session._results]
    if mode != "cram":
        for result in session._results:
            memory = store.get_item(deck.id, result.key).memory
            assert memory is not None and memory == session._memory[result.key]
    summary = session.summary()
    assert summary.answered == answered
    assert summary.overrides == sum(1 for r in session._results if r.overridden)
