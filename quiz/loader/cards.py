"""One `[[cards]]` table → one model card, one reader per question type.

Each reader takes the card's `Scope` and the fields common to every type,
reads its own keys, checks the rules of its type (a choice answer must be
among the choices, a span must end after it starts, …) and returns the card,
or None when anything was wrong (the problems are already reported).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quiz.loader.choice_cards import read_choice, read_multi
from quiz.loader.fields import ANSWER_KEYS, Scope, same_text, text_problem, type_name
from quiz.loader.numeric_cards import read_date, read_numeric
from quiz.loader.syntax import SyntaxProblem, parse_cloze
from quiz.model import (
    Answer,
    CardType,
    ClozeCard,
    FlashCard,
    MatchCard,
    OrderCard,
    ShortCard,
    TrueFalseCard,
)

COMMON_KEYS = frozenset({"id", "type", "question", "tags", "hint", "explanation", "source", "previous_ids", "title"})
"""Keys every card may have."""

TYPE_KEYS: dict[str, frozenset[str]] = {
    CardType.FLASHCARD: frozenset({"front", "back", "reverse"}),
    CardType.SHORT: frozenset({"answer", "accept", "case_sensitive", "exact", "typos", "any_order"}),
    CardType.CHOICE: frozenset({"choices", "answer", "shuffle"}),
    CardType.MULTI: frozenset({"choices", "answer", "shuffle"}),
    CardType.TRUE_FALSE: frozenset({"answer", "feedback_correct", "feedback_wrong"}),
    CardType.NUMERIC: frozenset({"answer", "tolerance", "min", "max", "unit", "bound", "answers"}),
    CardType.DATE: frozenset({"answer"}),
    CardType.CLOZE: frozenset({"text"}),
    CardType.ORDER: frozenset({"items"}),
    CardType.MATCH: frozenset({"pairs", "distractors"}),
}
"""Keys each question type adds."""

ALLOWED_KEYS = {kind: COMMON_KEYS | keys for kind, keys in TYPE_KEYS.items()}
ALLOWED_KEYS[CardType.FLASHCARD] = ALLOWED_KEYS[CardType.FLASHCARD] - {"question"}

_KEY_HINTS = {
    CardType.FLASHCARD: {"question": 'a flashcard has "front" and "back"', "answer": 'a flashcard uses "back"'},
    CardType.CLOZE: {"answer": "a cloze card's answers are the {{gaps}} in its text"},
}


# --- flashcard, short, true/false ------------------------------------------------


def read_flashcard(scope: Scope, common: dict[str, Any]) -> FlashCard | None:
    front = scope.text("front")
    back = scope.text("back")
    reverse = scope.flag("reverse", False)
    if not scope.ok:
        return None
    return FlashCard(question=front, back=back, reverse=reverse, **common)


def _answer_table(scope: Scope, value: object, key: str, sub: str) -> Answer | None:
    """A string, or `{ text = …, weight = …, feedback = … }`."""
    if type(value) is str:
        problem = text_problem(value)
        if problem:
            scope.error(key, problem, sub)
            return None
        return Answer(scope.clean(value))
    if type(value) is not dict:
        scope.error(key, f"expected text or {{ text = …, weight = …, feedback = … }}, got {type_name(value)}", sub)
        return None
    for extra in sorted(value.keys() - ANSWER_KEYS):
        scope.report.unknown(
            scope.report.key_line(scope.section, key, scope.count),
            scope.field(key, sub),
            f'unknown key "{extra}" (expected text, weight, feedback)',
        )
    text = value.get("text")
    problem = text_problem(text) if text is not None else 'missing "text"'
    if problem:
        scope.error(key, problem, sub + ".text")
        return None
    weight = scope.weight(value.get("weight", 1.0), key, sub + ".weight")
    feedback = value.get("feedback", "")
    problem = text_problem(feedback, required=False)
    if problem:
        scope.error(key, problem, sub + ".feedback")
        return None
    if weight is None:
        return None
    return Answer(scope.clean(text), weight, scope.clean(feedback))


def read_short(scope: Scope, common: dict[str, Any]) -> ShortCard | None:
    value = scope.table.get("answer")
    first = None
    if value is None:
        scope.error(None, 'missing "answer"')
    else:
        first = _answer_table(scope, value, "answer", "")
        if first is not None and first.weight <= 0:
            scope.error("answer", "the main answer must earn credit (weight above 0)")
    answers = [first]
    accept = scope.table.get("accept", ())
    if type(accept) is not list and accept != ():
        scope.error("accept", f"expected a list, got {type_name(accept)}")
    else:
        answers.extend(_answer_table(scope, item, "accept", f"[{i}]") for i, item in enumerate(accept))
    case_sensitive = scope.flag("case_sensitive", False)
    exact = scope.flag("exact", False)
    typos = scope.flag("typos", True)
    any_order = scope.flag("any_order", False)
    if not scope.ok:
        return None
    return ShortCard(
        answers=tuple(answers),  # type: ignore[arg-type]
        case_sensitive=case_sensitive,
        exact=exact,
        typos=typos,
        any_order=any_order,
        **common,
    )


def read_true_false(scope: Scope, common: dict[str, Any]) -> TrueFalseCard | None:
    value = scope.table.get("answer")
    if value is None:
        scope.error(None, 'missing "answer" (true or false)')
    elif type(value) is not bool:
        scope.error("answer", f"expected true or false (without quotes), got {type_name(value)}")
    feedback_correct = scope.text("feedback_correct", required=False)
    feedback_wrong = scope.text("feedback_wrong", required=False)
    if not scope.ok:
        return None
    return TrueFalseCard(answer=value, feedback_correct=feedback_correct, feedback_wrong=feedback_wrong, **common)


# --- cloze, order, match -------------------------------------------------------------


def read_cloze(scope: Scope, common: dict[str, Any]) -> ClozeCard | None:
    text = scope.text("text")
    if not scope.ok:
        return None
    try:
        gaps = parse_cloze(text)
    except SyntaxProblem as problem:
        scope.error("text", str(problem))
        return None
    if not gaps:
        scope.error("text", "no gaps: mark each answer as {{answer}} or {{answer::hint}}")
        return None
    return ClozeCard(text=text, gaps=gaps, **common)


def read_order(scope: Scope, common: dict[str, Any]) -> OrderCard | None:
    items = scope.text_list("items", min_items=2, what="items to put in order")
    seen: dict[str, int] = {}
    for position, item in enumerate(items):
        key = same_text(item)
        if key in seen:
            scope.error("items", f'"{item.strip()}" appears twice (also items[{seen[key]}])', f"[{position}]")
        seen.setdefault(key, position)
    if not scope.ok:
        return None
    return OrderCard(items=items, **common)


def read_match(scope: Scope, common: dict[str, Any]) -> MatchCard | None:
    value = scope.table.get("pairs")
    pairs: list[tuple[str, str]] = []
    if value is None:
        scope.error(None, 'missing "pairs"')
    elif type(value) is not list:
        scope.error("pairs", f'expected a list of ["left", "right"] pairs, got {type_name(value)}')
    else:
        lefts: dict[str, int] = {}
        for position, pair in enumerate(value):
            sub = f"[{position}]"
            if type(pair) is not list or len(pair) != 2:
                scope.error("pairs", 'each pair must be a list of two texts: ["left", "right"]', sub)
                continue
            problems = [text_problem(pair[0]), text_problem(pair[1])]
            if any(problems):
                scope.error("pairs", next(p for p in problems if p), sub)
                continue
            key = same_text(pair[0])
            if key in lefts:
                scope.error("pairs", f'"{pair[0].strip()}" is matched twice (also pairs[{lefts[key]}])', sub)
                continue
            lefts[key] = position
            pairs.append((scope.clean(pair[0]), scope.clean(pair[1])))
        if len(value) < 2:
            scope.error("pairs", "needs at least 2 pairs")
    distractors = scope.text_list("distractors")
    rights = {same_text(right) for _, right in pairs}
    for position, item in enumerate(distractors):
        if same_text(item) in rights:
            scope.error("distractors", f'"{item.strip()}" is also a right answer', f"[{position}]")
    if not scope.ok:
        return None
    return MatchCard(pairs=tuple(pairs), distractors=distractors, **common)


READERS: dict[str, Callable[[Scope, dict[str, Any]], Any]] = {
    CardType.FLASHCARD: read_flashcard,
    CardType.SHORT: read_short,
    CardType.CHOICE: read_choice,
    CardType.MULTI: read_multi,
    CardType.TRUE_FALSE: read_true_false,
    CardType.NUMERIC: read_numeric,
    CardType.DATE: read_date,
    CardType.CLOZE: read_cloze,
    CardType.ORDER: read_order,
    CardType.MATCH: read_match,
}
"""The reader for each question type; the keys are exactly the type names a deck may use."""


def key_hints(kind: str) -> dict[str, str]:
    return _KEY_HINTS.get(kind, {})
