"""The deck's cards with where each stands, and the way back for cards set aside.

Suspending (x while studying), burying (b) and the leech rule (a card forgotten
too often is suspended) keep a card out of every session; this screen is where
the student sees which cards those are and brings them back. One OptionList row
per card, never a widget per card, filled in chunks, so a deck of 10,000 cards
opens at once.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from quiz.errors import QuizError
from quiz.model import Deck
from quiz.tui import render
from quiz.tui.backend import Backend, CardState
from quiz.tui.widgets.rows import CursorList

STATE_WIDTH = 10
ID_WIDTH = 16
FIRST_ROWS = 100
ROWS_PER_CHUNK = 1000

STATE_STYLES = {
    "new": "$text-primary",
    "learning": "$text-warning",
    "review": "$text-success",
    "suspended": "bold $text-error",
    "leech": "bold $text-error",
    "buried": "bold $text-warning",
}

ALL = "all"
ASIDE = "aside"


class CardList(CursorList):
    """The rows of cards; enter brings the highlighted one back, as u does (a click only highlights)."""

    BINDINGS = [
        Binding("enter", "screen.bring_back", "Bring back", show=False),
        Binding("end", "screen.last", "Last card", show=False),
    ]


class CardsScreen(Screen[None]):
    """Every card of one deck with its state; `u` brings a suspended, buried or leech card back.

    It opens on the cards set aside when there are any (that is what the student came
    for), otherwise on every card; `f` switches between the two. A card brought back
    stays in the list with its new state, so the student sees what happened.
    """

    BINDINGS = [
        Binding("u", "bring_back", "Bring back"),
        Binding("U", "bring_all_back", "All back", key_display="U"),
        Binding("f", "show('all')", "Every card", key_display="f"),
        Binding("f", "show('aside')", "Set aside", key_display="f"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck
        self.states: list[CardState] | None = None
        """Each card's state in deck order, from the backend; None when progress cannot be read."""
        self.view = ALL
        self.shown: list[int] = []
        """Index into deck.cards (and `states`) of each row, in row order."""
        self._rows_added = 0
        self._filling = 0
        """Bumped each time the rows are rebuilt, so a chunk queued for an older list stops."""

    @property
    def backend(self) -> Backend:
        return self.app.backend  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Static(render.join(render.deck_line(self.deck.title, "bold"), " · cards"), id="cards-title")
        yield Static(id="cards-status")
        yield Static(
            render.label(f"{'State':<{STATE_WIDTH}}  {'Id':<{ID_WIDTH}}  Question", "bold $text-muted"),
            id="card-states-head",
        )
        yield CardList(id="card-states")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.states = self.backend.card_states(self.deck)
        self.view = ASIDE if any(state.set_aside for state in self.states or ()) else ALL
        self._fill()

    # --- the list ----------------------------------------------------------------

    def _fill(self) -> None:
        """(Re)build the rows for the current view: the first screenful now, the rest in chunks."""
        states = self.states
        indices = range(len(self.deck.cards))
        if self.view == ASIDE and states is not None:
            indices = [i for i in indices if states[i].set_aside]
        self.shown = list(indices)
        rows = self.query_one("#card-states", OptionList)
        rows.clear_options()
        self._rows_added = 0
        self._filling += 1
        self._add_rows(FIRST_ROWS, self._filling)
        if self.shown:
            rows.highlighted = 0
        self._show_status()
        self.refresh_bindings()

    def _add_rows(self, count: int, filling: int) -> None:
        if filling != self._filling:
            return  # the view changed since this chunk was queued
        chunk = self.shown[self._rows_added : self._rows_added + count]
        self.query_one("#card-states", OptionList).add_options([self._row(i) for i in chunk])
        self._rows_added += len(chunk)
        if self._rows_added < len(self.shown):
            self.set_timer(0.02, lambda: self._add_rows(ROWS_PER_CHUNK, filling))

    def _row(self, index: int) -> render.Content:
        from quiz.tui.screens.deck import card_text

        card = self.deck.cards[index]
        state = "—" if self.states is None else self.states[index].state
        card_id = card.id if len(card.id) <= ID_WIDTH else card.id[: ID_WIDTH - 1] + "…"
        return render.join(
            (f"{state:<{STATE_WIDTH}}  ", STATE_STYLES.get(state, "$text-muted")),
            render.deck_line(card_id, "$text-muted"),
            " " * (ID_WIDTH + 2 - len(card_id)),
            render.deck_line(card_text(card)),
        )

    def _show_status(self) -> None:
        """How many cards are set aside and why, what the list shows, and whether changes can be saved."""
        cards = len(self.deck.cards)
        if self.states is None:
            problem = self.backend.store_problem or "progress cannot be read"
            text = render.join(("Progress not available: ", "bold $text-error"), problem)
            self.query_one("#cards-status", Static).update(text)
            return
        counts = {name: sum(state.state == name for state in self.states) for name in ("suspended", "leech", "buried")}
        named = ", ".join(f"{n} {name}{'es' * (n != 1 and name == 'leech')}" for name, n in counts.items() if n)
        every = f"All {cards} card{'s' * (cards != 1)}"
        if self.view == ASIDE:
            parts: list[render.Part] = [
                ("Set aside: ", "bold"),
                (named, "bold $text-warning") if named else "none left",
                f" (of {cards} card{'s' * (cards != 1)})",
            ]
        elif not named:
            parts = [(every, "bold"), ": none suspended or buried, so every card can be asked."]
        else:
            parts = [(every, "bold"), " (", (named, "bold $text-warning"), ")"]
        rows = [render.join(*parts)]
        if not self.backend.can_save:
            rows.append(render.label("Read-only data folder: cards cannot be brought back here.", "bold $text-warning"))
        self.query_one("#cards-status", Static).update(render.lines(rows))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show":
            if parameters[0] == self.view or self.states is None:
                return False
            # with nothing set aside there is one list worth showing, but a list emptied by
            # bringing every card back must still lead to the whole deck
            return self.view == ASIDE or any(state.set_aside for state in self.states)
        if action in ("bring_back", "bring_all_back"):
            # offered only while some card is set aside: on a deck with none, "Bring back"
            # in the footer sends the student looking for something that is not there
            return self.states is not None and any(state.set_aside for state in self.states)
        return True

    # --- actions -------------------------------------------------------------------

    def action_last(self) -> None:
        """End goes to the deck's last card, even while the rows after the first screenful are still coming."""
        rows = self.query_one("#card-states", OptionList)
        rest = self.shown[self._rows_added :]
        if rest:
            rows.add_options([self._row(i) for i in rest])
            self._rows_added = len(self.shown)  # a chunk still queued finds nothing left to add
        rows.action_last()

    def action_show(self, view: str) -> None:
        self.view = view
        self._fill()

    def _highlighted(self) -> int | None:
        row = self.query_one("#card-states", OptionList).highlighted
        if row is None or row >= len(self.shown):
            return None
        return self.shown[row]

    def action_bring_back(self) -> None:
        index = self._highlighted()
        if index is None or self.states is None:
            return
        state = self.states[index]
        if not state.set_aside:
            self.notify(f"That card is {state.state}: it is not set aside.", markup=False)
            return
        if self._bring_back([index]):
            rows = self.query_one("#card-states", OptionList)
            if rows.highlighted is not None and rows.highlighted + 1 < rows.option_count:
                rows.highlighted += 1  # so u, u, u brings back one card after another

    def action_bring_all_back(self) -> None:
        if self.states is None:
            return
        aside = [index for index, state in enumerate(self.states) if state.set_aside]
        if not aside:
            self.notify("No card is suspended or buried.", markup=False)
            return
        from quiz.tui.screens.confirm import ConfirmModal

        which = "the one card" if len(aside) == 1 else f"all {len(aside)} cards"
        question = render.label(
            f"Bring back {which} set aside? Suspended cards and leeches come back to reviews, buried cards today."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._bring_back(aside)

        self.app.push_screen(ConfirmModal(question), answered)

    def _bring_back(self, indices: list[int]) -> bool:
        """Lift the cards' suspension and bury in the store, then show their new states; a refusal is a notice."""
        if not self.backend.can_save:
            self.notify(
                "Read-only data folder: the cards cannot be brought back here.", severity="warning", markup=False
            )
            return False
        assert self.states is not None
        cards = [self.states[index] for index in indices]
        try:
            fresh = self.backend.bring_back(self.deck, cards)
        except QuizError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        changed = dict(zip(indices, fresh, strict=True))
        for index, state in changed.items():
            self.states[index] = state
        rows = self.query_one("#card-states", OptionList)
        for row, index in enumerate(self.shown[: self._rows_added]):
            if index in changed:
                rows.replace_option_prompt_at_index(row, self._row(index))
        self._show_status()
        self.refresh_bindings()
        if len(cards) == 1:
            self.notify("Brought back: sessions can ask it again.", markup=False)
        else:
            self.notify(f"{len(cards)} cards brought back: sessions can ask them again.", markup=False)
        return True

    def action_back(self) -> None:
        self.app.pop_screen()
