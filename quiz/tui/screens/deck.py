"""The deck screen: what the deck is about, where it comes from, its cards, and a key for each mode."""

from __future__ import annotations

from collections import Counter

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

DEFAULT_ROOM = 22
"""Columns for the chosen types or tags before the panel has been laid out (what 80 columns give)."""

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
        Binding("t", "pick_types", "Types", show=False),
        Binding("g", "pick_tags", "Tags", show=False),
        Binding("u", "cards", "Cards set aside", show=False),
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
        self.chosen_types: list[str] | None = None
        """The question types a quiz asks; None for every type."""
        self.tags = sorted({tag for card in self.deck.cards for tag in card.tags})
        self.chosen_tags: list[str] | None = None
        """A quiz asks cards with at least one of these tags; None for every card."""
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
        self.call_after_refresh(self._show_quiz_options)  # the chosen names fit the panel's new width

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
        panel = self.query_one("#deck-counts", Static)
        panel.update(render.lines(rows))
        panel.border_subtitle = self._set_aside_line()

    def _set_aside_line(self) -> render.Content:
        """The way to the card states, in the panel's lower border: how many cards are set aside, if any."""
        aside = self.app.backend.set_aside_count(self.deck)  # type: ignore[attr-defined]
        if aside:
            return render.join(("u ", "bold"), (f"{aside} item{'s' * (aside != 1)} set aside", "bold $text-warning"))
        return render.join(("u ", "bold"), ("card states", "$text-muted"))

    @property
    def quiz_options(self) -> dict[str, object]:
        """What the quiz keys have chosen, for the session (types and tags as lists, None for all)."""
        count = QUESTION_COUNTS[self.count_index]
        return {
            "count": count or None,
            "types": None if self.chosen_types is None else list(self.chosen_types),
            "tags": None if self.chosen_tags is None else list(self.chosen_tags),
            "timer": self.timer,
        }

    def _pool(self) -> int:
        """How many cards the chosen types and tags leave, filtered as the session filters them."""
        types = set(self.chosen_types or ())
        tags = set(self.chosen_tags or ())
        return sum(
            1
            for card in self.deck.cards
            if (not types or card.type.value in types) and (not tags or tags.intersection(card.tags))
        )

    def _show_quiz_options(self) -> None:
        panel = self.query_one("#deck-quiz", Static)
        room = panel.content_region.width - len("n questions ")
        room = room if room > 0 else DEFAULT_ROOM
        pool = self._pool()
        wanted = QUESTION_COUNTS[self.count_index]
        if pool == 0:
            count = render.label("no card has these types and tags", "$text-warning")
        else:
            count = render.label(f"{wanted} of {pool}" if wanted and wanted < pool else f"all {pool}")
        types = "all" if self.chosen_types is None else fit_names(self.chosen_types, room)
        tags = "all" if self.chosen_tags is None else fit_names(self.chosen_tags, room)
        rows = [
            render.join(("n ", "bold"), ("questions ", "$text-muted"), count),
            render.join(("t ", "bold"), ("types     ", "$text-muted"), types),
            render.join(("g ", "bold"), ("tags      ", "$text-muted"), render.deck_line(tags)),
            render.join(("m ", "bold"), ("timer     ", "$text-muted"), "on" if self.timer else "off"),
        ]
        panel.update(render.lines(rows))

    def action_cycle_count(self) -> None:
        self.count_index = (self.count_index + 1) % len(QUESTION_COUNTS)
        self._show_quiz_options()

    def action_pick_types(self) -> None:
        from quiz.tui.screens.pick import PickModal

        per_type = Counter(card.type.value for card in self.deck.cards)
        choices = [(kind, f"{per_type[kind]} card{'s' * (per_type[kind] != 1)}") for kind in self.card_types]

        def picked(chosen: list[str] | None) -> None:
            if chosen is not None:
                self.chosen_types = None if len(chosen) in (0, len(self.card_types)) else chosen
                self._show_quiz_options()

        self.app.push_screen(PickModal("Question types", choices, self.chosen_types), picked)

    def action_pick_tags(self) -> None:
        if not self.tags:
            self.notify("This deck's cards have no tags.", markup=False)
            return
        from quiz.tui.screens.pick import PickModal

        per_tag = Counter(tag for card in self.deck.cards for tag in set(card.tags))
        choices = [(tag, f"{per_tag[tag]} card{'s' * (per_tag[tag] != 1)}") for tag in self.tags]

        def picked(chosen: list[str] | None) -> None:
            if chosen is not None:
                self.chosen_tags = None if len(chosen) in (0, len(self.tags)) else chosen
                self._show_quiz_options()

        self.app.push_screen(PickModal("Tags", choices, self.chosen_tags), picked)

    def action_toggle_timer(self) -> None:
        self.timer = not self.timer
        self._show_quiz_options()

    def action_study(self, mode: str) -> None:
        from quiz.tui.screens.study import open_study

        open_study(self.app, self.entry.path, mode, options=self.quiz_options if mode == "quiz" else None)

    def action_cards(self) -> None:
        from quiz.tui.screens.cards import CardsScreen

        self.app.push_screen(CardsScreen(self.deck))

    def action_stats(self) -> None:
        self.app.show_stats(self.deck.id)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()


def card_text(card: object) -> str:
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
        render.deck_line(card_text(card)),
    )


def fit_names(names: list[str], room: int) -> str:
    """Names joined by commas, as many as fit in `room` columns, the rest counted ("date, numeric +2")."""
    text = ", ".join(names)
    if len(text) <= room:
        return text
    for shown in range(len(names) - 1, 0, -1):
        text = ", ".join(names[:shown]) + f" +{len(names) - shown}"
        if len(text) <= room:
            return text
    return f"{len(names)} chosen"
