"""Answering by arranging: put items in order, or pair each item with its partner."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from quiz.model import AnyCard
from quiz.tui import render
from quiz.tui.widgets.question import Answered, QuestionWidget

SUFFIX_MARKS: dict[str, render.Part] = {"right": ("  ✓", "bold $text-success"), "wrong": ("  ✗", "bold $text-error")}
"""After grading, the mark after an item in order (as choices are marked)."""
PREFIX_MARKS: dict[str, render.Part] = {
    "right": ("✓ ", "bold $text-success"),
    "wrong": ("✗ ", "bold $text-error"),
    "": "  ",
}
"""After grading, the mark before a pair; two spaces hold its place while answering, so nothing moves."""


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

    def _line(self, position: int, *, result: str = "") -> render.Content:
        return render.join(
            (f"{position + 1}. ", "bold"),
            render.deck_text(self.items[self.arrangement[position]]),
            SUFFIX_MARKS.get(result, ""),
        )

    def mark_answer(self, response: object) -> None:
        """✓ beside each item in its right place, ✗ beside the others (the card lists the items in order)."""
        options = self.query_one(OptionList)
        for position, index in enumerate(self.arrangement):
            options.replace_option_prompt_at_index(
                position, self._line(position, result="right" if index == position else "wrong")
            )

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

    The response maps each paired left item's text to the right-hand text
    chosen (texts, so the session's record of the answer reads as words);
    items left unpaired are left out.
    """

    DEFAULT_CSS = """
    MatchQuestion #pairs {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """
    """A long partner is cut at the edge rather than wrapped under the left column; the
    partners line below lists every one in full."""

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

    def _line(self, index: int, *, result: str = "") -> render.Content:
        width = max(len(left) for left in self.lefts) if self.lefts else 0
        choice = self.chosen[index]
        partner = (
            render.deck_line(self.rights[choice], "bold $accent")
            if choice is not None
            else render.label("?", "$text-muted")
        )
        left = self.lefts[index][:30]
        return render.join(
            PREFIX_MARKS[result],
            render.deck_line(left),
            " " * (min(width, 30) - len(left)),
            ("  →  ", "$text-muted"),
            partner,
        )

    def mark_answer(self, response: object) -> None:
        """✓ before each rightly paired item, ✗ before the others, so the mistakes show where they were made.

        The mark goes first: a long partner is cut at the right edge, and the mark must not be.
        """
        right = dict(self.card.pairs)  # type: ignore[union-attr]
        options = self.query_one(OptionList)
        for index, left in enumerate(self.lefts):
            choice = self.chosen[index]
            paired = choice is not None and self.rights[choice] == right.get(left)
            options.replace_option_prompt_at_index(index, self._line(index, result="right" if paired else "wrong"))

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
        self.post_message(Answered({self.lefts[i]: self.rights[c] for i, c in enumerate(self.chosen) if c is not None}))

    def close_input(self) -> None:
        super().close_input()
        self.query_one(OptionList).disabled = True
