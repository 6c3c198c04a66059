"""The help screen: every key the app knows, grouped by where it works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui import render

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("?  f1", "this help (f1 also while typing an answer)"),
            ("ctrl+p", "command palette: themes, statistics, keys"),
            ("escape", "back"),
            ("ctrl+q", "quit (every answer is already saved)"),
        ),
    ),
    (
        "Home",
        (
            ("↑ ↓ enter", "choose a deck"),
            ("r l q c", "study it: review, learn, quiz, cram"),
            ("e", "show every problem of a deck with errors"),
            ("s", "statistics for all decks"),
            ("n", "new deck from an article (space keeps/drops a card, ctrl+s saves)"),
            ("f5", "look for new or changed decks"),
        ),
    ),
    (
        "Deck",
        (
            ("r", "review: cards due today, then new ones"),
            ("l", "learn: rounds until every card is right twice"),
            ("q", "quiz: a scored test (options above the keys)"),
            ("c", "cram: practise without touching the schedule"),
            ("n t g m", "quiz options: questions, types, tags, timer"),
            ("s", "statistics for this deck"),
        ),
    ),
    (
        "Question",
        (
            ("space", "flashcard: show the answer"),
            ("1 2 3 4", "rate: again, hard, good, easy (next interval shown)"),
            ("enter", "submit a typed answer; continue after feedback"),
            ("a-z / 1-9 ↑ ↓", "choices: pick by letter, number or arrows"),
            ("space", "multi: tick or untick the highlighted choice"),
            ("t f", "true or false"),
            ("ctrl+↑ ctrl+↓", "order: move the highlighted item"),
            ("← →", "match: choose the partner for the highlighted item"),
            ("h  ctrl+g", "hint"),
            ("s  ctrl+s", "skip this card for now"),
            ("u  ctrl+z", "undo the last answer"),
            ("b  ctrl+b", "bury until tomorrow"),
            ("x  ctrl+o", "suspend the card"),
            ("e  ctrl+e", "edit the card in $EDITOR, then reload the deck"),
            ("", "(while typing an answer, use the ctrl keys)"),
        ),
    ),
    (
        "After an answer",
        (
            ("enter", "accept the suggested rating and go on"),
            ("1 2 3 4", "override the rating"),
            ("y", "I was right: count it right (logged as an override)"),
            ("u  ctrl+z", "undo the answer"),
        ),
    ),
    (
        "Summary",
        (
            ("r", "retry the misses"),
            ("enter / escape", "back to the deck"),
        ),
    ),
)


def help_text() -> render.Content:
    """The whole key table as one block."""
    width = max(len(key) for _, keys in KEYS for key, _ in keys) + 2
    rows: list[render.Content] = []
    for section, keys in KEYS:
        if rows:
            rows.append(render.label(""))
        rows.append(render.label(section, "bold $accent"))
        for key, what in keys:
            rows.append(render.join((f"  {key:<{width}}", "bold"), what))
    return render.lines(rows)


class HelpScreen(ModalScreen[None]):
    """Every key, in one scrollable panel; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-panel"):
            yield Static(render.label("Keys", "bold"), id="help-title")
            yield Static(help_text(), id="help-keys")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
