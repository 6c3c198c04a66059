"""Card fields GIFT has no syntax for, carried in a `// quiz: {…}` comment.

Moodle ignores comments, so the exporter can add one JSON line before a
question holding what GIFT cannot say: the app's own card type where GIFT
only has a stand-in (date → short answer, order → matching, flashcard →
essay, a cloze with several gaps → one missing-word question per gap), and
fields such as `hint`, `source`, `unit`, `bound` or `reverse`. Reading it back
restores the card exactly. The GIFT part stays the authority for what it can
express; the comment only adds to it, and a value of the wrong shape is
ignored with a note rather than trusted.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

from quiz.interchange.draft import clean
from quiz.loader.syntax import SyntaxProblem, parse_date_answer
from quiz.model import (
    Answer,
    AnyCard,
    ChoiceCard,
    DateCard,
    FlashCard,
    MultiCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
    OrderCard,
    ShortCard,
)

_FLAGS = {ShortCard: ("case_sensitive", "exact", "typos", "any_order"), ChoiceCard: ("shuffle",)}
_FLAGS[MultiCard] = ("shuffle",)
_FLAGS[FlashCard] = ("reverse",)


class Extras:
    """The `// quiz:` fields of one question, read defensively."""

    def __init__(self, values: dict[str, object], notes: list[str]) -> None:
        self.values = values
        self.notes = notes

    def text(self, key: str) -> str:
        value = self.values.get(key, "")
        if not isinstance(value, str):
            self.notes.append(f"`// quiz:` {key} is not text and was ignored")
            return ""
        return clean(value)

    def common(self) -> dict[str, object]:
        """hint, source and previous_ids, for any card."""
        fields: dict[str, object] = {}
        for key in ("hint", "source"):
            if key in self.values:
                fields[key] = self.text(key)
        previous = self.values.get("previous_ids")
        if isinstance(previous, list) and all(isinstance(item, str) for item in previous):
            fields["previous_ids"] = tuple(clean(item) for item in previous)
        return fields

    def kind(self) -> str:
        value = self.values.get("type")
        return value if isinstance(value, str) else ""

    def is_flashcard(self) -> bool:
        return self.kind() == "flashcard"

    def apply(self, card: AnyCard) -> AnyCard:
        """The card with the switches and numeric details the comment sets."""
        changes: dict[str, object] = {}
        for key in _FLAGS.get(type(card), ()):
            value = self.values.get(key)
            if isinstance(value, bool):
                changes[key] = value
        if isinstance(card, NumericCard):
            if "unit" in self.values:
                changes["unit"] = self.text("unit")
            bound = self.values.get("bound")
            if isinstance(bound, str) and bound in NumericBound.__members__.values():
                changes["bound"] = NumericBound(bound)
        return dataclasses.replace(card, **changes) if changes else card

    def order(self, pairs: list[tuple[str, str]]) -> Callable[..., AnyCard] | None:
        """An order card, when the comment says the matching question stands for one."""
        if self.kind() != "order":
            return None
        positions = [right for _, right in pairs]
        if positions != [str(n) for n in range(1, len(pairs) + 1)]:
            self.notes.append("the positions do not run 1, 2, 3, …; kept as a matching card")
            return None
        return functools.partial(OrderCard, items=tuple(left for left, _ in pairs))

    def date(self, answers: list[Answer]) -> Callable[..., AnyCard] | None:
        """A date card, when the comment says the short answer stands for one."""
        if self.kind() != "date":
            return None
        try:
            parsed = parse_date_answer(answers[0].text)
        except SyntaxProblem as problem:
            self.notes.append(f"not a date ({problem}); kept as a short answer")
            return None
        return functools.partial(DateCard, answer=parsed)

    def cloze_text(self) -> str | None:
        """The full cloze text (all gaps), when the question stands for a cloze card."""
        if self.kind() != "cloze" or "text" not in self.values:
            return None
        return self.text("text") or None

    def cloze_instruction(self) -> str:
        return self.text("question") if "question" in self.values else ""

    def ranges(self, values: list[NumericAnswer]) -> list[NumericAnswer]:
        """Open-ended ranges ("at least 280"), which GIFT can only write with both ends."""
        sides = self.values.get("open")
        if not isinstance(sides, list) or len(sides) != len(values):
            return values
        result = []
        for value, side in zip(values, sides, strict=True):
            if side == "high" and value.low is not None:
                value = dataclasses.replace(value, high=None)
            elif side == "low" and value.high is not None:
                value = dataclasses.replace(value, low=None)
            result.append(value)
        return result
