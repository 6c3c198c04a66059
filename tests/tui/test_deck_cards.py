"""The deck screen's way back for cards set aside, and quiz options that pick several types and tags.

These run on the real progress store: what matters is what the store holds after
a key, and which cards the real session then asks.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from quiz.tui.backend import Backend
from quiz.tui.screens.cards import CardsScreen
from quiz.tui.screens.deck import DeckScreen, fit_names
from quiz.tui.screens.pick import PickModal
from quiz.tui.screens.study import StudyScreen

DECK = "tui-all-types"
TYPES = ["choice", "cloze", "date", "flashcard", "match", "multi", "numeric", "order", "short", "true_false"]
"""The types of all-types.toml in the order the picker lists them."""


async def _ready(app, pilot) -> None:  # noqa: ANN001
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _open_deck(app, pilot, title: str = "Every question type") -> DeckScreen:  # noqa: ANN001
    await _ready(app, pilot)
    table = app.screen.query_one("#decks", DataTable)
    rows = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    table.move_cursor(row=rows.index(title))
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, DeckScreen)
    return app.screen


def _rows(screen) -> list[str]:  # noqa: ANN001
    rows = screen.query_one("#card-states", OptionList)
    return [" ".join(str(rows.get_option_at_index(i).prompt).split()) for i in range(rows.option_count)]


def _subtitle(screen) -> str:  # noqa: ANN001
    """The lower border of the deck screen's counts panel, as plain text."""
    from textual.content import Content

    return Content.from_markup(screen.query_one("#deck-counts").border_subtitle).plain


def _status(screen) -> str:  # noqa: ANN001
    return " ".join(str(screen.query_one("#cards-status").render()).split())


async def _set_aside(app, pilot) -> None:  # noqa: ANN001
    """Suspend one card, bury another until tomorrow and make a third a leech, as studying would."""
    store = app.backend.store
    store.suspend(DECK, ["flash"])
    store.bury(DECK, ["short"], app.backend.clock.now() + timedelta(hours=12))
    store.suspend(DECK, ["choice"])
    store.set_leech(DECK, "choice", True)
    store.suspend(DECK, ["cloze:gap1", "cloze:gap2"])  # x on a cloze card suspends every gap


async def test_cards_set_aside_are_listed_and_u_brings_them_back(app_factory, decks) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot)
        await _set_aside(app, pilot)
        await pilot.press("escape", "enter")  # the deck screen counts again on each visit
        await pilot.pause()
        deck = app.screen
        assert _subtitle(app.screen) == "u 5 items set aside"
        await pilot.press("u")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CardsScreen)
        # it opens on the cards set aside, one row per card (the cloze card's two gaps are one row)
        assert _rows(screen) == [
            "suspended flash Capital of France?",
            "buried short Who became Chinese premier in 2023?",
            "leech choice Which city hosted the trade expo?",
            "suspended cloze Putin met […] in […].",
        ]
        assert "Set aside: 2 suspended, 1 leech, 1 buried (of 10 cards)" in _status(screen)

        await pilot.press("u")  # flash; the highlight moves on to short
        await pilot.pause()
        assert not app.backend.store.get_item(DECK, "flash").suspended
        assert app.backend.store.get_item(DECK, "short").buried_until is not None
        assert _rows(screen)[0].startswith("new flash")  # still listed, with its new state

        await pilot.press("u", "enter")  # short, then the leech (enter does what u does)
        await pilot.pause()
        assert app.backend.store.get_item(DECK, "short").buried_until is None
        leech = app.backend.store.get_item(DECK, "choice")
        assert not leech.suspended and not leech.leech

        await pilot.press("u")  # the cloze card: both of its gaps come back
        await pilot.pause()
        assert not any(app.backend.store.get_item(DECK, key).suspended for key in ("cloze:gap1", "cloze:gap2"))
        assert "Set aside: none left (of 10 cards)" in _status(screen)
        assert app.backend.store.new_items(DECK, app.backend.clock.now()).__len__() == 11

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is deck
        assert _subtitle(deck) == "u card states"


async def test_shift_u_brings_every_card_back_after_a_yes(app_factory, decks) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot)
        await _set_aside(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("U", "n")  # a no changes nothing
        await pilot.pause()
        assert app.backend.store.get_item(DECK, "flash").suspended
        await pilot.press("U", "y")
        await pilot.pause()
        store = app.backend.store
        items = store.items(DECK)
        assert not any(item.suspended or item.leech or item.buried_until for item in items.values())
        assert [row.split()[0] for row in _rows(app.screen)] == ["new"] * 4


async def test_f_switches_between_the_cards_set_aside_and_every_card(app_factory, decks) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot)
        app.backend.store.suspend(DECK, ["tf"])
        await pilot.press("u")
        await pilot.pause()
        assert [row.split()[1] for row in _rows(app.screen)] == ["tf"]
        await pilot.press("f")
        await pilot.pause()
        rows = _rows(app.screen)
        assert len(rows) == 10 and rows[4].startswith("suspended tf") and rows[0].startswith("new flash")
        assert "All 10 cards (1 suspended)" in _status(app.screen)
        await pilot.press("u")  # on flash, which is not set aside: nothing to do
        await pilot.pause()
        assert not app.backend.store.get_item(DECK, "flash").suspended
        await pilot.press("f")
        await pilot.pause()
        assert len(_rows(app.screen)) == 1


async def test_with_nothing_set_aside_the_list_shows_every_card(app_factory, decks) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        assert len(_rows(app.screen)) == 10
        assert "none suspended or buried" in _status(app.screen)
        await pilot.press("f")  # only one list to show: f does nothing
        await pilot.pause()
        assert len(_rows(app.screen)) == 10


async def test_a_read_only_store_shows_the_list_and_says_changes_cannot_be_saved(
    app_factory, decks, isolated_data_dir, clock, monkeypatch
) -> None:
    from quiz import storage
    from quiz.loader import load_deck
    from quiz.storage import ReadOnlyStoreError

    real_open = storage.open_store
    with real_open(isolated_data_dir, clock=clock) as store:  # progress saved while the folder was writable
        store.sync_deck(load_deck(decks / "all-types.toml"))
        store.suspend(DECK, ["flash"])

    def read_only_folder(data_dir, *, clock=None, read_only=False):  # noqa: ANN001, ANN202
        if not read_only:
            raise ReadOnlyStoreError("Your data folder is read-only; progress cannot be saved.")
        return real_open(data_dir, clock=clock, read_only=True)

    monkeypatch.setattr("quiz.storage.open_store", read_only_folder)
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        screen = app.screen
        assert _rows(screen)[0] == "suspended flash Capital of France?" and len(_rows(screen)) == 1
        assert "Read-only data folder: cards cannot be brought back here." in _status(screen)
        await pilot.press("u")
        await pilot.pause()
        assert _rows(screen) == ["suspended flash Capital of France?"]
        assert any("cannot be brought back" in str(n.message) for n in app._notifications)
    with real_open(isolated_data_dir, clock=clock) as store:
        assert store.get_item(DECK, "flash").suspended


async def test_without_progress_the_list_still_shows_the_cards(app_factory, decks, monkeypatch) -> None:
    monkeypatch.setattr(Backend, "card_states", lambda self, deck: None)
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        assert len(_rows(app.screen)) == 10 and all(row.startswith("—") for row in _rows(app.screen))
        assert "Progress not available" in _status(app.screen)
        await pilot.press("u", "U")  # nothing to act on, and no crash
        await pilot.pause()
        assert isinstance(app.screen, CardsScreen)


async def test_a_learning_and_a_review_card_say_so(app_factory, decks) -> None:
    from quiz.model import LearningState, MemoryState

    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot)
        now = app.backend.clock.now()
        states = {
            "flash": MemoryState(
                state=LearningState.LEARNING, step=0, stability=1.0, difficulty=5.0, due=now, last_review=now
            ),
            "short": MemoryState(
                state=LearningState.REVIEW,
                step=None,
                stability=3.0,
                difficulty=5.0,
                due=now + timedelta(days=2),
                last_review=now,
            ),
        }
        _force_memory(app.backend, states, now)
        await pilot.press("u")
        await pilot.pause()
        rows = _rows(app.screen)
        assert rows[0].startswith("learning flash") and rows[1].startswith("review short")


def _force_memory(backend: Backend, states: dict, now: datetime) -> None:  # noqa: ANN001
    """Give items a memory state the way a scheduled answer would (one recorded review each)."""
    from quiz.model import Correctness, Rating
    from quiz.storage.records import ReviewRecord

    for key, memory in states.items():
        review = ReviewRecord(
            deck_id=DECK, item_key=key, reviewed_at=now, rating=Rating.GOOD, correctness=Correctness.CORRECT
        )
        backend.store.record_review(review, memory, before=None)


def _big_deck_folder(tmp_path: Path) -> Path:
    """A folder holding one deck of 10,000 short cards, id "big", cards c0 … c9999."""
    folder = tmp_path / "big"
    folder.mkdir()
    cards = "".join(
        f'[[cards]]\nid = "c{i}"\ntype = "short"\nquestion = "Question {i}?"\nanswer = "a"\n' for i in range(10_000)
    )
    (folder / "big.toml").write_text(f'[deck]\nid = "big"\ntitle = "Big"\nformat = 1\n{cards}', encoding="utf-8")
    return folder


async def test_ten_thousand_cards_are_rows_of_one_list(app_factory, tmp_path) -> None:
    """No widget per card: the screen holds a handful of widgets whatever the deck's size."""
    app = app_factory(_big_deck_folder(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot, "Big")
        app.backend.store.suspend("big", ["c9999"])
        await pilot.press("u")
        await pilot.pause()
        assert _rows(app.screen) == ["suspended c9999 Question 9999?"]
        await pilot.press("f")
        rows = app.screen.query_one("#card-states", OptionList)
        for _ in range(200):  # the rest arrive in chunks after the first screenful
            if rows.option_count == 10_000:
                break
            await pilot.pause(0.02)
        assert rows.option_count == 10_000
        assert len(list(app.screen.query("*"))) < 30
        await pilot.press("end", "u")
        await pilot.pause()
        assert not app.backend.store.get_item("big", "c9999").suspended


async def test_bring_back_is_offered_only_while_a_card_is_set_aside(app_factory, decks) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        assert "u" not in app.screen.active_bindings and "U" not in app.screen.active_bindings
        await pilot.press("escape")
        await _set_aside(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        assert "u" in app.screen.active_bindings and "U" in app.screen.active_bindings
        await pilot.press("U", "y")
        await pilot.pause()
        assert "u" not in app.screen.active_bindings  # every card is back: nothing left to bring back


async def test_end_goes_to_the_last_of_ten_thousand_cards_before_they_have_all_arrived(
    app_factory, tmp_path, monkeypatch
) -> None:
    from quiz.tui.screens import cards as cards_screen

    monkeypatch.setattr(cards_screen, "ROWS_PER_CHUNK", 10)  # a slow terminal: the rows trickle in
    app = app_factory(_big_deck_folder(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot, "Big")
        await pilot.press("u")
        await pilot.pause()
        rows = app.screen.query_one("#card-states", OptionList)
        assert rows.option_count < 10_000  # the rest come in chunks
        await pilot.press("end")
        await pilot.pause()
        assert rows.highlighted == 9_999
        assert "c9999 Question 9999?" in " ".join(str(rows.get_option_at_index(9_999).prompt).split())
        await pilot.pause(0.1)  # chunks still queued add nothing twice
        assert rows.option_count == 10_000


# --- quiz options: several types and tags -------------------------------------------------


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Record the options each session is started with, and start it for real."""
    calls: list[dict] = []
    real = Backend.start_session

    def start_session(self, path, mode, options, *, rng):  # noqa: ANN001, ANN202
        calls.append(dict(options))
        return real(self, path, mode, options, rng=rng)

    monkeypatch.setattr(Backend, "start_session", start_session)
    return calls


async def _pick(pilot, *rows: int) -> None:  # noqa: ANN001
    """In the open picker: untick everything, then tick these rows."""
    await pilot.press("a")
    position = 0
    for row in rows:
        await pilot.press(*["down"] * (row - position), "space")
        position = row
    await pilot.press("enter")
    await pilot.pause()


async def test_a_quiz_asks_only_the_types_and_tags_picked(app_factory, decks, started) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await _open_deck(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PickModal)
        await _pick(pilot, TYPES.index("date"), TYPES.index("numeric"))
        assert app.screen is deck
        options = str(deck.query_one("#deck-quiz").render())
        assert "types     date, numeric" in options and "questions all 2" in options
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert started[-1]["types"] == ["date", "numeric"] and started[-1]["tags"] is None
        attempt = app.backend.store.quiz_history(DECK)[0]
        assert attempt.settings["types"] == ["date", "numeric"]
        assert sorted(attempt.settings["cards"]) == ["date", "num"]
        await pilot.press("escape", "escape")
        await pilot.pause()

        await pilot.press("t", "a", "enter")  # every type again
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        await _pick(pilot, 0, 1)  # geo and people: both tags, not "all" (untagged cards stay out)
        assert "tags      all" in str(deck.query_one("#deck-quiz").render())  # every tag ticked is all
        await pilot.press("g")
        await pilot.pause()
        await _pick(pilot, 0)
        options = str(deck.query_one("#deck-quiz").render())
        assert "tags      geo" in options and "types     all" in options and "questions all 2" in options
        await pilot.press("q")
        await pilot.pause()
        assert started[-1]["types"] is None and started[-1]["tags"] == ["geo"]
        assert sorted(app.backend.store.quiz_history(DECK)[0].settings["cards"]) == ["choice", "flash"]


async def test_escape_in_the_picker_keeps_the_earlier_choice(app_factory, decks, started) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await _open_deck(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        await _pick(pilot, TYPES.index("short"))
        await pilot.press("t", "a", "escape")
        await pilot.pause()
        assert deck.quiz_options["types"] == ["short"]
        await pilot.press("t")  # the picker opens with the earlier choice ticked
        await pilot.pause()
        assert app.screen.ticked == [kind == "short" for kind in TYPES]
        await pilot.press("a", "a", "enter")  # none ticked, then none again: means every type
        await pilot.pause()
        assert deck.quiz_options["types"] is None


async def test_a_combination_no_card_has_says_so(app_factory, decks) -> None:
    app = app_factory(decks)
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await _open_deck(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        await _pick(pilot, TYPES.index("date"))
        await pilot.press("g")
        await pilot.pause()
        await _pick(pilot, 0)  # geo: no date card has it
        assert "no card has these types and tags" in str(deck.query_one("#deck-quiz").render())


def test_chosen_names_are_cut_to_the_room_with_a_count_of_the_rest() -> None:
    names = ["choice", "date", "numeric", "true_false"]
    assert fit_names(names, 40) == "choice, date, numeric, true_false"
    assert fit_names(names, 22) == "choice, date +2"
    assert fit_names(["a-very-long-tag-name"], 10) == "1 chosen"


async def test_a_tag_that_looks_like_markup_is_shown_as_written(app_factory, tmp_path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    tag = "[@click=app.quit]x[/]"
    (folder / "odd.toml").write_text(
        '[deck]\nid = "odd"\ntitle = "Odd"\nformat = 1\n'
        f'[[cards]]\nid = "a"\ntype = "short"\nquestion = "Q?"\nanswer = "a"\ntags = ["{tag}", "plain"]\n'
        '[[cards]]\nid = "b"\ntype = "short"\nquestion = "R?"\nanswer = "b"\ntags = ["plain"]\n',
        encoding="utf-8",
    )
    app = app_factory(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        deck = await _open_deck(app, pilot, "Odd")
        await pilot.press("g")
        await pilot.pause()
        picker = app.screen.query_one("#pick-list", OptionList)
        assert str(picker.get_option_at_index(0).prompt).split() == ["[x]", tag, "1", "card"]
        await _pick(pilot, 0)
        assert f"tags      {tag}" in str(deck.query_one("#deck-quiz").render())
        assert app.is_running


async def test_a_long_tag_keeps_its_count_on_its_line_and_a_huge_one_wraps_beside_its_box(
    app_factory, tmp_path
) -> None:
    folder = tmp_path / "tags"
    folder.mkdir()
    long, huge = "epsilon-very-long-tag-name-indeed", "word " * 30
    (folder / "tags.toml").write_text(
        '[deck]\nid = "tags"\ntitle = "Tags"\nformat = 1\n'
        f'[[cards]]\nid = "a"\ntype = "short"\nquestion = "Q?"\nanswer = "a"\ntags = ["{long}", "{huge}"]\n',
        encoding="utf-8",
    )
    app = app_factory(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot, "Tags")
        await pilot.press("g")
        await pilot.pause()
        picker = app.screen.query_one("#pick-list", OptionList)
        lines = [picker.render_line(y).text.rstrip() for y in range(picker.size.height)]
        assert any(long in line and line.endswith("1 card") for line in lines), lines
        huge_rows = [line for line in lines if "word" in line]
        assert len(huge_rows) > 1 and huge_rows[0].startswith("[x] word")
        assert all(line.startswith("    word") for line in huge_rows[1:]), huge_rows


def _colours(rows: OptionList, y: int) -> set:
    """The text colours used on one rendered line of a list."""
    return {segment.style.color for segment in rows.render_line(y) if segment.text.strip() and segment.style}


@pytest.mark.parametrize("theme", ["textual-light", "nord"])
async def test_the_row_under_the_cursor_is_in_the_cursors_colours_and_gets_its_own_back(
    app_factory, decks, theme
) -> None:
    """A red "suspended" on the cursor's blue cannot be read: that row is drawn in one colour."""
    app = app_factory(decks, theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_deck(app, pilot)
        await _set_aside(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        rows = app.screen.query_one("#card-states", OptionList)
        assert rows.highlighted == 0
        assert len(_colours(rows, 0)) == 1
        assert len(_colours(rows, 1)) > 1  # state, id and question each in their colour
        await pilot.press("down")
        await pilot.pause()
        assert len(_colours(rows, 0)) > 1 and len(_colours(rows, 1)) == 1
        await pilot.press("u")  # brought back: the row is redrawn, and the cursor moves on
        await pilot.pause()
        assert rows.highlighted == 2
        assert len(_colours(rows, 1)) > 1 and len(_colours(rows, 2)) == 1
        brought_back = str(rows.get_option_at_index(1).prompt).split()[0]
        assert brought_back not in ("suspended", "leech", "buried")
