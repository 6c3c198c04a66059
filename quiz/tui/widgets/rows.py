"""Option rows that read well: wrapped lines hang under their text, and the highlighted row keeps the cursor's colours.

Shared by the lists of problems, drafted cards, card states and the type and tag pickers.
"""

from __future__ import annotations

from typing import Self

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, VisualType
from textual.widgets import OptionList

from quiz.tui import render


class Hanging(Visual):
    """A list row whose wrapped lines start under its text, not under its mark.

    A long problem or drafted question wraps over several lines; when the second line
    starts at the left edge, under the mark, the marks stop showing where each row
    begins and a list of sixty looks like one paragraph. The head (mark, box, type)
    stays alone in its column and the body wraps beside it.
    """

    MIN_BODY = 12
    """Below this many columns for the body, hanging is worse than plain wrapping."""

    def __init__(self, head: render.Content, body: render.Content) -> None:
        self.head = head
        self.body = body
        self.indent = head.cell_length

    def __str__(self) -> str:
        return str(self.head + self.body)

    def _plain(self, width: int) -> bool:
        return width - self.indent < self.MIN_BODY

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, container_width - self.indent)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if self._plain(width):
            return (self.head + self.body).get_height(rules, width)
        return self.body.get_height(rules, width - self.indent)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if self._plain(width):
            return (self.head + self.body).render_strips(width, height, style, options)
        head = self.head.render_strips(self.indent, 1, style, options)[0]
        blank = Strip.blank(self.indent, style.rich_style)
        body = self.body.render_strips(width - self.indent, height, style, options)
        return [Strip.join([head if row == 0 else blank, strip]) for row, strip in enumerate(body)]


def without_colours(prompt: VisualType) -> VisualType:
    """The row as plain text, for the cursor: its words still say what the colours said."""
    if isinstance(prompt, Hanging):
        return Hanging(prompt.head.without_spans, prompt.body.without_spans)
    if isinstance(prompt, Content):
        return prompt.without_spans
    return prompt


class CursorList(OptionList):
    """An OptionList whose highlighted row is drawn in the cursor's own colours.

    Rows colour their parts (a state, a card type, a mark) with theme colours chosen
    to read on the list's background. On the cursor's background some vanish: red on
    dark blue in textual-light, purple or red on light blue in nord. So the row under
    the cursor is shown from a copy without those colours, and gets them back when the
    cursor moves on; a prompt replaced while under the cursor stays plain until then.
    """

    _lit: tuple[int, VisualType] | None = None
    """The highlighted row's index and its coloured prompt, while it is shown plain."""

    def watch_highlighted(self, highlighted: int | None) -> None:
        if self._lit is not None:
            index, prompt = self._lit
            self._lit = None
            if index < self.option_count:
                super().replace_option_prompt_at_index(index, prompt)
        if highlighted is not None and highlighted < self.option_count:
            prompt = self.get_option_at_index(highlighted).prompt
            self._lit = (highlighted, prompt)
            super().replace_option_prompt_at_index(highlighted, without_colours(prompt))
        super().watch_highlighted(highlighted)

    def replace_option_prompt_at_index(self, index: int, prompt: VisualType) -> Self:
        if self._lit is not None and self._lit[0] == index:
            self._lit = (index, prompt)
            return super().replace_option_prompt_at_index(index, without_colours(prompt))
        return super().replace_option_prompt_at_index(index, prompt)

    def clear_options(self) -> Self:
        self._lit = None
        return super().clear_options()
