"""The home screen: every deck in one table, including the ones that failed to load."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from quiz.clock import local_day
from quiz.errors import QuizError
from quiz.loader import deck_cache_dir
from quiz.paths import bundled_decks_dir, user_decks_dir
from quiz.tui import render
from quiz.tui.catalog import BUNDLED, YOURS, DeckEntry, find_decks, load_entry
from quiz.tui.widgets.charts import meter

TITLE_WIDTH = 30
"""Deck titles are cut to this many columns so the numbers fit in 80 ..."""
TITLE_MAX = 60
"""... and get up to this many in a wider terminal."""
NUMBERS_WIDTH = 50
"""Columns taken by everything but the title (with the cells' padding) in an 80-column terminal."""
NO_NUMBER = Text("—", end="", justify="right")
"""In a number column, for a count that cannot be known: right-aligned like the numbers."""

WIDE = 110
"""From this width the footer spreads its keys out; below it they sit close so all fit in 80."""

COLUMNS = (
    ("Deck", "deck"),
    ("Items", "items"),
    ("New", "new"),
    ("Learn", "learning"),
    ("Due", "due"),
    ("Studied", "last"),
    ("Mastery", "mastery"),
)


class HomeScreen(Screen[None]):
    """Lists decks with their counts; enter opens one, r/l/q/c start a mode straight away.

    The footer offers only the keys that work on the highlighted deck: the study keys for a
    deck that loaded, `e` for one with errors. That keeps every key readable at 80 columns
    (all of them at once would not fit) and never offers a key that does nothing.
    """

    BINDINGS = [
        Binding("enter", "open_deck", "Open", id="open", show=False),
        Binding("r", "study('review')", "Review", id="review"),
        Binding("l", "study('learn')", "Learn", id="learn"),
        Binding("q", "study('quiz')", "Quiz", id="quiz"),
        Binding("c", "study('cram')", "Cram", id="cram"),
        Binding("e", "show_problems", "Errors", id="errors"),
        Binding("s", "stats", "Stats", id="stats"),
        Binding("n", "new_deck", "New deck", id="new"),
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
        self._title_width = 0
        """The title column's width as last laid out (0 before the first layout)."""

    def compose(self) -> ComposeResult:
        yield Static(render.label("quiz", "bold"), id="home-title")
        yield Static(id="home-banner")
        table: DataTable[object] = DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="home-empty")
        yield Static(id="home-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._lay_out(self.app.size.width)

    def on_resize(self) -> None:
        self._lay_out(self.size.width)

    def _lay_out(self, width: int) -> None:
        """Give deck titles the room the terminal has, and space the footer out when it is wide."""
        self.query_one(Footer).compact = width < WIDE
        title_width = max(TITLE_WIDTH, min(TITLE_MAX, width - NUMBERS_WIDTH))
        if title_width == self._title_width:
            return
        self._title_width = title_width
        table = self.query_one("#decks", DataTable)
        table.clear(columns=True)
        for title, key in COLUMNS:
            # the title column has a fixed width: measured widths can come out as the header's alone
            table.add_column(title, key=key, width=title_width if key == "deck" else None)
        if self.entries:
            self.refresh_rows()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Study keys for a deck that loaded, `e` for a deck with errors; False also hides the key."""
        if action == "study":
            entry = self.selected
            return entry is not None and entry.deck is not None
        if action == "show_problems":
            entry = self.selected
            return entry is not None and bool(entry.problems)
        return True

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
        """Parse deck files off the event loop; big decks take a while, the screen stays responsive.

        Unchanged decks come from the loader's cache in the data folder, so the list is quick
        from the second start on; a cache that cannot be written only means parsing again.
        """
        found = find_decks(bundled=bundled, yours=yours, given=given)
        cache = deck_cache_dir(self.app.backend.data_dir)  # type: ignore[attr-defined]
        entries = [load_entry(path, origin, cache_dir=cache) for path, origin in found]
        self.app.call_from_thread(self._loaded_entries, entries)

    def _loaded_entries(self, entries: list[DeckEntry]) -> None:
        self.entries = entries
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Redraw every row with fresh counts (after a session, an edit, a rescan or a resize)."""
        table = self.query_one("#decks", DataTable)
        cursor = table.cursor_row
        table.clear()
        backend = self.app.backend  # type: ignore[attr-defined]
        now = backend.clock.now()
        due_total: int | None = None
        new_total = 0
        for index, entry in enumerate(self.entries):
            counts = backend.deck_counts(entry.deck) if entry.deck is not None else None
            if counts is not None:
                due_total = (due_total or 0) + (getattr(counts, "due", 0) or 0)
                new_total += getattr(counts, "new", 0) or 0
            table.add_row(*self._row(entry, counts, now), key=str(index))
        if self.entries:
            table.move_cursor(row=min(cursor, len(self.entries) - 1))
        problem = backend.store_problem
        if backend.backup_offer is not None and not self._offered_backup:
            self._offer_backup(backend.backup_offer)
        banner = self.query_one("#home-banner", Static)
        banner.update(render.label(f"⚠ {problem}", "bold $text-error") if problem else render.label(""))
        banner.display = bool(problem)
        self.query_one("#home-title", Static).update(self._title(due_total, new_total))
        # an empty list says, where the list would be, how to get decks into it
        empty = self.query_one("#home-empty", Static)
        table.display, empty.display = bool(self.entries), not self.entries
        if self.entries:
            if self.focused is None:
                table.focus()
        else:
            folder = user_decks_dir(backend.data_dir)
            empty.update(
                render.lines(
                    [
                        render.label("No decks yet", "bold"),
                        render.label(""),
                        render.join("Put .toml decks in ", render.deck_line(str(folder), "bold"), " and press f5,"),
                        render.label("name them when you start quiz (quiz DECK.toml),"),
                        render.label("or press n to draft one from an article."),
                    ]
                )
            )
            self.query_one("#home-detail", Static).update(render.label(""))
        self._show_detail()

    def _title(self, due: int | None, new: int = 0) -> render.Content:
        """The top line: the app's name, how many decks, and how much is due today across them.

        `due` is None when no deck has counts (the progress store cannot be read): then the
        line says nothing about what is due rather than "nothing due".
        """
        decks = len(self.entries)
        broken = sum(1 for entry in self.entries if entry.deck is None)
        parts: list[render.Part] = [("quiz", "bold")]
        if decks:
            parts.append(("  ·  " + _plural(decks, "deck"), "$text-muted"))
            if broken:
                parts.append((f", {broken} with errors", "$text-error"))
            if due is not None:
                parts.append(("  ·  ", "$text-muted"))
                parts.append(
                    (f"{due} due today", "bold $text-success") if due else ("nothing due today", "$text-muted")
                )
                if new:
                    parts.append((f"  ·  {new} new to learn", "$text-muted"))
        return render.join(*parts)

    def _row(self, entry: DeckEntry, counts: object, now: datetime) -> list[object]:
        title = self._title_width or TITLE_WIDTH
        if entry.deck is None:
            return [
                render.cell(_cut(f"⚠ {entry.title}", title)),
                NO_NUMBER,
                render.cell(""),
                render.cell(""),
                render.cell(""),
                render.cell(""),
                render.cell("e: errors"),
            ]
        items = entry.items
        if counts is None:
            return [
                render.cell(_cut(entry.title, title)),
                render.cell(items),
                NO_NUMBER,
                NO_NUMBER,
                NO_NUMBER,
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
            render.cell(_cut(entry.title, title)),
            render.cell(items),
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
                render.label("Your progress database was damaged and has been moved aside.", "bold $text-error"),
                render.join("Restore the newest good backup, ", render.deck_line(backup.name, "bold"), "?"),
                render.label("Answers given since that backup would be lost.", "$text-muted"),
                render.label("No starts afresh with an empty one; the backups are kept.", "$text-muted"),
            ]
        )

        def restore(yes: bool | None) -> None:
            backend = self.app.backend  # type: ignore[attr-defined]
            if not yes:
                backend.start_afresh()
                self.notify("Starting a new, empty progress file; the backups are kept.", markup=False)
                self.refresh_rows()
                return
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
        if not self.entries:
            return None
        table = self.query_one("#decks", DataTable)
        if table.cursor_row < 0:
            return None
        return self.entries[min(table.cursor_row, len(self.entries) - 1)]

    @on(DataTable.RowHighlighted, "#decks")
    def _show_detail(self) -> None:
        """Below the table: what the highlighted deck is about, how its cards became items, where it is from.

        A deck with errors shows its first one instead, wrapped rather than cut: the rest are
        one key away, but the first should be readable without it.
        """
        self.refresh_bindings()
        entry = self.selected
        detail = self.query_one("#home-detail", Static)
        if entry is None:
            return
        detail.set_class(entry.deck is None, "-problem")
        if entry.deck is None:
            more = len(entry.problems) - 1
            extra = f"  (+{more} more)" if more > 0 else ""
            detail.update(
                render.lines(
                    [
                        render.join(("⚠ ", "$text-error"), render.deck_line(entry.first_problem), extra),
                        render.label("Fix the file to study it; e shows every error.", "$text-muted"),
                    ]
                )
            )
            return
        about = render.deck_line(entry.deck.description or entry.deck.title)
        note = render.label(_items_note(len(entry.deck.cards), entry.items), "$text-muted")
        detail.update(render.lines([about, note, self._origin(entry)]))

    def _origin(self, entry: DeckEntry) -> render.Content:
        """Where the deck was found; a bundled deck also says where the student's own decks go."""
        if entry.origin == BUNDLED:
            folder = user_decks_dir(self.app.backend.data_dir)  # type: ignore[attr-defined]
            return render.join(
                ("Comes with quiz. Your own decks go in ", "$text-muted"),
                render.deck_line(str(folder)),
                (" (f5 looks again)", "$text-muted"),
            )
        where = "your decks folder" if entry.origin == YOURS else "the command line"
        return render.join((f"From {where}: ", "$text-muted"), render.deck_line(str(entry.path)))

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


def _cut(title: str, width: int = TITLE_WIDTH) -> str:
    title = " ".join(title.split())
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _items_note(cards: int, items: int) -> str:
    """Why Items can differ from the number of cards: the counts are of what is studied, one by one."""
    if items == cards:
        return f"{_plural(cards, 'card')}, each studied as one item. Items, New, Learn and Due count them."
    return (
        f"{_plural(cards, 'card')} make {_plural(items, 'study item')}: "
        "each cloze gap and reverse side is its own item."
    )
