"""Answering by picking: one choice, several choices, or true/false, by letter, number or arrows."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from quiz.model import AnyCard
from quiz.tui import render
from quiz.tui.widgets.question import LETTERS, Answered, QuestionWidget


class ChoiceQuestion(QuestionWidget):
    """Pick one (or, for multi, tick several) by letter, number, arrows and enter.

    `order` is the display order of the card's choices (the session shuffles
    them with its seed); the response is the card's choice index (or the set
    of them for multi), never the screen position.
    """

    BINDINGS = [Binding("space", "toggle", "Tick", show=False)]
    uses_letters = True

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
            # many decks already end the question with "Select all that apply."; no need to say it twice
            said = "select all that apply" in self.card.question.casefold()
            how = "space ticks, enter submits" if said else "select all that apply: space ticks, enter submits"
            yield Static(render.label(how, "$text-muted"), classes="how")
        yield OptionList(*(self._line(i) for i in range(len(self.order))), id="choices")

    def _line(self, position: int, *, result: str = "") -> render.Content:
        key = LETTERS[position] if position < len(LETTERS) else " "
        text = render.deck_text(self.choices[self.order[position]])
        mark: render.Part = {"right": ("  ✓", "bold $text-success"), "wrong": ("  ✗", "bold $text-error")}.get(
            result, ""
        )
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
        key = event.key.lower() if len(event.key) == 1 else event.key  # caps lock on still picks
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
        yield OptionList(self._line(True), self._line(False), id="choices")

    @staticmethod
    def _line(value: bool, result: str = "") -> render.Content:
        key, name = ("t) ", "True") if value else ("f) ", "False")
        mark: render.Part = {"right": ("  ✓", "bold $text-success"), "wrong": ("  ✗", "bold $text-error")}.get(
            result, ""
        )
        return render.join((key, "bold"), name, mark)

    def mark_answer(self, response: object) -> None:
        right = self.card.answer  # type: ignore[union-attr]
        options = self.query_one(OptionList)
        for index, value in enumerate((True, False)):
            result = "right" if value == right else "wrong" if value == response else ""
            options.replace_option_prompt_at_index(index, self._line(value, result))

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def focus_input(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event) -> None:  # noqa: ANN001
        key = event.key.lower() if len(event.key) == 1 else event.key  # caps lock on still answers
        if self.locked or key not in ("t", "f"):
            return
        event.stop()
        self.post_message(Answered(key == "t"))

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self.locked:
            self.post_message(Answered(event.option_index == 0))

    def close_input(self) -> None:
        super().close_input()
        self.query_one(OptionList).disabled = True
