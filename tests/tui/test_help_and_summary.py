"""The help lists every key of every screen in two columns; the summary lays misses out readably."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static

from quiz.errors import Problem
from quiz.loader import load_deck
from quiz.tui.driver import Miss, Summary
from quiz.tui.screens.cards import CardList, CardsScreen
from quiz.tui.screens.confirm import ConfirmModal
from quiz.tui.screens.deck import DeckScreen
from quiz.tui.screens.generate import NewDeckScreen
from quiz.tui.screens.help import KEYS, HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.pick import PickList, PickModal
from quiz.tui.screens.problems import ProblemsScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import MissRow, SummaryScreen
from quiz.tui.widgets.arrange import MatchQuestion, OrderQuestion
from quiz.tui.widgets.choices import ChoiceQuestion

from .fakes import FakeDriver

NAMES = {"question_mark": "?", "equals_sign": "+", "plus": "+", "minus": "-", "up": "↑", "down": "↓", "left": "←"}
NAMES |= {"right": "→"}  # as the help writes them


def _listed() -> set[str]:
    return {key for _, rows in KEYS for keys, _ in rows for key in keys.split()}


@pytest.mark.parametrize(
    "owner",
    [
        HomeScreen,
        DeckScreen,
        StudyScreen,
        SummaryScreen,
        StatsScreen,
        ProblemsScreen,
        NewDeckScreen,
        ConfirmModal,
        ChoiceQuestion,
        OrderQuestion,
        MatchQuestion,
        CardsScreen,
        CardList,
        PickModal,
        PickList,
    ],
)
def test_help_lists_every_key_of_every_screen_and_question(owner: type) -> None:
    listed = _listed()
    for binding in owner.BINDINGS:
        for key in binding.key.split(","):
            modifier, _, name = key.rpartition("+")
            shown = (f"{modifier}+" if modifier else "") + NAMES.get(name, name)
            assert shown in listed or any(shown in k for k in listed), f"{owner.__name__}: {key} is not in the help"


async def test_a_long_help_line_wraps_in_its_own_column(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        texts = list(app.screen.query(".help-what").results(Static))
        starts = {static.region.x for static in texts}
        assert len(starts) == 1  # every description starts in the same column
        wrapped = [static for static in texts if static.region.height > 1]
        assert wrapped, "at 80 columns some description is long enough to wrap"
        await pilot.press("f1")
        assert not isinstance(app.screen, HelpScreen)


def _summary(decks, misses: list[Miss], by_type: dict[str, tuple[int, float]]) -> FakeDriver:  # noqa: ANN001
    driver = FakeDriver(load_deck(decks / "all-types.toml"), mode="quiz")
    summary = Summary(mode="quiz", answered=3, score=0.4, seconds=30.0, by_type=by_type, misses=misses)
    driver.summary = lambda: summary  # type: ignore[method-assign]
    return driver


async def test_a_long_miss_wraps_under_its_own_text_not_under_the_bullet(app_factory, decks) -> None:
    long = "The Soviet Union’s recognition of the People’s Republic of China, a milestone in their shared history"
    miss = Miss("Which event of 1949 does the visit commemorate?", "the first Sino-Soviet trade agreement", long, 0.0)
    driver = _summary(decks, [miss], {"true_false": (2, 0.5), "choice": (1, 0.0)})
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(SummaryScreen(driver))
        await pilot.pause()
        row = app.screen.query_one(MissRow)
        bullet = row.query_one(".miss-bullet", Static)
        question = row.query_one(".miss-question", Static)
        labels = list(row.query(".miss-label").results(Static))
        given, answer = row.query(".miss-value").results(Static)
        assert question.region.x > bullet.region.x
        assert answer.region.x > labels[1].region.x and answer.region.height > 1  # wrapped, in its own column
        assert [str(label.render()) for label in labels] == ["you gave", "answer"]
        assert str(given.render()) == "the first Sino-Soviet trade agreement" and str(answer.render()) == long
        by_type = str(app.screen.query(".breakdown").last().render())
        assert "true/false" in by_type and "true_false" not in by_type


async def test_no_misses_says_so(app_factory, decks) -> None:
    driver = _summary(decks, [], {})
    app = app_factory()
    async with app.run_test() as pilot:
        await app.push_screen(SummaryScreen(driver))
        await pilot.pause()
        assert "No misses" in str(app.screen.query_one("#summary-misses").query(Static).first().render())
        assert not app.screen.query(MissRow)


async def test_every_key_fits_its_column(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        for key in app.screen.query(".help-key").results(Static):
            assert len(str(key.render())) < key.content_size.width, f"{key.render()} runs into its description"


async def test_quick_answers_show_their_time_a_card_in_seconds(app_factory, decks) -> None:
    driver = _summary(decks, [], {})
    driver.summary = lambda: Summary(mode="learn", answered=8, score=0.5, seconds=7.0)  # type: ignore[method-assign]
    app = app_factory()
    async with app.run_test() as pilot:
        await app.push_screen(SummaryScreen(driver))
        await pilot.pause()
        score = str(app.screen.query_one("#summary-score").render())
    assert "time 0:07   1s a card" in score  # was "0:00 a card"


async def test_a_long_problem_wraps_under_its_own_text_and_the_list_scrolls(app_factory, tmp_path) -> None:
    problems = [
        Problem(
            "broken.toml", 8 * i + 1, f'cards[{i}] (id "c{i}").type', 'unknown "bogus" (expected: ' + "x, " * 20 + ")"
        )
        for i in range(40)
    ]
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ProblemsScreen(tmp_path / "broken.toml", problems))
        await pilot.pause()
        rows = app.screen.query_one("#problems-list", OptionList)
        lines = [rows.render_line(y).text for y in range(rows.size.height)]
        assert sum(line.startswith("✗ ") for line in lines) >= 2
        wrapped = [line for line in lines if line.strip() and not line.startswith("✗ ")]
        assert wrapped, "at 80 columns these problems wrap"
        assert all(line.startswith("  ") and line[2] != " " for line in wrapped), wrapped
        await pilot.press("end")
        await pilot.pause()
        last = [rows.render_line(y).text for y in range(rows.size.height)]
        assert any("broken.toml:313:" in line for line in last)  # the fortieth problem can be reached
        await pilot.press("escape")
        assert not isinstance(app.screen, ProblemsScreen)


def _contrast(fg, bg) -> float:  # noqa: ANN001
    """WCAG contrast ratio of two Rich colours."""

    def luminance(colour) -> float:  # noqa: ANN001
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        red, green, blue = colour.get_truecolor()
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)

    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord"])
async def test_the_help_section_titles_can_be_read_in_every_theme(app_factory, theme) -> None:
    app = app_factory(theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        section = app.screen.query(".help-section").first(Static)
        segments = [segment for segment in section.render_line(0) if segment.text.strip()]
        assert segments and "Everywhere" in "".join(segment.text for segment in segments)
        for segment in segments:
            assert _contrast(segment.style.color, segment.style.bgcolor) >= 3.0, theme


OPTION_LIST_KEYS = {"↑", "↓", "home", "end", "enter", "pageup", "pagedown"}
"""Keys every list answers to without a binding of our own."""


@pytest.mark.parametrize(
    ("section", "owners"),
    [
        ("Cards of a deck (u)", (CardsScreen, CardList)),
        ("Picking types or tags (t g)", (PickModal, PickList)),
        ("New deck from an article", (NewDeckScreen,)),
        ("Statistics and lists of errors", (StatsScreen, ProblemsScreen)),
    ],
)
def test_the_help_lists_no_key_a_screen_does_not_have(section: str, owners: tuple[type, ...]) -> None:
    bound = {"tab", "?"}  # moving focus and the app's help work on every screen
    for owner in owners:
        for binding in owner.BINDINGS:
            for key in binding.key.split(","):
                modifier, _, name = key.rpartition("+")
                bound.add((f"{modifier}+" if modifier else "") + NAMES.get(name, name))
    (rows,) = [rows for name, rows in KEYS if name == section]
    for keys, what in rows:
        for key in keys.split():
            assert key in bound | OPTION_LIST_KEYS, f"{section}: {key} ({what}) does nothing there"
