"""The deck screen: what the deck is about, where it comes from, its cards, and a key for each mode."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from quiz.text import one_line
from quiz.tui import render
from quiz.tui.catalog import DeckEntry, study_items

ID_WIDTH = 16
"""Card ids longer than this are cut in the card list."""

FIRST_ROWS = 100
ROWS_PER_CHUNK = 500

QUESTION_COUNTS = (0, 5, 10, 20, 50)
"""Quiz lengths the `n` key cycles through; 0 means every card."""

WIDE = 110
"""From this width the footer spreads its keys out; below it they sit close so all fit in 80."""


class DeckScreen(Screen[None]):
    """One deck: description, source, tags, counts, quiz options and the card list."""

    BINDINGS = [
        Binding("r", "study('review')", "Review", id="review"),
        Binding("l", "study('learn')", "Learn", id="learn"),
        Binding("q", "study('quiz')", "Quiz", id="quiz"),
        Binding("c", "study('cram')", "Cram", id="cram"),
        Binding("n", "cycle_count", "Questions", show=False),
        Binding("t", "cycle_type", "Types", show=False),
        Binding("g", "cycle_tag", "Tags", show=False),
        Binding("m", "toggle_timer", "Timer", show=False),
        Binding("s", "stats", "Stats", id="stats"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, entry: DeckEntry) -> None:
        super().__init__()
        assert entry.deck is not None
        self.entry = entry
        self.deck = entry.deck
        self.count_index = 2
        self.card_types = sorted({card.type.value for card in self.deck.cards})
        self.type_index = -1
        """-1: every type; otherwise an index into `card_types`."""
        self.tags = sorted({tag for card in self.deck.cards for tag in card.tags})
        self.tag_index = -1
        self.timer = False
        self.items = study_items(self.deck)
        """Study items (each cloze gap and reverse side is one): what new, learning and due count."""

    def compose(self) -> ComposeResult:
        with Vertical(id="deck-top"):
            yield Static(render.deck_line(self.deck.title, "bold"), id="deck-title")
            yield Static(self._about(), id="deck-about")
            with Horizontal(id="deck-panels"):
                # titles sit in the borders: a row each that the card list gets at 80×24
                counts = Static(id="deck-counts", classes="panel")
                counts.border_title = "Study items"
                yield counts
                options = Static(id="deck-quiz", classes="panel")
                options.border_title = "Quiz options"
                yield options
        yield Static(render.label(f"{'Id':<{ID_WIDTH}}  {'Type':<10}  Question", "bold $text-muted"), id="cards-head")
        yield OptionList(id="cards")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # One OptionList row per card, never a widget per card; a long deck's rows are added in
        # chunks after the first screenful, so the screen is usable at once even with 10,000 cards.
        self._rows_added = 0
        self._add_card_rows(FIRST_ROWS)
        self._show_quiz_options()

    def _add_card_rows(self, count: int) -> None:
        cards = self.deck.cards[self._rows_added : self._rows_added + count]
        self.query_one("#cards", OptionList).add_options([_card_row(card) for card in cards])
        self._rows_added += len(cards)
        if self._rows_added < len(self.deck.cards):
            self.set_timer(0.02, lambda: self._add_card_rows(ROWS_PER_CHUNK))

    def on_screen_resume(self) -> None:
        self._show_counts()

    def on_resize(self) -> None:
        self.query_one(Footer).compact = self.size.width < WIDE

    def _about(self) -> render.Content:
        deck = self.deck
        rows = []
        if deck.description:
            rows.append(render.deck_text(deck.description))
        source = deck.source
        if source is not None and (source.title or source.url):
            parts: list[render.Part] = [("Source: ", "$text-muted")]
            if source.title:
                parts.append(render.deck_line(source.title, "italic"))
            if source.publisher:
                parts += [(", ", ""), render.deck_line(source.publisher)]
            if source.published:
                parts.append(f", {source.published.isoformat()}")
            rows.append(render.join(*parts))
            if source.url:
                # shown as text, never as a terminal hyperlink: a deck must not choose what a click opens
                rows.append(render.join(("        ", ""), render.deck_line(source.url, "underline $text-muted")))
        if deck.tags:
            rows.append(render.join(("Tags: ", "$text-muted"), render.deck_line(" · ".join(deck.tags))))
        return render.lines(rows) if rows else render.label("")

    def _show_counts(self) -> None:
        """Cards and study items apart, so that new 11 beside 10 cards reads as what it is."""
        counts = self.app.backend.deck_counts(self.deck)  # type: ignore[attr-defined]
        cards = len(self.deck.cards)
        made = f"{cards} card{'s' * (cards != 1)}"
        made += f" make {self.items} study items" if self.items != cards else ", one study item each"
        rows = [render.label(made, "$text-muted")]
        if counts is None:
            # as tall as the quiz panel beside it, so their borders line up
            rows += [render.label("progress not available", "$text-muted"), render.label(""), render.label("")]
        else:
            for name, value, style in (
                ("new      ", getattr(counts, "new", 0), "bold $text-primary"),
                ("learning ", getattr(counts, "learning", 0), "bold $text-warning"),
                ("due today", getattr(counts, "due", 0), "bold $text-success"),
            ):
                rows.append(render.join((f"{name} ", "$text-muted"), (f"{value:>5}", style)))
        self.query_one("#deck-counts", Static).update(render.lines(rows))

    @property
    def quiz_options(self) -> dict[str, object]:
        """What the quiz keys have chosen, for the session."""
        count = QUESTION_COUNTS[self.count_index]
        return {
            "count": count or None,
            "types": None if self.type_index < 0 else (self.card_types[self.type_index],),
            "tags": None if self.tag_index < 0 else (self.tags[self.tag_index],),
            "timer": self.timer,
        }

    def _show_quiz_options(self) -> None:
        options = self.quiz_options
        cards = len(self.deck.cards)
        wanted = options["count"]
        count = f"{wanted} of {cards}" if isinstance(wanted, int) and wanted < cards else f"all {cards}"
        types = "all" if options["types"] is None else options["types"][0]  # type: ignore[index]
        tags = "all" if options["tags"] is None else options["tags"][0]  # type: ignore[index]
        rows = [
            render.join(("n ", "bold"), ("questions ", "$text-muted"), str(count)),
            render.join(("t ", "bold"), ("types     ", "$text-muted"), types),
            render.join(("g ", "bold"), ("tags      ", "$text-muted"), render.deck_line(tags)),
            render.join(("m ", "bold"), ("timer     ", "$text-muted"), "on" if self.timer else "off"),
        ]
        self.query_one("#deck-quiz", Static).update(render.lines(rows))

    def action_cycle_count(self) -> None:
        self.count_index = (self.count_index + 1) % len(QUESTION_COUNTS)
        self._show_quiz_options()

    def action_cycle_type(self) -> None:
        self.type_index = self.type_index + 1 if self.type_index + 1 < len(self.card_types) else -1
        self._show_quiz_options()

    def action_cycle_tag(self) -> None:
        self.tag_index = self.tag_index + 1 if self.tag_index + 1 < len(self.tags) else -1
        self._show_quiz_options()

    def action_toggle_timer(self) -> None:
        self.timer = not self.timer
        self._show_quiz_options()

    def action_study(self, mode: str) -> None:
        from quiz.tui.screens.study import open_study

        open_study(self.app, self.entry.path, mode, options=self.quiz_options if mode == "quiz" else None)

    def action_stats(self) -> None:
        self.app.show_stats(self.deck.id)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()


def _card_text(card: object) -> str:
    """What a card asks, for the card list: its question, or a cloze card's passage with the gaps blank."""
    question = getattr(card, "question", "")
    if question:
        return question
    text = getattr(card, "text", "")
    if text:
        from quiz.tui.widgets.question import GAP

        return GAP.sub("[…]", text)
    return getattr(card, "title", "")


def _card_row(card: object) -> render.Content:
    """One line of the card list: id, type and what the card asks (ids and types are already plain)."""
    card_id = getattr(card, "id", "")
    shown_id = card_id if len(card_id) <= ID_WIDTH else card_id[: ID_WIDTH - 1] + "…"
    kind = getattr(getattr(card, "type", ""), "value", "")
    return render.Content.assemble(
        (one_line(shown_id).ljust(ID_WIDTH + 2), "$text-muted"),
        (f"{kind:<10}  ", "$text-accent"),
        one_line(_card_text(card)),
    )
