"""The home screen: every deck in one table, including the ones that failed to load."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from quiz.clock import local_day
from quiz.errors import QuizError
from quiz.paths import bundled_decks_dir, user_decks_dir
from quiz.tui import render
from quiz.tui.catalog import DeckEntry, find_decks, load_entry
from quiz.tui.widgets.charts import meter

TITLE_WIDTH = 30
"""Deck titles are cut to this many columns so the numbers fit in 80."""

COLUMNS = (
    ("Deck", "deck"),
    ("Cards", "cards"),
    ("New", "new"),
    ("Learn", "learning"),
    ("Due", "due"),
    ("Studied", "last"),
    ("Mastery", "mastery"),
)


class HomeScreen(Screen[None]):
    """Lists decks with their counts; enter opens one, r/l/q/c start a mode straight away."""

    BINDINGS = [
        Binding("enter", "open_deck", "Open", id="open", show=False),
        Binding("r", "study('review')", "Review", id="review"),
        Binding("l", "study('learn')", "Learn", id="learn"),
        Binding("q", "study('quiz')", "Quiz", id="quiz"),
        Binding("c", "study('cram')", "Cram", id="cram"),
        Binding("e", "show_problems", "Errors", id="errors"),
        Binding("s", "stats", "Stats", id="stats"),
        Binding("n", "new_deck", "New", id="new"),
        Binding("f5", "rescan", "Rescan", id="rescan", show=False),
    ]

    def __init__(self, deck_paths: Sequence[Path] = (), *, bundled: bool = True) -> None:
        super().__init__()
        self.deck_paths = tuple(deck_paths)
        self.bundled = bundled
        self.entries: list[DeckEntry] = []
        """The decks listed, in table order."""
        self._loaded = False
        self._offered_backup = False

    def compose(self) -> ComposeResult:
        yield Static(render.label("quiz", "bold"), id="home-title")
        yield Static(id="home-banner")
        table: DataTable[object] = DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="home-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#decks", DataTable)
        for title, key in COLUMNS:
            # the title column has a fixed width: measured widths can come out as the header's alone
            table.add_column(title, key=key, width=TITLE_WIDTH if key == "deck" else None)

    def on_screen_resume(self) -> None:
        """Load decks the first time the screen shows, and refresh counts on every return."""
        if not self._loaded:
            self._loaded = True
            self.rescan()
        else:
            self.refresh_rows()

    def rescan(self) -> None:
        """Find and load every deck again (after the student added or edited files), in a worker thread."""
        data = self.app.backend.data_dir  # type: ignore[attr-defined]
        self.query_one("#home-detail", Static).update(render.label("Loading decks…", "$text-muted"))
        self._load(bundled_decks_dir() if self.bundled else None, user_decks_dir(data), self.deck_paths)

    @work(thread=True, exclusive=True, group="decks")
    def _load(self, bundled: Path | None, yours: Path, given: tuple[Path, ...]) -> None:
        """Parse deck files off the event loop; big decks take a while, the screen stays responsive."""
        found = find_decks(bundled=bundled, yours=yours, given=given)
        entries = [load_entry(path, origin) for path, origin in found]
        self.app.call_from_thread(self._loaded_entries, entries)

    def _loaded_entries(self, entries: list[DeckEntry]) -> None:
        self.entries = entries
        self.refresh_rows()

    def refresh_rows(self) -> None:
        table = self.query_one("#decks", DataTable)
        cursor = table.cursor_row
        table.clear()
        backend = self.app.backend  # type: ignore[attr-defined]
        now = backend.clock.now()
        for index, entry in enumerate(self.entries):
            table.add_row(*self._row(entry, backend, now), key=str(index))
        if self.entries:
            table.move_cursor(row=min(cursor, len(self.entries) - 1))
        problem = backend.store_problem
        if backend.backup_offer is not None and not self._offered_backup:
            self._offer_backup(backend.backup_offer)
        banner = self.query_one("#home-banner", Static)
        banner.update(render.label(f"⚠ {problem}", "bold $error") if problem else render.label(""))
        banner.display = bool(problem)
        if not self.entries:
            folder = user_decks_dir(backend.data_dir)
            self.query_one("#home-detail", Static).update(
                render.label(f"No decks found. Put .toml decks in {folder} or name them: quiz DECK.toml")
            )
        self._show_detail()

    def _row(self, entry: DeckEntry, backend: object, now: datetime) -> list[object]:
        if entry.deck is None:
            return [
                render.cell(_cut(f"⚠ {entry.title}")),
                render.cell("—"),
                render.cell(""),
                render.cell(""),
                render.cell(""),
                render.cell(""),
                render.cell("e: errors"),
            ]
        counts = backend.deck_counts(entry.deck)  # type: ignore[attr-defined]
        cards = len(entry.deck.cards)
        if counts is None:
            return [
                render.cell(_cut(entry.title)),
                render.cell(cards),
                render.cell("—"),
                render.cell("—"),
                render.cell("—"),
                render.cell("—"),
                render.cell(""),
            ]
        last = getattr(counts, "last_studied", None)
        if last is None:
            last_text = "never"
        else:
            days = (local_day(now) - local_day(last)).days
            last_text = "today" if days == 0 else "yesterday" if days == 1 else f"{days}d ago"
        mastery = getattr(counts, "mastery", 0.0) or 0.0
        return [
            render.cell(_cut(entry.title)),
            render.cell(cards),
            render.cell(getattr(counts, "new", 0)),
            render.cell(getattr(counts, "learning", 0)),
            render.cell(getattr(counts, "due", 0)),
            render.cell(last_text),
            render.cell(f"{meter(mastery, width=6)} {render.percent(mastery):>4}"),
        ]

    def _offer_backup(self, backup: Path) -> None:
        """The database was damaged and moved aside: offer the newest good backup, once."""
        from quiz.tui.screens.confirm import ConfirmModal

        self._offered_backup = True
        question = render.lines(
            [
                render.label("Your progress database was damaged and has been moved aside.", "bold $error"),
                render.join("Restore the newest good backup, ", render.deck_line(backup.name, "bold"), "?"),
                render.label("Answers given since that backup would be lost.", "$text-muted"),
            ]
        )

        def restore(yes: bool | None) -> None:
            if not yes:
                return
            backend = self.app.backend  # type: ignore[attr-defined]
            try:
                restored = backend.restore_backup()
            except QuizError as error:
                self.notify(str(error), title="Not restored", severity="error", markup=False, timeout=10)
                return
            self.notify(f"Restored {restored}", markup=False)
            self.refresh_rows()

        self.app.push_screen(ConfirmModal(question), callback=restore)

    @property
    def selected(self) -> DeckEntry | None:
        """The deck under the cursor."""
        table = self.query_one("#decks", DataTable)
        if not self.entries or table.cursor_row < 0:
            return None
        return self.entries[min(table.cursor_row, len(self.entries) - 1)]

    @on(DataTable.RowHighlighted, "#decks")
    def _show_detail(self) -> None:
        entry = self.selected
        detail = self.query_one("#home-detail", Static)
        if entry is None:
            return
        if entry.deck is None:
            more = len(entry.problems) - 1
            extra = f"  (+{more} more: press e)" if more > 0 else ""
            detail.update(render.join(("⚠ ", "$error"), render.deck_line(entry.first_problem), extra))
        else:
            detail.update(render.join(render.deck_line(entry.deck.description or entry.deck.title, "$text-muted")))

    @on(DataTable.RowSelected, "#decks")
    def action_open_deck(self) -> None:
        entry = self.selected
        if entry is None:
            return
        if entry.deck is None:
            self.action_show_problems()
            return
        from quiz.tui.screens.deck import DeckScreen

        self.app.push_screen(DeckScreen(entry))

    def action_study(self, mode: str) -> None:
        entry = self.selected
        if entry is None:
            return
        if entry.deck is None:
            self.action_show_problems()
            return
        from quiz.tui.screens.study import open_study

        open_study(self.app, entry.path, mode)

    def action_show_problems(self) -> None:
        entry = self.selected
        if entry is None or not entry.problems:
            self.notify("This deck has no problems.", markup=False)
            return
        from quiz.tui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(entry.path, entry.problems))

    def action_stats(self) -> None:
        self.app.show_stats(None)  # type: ignore[attr-defined]

    def action_rescan(self) -> None:
        self.rescan()

    def action_new_deck(self) -> None:
        from quiz.tui.screens.generate import NewDeckScreen

        self.app.push_screen(NewDeckScreen(), callback=lambda _: self.rescan())


def _cut(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1].rstrip() + "…"
