"""One widget per way of answering: reveal, type, pick, tick, true/false, order and match.

Each widget shows the question it is given and posts `Answered` with the
student's response; it never grades and never stores anything. The study
screen hands the response to the session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from quiz.model import (
    AnyCard,
    ClozeCard,
    DateCard,
    FlashCard,
    NumericBound,
    NumericCard,
)
from quiz.text import one_line
from quiz.tui import render

LETTERS = "abcdefghijklmnopqrstuvwxyz"
GAP = re.compile(r"\{\{(.+?)\}\}", re.DOTALL)
"""A cloze gap in the deck's syntax: {{answer}}, {{answer|alt}} or {{answer::hint}}."""


@dataclass
class Answered(Message):
    """The student gave a response (text, a choice index, a set of indexes, an order or pairs)."""

    response: object


class Revealed(Message):
    """The student turned a flashcard over."""


class QuestionWidget(Vertical):
    """Base: the prompt on top, the way of answering below, and whether it still takes input."""

    DEFAULT_CSS = """
    QuestionWidget .prompt { max-width: 110; }
    """
    """A long question wraps at a readable width in a wide terminal, like the feedback under it."""

    can_focus = False

    def __init__(self, card: AnyCard, *, prompt: render.Content, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes="question")
        self.card = card
        self.prompt = prompt
        self.locked = False
        """True once answered: the widget stays on screen under the feedback but takes no more input."""

    def compose(self) -> ComposeResult:
        yield Static(self.prompt, classes="prompt")

    def close_input(self) -> None:
        """Take no more answers; the question stays on screen above the feedback."""
        self.locked = True

    def focus_input(self) -> None:
        """Put the keyboard focus where the student answers."""

    typed = False
    """Answered by typing: only then can the grader misread a right answer ("I was right")."""
    uses_letters = False
    """Letter keys answer this question, so the study keys must be pressed with ctrl."""

    def mark_answer(self, response: object) -> None:
        """After grading, show in place which options were right (and which pick was wrong)."""


# --- flashcards ----------------------------------------------------------------


class FlashcardQuestion(QuestionWidget):
    """Front first; space shows the back. Rating keys belong to the study screen's grade bar."""

    def __init__(self, card: FlashCard, *, reverse: bool = False) -> None:
        front, back = (card.back, card.question) if reverse else (card.question, card.back)
        super().__init__(card, prompt=render.deck_text(front))
        self.back = back
        self.reverse = reverse
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield from super().compose()
        # asked back to front, a bare "Harbin" reads like a card with its question missing
        what = "space  show the front (this card is asked back to front)" if self.reverse else "space  show the answer"
        yield Static(render.label(what, "$text-muted"), classes="back")

    def reveal(self) -> None:
        if self.revealed:
            return
        self.revealed = True
        self.add_class("-revealed")
        self.query_one(".back", Static).update(
            render.join(("─" * 3 + "\n", "$text-muted"), render.deck_text(self.back))
        )
        self.post_message(Revealed())


# --- typed answers ---------------------------------------------------------------


class TypedQuestion(QuestionWidget):
    """An input line for short, numeric, date and cloze answers; enter submits."""

    typed = True
    uses_letters = True

    def __init__(self, card: AnyCard, *, prompt: render.Content, placeholder: str) -> None:
        super().__init__(card, prompt=prompt)
        self.placeholder = placeholder
        self._empty_once = False
        """An empty enter was pressed once on this question (the next one gives up)."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Input(placeholder=self.placeholder, id="answer", select_on_focus=False)

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = False if self.app.is_headless else True

    def focus_input(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#answer")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        if self.locked:
            return
        if not event.value.strip() and not self._empty_once:
            # an enter pressed once too often (after the last feedback) must not throw this question
            # away; a second one in a row means "I don't know, show me"
            self._empty_once = True
            self.notify("Nothing typed: enter again to see the answer.", markup=False, timeout=4)
            return
        self._empty_once = False
        self.post_message(Answered(event.value))

    # No `disabled` on the input once answered: restyling it costs ~5 ms per card. The screen
    # takes the focus away instead, and a locked question ignores enter.

    def ask(self, card: AnyCard, *, prompt: render.Content, placeholder: str) -> None:
        """Ask another typed question in this same widget: remounting costs a frame's worth of time."""
        self.card = card
        self.prompt = prompt
        self.placeholder = placeholder
        self.locked = False
        self._empty_once = False
        self.query_one(".prompt", Static).update(prompt)
        answer = self.query_one(Input)
        answer.placeholder = placeholder
        answer.value = ""


def typed_placeholder(card: AnyCard, *, whole: bool = False) -> str:
    """What to type, said in the input itself (the unit for numbers, the format for dates)."""
    if isinstance(card, NumericCard):
        bound = {
            NumericBound.AT_LEAST: ", e.g. “more than 100”",
            NumericBound.AT_MOST: ", e.g. “up to 100”",
        }.get(card.bound, "")
        unit = f" ({one_line(card.unit)})" if card.unit else ""
        return f"a number{unit}{bound}; enter submits"
    if isinstance(card, DateCard):
        start = card.answer.start
        if start.year is None:
            what = "a day and month, e.g. 3 March"
        elif start.month is None:
            what = "a year, e.g. 1991"
        elif start.day is None:
            what = "a month and year, e.g. March 2021"
        else:
            what = "a date, e.g. 3 March 2021"
        if card.answer.end is not None:
            what += ", or a span: 3-4 March"
        return what
    if isinstance(card, ClozeCard) and whole and len(card.gaps) > 1:
        return "the answers in order, separated by ; (enter submits)"
    return "type your answer; enter submits"


def cloze_prompt(card: ClozeCard, active: int | None) -> render.Content:
    """The passage with the asked gap blank (its hint shown) and the other gaps filled in.

    With `active` None (a quiz asks the whole card) every gap is blank and numbered.
    """
    parts: list[render.Part] = []
    if card.question:
        parts.append(render.deck_text(card.question + "\n\n", "$text-muted"))
    position = 0
    for number, match in enumerate(GAP.finditer(card.text), start=1):
        parts.append(render.deck_text(card.text[position : match.start()]))
        gap = next((g for g in card.gaps if g.index == number), None)
        hint = gap.hint if gap is not None else ""
        if active is None:
            blank = f"[{number}: {hint}]" if hint else f"[{number}: …]"
            parts.append(render.deck_text(blank, "bold reverse $accent"))
        elif number == active:
            parts.append(render.deck_text(f"[ {hint} ]" if hint else "[ … ]", "bold reverse $accent"))
        else:
            shown = gap.answer if gap is not None else match.group(1).split("::")[0].split("|")[0]
            parts.append(render.deck_text(shown, "underline"))
        position = match.end()
    parts.append(render.deck_text(card.text[position:]))
    return render.join(*parts)
