"""Reading `choice` (pick one) and `multi` (select all that apply) cards.

Choices are compared as a student would see them: trimmed, whitespace
folded and case ignored, so "Harbin" and "harbin " are the same choice.
"""

from __future__ import annotations

import math
from typing import Any

from quiz.loader.fields import ANSWER_KEYS, Scope, same_text, text_problem, type_name
from quiz.model import Choice, ChoiceCard, MultiCard


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
            for extra in sorted(item.keys() - ANSWER_KEYS):
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
        key = same_text(text)
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
        wanted = same_text(answer)
        if wanted not in {same_text(text) for text, _, _ in raw}:
            scope.error("answer", f'"{answer.strip()}" is not one of the choices')
            return None
        choices = tuple(
            Choice(text, (1.0 if same_text(text) == wanted else 0.0) if weight is None else weight, feedback)
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
        texts = {same_text(text) for text, _, _ in raw}
        for position, item in enumerate(answer):
            problem = text_problem(item)
            if problem:
                scope.error("answer", problem, f"[{position}]")
            elif same_text(item) not in texts:
                scope.error("answer", f'"{item.strip()}" is not one of the choices', f"[{position}]")
            elif same_text(item) in right:
                scope.error("answer", f'"{item.strip()}" is listed twice', f"[{position}]")
            else:
                right.add(same_text(item))
        if not scope.ok:
            return None
    count = len(right)
    choices = []
    for text, weight, feedback in raw:
        if weight is None:
            if same_text(text) in right:
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
