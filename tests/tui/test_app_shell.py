"""The app around the screens: help, command palette, themes and the too-small note."""

from __future__ import annotations

import pytest

from quiz.loader import load_deck
from quiz.tui.screens.help import KEYS, HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.too_small import TooSmallScreen

from .fakes import FakeDriver


def _help_keys() -> set[str]:
    return {key for _, rows in KEYS for keys, _ in rows for key in keys.split()}


@pytest.mark.parametrize("screen", [StudyScreen, HomeScreen])
def test_help_lists_every_key_of_the_screen(screen: type) -> None:
    listed = _help_keys()
    names = {"question_mark": "?", "escape": "escape", "enter": "enter", "space": "space"}
    for binding in screen.BINDINGS:
        for key in binding.key.split(","):
            shown = names.get(key, key)
            assert shown in listed or any(shown in k for k in listed), f"{key} ({binding.action}) is not in the help"


async def test_question_mark_opens_help_and_escape_closes_it(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_small_terminal_shows_a_note_and_takes_no_answers(app_factory, decks) -> None:
    app = app_factory()
    driver = FakeDriver(load_deck(decks / "all-types.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(StudyScreen(driver))
        await pilot.pause()
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("space", "3")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
    assert driver.committed == []


async def test_the_palette_stays_shut_while_the_terminal_is_too_small(app_factory) -> None:
    """Opened over the note, the palette hid it and, once closed, left "too small" showing at any size."""
    app = app_factory()
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_dialog_over_the_note_does_not_leave_the_note_behind(app_factory) -> None:
    """A dialog can arrive while the note shows (the backup offer, when the decks finish loading)."""
    from quiz.tui import render
    from quiz.tui.screens.confirm import ConfirmModal

    app = app_factory()
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        app.push_screen(ConfirmModal(render.label("Restore the backup?")))
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not any(isinstance(screen, TooSmallScreen) for screen in app.screen_stack)


async def test_tiny_sizes_never_crash(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(1, 1)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        for size in [(10, 3), (20, 5), (59, 24), (200, 60)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-latte"])
async def test_study_screen_renders_in_light_and_dark_themes(app_factory, decks, theme: str) -> None:
    app = app_factory(theme=theme)
    driver = FakeDriver(load_deck(decks / "all-types.toml"))
    async with app.run_test() as pilot:
        assert app.theme == theme
        await app.push_screen(StudyScreen(driver))
        await pilot.press("space", "3")
        await pilot.press(*"Li", "enter")
        await pilot.pause()
        assert app.screen.query_one("#feedback").display
    assert len(driver.committed) == 1


async def test_command_palette_offers_help_statistics_and_themes(app_factory) -> None:
    app = app_factory()
    async with app.run_test():
        titles = [command.title for command in app.get_system_commands(app.screen)]
    assert "Help: every key" in titles
    assert "Statistics: all decks" in titles
    assert any(title.startswith("Theme: ") and "light" in title for title in titles)


async def test_signal_handlers_are_not_installed_headless(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_a_chosen_theme_is_remembered(app_factory) -> None:
    app = app_factory()
    async with app.run_test() as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    again = app_factory()
    assert again.theme == "nord"
