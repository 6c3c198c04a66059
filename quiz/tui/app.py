"""The Textual app: built by `make_app` from what the CLI (or a test) hands it.

The app owns no progress. It opens the store, lists decks, and hands a study
session from `quiz.session` to the study screen, which shows it and forwards
keys. Everything here is wiring: screens do the showing.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from quiz.clock import Clock, SystemClock
from quiz.errors import QuizError
from quiz.tui.backend import Backend
from quiz.tui.screens.too_small import TooSmallScreen, fits

WIDE = 110
"""From this many columns, charts and panels sit side by side."""


@dataclass(frozen=True, slots=True)
class StartAt:
    """Open straight into a study session instead of the home screen (`quiz study DECK --mode M`)."""

    path: Path
    mode: str = "review"


@dataclass(frozen=True, slots=True)
class AppConfig:
    """Everything the app needs from outside; tests build it with a fixed clock and seed."""

    data_dir: Path
    deck_paths: tuple[Path, ...] = ()
    clock: Clock = field(default_factory=SystemClock)
    seed: int | None = None
    start: StartAt | None = None
    bundled: bool = True
    """List the decks that ship with the app (tests turn this off to control the list)."""
    theme: str | None = None


class QuizApp(App[int]):
    """Study and quiz yourself from TOML decks; returns the process exit status."""

    CSS_PATH = Path(__file__).with_name("quiz.tcss")
    TITLE = "quiz"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quit"),
    ]

    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        self.config = config
        """What the app was started with."""
        self.backend = Backend(config.data_dir, clock=config.clock, seed=config.seed)
        """The one door to progress, decks and statistics."""
        if config.theme is None:
            saved = _load_theme(config.data_dir)
            if saved in self.available_themes:
                self.theme = saved
        else:
            if config.theme not in self.available_themes:
                names = ", ".join(sorted(self.available_themes))
                raise QuizError(f"unknown theme {config.theme!r}; choose one of: {names}")
            self.theme = config.theme

    def on_mount(self) -> None:
        self._install_signal_handlers()
        self.theme_changed_signal.subscribe(self, lambda theme: _save_theme(self.config.data_dir, theme.name))
        if self.config.start is not None:
            from quiz.tui.screens.study import open_study

            if not open_study(self, self.config.start.path, self.config.start.mode):
                self.show_home()
        else:
            self.show_home()
        self.call_after_refresh(self._check_size)

    def show_home(self) -> None:
        """Put the home screen at the bottom of the stack (it is not there when started straight into a session)."""
        from quiz.tui.screens.home import HomeScreen

        home = HomeScreen(self.config.deck_paths, bundled=self.config.bundled)
        if len(self.screen_stack) <= 1:
            self.push_screen(home)
        else:
            self.switch_screen(home)

    def _install_signal_handlers(self) -> None:
        """Exit cleanly on SIGTERM and SIGHUP, so the terminal is restored (RELIABILITY.md rule 9)."""
        if self.is_headless:
            return
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(sig, self.shut_down)
            except (NotImplementedError, RuntimeError, ValueError):  # not on this platform / thread
                pass

    def on_resize(self) -> None:
        self.call_after_refresh(self._check_size)

    def _check_size(self) -> None:
        """Cover the screen with a note while the terminal is too small, and lift it when it grows."""
        self.set_class(self.size.width >= WIDE, "-wide")
        small = not fits(self.size.width, self.size.height)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()

    def action_command_palette(self) -> None:
        """No palette over the too-small note: it would hide the note and leave it behind once closed."""
        if not any(isinstance(screen, TooSmallScreen) for screen in self.screen_stack):
            super().action_command_palette()

    def action_help(self) -> None:
        from quiz.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen | TooSmallScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: every key", "Show the keys of every screen", self.action_help)
        yield SystemCommand("Statistics: all decks", "Reviews, retention, forecast and hardest cards", self.show_stats)
        yield SystemCommand("Home: all decks", "Back to the list of decks", self.go_home)
        yield SystemCommand(
            "New deck from article…", "Draft cards from a news article and keep the good ones", self.new_deck
        )
        for name in ("textual-dark", "textual-light", "nord", "gruvbox", "catppuccin-latte", "solarized-light"):
            if name in self.available_themes:
                yield SystemCommand(f"Theme: {name}", "Switch the colour theme", lambda n=name: self._set_theme(n))

    def _set_theme(self, name: str) -> None:
        self.theme = name

    def show_stats(self, deck_id: str | None = None) -> None:
        from quiz.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen(deck_id))

    def new_deck(self) -> None:
        from quiz.tui.screens.generate import NewDeckScreen
        from quiz.tui.screens.home import HomeScreen

        homes = [screen for screen in self.screen_stack if isinstance(screen, HomeScreen)]
        self.push_screen(NewDeckScreen(), callback=lambda _: homes[0].rescan() if homes else None)

    def go_home(self) -> None:
        from quiz.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    async def action_quit(self) -> None:
        self.shut_down()

    def shut_down(self) -> None:
        """Save an answer still on screen, close the store, and exit (quit key, SIGTERM, SIGHUP)."""
        from quiz.tui.screens.study import StudyScreen

        unsaved: list[str] = []
        for screen in self.screen_stack:
            if isinstance(screen, StudyScreen):
                screen.flush_pending()
                status = screen.driver.status()
                if not status.saved and status.unsaved_reason:
                    unsaved.append(status.unsaved_reason)
                try:
                    screen.driver.close()
                except QuizError:
                    pass
        self.backend.close()
        self.exit(0, message=_unsaved_message(unsaved))

    def on_unmount(self) -> None:
        self.backend.close()


def _unsaved_message(reasons: list[str]) -> Text | None:
    """The line left in the terminal when the app closes with an answer it could not save.

    The header said "not saved" while the app was open; once it closes, that is
    gone, and a student who quit on a full disk would otherwise believe the last
    answer was kept. Text, not a str: Rich would read brackets in a path as markup.
    """
    from quiz.session.engine import READ_ONLY_NOTICE

    if not reasons:
        return None
    if reasons[-1] == READ_ONLY_NOTICE:  # the home screen said so before the session began
        return Text(f"quiz: nothing from this session was saved ({READ_ONLY_NOTICE}).")
    return Text(f"quiz: your last answer was not saved. {reasons[-1]}")


THEME_FILE = "theme.txt"
"""The student's chosen theme, kept in the data folder between runs."""


def _load_theme(folder: Path) -> str | None:
    try:
        return (folder / THEME_FILE).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def _save_theme(folder: Path, name: str) -> None:
    """Remember the theme; a read-only or full data folder just means it is not remembered."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / THEME_FILE).write_text(name + "\n", encoding="utf-8")
    except OSError:
        pass


def make_app(
    deck_paths: Sequence[Path | str] = (),
    *,
    data_dir: Path | str,
    clock: Clock | None = None,
    seed: int | None = None,
    start: StartAt | None = None,
    bundled: bool = True,
    theme: str | None = None,
) -> QuizApp:
    """Build the app for the CLI or a test: only the saved theme is read here; decks and progress open on mount."""
    config = AppConfig(
        data_dir=Path(data_dir),
        deck_paths=tuple(Path(p) for p in deck_paths),
        clock=clock or SystemClock(),
        seed=seed,
        start=start,
        bundled=bundled,
        theme=theme,
    )
    return QuizApp(config)
