"""`dump_deck`: a `Deck` → canonical TOML a teacher can read and edit by hand.

The output is stable (the same deck always gives the same text, so diffs
stay small): `[deck]` first, then its source and options, then one
`[[cards]]` block per card with a blank line between, keys in a fixed order
(id, type, the question, the answer, then the extras), defaults left out, and
multi-line strings where the text has line breaks. Loading the result gives
back an equal deck (apart from `line` and `path`).
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from quiz.loader.syntax import format_date_answer, format_step
from quiz.model import (
    FORMAT_VERSION,
    Answer,
    Card,
    Choice,
    ChoiceCard,
    ClozeCard,
    DateCard,
    Deck,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
    OrderCard,
    ShortCard,
    StudyOptions,
    TrueFalseCard,
)

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x08\x0a-\x1f\x7f]')
_NEEDS_ESCAPE_MULTILINE = re.compile(r"[\\\x00-\x08\x0b-\x1f\x7f]")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")
_WIDTH = 100
"""Lists longer than this on one line are written one item per line."""


def dump_deck(deck: Deck) -> str:
    """Write `deck` as deck-format TOML (see docs/deck-format.md)."""
    out: list[str] = ["[deck]"]
    _put(out, "id", deck.id)
    _put(out, "title", deck.title)
    if deck.description:
        _put(out, "description", deck.description)
    if deck.language != "en":
        _put(out, "language", deck.language)
    if deck.tags:
        _put(out, "tags", list(deck.tags))
    out.append(f"format = {deck.format or FORMAT_VERSION}")
    source = deck.source
    if source is not None:
        out += ["", "[deck.source]"]
        for key in ("title", "url", "publisher", "published", "article"):
            value = getattr(source, key)
            if value:
                _put(out, key, value)
    options = _options(deck.options)
    if options:
        out += ["", "[deck.options]"]
        for key, value in options:
            _put(out, key, value)
    for card in deck.cards:
        out += ["", "[[cards]]"]
        for key, value in _card_items(card):
            _put(out, key, value)
    return "\n".join(out) + "\n"


# --- cards --------------------------------------------------------------------------


def _card_items(card: Card) -> list[tuple[str, Any]]:
    """The card's keys and values, in the canonical order, defaults left out."""
    items: list[tuple[str, Any]] = [("id", card.id), ("type", str(card.type))]
    if card.title:
        items.append(("title", card.title))
    if isinstance(card, FlashCard):
        items += [("front", card.question), ("back", card.back)]
        if card.reverse:
            items.append(("reverse", True))
    elif card.question or not isinstance(card, ClozeCard):
        items.append(("question", card.question))
    items += _TYPE_WRITERS.get(type(card), _nothing)(card)
    for key in ("hint", "explanation", "source"):
        value = getattr(card, key)
        if value:
            items.append((key, value))
    if card.tags:
        items.append(("tags", list(card.tags)))
    if card.previous_ids:
        items.append(("previous_ids", list(card.previous_ids)))
    return items


def _nothing(card: Card) -> list[tuple[str, Any]]:
    return []


def _short(card: ShortCard) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = [("answer", _answer(card.answers[0]))]
    if len(card.answers) > 1:
        items.append(("accept", [_answer(answer) for answer in card.answers[1:]]))
    for key, default in (("case_sensitive", False), ("exact", False), ("typos", True), ("any_order", False)):
        value = getattr(card, key)
        if value != default:
            items.append((key, value))
    return items


def _answer(answer: Answer) -> str | dict[str, Any]:
    if answer.weight == 1.0 and not answer.feedback:
        return answer.text
    table: dict[str, Any] = {"text": answer.text}
    if answer.weight != 1.0:
        table["weight"] = answer.weight
    if answer.feedback:
        table["feedback"] = answer.feedback
    return table


def _choice(card: ChoiceCard) -> list[tuple[str, Any]]:
    right = [choice for choice in card.choices if choice.weight == 1.0]
    simple = len(right) == 1 and all(choice.weight in (0.0, 1.0) for choice in card.choices)
    if simple:
        choices = [_choice_entry(choice, None) for choice in card.choices]
        items: list[tuple[str, Any]] = [("choices", choices), ("answer", right[0].text)]
    else:
        items = [("choices", [_choice_entry(choice, 0.0) for choice in card.choices])]
    if not card.shuffle:
        items.append(("shuffle", False))
    return items


def _multi(card: MultiCard) -> list[tuple[str, Any]]:
    right = [choice for choice in card.choices if choice.weight > 0]
    count = len(right)
    entries = []
    for choice in card.choices:
        default = (1.0 / count if choice.weight > 0 else -1.0 / count) if count else 0.0
        entries.append(_choice_entry(choice, default))
    items: list[tuple[str, Any]] = [("choices", entries), ("answer", [choice.text for choice in right])]
    if not card.shuffle:
        items.append(("shuffle", False))
    return items


def _choice_entry(choice: Choice, default_weight: float | None) -> str | dict[str, Any]:
    """A plain string, or a table when the choice has feedback or a weight the reader cannot infer."""
    weighted = default_weight is not None and choice.weight != default_weight
    if not weighted and not choice.feedback:
        return choice.text
    table: dict[str, Any] = {"text": choice.text}
    if weighted:
        table["weight"] = choice.weight
    if choice.feedback:
        table["feedback"] = choice.feedback
    return table


def _true_false(card: TrueFalseCard) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = [("answer", card.answer)]
    if card.feedback_correct:
        items.append(("feedback_correct", card.feedback_correct))
    if card.feedback_wrong:
        items.append(("feedback_wrong", card.feedback_wrong))
    return items


def _numeric(card: NumericCard) -> list[tuple[str, Any]]:
    answers = list(card.answers)
    items: list[tuple[str, Any]] = []
    first = answers[0] if answers else None
    if first is not None and first.weight == 1.0 and not first.feedback:
        if first.value is not None:
            items.append(("answer", first.value))
            if first.tolerance:
                items.append(("tolerance", first.tolerance))
        else:
            if first.low is not None:
                items.append(("min", first.low))
            if first.high is not None:
                items.append(("max", first.high))
        answers = answers[1:]
    if card.unit:
        items.append(("unit", card.unit))
    if card.bound is not NumericBound.EXACT:
        items.append(("bound", str(card.bound)))
    if answers:
        items.append(("answers", [_numeric_entry(answer) for answer in answers]))
    return items


def _numeric_entry(answer: NumericAnswer) -> dict[str, Any]:
    table: dict[str, Any] = {}
    if answer.value is not None:
        table["value"] = answer.value
        if answer.tolerance:
            table["tolerance"] = answer.tolerance
    else:
        if answer.low is not None:
            table["min"] = answer.low
        if answer.high is not None:
            table["max"] = answer.high
    if answer.weight != 1.0:
        table["weight"] = answer.weight
    if answer.feedback:
        table["feedback"] = answer.feedback
    return table


def _date(card: DateCard) -> list[tuple[str, Any]]:
    return [("answer", format_date_answer(card.answer))]


def _cloze(card: ClozeCard) -> list[tuple[str, Any]]:
    return [("text", card.text)]


def _order(card: OrderCard) -> list[tuple[str, Any]]:
    return [("items", list(card.items))]


def _match(card: MatchCard) -> list[tuple[str, Any]]:
    items: list[tuple[str, Any]] = [("pairs", [list(pair) for pair in card.pairs])]
    if card.distractors:
        items.append(("distractors", list(card.distractors)))
    return items


_TYPE_WRITERS: dict[type, Any] = {
    ShortCard: _short,
    ChoiceCard: _choice,
    MultiCard: _multi,
    TrueFalseCard: _true_false,
    NumericCard: _numeric,
    DateCard: _date,
    ClozeCard: _cloze,
    OrderCard: _order,
    MatchCard: _match,
}


def _options(options: StudyOptions) -> list[tuple[str, Any]]:
    defaults = StudyOptions()
    items: list[tuple[str, Any]] = []
    for key in (
        "desired_retention",
        "learning_steps",
        "relearning_steps",
        "new_per_day",
        "max_reviews_per_day",
        "day_starts_at",
        "leech_threshold",
    ):
        value = getattr(options, key)
        if value == getattr(defaults, key):
            continue
        if key.endswith("_steps"):
            value = [format_step(step) for step in value]
        items.append((key, value))
    return items


# --- TOML values ------------------------------------------------------------------------


def _put(out: list[str], key: str, value: Any) -> None:
    """Append `key = value`, choosing the readable form for long text and long lists."""
    name = _key(key)
    if isinstance(value, str) and "\n" in value:
        out.append(f"{name} = {_multiline(value)}")
        return
    if isinstance(value, list):
        inline = f"{name} = {_value(value)}"
        if len(inline) > _WIDTH and len(value) > 1:
            out.append(f"{name} = [")
            out += [f"    {_value(item)}," for item in value]
            out.append("]")
            return
        out.append(inline)
        return
    out.append(f"{name} = {_value(value)}")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _float(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(f"cannot write {value} in a deck")
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _string(text: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def _multiline(text: str) -> str:
    """A `\"\"\"` string whose lines are the text's lines (the first newline is not part of the value)."""
    body = _NEEDS_ESCAPE_MULTILINE.sub(_escape, text)
    if '""' in body or body.endswith('"'):
        body = body.replace('"', '\\"')
    return '"""\n' + body + '"""'
