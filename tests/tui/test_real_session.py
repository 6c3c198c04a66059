"""The app over the real session and store: every flow ends in the database, not just on screen."""

from __future__ import annotations

from pathlib import Path

from quiz.model import Rating
from quiz.storage import StudyMode, open_store
from quiz.tui.app import StartAt
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen

DECK_ID = "tui-five-statements"


async def _study(app, pilot) -> StudyScreen:  # noqa: ANN001
    await pilot.pause()
    assert isinstance(app.screen, StudyScreen), app.screen
    return app.screen


def _reviews(data: Path) -> list:
    with open_store(data) as store:
        return store.reviews(DECK_ID)


async def _answer(pilot, key: str) -> None:  # noqa: ANN001
    await pilot.press(key)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_review_answers_are_committed_one_by_one(app_factory, decks, isolated_data_dir) -> None:
    app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
    async with app.run_test() as pilot:
        screen = await _study(app, pilot)
        first = screen.shown
        assert first is not None
        assert "saved" not in str(screen.query_one("#study-header").render())
        await pilot.press("t")
        await pilot.pause()
        # the session commits the answer before it returns: the mark and the row appear together
        assert "✓ saved" in str(screen.query_one("#study-header").render())
        assert len(app.backend.store.reviews(DECK_ID)) == 1
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.backend.store.reviews(DECK_ID)) == 1
        await _answer(pilot, "f")
        assert len(app.backend.store.reviews(DECK_ID)) == 2
    reviews = _reviews(isolated_data_dir)
    assert [r.review.mode for r in reviews] == [StudyMode.REVIEW] * 2
    assert reviews[0].review.item_key == first.key


async def test_overriding_the_rating_is_what_gets_stored(app_factory, decks, isolated_data_dir) -> None:
    app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
    async with app.run_test() as pilot:
        await _study(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
    assert [r.review.rating for r in _reviews(isolated_data_dir)] == [Rating.EASY]


async def test_undo_takes_the_answer_back(app_factory, decks, isolated_data_dir) -> None:
    app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
    async with app.run_test() as pilot:
        screen = await _study(app, pilot)
        first = screen.shown
        await _answer(pilot, "t")
        await pilot.press("u")
        await pilot.pause()
        assert screen.shown is not None and first is not None and screen.shown.key == first.key
    with open_store(isolated_data_dir) as store:
        assert store.reviews(DECK_ID) == []


async def test_suspend_and_bury_reach_the_store(app_factory, decks, isolated_data_dir) -> None:
    app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
    async with app.run_test() as pilot:
        screen = await _study(app, pilot)
        suspended = screen.shown.key
        await pilot.press("x")
        await pilot.pause()
        buried = screen.shown.key
        await pilot.press("b")
        await pilot.pause()
    with open_store(isolated_data_dir) as store:
        items = store.items(DECK_ID)
    assert items[suspended].suspended
    assert items[buried].buried_until is not None


async def test_quitting_with_feedback_on_screen_saves_the_answer(app_factory, decks, isolated_data_dir) -> None:
    app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
    async with app.run_test() as pilot:
        await _study(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert len(_reviews(isolated_data_dir)) == 1


async def test_a_quiz_is_scored_and_saved_and_misses_can_be_retried(app_factory, decks, isolated_data_dir) -> None:
    app = app_factory(start=StartAt(decks / "five-statements.toml", "quiz"))
    async with app.run_test() as pilot:
        screen = await _study(app, pilot)
        for _ in range(5):
            card = screen.shown.card
            await _answer(pilot, "f" if card.answer else "t")  # every answer wrong
        assert isinstance(app.screen, SummaryScreen)
        summary = app.screen.summary
        assert summary.answered == 5 and summary.score == 0
        assert "quiz finished" in str(app.screen.query_one("#summary-title").render())
        assert len(summary.misses) == 5
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
    with open_store(isolated_data_dir) as store:
        history = store.quiz_history(DECK_ID)
    finished = [attempt for attempt in history if attempt.finished_at is not None]
    assert len(finished) == 1  # the retry is a second attempt, still open
    assert finished[0].score == 0 and len(finished[0].answers) == 5


async def test_cram_leaves_the_schedule_alone(app_factory, decks, isolated_data_dir) -> None:
    app = app_factory(start=StartAt(decks / "five-statements.toml", "cram"))
    async with app.run_test() as pilot:
        await _study(app, pilot)
        await _answer(pilot, "t")
    with open_store(isolated_data_dir) as store:
        assert all(item.memory is None for item in store.items(DECK_ID).values())


async def test_leaving_a_quiz_early_scores_what_was_answered(app_factory, decks, isolated_data_dir) -> None:
    app = app_factory(start=StartAt(decks / "five-statements.toml", "quiz"))
    async with app.run_test() as pilot:
        screen = await _study(app, pilot)
        card = screen.shown.card
        await _answer(pilot, "t" if card.answer else "f")  # right
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.summary.answered == 1
        assert "quiz ended early" in str(app.screen.query_one("#summary-title").render())
    with open_store(isolated_data_dir) as store:
        (attempt,) = store.quiz_history(DECK_ID)
    assert attempt.finished_at is not None and attempt.score == 1


async def test_a_changed_answer_is_offered_a_fresh_start(app_factory, decks, isolated_data_dir) -> None:
    from quiz.tui.screens.confirm import ConfirmModal

    path = decks / "five-statements.toml"
    app = app_factory(start=StartAt(path, "review"))
    async with app.run_test() as pilot:
        screen = await _study(app, pilot)
        key = screen.shown.key
        await _answer(pilot, "t")
    text = path.read_text(encoding="utf-8")
    card_start = text.index(f'id = "{key}"')
    answer_at = text.index("answer = ", card_start)
    end = text.index("\n", answer_at)
    flipped = "false" if text[answer_at:end].endswith("true") else "true"
    path.write_text(text[:answer_at] + f"answer = {flipped}" + text[end:], encoding="utf-8")

    again = app_factory(start=StartAt(path, "review"))
    async with again.run_test() as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(again.screen, StudyScreen)
    with open_store(isolated_data_dir) as store:
        assert store.items(DECK_ID)[key].memory is None


async def test_learn_mode_answers_move_the_schedule(app_factory, decks, isolated_data_dir) -> None:
    app = app_factory(start=StartAt(decks / "five-statements.toml", "learn"))
    async with app.run_test() as pilot:
        screen = await _study(app, pilot)
        assert "learn round 1" in str(screen.query_one("#study-header").render())
        card = screen.shown.card
        await _answer(pilot, "t" if card.answer else "f")
    reviews = _reviews(isolated_data_dir)
    assert [r.review.mode for r in reviews] == [StudyMode.LEARN]
    assert reviews[0].after is not None  # learn mode schedules what it teaches


async def test_a_full_disk_keeps_the_question_and_says_not_saved(
    app_factory, decks, isolated_data_dir, monkeypatch
) -> None:
    from quiz.storage import DiskFullError, Store

    app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
    async with app.run_test() as pilot:
        screen = await _study(app, pilot)
        first = screen.shown.key

        def full(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            raise DiskFullError("Not saved: the disk is full. Free some space and answer again.")

        with monkeypatch.context() as patch:
            patch.setattr(Store, "record_review", full)
            await pilot.press("t")
            await pilot.pause()
            assert screen.shown.key == first and screen.phase == "asking"  # the question stays
            assert "not saved" in str(screen.query_one("#study-header").render())
        await pilot.press("t")  # the same answer again, now that it can be saved
        await pilot.pause()
        assert "✓ saved" in str(screen.query_one("#study-header").render())
    assert [r.review.item_key for r in _reviews(isolated_data_dir)] == [first]


def test_a_deck_is_synced_again_only_when_it_changed_since_the_home_screen_counted_it(
    decks, isolated_data_dir, clock, monkeypatch
) -> None:
    import random

    from quiz.loader import load_deck
    from quiz.storage.store import Store
    from quiz.tui.backend import Backend

    path = decks / "five-statements.toml"
    backend = Backend(isolated_data_dir, clock=clock, seed=1)
    assert backend.deck_counts(load_deck(path)) is not None  # what the home screen does for each deck
    syncs: list[str] = []
    real_sync = Store.sync_deck

    def counting_sync(store: Store, deck):  # noqa: ANN001, ANN202
        syncs.append(deck.id)
        return real_sync(store, deck)

    monkeypatch.setattr(Store, "sync_deck", counting_sync)
    backend.start_session(path, "review", {}, rng=random.Random(1))
    assert syncs == []

    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n[[cards]]\nid = "added-later"\ntype = "true_false"\n'
        + 'question = "A card added after listing."\nanswer = true\n',
        encoding="utf-8",
    )
    backend.start_session(path, "review", {}, rng=random.Random(1))
    assert syncs == [DECK_ID]
    assert "added-later" in backend.store.items(DECK_ID)
    backend.close()


async def test_the_statistics_screen_shows_what_quiz_stats_computes(
    app_factory, decks, isolated_data_dir, clock
) -> None:
    from quiz.loader import load_deck
    from quiz.stats import deck_stats

    app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
    async with app.run_test() as pilot:
        screen = await _study(app, pilot)
        missed = screen.shown.card
        await _answer(pilot, "f" if missed.answer else "t")  # one wrong answer: a hard card
        app.show_stats(None)  # all decks
        await pilot.pause()
        overall = app.backend.stats(None)
        one = app.backend.stats(DECK_ID)
    with open_store(isolated_data_dir, clock=clock) as store:
        expected = deck_stats(store, load_deck(decks / "five-statements.toml"), now=clock.now())
    assert [card.question for card in overall.hardest] == [missed.question] == [c.question for c in one.hardest]
    assert one.forecast == [n for _, n in expected.forecast]
    assert one.counts["new"] == expected.counts.new and one.counts["due today"] == expected.counts.due_today
    assert sum(one.reviews_per_day.values()) == sum(n for _, n in expected.reviews_per_day) == 1


def test_rating_a_flashcard_never_re_rates_the_answer_before_it(tmp_path, isolated_data_dir, clock) -> None:
    import random

    from quiz.tui.backend import Backend

    path = tmp_path / "two.toml"
    path.write_text(
        '[deck]\nid = "two"\ntitle = "Two"\nformat = 1\n\n'
        '[[cards]]\nid = "tf"\ntype = "true_false"\nquestion = "Harbin is in China."\nanswer = true\n\n'
        '[[cards]]\nid = "flash"\ntype = "flashcard"\nfront = "Capital of Russia"\nback = "Moscow"\n',
        encoding="utf-8",
    )
    backend = Backend(isolated_data_dir, clock=clock, seed=1)
    driver = backend.start_session(path, "review", {}, rng=random.Random(1))
    first = driver.current()
    assert first.card.id == "tf"
    verdict = driver.answer(False)  # wrong: suggested Again
    driver.rate(verdict.rating)  # enter: keep the suggestion
    assert driver.current().card.id == "flash"
    driver.rate(Rating.HARD)  # the flashcard, turned over and rated
    ratings = {r.review.item_key: r.review.rating for r in backend.store.reviews("two")}
    assert ratings == {"tf": Rating.AGAIN, "flash": Rating.HARD}
    backend.close()
