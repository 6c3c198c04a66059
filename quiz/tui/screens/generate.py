"""New deck from an article: read it, draft cards in a worker thread, let the teacher drop some, save.

Drafting a long article takes a moment, so it runs in a thread worker and
reports back with a message; the screen stays responsive and can be left.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static

from quiz.errors import QuizError
from quiz.model import Deck
from quiz.paths import user_decks_dir
from quiz.text import one_line
from quiz.tui import render
from quiz.tui.widgets.rows import CursorList, Hanging


@dataclass
class Drafted(Message):
    """The worker finished drafting (deck set) or failed (error set)."""

    deck: Deck | None
    article_text: str
    source: Path
    error: str = ""


class NewDeckScreen(Screen[None]):
    """Asks for an article file, shows the drafted cards, keeps the ticked ones, and saves the deck."""

    BINDINGS = [
        Binding("space", "toggle", "Keep/drop"),
        Binding("ctrl+s", "save", "Save deck", priority=True, id="save"),
        Binding("f1", "app.help", "Help", show=False),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.deck: Deck | None = None
        self.article_text = ""
        self.source: Path | None = None
        self.dropped: set[int] = set()
        """Indexes of drafted cards the teacher does not want."""

    def compose(self) -> ComposeResult:
        with Vertical(id="new-deck"):
            yield Static(render.label("New deck from an article", "bold"), id="new-title")
            yield Input(placeholder="path of the article (.txt, .md or .html)", id="article")
            yield Static(
                render.join(
                    ("enter", "bold"),
                    " drafts cards from the file · ",
                    ("tab", "bold"),
                    " goes to the cards and back · ",
                    ("f1", "bold"),
                    " help",
                ),
                id="new-keys",
            )
            yield Static(id="new-status")
            yield CursorList(id="drafts")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#drafts", OptionList).display = False
        self.query_one("#article", Input).focus()

    @on(Input.Submitted, "#article")
    def _draft(self, event: Input.Submitted) -> None:
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip():
            return
        self._status(render.label(f"Reading {one_line(str(path))} and drafting cards…", "$text-muted"))
        self.draft(path, self.app.backend.seed or 0)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True)
    def draft(self, path: Path, seed: int) -> None:
        """Read and draft in a thread; the result comes back as a `Drafted` message."""
        from quiz.generation import generate_deck, read_article

        try:
            article = read_article(path)
            result = generate_deck(article.text, title=article.title, seed=seed)
        except (QuizError, OSError) as error:
            self.post_message(Drafted(None, "", path, error=str(error)))
            return
        self.post_message(Drafted(result.deck, article.text, path))

    @on(Drafted)
    def _drafted(self, message: Drafted) -> None:
        if message.deck is None:
            # an earlier draft must not stay on screen to be saved under this file's failure
            self.deck, self.source, self.dropped = None, None, set()
            options = self.query_one("#drafts", OptionList)
            options.clear_options()
            options.display = False
            self._status(render.join(("⚠ ", "$text-error"), render.deck_line(message.error)))
            self.refresh_bindings()
            return
        self.deck, self.article_text, self.source = message.deck, message.article_text, message.source
        self.dropped = set()
        options = self.query_one("#drafts", OptionList)
        options.clear_options()
        options.add_options(self._line(i) for i in range(len(message.deck.cards)))
        options.display = True
        options.highlighted = 0
        options.focus()
        self.refresh_bindings()
        self._status(
            render.join(
                (f"{len(message.deck.cards)} cards drafted. ", "bold"),
                ("space keeps or drops a card · ctrl+s saves the ticked ones into ", "$text-muted"),
                (str(user_decks_dir(self.app.backend.data_dir)), "$text-muted"),  # type: ignore[attr-defined]
            )
        )

    def _line(self, index: int) -> Hanging:
        """One drafted card: its box and type in their own column, the question wrapping beside them."""
        assert self.deck is not None
        card = self.deck.cards[index]
        box = ("[ ] ", "$text-muted") if index in self.dropped else ("[x] ", "$text-success")
        head = render.join(box, (f"{card.type.value:<10} ", "$text-accent"))
        return Hanging(head, render.deck_line(card.question or card.id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Save and keep/drop only once there is a draft, so the footer offers no key that does nothing."""
        if action in ("save", "toggle"):
            return self.deck is not None
        return True

    def _status(self, content: render.Content) -> None:
        self.query_one("#new-status", Static).update(content)

    def action_toggle(self) -> None:
        options = self.query_one("#drafts", OptionList)
        index = options.highlighted
        if self.deck is None or index is None or not options.has_focus:
            return
        self.dropped ^= {index}
        options.replace_option_prompt_at_index(index, self._line(index))

    @on(OptionList.OptionSelected, "#drafts")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_toggle()

    def kept_deck(self) -> Deck | None:
        """The draft without the dropped cards."""
        if self.deck is None:
            return None
        cards = tuple(card for i, card in enumerate(self.deck.cards) if i not in self.dropped)
        return replace(self.deck, cards=cards)

    def action_save(self) -> None:
        deck = self.kept_deck()
        if deck is None or self.source is None:
            self.notify("Draft a deck first.", markup=False)
            return
        if not deck.cards:
            self.notify("Keep at least one card.", severity="warning", markup=False)
            return
        output = user_decks_dir(self.app.backend.data_dir) / f"{deck.id}.toml"  # type: ignore[attr-defined]
        if not output.exists():
            self._write(deck, output)
            return
        # the same article drafted twice gives the same file name: replacing it silently
        # would throw away the cards the teacher kept or edited the first time
        from quiz.tui.screens.confirm import ConfirmModal

        question = render.join(
            "Your deck folder already has ",
            render.deck_line(output.name, "bold"),
            " (an earlier draft of this article, perhaps edited since). ",
            f"Replace it with these {len(deck.cards)} cards?",
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(deck, output)
            else:
                self.notify("Not saved: the deck already there is kept.", markup=False)

        self.app.push_screen(ConfirmModal(question), answered)

    def _write(self, deck: Deck, output: Path) -> None:
        from quiz.generation import save_draft

        assert self.source is not None
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            saved = save_draft(deck, article_text=self.article_text, source=self.source, output=output)
        except (QuizError, OSError) as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
            return
        self.notify(f"Saved {len(deck.cards)} cards to {saved.deck}", markup=False)
        self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)
