"""Reading `numeric` cards (a number with a tolerance or a range) and `date` cards."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from quiz.loader.fields import NUMERIC_KEYS, Scope, number_problem, text_problem, type_name
from quiz.loader.syntax import DATE_FORMS, SyntaxProblem, date_from_toml, parse_date_answer
from quiz.model import DateCard, NumericAnswer, NumericBound, NumericCard


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
                for unknown in sorted(item.keys() - NUMERIC_KEYS):
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
