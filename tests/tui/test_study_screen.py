"""The study screen forwards each kind of answer to the session and shows what comes back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from textual.widgets import Input, OptionList

from quiz.loader import load_deck
from quiz.model import Correctness, NumericBound, Rating
from quiz.tui.driver import Shown
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.arrange import MatchQuestion, OrderQuestion
from quiz.tui.widgets.choices import ChoiceQuestion
from quiz.tui.widgets.feedback import FeedbackPanel, GradeBar
from quiz.tui.widgets.header import HeaderState, StudyHeader, header_content
from quiz.tui.widgets.question import FlashcardQuestion, TypedQuestion

from .fakes import FakeDriver


def _driver(decks: Path, *ids: str) -> FakeDriver:
    deck = load_deck(decks / "all-types.toml")
    driver = FakeDriver(deck)
    if ids:
        driver.queue = [(c, k) for c, k in driver.queue if c.id in ids or k in ids]
    return driver


async def _type(pilot, text: str) -> None:  # noqa: ANN001
    """Type an answer into the answer line and press enter (setting the value, as a paste would)."""
    pilot.app.screen.query_one("#answer", Input).value = text
    await pilot.press("enter")


async def _start(app, driver: FakeDriver, pilot) -> StudyScreen:  # noqa: ANN001
    screen = StudyScreen(driver)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def test_flashcard_reveal_then_rate_commits_the_rating(app_factory, decks) -> None:
    driver = _driver(decks, "flash")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        assert isinstance(screen.question, FlashcardQuestion)
        await pilot.press("3")  # not revealed yet: rating keys do nothing
        assert driver.committed == []
        await pilot.press("space")
        assert screen.query_one(GradeBar).display
        assert "10m" in str(screen.query_one(GradeBar).render())
        await pilot.press("2")
        await pilot.pause()
    assert driver.committed == [("flash", Rating.HARD, None)]


async def test_typed_answer_shows_feedback_then_enter_accepts_the_suggestion(app_factory, decks) -> None:
    driver = _driver(decks, "short")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        assert isinstance(screen.question, TypedQuestion)
        await _type(pilot, "Li Keqiang")
        await pilot.pause()
        panel = screen.query_one(FeedbackPanel)
        assert panel.display
        text = str(panel.render())
        assert "Li Qiang" in text and "Li Keqiang" in text
        assert "Li Qiang succeeded" in text  # the explanation
        assert "Premier Li Qiang met" in text  # the source quote
        assert driver.committed == []  # nothing is committed until a rating is chosen
        await pilot.press("enter")
        await pilot.pause()
    assert driver.committed == [("short", Rating.AGAIN, 0.0)]


async def test_overriding_the_rating_and_i_was_right(app_factory, decks) -> None:
    driver = _driver(decks, "short", "num")
    app = app_factory()
    async with app.run_test() as pilot:
        await _start(app, driver, pilot)
        await _type(pilot, "Li Qiang")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        await _type(pilot, "240 million")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert driver.committed[0][:2] == ("short", Rating.EASY)
    assert ("rate", (Rating.EASY, driver.calls[1][1][1])) == driver.calls[1]
    assert ("was_right", None) in driver.calls


async def test_choice_by_letter_and_by_number(app_factory, decks) -> None:
    driver = _driver(decks, "choice", "tf")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        assert isinstance(screen.question, ChoiceQuestion)
        await pilot.press("b")  # Shanghai: wrong
        await pilot.pause()
        assert screen.verdict is not None and screen.verdict.correctness is Correctness.WRONG
        await pilot.press("enter")
        await pilot.press("f")
        await pilot.pause()
        assert screen.verdict is not None and not screen.verdict.correct
        options = screen.question.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        assert shown == ["t) True  ✓", "f) False  ✗"]  # marked in place
    assert driver.calls[0] == ("answer", 1)
    assert ("answer", False) in driver.calls


async def test_multi_ticks_with_letters_and_submits_with_enter(app_factory, decks) -> None:
    driver = _driver(decks, "multi")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        await pilot.press("a", "c", "enter")
        await pilot.pause()
        assert screen.verdict is not None and screen.verdict.correct
    assert driver.calls[0] == ("answer", (0, 2))


async def test_order_items_move_with_ctrl_arrows(app_factory, decks) -> None:
    driver = _driver(decks, "order")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        question = screen.question
        assert isinstance(question, OrderQuestion)
        question.arrangement = [2, 0, 1]  # as if the session had scrambled them
        await pilot.press("ctrl+down", "ctrl+down", "enter")
        await pilot.pause()
        assert screen.verdict is not None and screen.verdict.correct
    assert driver.calls[0] == ("answer", (0, 1, 2))


async def test_match_pairs_with_arrows(app_factory, decks) -> None:
    driver = _driver(decks, "match")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        assert isinstance(screen.question, MatchQuestion)
        await pilot.press("right", "down", "right", "right", "enter")
        await pilot.pause()
        assert screen.verdict is not None and screen.verdict.correct
    assert driver.calls[0] == ("answer", {"Li Qiang": "Premier", "Xi Jinping": "President"})


async def test_cloze_asks_one_gap_at_a_time(app_factory, decks) -> None:
    driver = _driver(decks, "cloze")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        prompt = str(screen.question.query_one(".prompt").render())
        assert "[ … ]" in prompt and "Harbin" in prompt  # gap 1 blank, gap 2 shown
        await _type(pilot, "Li Qiang")
        await pilot.press("enter")
        await pilot.pause()
        prompt = str(screen.question.query_one(".prompt").render())
        assert "[ a city ]" in prompt and "Li Qiang" in prompt
    assert driver.committed[0][0] == "cloze:gap1"


async def test_numbers_and_dates_are_typed(app_factory, decks) -> None:
    driver = _driver(decks, "num", "date")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        await _type(pilot, "$240.1 billion")
        await pilot.pause()
        assert screen.verdict is not None and screen.verdict.correct
        await pilot.press("enter")
        await _type(pilot, "May 16-17, 2024")
        await pilot.pause()
        assert screen.verdict is not None and screen.verdict.correct


async def test_hint_skip_bury_suspend_and_undo_are_forwarded(app_factory, decks) -> None:
    driver = _driver(decks, "short", "choice", "tf", "num")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        await pilot.press("ctrl+g")
        assert "family name" in str(screen.query_one("#hint").render())
        await pilot.press("ctrl+s")  # skip: short goes to the back
        await pilot.pause()
        assert screen.shown is not None and screen.shown.card.id == "choice"
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await _type(pilot, "240.1")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.shown is not None and screen.shown.card.id == "num"
    names = [name for name, _ in driver.calls]
    assert names == ["skip", "bury", "suspend", "answer", "rate", "undo"]


async def test_saved_mark_appears_only_after_the_commit(app_factory, decks) -> None:
    driver = _driver(decks, "short", "num")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        header = screen.query_one("#study-header")
        assert "saved" not in str(header.render())
        await _type(pilot, "Li Qiang")
        await pilot.pause()
        assert "saved" not in str(header.render())
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ saved" in str(header.render())


async def test_quitting_during_feedback_keeps_the_answer(app_factory, decks) -> None:
    driver = _driver(decks, "short", "num")
    app = app_factory()
    async with app.run_test() as pilot:
        await _start(app, driver, pilot)
        await _type(pilot, "Li Qiang")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert [key for key, _, _ in driver.committed] == ["short"]


async def test_the_last_answer_leads_to_the_summary(app_factory, decks) -> None:
    driver = _driver(decks, "tf")
    app = app_factory()
    async with app.run_test() as pilot:
        await _start(app, driver, pilot)
        await pilot.press("f", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Score" in str(app.screen.query_one("#summary-score").render())


async def test_the_key_bar_follows_the_question_on_screen(app_factory, decks) -> None:
    driver = _driver(decks, "flash", "short")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        keys = screen.query_one("#key-bar")
        assert "space show answer" in str(keys.render())
        await pilot.press("s")  # skip the flashcard: a typed question comes next
        await pilot.pause()
        assert isinstance(screen.question, TypedQuestion)
        shown = str(keys.render())
        assert "^g hint" in shown and "space" not in shown  # while typing, letters are the answer's


async def test_the_key_bar_offers_only_keys_that_work_and_fits_80_columns(app_factory, decks) -> None:
    driver = _driver(decks, "flash", "tf")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _start(app, driver, pilot)
        bar = screen.query_one("#key-bar")
        width = bar.content_size.width
        assert sum(len(k) + len(w) + 3 for k, w in bar.shown_keys) <= width
        assert [w for _, w in bar.shown_keys][-3:] == ["end", "help", "quit"]  # never cut off
        await pilot.press("space")  # turned over: a hint no longer makes sense
        await pilot.pause()
        assert "hint" not in [w for _, w in bar.shown_keys]
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert "suspend" in [w for _, w in bar.shown_keys]  # room for every key


async def test_a_quiz_does_not_offer_undo(app_factory, decks) -> None:
    deck = load_deck(decks / "all-types.toml")
    driver = FakeDriver(deck, mode="quiz")
    driver.queue = [(c, k) for c, k in driver.queue if c.id == "tf"]
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert screen.phase == "answered"
        assert "undo" not in [w for _, w in screen.query_one("#key-bar").shown_keys]


# --- what a student saw going through every question type -------------------------


def _shown_as(driver: FakeDriver, **how: object) -> None:
    """Make the fake ask its items the way the real session may (shuffled choices, replaced cards)."""
    plain = driver.current

    def current() -> Shown | None:
        shown = plain()
        if shown is None:
            return None
        card = how.get("card", shown.card)
        fields = {k: v for k, v in how.items() if k != "card"}
        return dataclasses.replace(shown, card=card, **fields)

    driver.current = current  # type: ignore[method-assign]
    if "card" in how:
        driver.queue = [(how["card"], key) for _, key in driver.queue]  # type: ignore[misc]


def _header_text(screen: StudyScreen) -> str:
    return str(screen.query_one("#study-header", StudyHeader).render())


async def test_the_header_keeps_the_saved_mark_at_80_columns_and_the_whole_title_when_wide(app_factory, decks) -> None:
    driver = _driver(decks, "short", "num")
    driver.title = "Putin’s state visit to China, with a subtitle that goes on"
    driver.mode = "learn"
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _start(app, driver, pilot)
        await _type(pilot, "Li Qiang")
        await pilot.press("enter")
        await pilot.pause()
        shown = _header_text(screen)
        assert shown.endswith("✓ saved")  # was cut off at 80 columns behind a long title and "learn round 2"
        assert "…" in shown and len(shown) <= 78
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert driver.title in _header_text(screen)


def test_the_header_title_does_not_twitch_as_the_numbers_grow() -> None:
    early = HeaderState("Putin’s state visit to China", "learn", 1, 90, None, 0, 5.0, False, round=1)
    late = dataclasses.replace(early, position=42, score=0.57, streak=12, elapsed=754.0, saved=True)
    title_of = lambda state: header_content(state, 60).plain.split(" · ")[0]  # noqa: E731
    assert title_of(early) == title_of(late)


async def test_choice_feedback_never_names_the_decks_letter_for_a_shuffled_choice(app_factory, decks) -> None:
    driver = _driver(decks, "choice")
    _shown_as(driver, choice_order=(2, 0, 1))  # on screen: a) Beijing  b) Harbin  c) Shanghai
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        await pilot.press("a")
        await pilot.pause()
        feedback = str(screen.query_one(FeedbackPanel).render())
        # the grader calls Beijing "(c)", its letter in the deck; on screen c) is Shanghai
        assert "“Beijing” is not the right choice" in feedback
        assert "(c)" not in feedback
        await pilot.press("enter")
    assert driver.calls[0] == ("answer", 2)


async def test_a_right_choice_is_not_explained_with_a_letter(app_factory, decks) -> None:
    driver = _driver(decks, "choice")
    _shown_as(driver, choice_order=(2, 0, 1))
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        await pilot.press("b")  # Harbin, right
        await pilot.pause()
        head = str(screen.query_one(FeedbackPanel).render()).splitlines()[0]
        assert head == "✓ Correct"


async def test_caps_lock_letters_still_answer(app_factory, decks) -> None:
    driver = _driver(decks, "choice", "tf")
    app = app_factory()
    async with app.run_test() as pilot:
        await _start(app, driver, pilot)
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.press("T")
        await pilot.pause()
    assert driver.calls[0] == ("answer", 1)
    assert ("answer", True) in driver.calls


async def test_feedback_does_not_repeat_the_answer_already_on_screen(app_factory, decks) -> None:
    driver = _driver(decks, "short", "tf", "choice")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        await _type(pilot, "Li Keqiang")  # wrong: the diff's "expected" line spells the answer
        await pilot.pause()
        text = str(screen.query_one(FeedbackPanel).render())
        assert "expected   Li Qiang" in text and "Answer:" not in text
        await pilot.press("enter")
        await pilot.press("b")  # a wrong choice still names the right one (the list is in shuffled order)
        await pilot.pause()
        assert "Answer: Harbin" in str(screen.query_one(FeedbackPanel).render())
        await pilot.press("enter")
        await pilot.press("f")  # wrong: True is marked ✓ in place and the verdict says it
        await pilot.pause()
        text = str(screen.query_one(FeedbackPanel).render())
        assert "the statement is true" in text and "Answer:" not in text


async def test_an_empty_enter_does_not_throw_the_question_away(app_factory, decks) -> None:
    driver = _driver(decks, "short", "num")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        await _type(pilot, "Li Qiang")
        await pilot.press("enter")  # accept: the number question comes
        await pilot.press("enter")  # once too often
        await pilot.pause()
        assert screen.phase == "asking" and driver.calls == [("answer", "Li Qiang"), ("rate", (Rating.GOOD, False))]
        await pilot.press("enter")  # a second empty enter: "I don't know, show me"
        await pilot.pause()
        assert screen.phase == "answered"
        assert "240.1" in str(screen.query_one(FeedbackPanel).render())
    assert driver.calls[-1] == ("answer", "")


async def test_an_at_least_number_says_how_to_write_it(app_factory, decks) -> None:
    card = next(c for c in load_deck(decks / "all-types.toml").cards if c.id == "num")
    driver = _driver(decks, "num")
    _shown_as(driver, card=dataclasses.replace(card, bound=NumericBound.AT_LEAST))
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        placeholder = screen.query_one("#answer", Input).placeholder
    assert placeholder == "a number (billion USD), e.g. “more than 100”; enter submits"


async def test_match_marks_each_pair_and_cuts_a_long_partner_instead_of_wrapping_it(app_factory, decks) -> None:
    card = next(c for c in load_deck(decks / "all-types.toml").cards if c.id == "match")
    long_role = "Premier of the State Council of the People’s Republic of China, since March 2023"
    card = dataclasses.replace(card, pairs=(("Li Qiang", long_role), ("Xi Jinping", "President")))
    driver = _driver(decks, "match")
    _shown_as(driver, card=card, match_rights=(long_role, "President"))
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _start(app, driver, pilot)
        pairs = screen.question.query_one(OptionList)
        await pilot.press("right", "down", "right", "enter")  # Xi Jinping paired with the premiership
        await pilot.pause()
        assert pairs.size.height == 2  # one line a pair: the long partner is cut, not wrapped under the names
        rows = [str(pairs.get_option_at_index(i).prompt) for i in range(2)]
        assert rows[0].startswith("✓ Li Qiang") and rows[1].startswith("✗ Xi Jinping")


async def test_order_marks_the_items_out_of_place(app_factory, decks) -> None:
    driver = _driver(decks, "order")
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        screen.question.arrangement = [0, 2, 1]
        await pilot.press("enter")
        await pilot.pause()
        items = screen.question.query_one(OptionList)
        rows = [str(items.get_option_at_index(i).prompt) for i in range(3)]
    assert rows == ["1. first  ✓", "2. third  ✗", "3. second  ✗"]


async def test_the_rating_keys_stay_on_one_line_in_the_smallest_window(app_factory, decks) -> None:
    driver = _driver(decks, "short", "num")
    app = app_factory()
    async with app.run_test(size=(60, 16)) as pilot:
        screen = await _start(app, driver, pilot)
        await _type(pilot, "Li Keqiang")
        await pilot.pause()
        bar = screen.query_one(GradeBar)
        assert bar.size.height == 1  # "y I was right" used to wrap onto a second line
        assert "4 easy 4d" in str(bar.render())
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert "I was right" in str(bar.render())


async def test_a_reversed_flashcard_says_it_is_asked_back_to_front(app_factory, decks) -> None:
    driver = _driver(decks, "flash")
    _shown_as(driver, reverse=True)
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        question = screen.question
        assert str(question.query_one(".prompt").render()) == "Paris"
        assert "back to front" in str(question.query_one(".back").render())
        await pilot.press("space")
        assert "Capital of France?" in str(question.query_one(".back").render())


async def test_multi_does_not_say_select_all_twice(app_factory, decks) -> None:
    card = next(c for c in load_deck(decks / "all-types.toml").cards if c.id == "multi")
    driver = _driver(decks, "multi")
    _shown_as(driver, card=dataclasses.replace(card, question="Which are Chinese cities? Select all that apply."))
    app = app_factory()
    async with app.run_test() as pilot:
        screen = await _start(app, driver, pilot)
        how = str(screen.question.query_one(".how").render())
    assert how == "space ticks, enter submits"


async def test_a_wide_terminal_keeps_question_and_feedback_at_a_readable_width(app_factory, decks) -> None:
    card = next(c for c in load_deck(decks / "all-types.toml").cards if c.id == "short")
    long = "A source sentence that goes on and on. " * 8
    driver = _driver(decks, "short")
    _shown_as(driver, card=dataclasses.replace(card, question=card.question + " " + long, source=long))
    app = app_factory()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await _start(app, driver, pilot)
        await _type(pilot, "Li Keqiang")
        await pilot.pause()
        assert screen.query_one(FeedbackPanel).size.width <= 110
        assert screen.question.query_one(".prompt").size.width <= 110
