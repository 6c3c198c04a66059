"""One widget per way of answering: reveal, type, pick, tick, true/false, order and match.

Each widget shows the question it is given and posts `Answered` with the
student's response; it never grades and never stores anything. The study
screen hands the response to the session.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static

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
        self.locked = True
        self.add_class("-locked")

    def focus_input(self) -> None:
        """Put the keyboard focus where the student answers."""

    typed = False
    """Answered by typing: only then can the grader misread a right answer ("I was right")."""

    def mark_answer(self, response: object) -> None:
        """After grading, show in place which options were right (and which pick was wrong)."""


# --- flashcards ----------------------------------------------------------------


class FlashcardQuestion(QuestionWidget):
    """Front first; space shows the back. Rating keys belong to the study screen's grade bar."""

    def __init__(self, card: FlashCard, *, reverse: bool = False) -> None:
        front, back = (card.back, card.question) if reverse else (card.question, card.back)
        super().__init__(card, prompt=render.deck_text(front))
        self.back = back
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static(render.label("space  show the answer", "$text-muted"), classes="back")

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

    def __init__(self, card: AnyCard, *, prompt: render.Content, placeholder: str) -> None:
        super().__init__(card, prompt=prompt)
        self.placeholder = placeholder

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
        self.post_message(Answered(event.value))

    def close_input(self) -> None:
        super().close_input()
        self.query_one(Input).disabled = True


def typed_placeholder(card: AnyCard) -> str:
    """What to type, said in the input itself (the unit for numbers, the format for dates)."""
    if isinstance(card, NumericCard):
        bound = {NumericBound.AT_LEAST: "at least / more than … ", NumericBound.AT_MOST: "up to … "}.get(card.bound, "")
        unit = f" ({one_line(card.unit)})" if card.unit else ""
        return f"a number{unit}; {bound}enter submits"
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
            what += " (or a span, e.g. 3-4 March)"
        return f"{what}; enter submits"
    return "type your answer; enter submits"


def cloze_prompt(card: ClozeCard, active: int, *, show_hint: bool = False) -> render.Content:
    """The passage with the active gap blanked (or its hint shown) and the other gaps filled in."""
    parts: list[render.Part] = []
    if card.question:
        parts.append(render.deck_text(card.question + "\n\n", "$text-muted"))
    position = 0
    for number, match in enumerate(GAP.finditer(card.text), start=1):
        parts.append(render.deck_text(card.text[position : match.start()]))
        gap = next((g for g in card.gaps if g.index == number), None)
        if number == active:
            hint = gap.hint if gap is not None and gap.hint else ""
            blank = f"[ {hint} ]" if hint and show_hint else "[ … ]" if not hint else f"[ {hint} ]"
            parts.append(render.deck_text(blank, "bold reverse $accent"))
        else:
            shown = gap.answer if gap is not None else match.group(1).split("::")[0].split("|")[0]
            parts.append(render.deck_text(shown, "underline"))
        position = match.end()
    parts.append(render.deck_text(card.text[position:]))
    return render.join(*parts)


# --- choices ---------------------------------------------------------------------


class ChoiceQuestion(QuestionWidget):
    """Pick one (or, for multi, tick several) by letter, number, arrows and enter.

    `order` is the display order of the card's choices (the session shuffles
    them with its seed); the response is the card's choice index (or the set
    of them for multi), never the screen position.
    """

    BINDINGS = [Binding("space", "toggle", "Tick", show=False)]

    def __init__(self, card: AnyCard, choices: Sequence[str], order: Sequence[int], *, multi: bool) -> None:
        super().__init__(card, prompt=render.deck_text(card.question))
        self.choices = tuple(choices)
        self.order = tuple(order)
        self.multi = multi
        self.ticked: set[int] = set()
        """Screen positions ticked so far (multi only)."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        if self.multi:
            yield Static(
                render.label("select all that apply: space ticks, enter submits", "$text-muted"), classes="how"
            )
        yield OptionList(*(self._line(i) for i in range(len(self.order))), id="choices")

    def _line(self, position: int, *, result: str = "") -> render.Content:
        key = LETTERS[position] if position < len(LETTERS) else " "
        text = render.deck_text(self.choices[self.order[position]])
        mark: render.Part = {"right": ("  ✓", "bold $success"), "wrong": ("  ✗", "bold $error")}.get(result, "")
        if self.multi:
            box = "[x] " if position in self.ticked else "[ ] "
            return render.join((f"{key}) ", "bold"), (box, "$accent"), text, mark)
        return render.join((f"{key}) ", "bold"), text, mark)

    def mark_answer(self, response: object) -> None:
        picked = set(response) if isinstance(response, tuple) else {response}
        options = self.query_one(OptionList)
        for position, index in enumerate(self.order):
            right = self.card.choices[index].correct  # type: ignore[union-attr]
            result = "right" if right else "wrong" if index in picked else ""
            options.replace_option_prompt_at_index(position, self._line(position, result=result))

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def focus_input(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event) -> None:  # noqa: ANN001 - a textual Key event
        if self.locked:
            return
        key = event.key
        position = None
        if len(key) == 1 and key in LETTERS[: len(self.order)]:
            position = LETTERS.index(key)
        elif key.isdigit() and 1 <= int(key) <= min(9, len(self.order)):
            position = int(key) - 1
        if position is None:
            return
        event.stop()
        event.prevent_default()
        self.query_one(OptionList).highlighted = position
        if self.multi:
            self._toggle(position)
        else:
            self.post_message(Answered(self.order[position]))

    def action_toggle(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if self.multi and highlighted is not None and not self.locked:
            self._toggle(highlighted)

    def _toggle(self, position: int) -> None:
        self.ticked ^= {position}
        self.query_one(OptionList).replace_option_prompt_at_index(position, self._line(position))

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.locked:
            return
        if self.multi:
            self.post_message(Answered(tuple(sorted(self.order[p] for p in self.ticked))))
        else:
            self.post_message(Answered(self.order[event.option_index]))

    def close_input(self) -> None:
        super().close_input()
        self.query_one(OptionList).disabled = True


class TrueFalseQuestion(QuestionWidget):
    """A statement: t or f (or arrows and enter)."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield OptionList(render.join(("t) ", "bold"), "True"), render.join(("f) ", "bold"), "False"), id="choices")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def focus_input(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event) -> None:  # noqa: ANN001
        if self.locked or event.key not in ("t", "f"):
            return
        event.stop()
        self.post_message(Answered(event.key == "t"))

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self.locked:
            self.post_message(Answered(event.option_index == 0))

    def close_input(self) -> None:
        super().close_input()
        self.query_one(OptionList).disabled = True


# --- order and match -------------------------------------------------------------


class OrderQuestion(QuestionWidget):
    """Put items in order: ctrl+↑/↓ (or shift+↑/↓) move the highlighted item; enter submits.

    The response is the card's item indexes in the order the student chose.
    """

    BINDINGS = [
        Binding("ctrl+up,shift+up,K", "move(-1)", "Move up", show=False),
        Binding("ctrl+down,shift+down,J", "move(1)", "Move down", show=False),
    ]

    def __init__(self, card: AnyCard, items: Sequence[str], start: Sequence[int]) -> None:
        super().__init__(card, prompt=render.deck_text(card.question or "Put these in order."))
        self.items = tuple(items)
        self.arrangement = list(start)
        """Card item indexes, top to bottom, as the student has them now."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static(
            render.label("ctrl+↑/↓ or shift+↑/↓ move the highlighted item; enter submits", "$text-muted"), classes="how"
        )
        yield OptionList(*(self._line(p) for p in range(len(self.arrangement))), id="items")

    def _line(self, position: int) -> render.Content:
        return render.join((f"{position + 1}. ", "bold"), render.deck_text(self.items[self.arrangement[position]]))

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def focus_input(self) -> None:
        self.query_one(OptionList).focus()

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        here = options.highlighted
        if self.locked or here is None:
            return
        there = here + step
        if not 0 <= there < len(self.arrangement):
            return
        self.arrangement[here], self.arrangement[there] = self.arrangement[there], self.arrangement[here]
        options.replace_option_prompt_at_index(here, self._line(here))
        options.replace_option_prompt_at_index(there, self._line(there))
        options.highlighted = there

    @on(OptionList.OptionSelected, "#items")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self.locked:
            self.post_message(Answered(tuple(self.arrangement)))

    def close_input(self) -> None:
        super().close_input()
        self.query_one(OptionList).disabled = True


class MatchQuestion(QuestionWidget):
    """Pair each left item with a right one: ←/→ (or - and +) cycle the partner; enter submits.

    The response maps each paired left item's index to the right-hand text
    chosen; items left unpaired are left out.
    """

    BINDINGS = [
        Binding("right,plus,equals_sign", "cycle(1)", "Next partner", show=False),
        Binding("left,minus", "cycle(-1)", "Previous partner", show=False),
    ]

    def __init__(self, card: AnyCard, lefts: Sequence[str], rights: Sequence[str]) -> None:
        super().__init__(card, prompt=render.deck_text(card.question or "Match the pairs."))
        self.lefts = tuple(lefts)
        self.rights = tuple(rights)
        """Right-hand options in display order (shuffled by the session, with distractors)."""
        self.chosen: list[int | None] = [None] * len(self.lefts)

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Static(
            render.label("←/→ choose the partner of the highlighted item; enter submits", "$text-muted"), classes="how"
        )
        yield OptionList(*(self._line(i) for i in range(len(self.lefts))), id="pairs")
        yield Static(render.join(("Partners: ", "$text-muted"), *self._partner_list()), classes="partners")

    def _partner_list(self) -> list[render.Part]:
        parts: list[render.Part] = []
        for index, text in enumerate(self.rights):
            if index:
                parts.append(("  ·  ", "$text-muted"))
            parts.append(render.deck_line(text))
        return parts

    def _line(self, index: int) -> render.Content:
        width = max(len(left) for left in self.lefts) if self.lefts else 0
        choice = self.chosen[index]
        partner = (
            render.deck_line(self.rights[choice], "bold $accent")
            if choice is not None
            else render.label("?", "$text-muted")
        )
        left = self.lefts[index][:30]
        return render.join(
            render.deck_line(left), " " * (min(width, 30) - len(left)), ("  →  ", "$text-muted"), partner
        )

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def focus_input(self) -> None:
        self.query_one(OptionList).focus()

    def action_cycle(self, step: int) -> None:
        options = self.query_one(OptionList)
        here = options.highlighted
        if self.locked or here is None or not self.rights:
            return
        current = self.chosen[here]
        if current is None:
            self.chosen[here] = 0 if step > 0 else len(self.rights) - 1
        else:
            nxt = current + step
            self.chosen[here] = None if not 0 <= nxt < len(self.rights) else nxt
        options.replace_option_prompt_at_index(here, self._line(here))

    @on(OptionList.OptionSelected, "#pairs")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.locked:
            return
        if event.option_index < len(self.lefts) - 1 and any(c is None for c in self.chosen):
            # enter on a row moves on to the next row until every item has a partner
            self.query_one(OptionList).highlighted = event.option_index + 1
            return
        self.post_message(Answered({index: self.rights[c] for index, c in enumerate(self.chosen) if c is not None}))

    def close_input(self) -> None:
        super().close_input()
        self.query_one(OptionList).disabled = True
