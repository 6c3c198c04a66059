"""One `[[cards]]` table → one model card, one reader per question type.

Each reader takes the card's `Scope` and the fields common to every type,
reads its own keys, checks the rules of its type (a choice answer must be
among the choices, a span must end after it starts, …) and returns the card,
or None when anything was wrong (the problems are already reported).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from quiz.loader.fields import Scope, number_problem, text_problem, type_name
from quiz.loader.syntax import DATE_FORMS, SyntaxProblem, date_from_toml, parse_cloze, parse_date_answer
from quiz.model import (
    Answer,
    CardType,
    Choice,
    ChoiceCard,
    ClozeCard,
    DateCard,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
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

_ANSWER_KEYS = frozenset({"text", "weight", "feedback"})
_NUMERIC_KEYS = frozenset({"value", "tolerance", "min", "max", "weight", "feedback"})


def _norm(text: str) -> str:
    """How choices are compared: trimmed, whitespace folded, casefolded."""
    return " ".join(text.split()).casefold()


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
    for extra in sorted(value.keys() - _ANSWER_KEYS):
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


# --- choice and multi --------------------------------------------------------------


def _choices(scope: Scope) -> list[tuple[str, float | None, str]] | None:
    """(text, explicit weight or None, feedback) for each choice, or None after a problem."""
    value = scope.table.get("choices")
    if value is None:
        scope.error(None, 'missing "choices"')
        return None
    if type(value) is not list:
        scope.error("choices", f"expected a list of choices, got {type_name(value)}")
        return None
    result: list[tuple[str, float | None, str]] = []
    seen: dict[str, int] = {}
    for position, item in enumerate(value):
        sub = f"[{position}]"
        if type(item) is dict:
            for extra in sorted(item.keys() - _ANSWER_KEYS):
                scope.report.unknown(
                    scope.report.key_line(scope.section, "choices", scope.count),
                    scope.field("choices", sub),
                    f'unknown key "{extra}" (expected text, weight, feedback)',
                )
            text = item.get("text")
            problem = text_problem(text) if text is not None else 'missing "text"'
            if problem:
                scope.error("choices", problem, sub + ".text")
                continue
            weight = None
            if "weight" in item:
                weight = scope.weight(item["weight"], "choices", sub + ".weight")
                if weight is None:
                    continue
            feedback = item.get("feedback", "")
            problem = text_problem(feedback, required=False)
            if problem:
                scope.error("choices", problem, sub + ".feedback")
                continue
        else:
            problem = text_problem(item)
            if problem:
                scope.error("choices", problem.replace("expected text", "expected text or a { text = … } table"), sub)
                continue
            text, weight, feedback = item, None, ""
        key = _norm(text)
        if key in seen:
            scope.error("choices", f'"{text.strip()}" appears twice (also choices[{seen[key]}])', sub)
            continue
        seen[key] = position
        result.append((scope.clean(text), weight, scope.clean(feedback)))
    if len(value) < 2:
        scope.error("choices", "needs at least 2 choices")
    return result


def read_choice(scope: Scope, common: dict[str, Any]) -> ChoiceCard | None:
    raw = _choices(scope)
    answer = scope.table.get("answer")
    shuffle = scope.flag("shuffle", True)
    if raw is None:
        return None
    if answer is not None:
        problem = text_problem(answer)
        if problem:
            scope.error("answer", problem + " (the text of the right choice)")
            return None
        wanted = _norm(answer)
        if wanted not in {_norm(text) for text, _, _ in raw}:
            scope.error("answer", f'"{answer.strip()}" is not one of the choices')
            return None
        choices = tuple(
            Choice(text, (1.0 if _norm(text) == wanted else 0.0) if weight is None else weight, feedback)
            for text, weight, feedback in raw
        )
    else:
        if all(weight is None for _, weight, _ in raw):
            scope.error(None, 'missing "answer" (the text of the right choice, or weights on the choices)')
            return None
        choices = tuple(Choice(text, weight or 0.0, feedback) for text, weight, feedback in raw)
    if not any(choice.weight == 1.0 for choice in choices):
        scope.error("choices", "no choice earns full credit (one needs weight 1)")
    if not scope.ok:
        return None
    return ChoiceCard(choices=choices, shuffle=shuffle, **common)


def read_multi(scope: Scope, common: dict[str, Any]) -> MultiCard | None:
    raw = _choices(scope)
    answer = scope.table.get("answer")
    shuffle = scope.flag("shuffle", True)
    if raw is None:
        return None
    right: set[str] = set()
    if answer is not None:
        if type(answer) is not list:
            scope.error("answer", f"expected a list of the right choices, got {type_name(answer)}")
            return None
        texts = {_norm(text) for text, _, _ in raw}
        for position, item in enumerate(answer):
            problem = text_problem(item)
            if problem:
                scope.error("answer", problem, f"[{position}]")
            elif _norm(item) not in texts:
                scope.error("answer", f'"{item.strip()}" is not one of the choices', f"[{position}]")
            elif _norm(item) in right:
                scope.error("answer", f'"{item.strip()}" is listed twice', f"[{position}]")
            else:
                right.add(_norm(item))
        if not scope.ok:
            return None
    count = len(right)
    choices = []
    for text, weight, feedback in raw:
        if weight is None:
            if _norm(text) in right:
                weight = 1.0 / count
            else:
                weight = -1.0 / count if count else 0.0
        choices.append(Choice(text, weight, feedback))
    total = math.fsum(choice.weight for choice in choices if choice.weight > 0)
    if total == 0:
        scope.error(None, 'no right choice: list the right ones in "answer"')
    elif abs(total - 1.0) > 0.01:
        scope.error("choices", f"the right choices' weights add up to {total:g}; they must add up to 1")
    if not scope.ok:
        return None
    return MultiCard(choices=tuple(choices), shuffle=shuffle, **common)


# --- numeric and date --------------------------------------------------------------


def _numeric_answer(scope: Scope, table: dict[str, Any], key: str, sub: str, top: bool) -> NumericAnswer | None:
    """`answer` + `tolerance`, or `min`/`max`; from the card itself or an `answers` entry."""
    value_key = "answer" if top else "value"

    def number(name: str) -> float | None:
        value = table.get(name)
        if value is None:
            return None
        problem = number_problem(value)
        if problem:
            scope.error(name if top else key, problem, "" if top else f"{sub}.{name}")
            return None
        return float(value)

    def fail(name: str, message: str) -> None:
        scope.error(name if top else key, message, "" if top else f"{sub}.{name}")

    value, tolerance = number(value_key), number("tolerance")
    low, high = number("min"), number("max")
    has_value = table.get(value_key) is not None
    has_range = table.get("min") is not None or table.get("max") is not None
    if has_value and has_range:
        fail(value_key, f'write either "{value_key}" (with "tolerance") or "min"/"max", not both')
        return None
    if not has_value and not has_range:
        fail(value_key, f'missing "{value_key}" (or "min"/"max" for a range)')
        return None
    if tolerance is not None:
        if has_range:
            fail("tolerance", 'a range ("min"/"max") takes no "tolerance"')
        elif tolerance < 0:
            fail("tolerance", "must be ≥ 0")
    if low is not None and high is not None and low > high:
        fail("min", f"min ({low:g}) is larger than max ({high:g})")
    weight = 1.0
    feedback = ""
    if not top:
        if "weight" in table:
            weight = scope.weight(table["weight"], key, f"{sub}.weight")
        feedback = table.get("feedback", "")
        problem = text_problem(feedback, required=False)
        if problem:
            fail("feedback", problem)
    if not scope.ok or weight is None:
        return None
    return NumericAnswer(value, tolerance or 0.0, low, high, weight, scope.clean(feedback))


def read_numeric(scope: Scope, common: dict[str, Any]) -> NumericCard | None:
    table = scope.table
    answers: list[NumericAnswer] = []
    extra = table.get("answers")
    top_given = any(table.get(key) is not None for key in ("answer", "min", "max", "tolerance"))
    if top_given or extra is None:
        first = _numeric_answer(scope, table, "answer", "", True)
        if first is not None:
            answers.append(first)
    if extra is not None:
        if type(extra) is not list:
            scope.error("answers", f"expected a list of {{ value = …, tolerance = … }} tables, got {type_name(extra)}")
        else:
            for position, item in enumerate(extra):
                sub = f"[{position}]"
                if type(item) is not dict:
                    scope.error(
                        "answers", f"expected a {{ value = …, tolerance = … }} table, got {type_name(item)}", sub
                    )
                    continue
                for unknown in sorted(item.keys() - _NUMERIC_KEYS):
                    scope.report.unknown(
                        scope.report.key_line(scope.section, "answers", scope.count),
                        scope.field("answers", sub),
                        f'unknown key "{unknown}"',
                    )
                found = _numeric_answer(scope, item, "answers", sub, False)
                if found is not None:
                    answers.append(found)
    unit = scope.text("unit", required=False)
    bound_text = table.get("bound", NumericBound.EXACT.value)
    bound = NumericBound.EXACT
    try:
        bound = NumericBound(bound_text)
    except (ValueError, TypeError):
        scope.error("bound", f'unknown bound {bound_text!r} (expected: "exact", "at_least", "at_most")')
    if scope.ok and not any(answer.weight > 0 for answer in answers):
        scope.error("answers", "no answer earns credit (one needs a weight above 0)")
    if not scope.ok:
        return None
    return NumericCard(answers=tuple(answers), unit=unit, bound=bound, **common)


def read_date(scope: Scope, common: dict[str, Any]) -> DateCard | None:
    value = scope.table.get("answer")
    if value is None:
        scope.error(None, f'missing "answer" (a date: {DATE_FORMS})')
        return None
    if type(value) is date:
        return DateCard(answer=date_from_toml(value), **common)
    if type(value) is not str:
        what = "a date-time" if isinstance(value, datetime) else type_name(value)
        scope.error("answer", f"expected a date written as text ({DATE_FORMS}), got {what}")
        return None
    try:
        answer = parse_date_answer(value)
    except SyntaxProblem as problem:
        scope.error("answer", str(problem))
        return None
    return DateCard(answer=answer, **common) if scope.ok else None


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
        key = _norm(item)
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
            key = _norm(pair[0])
            if key in lefts:
                scope.error("pairs", f'"{pair[0].strip()}" is matched twice (also pairs[{lefts[key]}])', sub)
                continue
            lefts[key] = position
            pairs.append((scope.clean(pair[0]), scope.clean(pair[1])))
        if len(value) < 2:
            scope.error("pairs", "needs at least 2 pairs")
    distractors = scope.text_list("distractors")
    rights = {_norm(right) for _, right in pairs}
    for position, item in enumerate(distractors):
        if _norm(item) in rights:
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
