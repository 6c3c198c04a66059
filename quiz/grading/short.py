"""Typed text answers: the `short` card type, cloze gaps that hold words, and typed flashcards."""

from __future__ import annotations

from collections.abc import Sequence

from quiz.grading.distance import char_diff
from quiz.grading.match import Found, find
from quiz.grading.normalise import split_parts, tidy
from quiz.grading.numbers import NumberError, parse_quantity
from quiz.grading.verdict import Judgement, Part, Rule, clamp, percent
from quiz.model import Answer, NumericBound


def grade_text(
    typed: str,
    answers: Sequence[Answer],
    *,
    case_sensitive: bool = False,
    exact: bool = False,
    typos: bool = True,
    any_order: bool = False,
) -> Judgement:
    """Grade a typed answer against the deck's answers (`answers[0]` is the canonical one).

    Each answer's weight is its credit; a weight of 0 marks a foreseen wrong
    answer whose feedback the student should see.
    """
    canonical_answer = answers[0].text
    weights = [clamp(answer.weight) for answer in answers]
    found = find(
        typed,
        [answer.text for answer in answers],
        case_sensitive=case_sensitive,
        exact=exact,
        typos=typos,
        weights=weights,
    )
    if found.index is None and not exact and found.rule is not Rule.EMPTY:
        same = _same_number(typed, answers)
        if same is not None:
            found = Found(same, Rule.NORMALISED, reason="the same number, written another way")
    if found.index is None and any_order and found.rule is not Rule.EMPTY:
        in_any_order = _any_order(typed, answers, case_sensitive=case_sensitive, exact=exact, typos=typos)
        if in_any_order is not None:
            return in_any_order
    index = found.index if found.index is not None else 0
    target = answers[index]
    shown = target if weights[index] >= 1 else answers[0]
    diff = char_diff(tidy(typed), tidy(shown.text), case_sensitive=case_sensitive)
    if found.index is None:
        return Judgement(0.0, found.rule, _miss_explanation(found, answers), canonical_answer, diff=diff)
    score = weights[found.index]
    rule, explanation = _rule_for(found, score, target, canonical_answer)
    return Judgement(
        score,
        rule,
        explanation,
        canonical_answer,
        feedback=target.feedback,
        diff=diff,
        forgiven=found.rule is Rule.TYPO_FORGIVEN,
    )


def _same_number(typed: str, answers: Sequence[Answer]) -> int | None:
    """The answer that is the same plain number as the typed one ("4th" = "fourth" = "4"), if any.

    Only bare numbers count: nothing else written around them, no scale,
    currency or unit, so "G20" or "20 firms" never match this way.
    """
    typed_number = _plain_number(typed)
    if typed_number is None:
        return None
    for index, answer in enumerate(answers):
        if _plain_number(answer.text) == typed_number:
            return index
    return None


def _plain_number(text: str) -> float | None:
    if len(text) > 60:
        return None
    try:
        quantity = parse_quantity(text)
    except NumberError:
        return None
    if quantity.words or quantity.currencies or quantity.percent or quantity.time_unit or quantity.has_scale:
        return None
    if quantity.qualifier is not NumericBound.EXACT:
        return None
    return quantity.value


def _rule_for(found: Found, score: float, target: Answer, canonical: str) -> tuple[Rule, str]:
    if score <= 0:
        return Rule.ANTICIPATED_WRONG, f"“{target.text}” is a known wrong answer"
    worth = "" if score >= 1 else f", worth {percent(score)}"
    if found.rule is Rule.TYPO_FORGIVEN:
        return Rule.TYPO_FORGIVEN, f"a small typo, forgiven: the answer is spelled “{target.text}”{worth}"
    if found.index:
        return Rule.ALTERNATIVE, f"accepted as another way to say “{canonical}”{worth}"
    if found.rule is Rule.EXACT:
        return Rule.EXACT, f"exactly the answer{worth}"
    if found.reason:
        return Rule.NORMALISED, f"{found.reason}{worth}"
    return Rule.NORMALISED, f"the answer, with case, spacing, punctuation or optional words set aside{worth}"


def _miss_explanation(found: Found, answers: Sequence[Answer]) -> str:
    if found.rule is Rule.EMPTY:
        return "no answer given"
    if found.rule is Rule.NEAR_MISS and found.near is not None:
        return f"close to “{answers[found.near].text}”, but not forgiven: {found.reason}"
    return "not an accepted answer"


def _any_order(
    typed: str, answers: Sequence[Answer], *, case_sensitive: bool, exact: bool, typos: bool
) -> Judgement | None:
    """Grade an answer of several parts given in any order; None when no answer has parts."""
    typed_parts = split_parts(typed)
    best: Judgement | None = None
    for answer in answers:
        weight = clamp(answer.weight)
        expected_parts = split_parts(answer.text)
        if weight <= 0 or len(expected_parts) < 2:
            continue
        unused = list(range(len(expected_parts)))
        given: dict[int, str] = {}
        extra: list[str] = []
        forgiven = False
        for part in typed_parts:
            found = find(
                part,
                [expected_parts[index] for index in unused],
                case_sensitive=case_sensitive,
                exact=exact,
                typos=typos,
            )
            if found.index is None:
                extra.append(part)
                continue
            forgiven = forgiven or found.rule is Rule.TYPO_FORGIVEN
            given[unused.pop(found.index)] = part
        share = max(0.0, (len(given) - len(extra)) / len(expected_parts))
        score = weight * share
        parts = tuple(
            Part(
                label=f"part {i + 1}",
                given=given.get(i, ""),
                expected=text,
                score=1.0 if i in given else 0.0,
                correct=i in given,
            )
            for i, text in enumerate(expected_parts)
        ) + tuple(Part(label="extra", given=text, expected="", score=0.0, correct=False) for text in extra)
        explanation = f"{len(given)} of {len(expected_parts)} parts, in any order"
        if extra:
            explanation += f"; wrong parts cost credit: {', '.join(extra)}"
        judgement = Judgement(
            score,
            Rule.ANY_ORDER,
            explanation,
            answers[0].text,
            feedback=answer.feedback,
            parts=parts,
            forgiven=forgiven,
        )
        if best is None or judgement.score > best.score:
            best = judgement
    if best is None or not any(part.correct for part in best.parts):
        return None
    return best
