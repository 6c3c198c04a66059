"""The help screen: every key the app knows, grouped by where it works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.tui import render

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("?", "this help"),
            ("ctrl+p", "command palette: themes, statistics, help"),
            ("escape", "back (on a question: end the session)"),
            ("ctrl+q", "quit (every answer is already saved)"),
        ),
    ),
    (
        "Home",
        (
            ("↑ ↓ enter", "choose a deck and open it"),
            ("r l q c", "study it: review, learn, quiz, cram"),
            ("e", "show every problem of a deck with errors"),
            ("s", "statistics for all decks"),
            ("n", "new deck from an article"),
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
            ("n m", "quiz options: number of questions, timer"),
            ("t g", "quiz options: pick question types, tags (several at once)"),
            ("u", "the cards and their states: bring back suspended, buried and leech cards"),
            ("s", "statistics for this deck"),
            ("escape", "back to the decks"),
        ),
    ),
    (
        "Cards of a deck (u)",
        (
            ("u  enter", "bring the highlighted card back into sessions"),
            ("U", "bring back every card set aside (asks first)"),
            ("f", "show only the cards set aside, or every card"),
            ("home end", "the first or the last card"),
            ("escape", "back to the deck"),
        ),
    ),
    (
        "Picking types or tags (t g)",
        (
            ("space x", "tick or untick the highlighted one"),
            ("a", "tick all, or none"),
            ("enter", "done (all or none ticked: every one)"),
            ("escape", "cancel"),
        ),
    ),
    (
        "Question",
        (
            ("space", "flashcard: show the answer"),
            ("1 2 3 4", "rate: again, hard, good, easy (next interval shown)"),
            ("enter", "submit a typed answer (enter twice on an empty line: show the answer)"),
            ("a-z 1-9", "choice: pick by letter or number"),
            ("↑ ↓ enter", "choice: pick with the arrows"),
            ("a-z space", "multi: tick or untick a choice; enter submits"),
            ("t f", "true or false"),
            ("ctrl+↑ ctrl+↓", "order: move the highlighted item up or down"),
            ("shift+↑ shift+↓", "order: the same"),
            ("K J", "order: the same, without the arrows"),
            ("← → - +", "match: choose the partner for the highlighted item"),
            ("h  ctrl+g", "hint"),
            ("s  ctrl+s", "skip this card for now"),
            ("u  ctrl+z", "undo the last answer (not in a quiz)"),
            ("b  ctrl+b", "bury until tomorrow"),
            ("x  ctrl+o", "suspend the card"),
            ("e  ctrl+e", "edit the card in $EDITOR, then reload the deck"),
            ("f1", "this help"),
            ("escape", "end the session and see the summary"),
            ("", "while typing an answer, letters go into it: use the ctrl keys and f1"),
        ),
    ),
    (
        "After an answer",
        (
            ("enter", "accept the suggested rating and go on"),
            ("1 2 3 4", "choose another rating"),
            ("y", "I was right: count a typed answer right (logged as an override)"),
            ("u  ctrl+z", "undo the answer (not in a quiz)"),
        ),
    ),
    (
        "Summary",
        (
            ("r", "retry the misses"),
            ("s", "statistics for this deck"),
            ("enter escape", "back"),
        ),
    ),
    (
        "Statistics and lists of errors",
        (("escape q", "back"),),
    ),
    (
        "New deck from an article",
        (
            ("enter", "draft cards from the file named"),
            ("tab", "go to the drafted cards, or back to the file name"),
            ("space enter", "keep or drop the highlighted card"),
            ("ctrl+s", "save the ticked cards as a deck in your deck folder"),
            ("f1", "this help (? is part of the file name while you type it)"),
            ("escape", "back to the decks, saving nothing"),
        ),
    ),
    (
        "Questions that ask yes or no",
        (("y n", "yes or no (escape: no)"),),
    ),
)


def help_text() -> render.Content:
    """The whole key table as one block (for tests and plain output; the screen lays it out in columns)."""
    width = max(len(key) for _, keys in KEYS for key, _ in keys) + 2
    rows: list[render.Content] = []
    for section, keys in KEYS:
        if rows:
            rows.append(render.label(""))
        rows.append(render.label(section, "bold $text-accent"))
        for key, what in keys:
            rows.append(render.join((f"  {key:<{width}}", "bold"), what))
    return render.lines(rows)


class HelpScreen(ModalScreen[None]):
    """Every key, in one scrollable panel; any of escape, q or ? closes it.

    Each row is a key column and a description column, so a description that wraps
    stays in its column instead of running back under the keys.
    """

    DEFAULT_CSS = """
    HelpScreen .help-section { margin-top: 1; }
    HelpScreen .help-row { height: auto; }
    HelpScreen .help-key { width: 19; padding-left: 2; text-style: bold; }
    HelpScreen .help-what { width: 1fr; }
    """

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-panel"):
            yield Static(
                render.join(("Keys", "bold"), ("   escape, q or ? closes this", "$text-muted")), id="help-title"
            )
            for section, keys in KEYS:
                yield Static(render.label(section, "bold $text-accent"), classes="help-section")
                for key, what in keys:
                    with Horizontal(classes="help-row"):
                        yield Static(render.label(key), classes="help-key")
                        yield Static(render.label(what), classes="help-what")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
