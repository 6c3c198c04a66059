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
