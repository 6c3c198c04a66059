"""New deck from an article: draft in a worker, drop cards, save a deck that loads."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from quiz.loader import load_deck
from quiz.paths import user_decks_dir
from quiz.tui.screens.generate import NewDeckScreen

ARTICLE = Path(__file__).resolve().parent.parent.parent / "decks" / "putin-china-state-visit.txt"


async def test_draft_drop_two_cards_and_save(app_factory, isolated_data_dir: Path) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert isinstance(app.screen, NewDeckScreen)
        screen = app.screen
        app.screen.query_one("#article").value = str(ARTICLE)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.deck is not None and len(screen.deck.cards) > 3
        status = " ".join(str(screen.query_one("#new-status").render()).split())
        assert f"saves the ticked ones into {user_decks_dir(isolated_data_dir)}" in status  # where home looks
        drafted = len(screen.deck.cards)
        first_two = {card.id for card in screen.deck.cards[:2]}
        await pilot.press("space", "down", "space")
        assert screen.query_one("#drafts", OptionList).has_focus
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = list(user_decks_dir(isolated_data_dir).glob("*.toml"))
    assert len(saved) == 1
    deck = load_deck(saved[0])
    assert len(deck.cards) == drafted - 2
    assert not first_two & {card.id for card in deck.cards}


async def test_a_missing_article_is_a_message(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("n")
        app.screen.query_one("#article").value = "/nonexistent/article.txt"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "⚠" in str(app.screen.query_one("#new-status").render())


def _draft_lines(screen: NewDeckScreen) -> list[str]:
    options = screen.query_one("#drafts", OptionList)
    return [options.render_line(y).text for y in range(options.size.height)]


async def _draft(app, pilot, path: Path) -> NewDeckScreen:  # noqa: ANN001
    screen = app.screen
    assert isinstance(screen, NewDeckScreen)
    article = screen.query_one("#article")
    article.value = str(path)
    article.focus()
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_a_long_drafted_question_wraps_beside_its_box_not_under_it(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        screen = await _draft(app, pilot, ARTICLE)
        lines = _draft_lines(screen)
        firsts = [i for i, line in enumerate(lines) if "[x] " in line]
        following = [lines[i + 1] for i in firsts if i + 1 < len(lines) and i + 1 not in firsts]
        assert following, "at 80 columns some drafted question wraps"
        column = lines[firsts[0]].index("[x] ") + len("[x] ") + 11  # box, then the type column
        for line in following:
            assert line[:column].strip() == "", f"a wrapped line starts under the box: {line!r}"
            assert line[column] != " "


async def test_save_and_keep_drop_are_offered_only_once_there_is_a_draft(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert "ctrl+s" not in app.screen.active_bindings and "space" not in app.screen.active_bindings
        screen = await _draft(app, pilot, ARTICLE)
        assert "ctrl+s" in screen.active_bindings and "space" in screen.active_bindings


async def test_a_failed_draft_takes_the_earlier_draft_off_screen(app_factory, isolated_data_dir: Path) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        screen = await _draft(app, pilot, ARTICLE)
        assert screen.deck is not None
        await _draft(app, pilot, Path("/nonexistent/article.txt"))
        assert "⚠" in str(screen.query_one("#new-status").render())
        assert not screen.query_one("#drafts", OptionList).display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    assert not list(user_decks_dir(isolated_data_dir).glob("*.toml"))


async def test_f1_opens_the_help_while_the_file_name_is_typed(app_factory) -> None:
    from quiz.tui.screens.help import HelpScreen

    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.press("a", "question_mark")
        assert app.screen.query_one("#article").value == "a?"  # ? is a character of the file name here
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_saving_over_an_earlier_deck_of_the_same_article_asks_first(app_factory, isolated_data_dir: Path) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        screen = await _draft(app, pilot, ARTICLE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = user_decks_dir(isolated_data_dir).glob("*.toml")
        first = saved.read_text(encoding="utf-8")
        await pilot.press("n")
        screen = await _draft(app, pilot, ARTICLE)
        await pilot.press("space", "ctrl+s")  # a different choice of cards, same article
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert saved.read_text(encoding="utf-8") == first  # kept
        assert app.screen is screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(load_deck(saved).cards) == len(load_deck_text(first)) - 1
        assert app.screen is not screen


def load_deck_text(text: str) -> list:
    from quiz.loader import loads_deck

    return list(loads_deck(text, name="first.toml").cards)
