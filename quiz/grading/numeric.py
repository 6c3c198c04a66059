"""Numeric answers: a value with a tolerance, a range, or a bound, read against the card's unit.

The card's `unit` sets the expected scale and currency: for 240.1 with unit
"billion USD", "240.1", "$240.1 billion", "240.1bn", "240,100 million" and
"2.401e11" are all the same answer, while "240.1 million" is the right digits at
the wrong scale and "240.1 billion euros" the wrong currency. Both are wrong,
and the explanation says why.
"""

from __future__ import annotations

import math

from quiz.grading.distance import char_diff
from quiz.grading.normalise import tidy
from quiz.grading.numbers import CURRENCY_NAMES, NumberError, Quantity, parse_quantity, parse_unit
from quiz.grading.verdict import Judgement, Rule, clamp, percent
from quiz.model import NumericAnswer, NumericBound, NumericCard

RELATIVE_EPSILON = 1e-9
"""Floating-point slack: 2.401e11 is 240.1 billion even though the float says 240099999999.99997."""

_TIMES = {1: "ten times", 2: "a hundred times", 3: "a thousand times", 6: "a million times", 9: "a billion times",
          12: "a trillion times"}  # fmt: skip


def format_number(value: float) -> str:
    """A number for display: no float noise, thousands separated from 10,000 on ("1949" stays "1949")."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e18:
        whole = int(value)
        return f"{whole:,}" if abs(whole) >= 10_000 else str(whole)
    text = f"{value:.12g}"
    if "e" in text:
        return text
    whole, _, fraction = text.partition(".")
    if abs(value) >= 10_000:
        whole = f"{int(whole):,}"
    return f"{whole}.{fraction}" if fraction else whole


def describe(card: NumericCard, answer: NumericAnswer | None = None) -> str:
    """The right answer as display text: "240.1 billion USD", "more than 280 entities", "between 5 and 7 %"."""
    answer = answer or card.answers[0]
    unit = f" {card.unit}" if card.unit else ""
    if answer.value is not None:
        text = format_number(answer.value)
        if card.bound is NumericBound.AT_LEAST:
            return f"more than {text}{unit}"
        if card.bound is NumericBound.AT_MOST:
            return f"up to {text}{unit}"
        return f"{text}{unit}"
    if answer.low is not None and answer.high is not None:
        return f"between {format_number(answer.low)} and {format_number(answer.high)}{unit}"
    if answer.low is not None:
        return f"at least {format_number(answer.low)}{unit}"
    return f"at most {format_number(answer.high or 0.0)}{unit}"


def grade_numeric(typed: str, card: NumericCard) -> Judgement:
    """Grade a typed number against every answer the card lists; the best-scoring one decides."""
    expected = describe(card)
    if not tidy(typed):
        return Judgement(0.0, Rule.EMPTY, "no answer given", expected)
    diff = char_diff(tidy(typed), expected)
    try:
        quantity = parse_quantity(typed)
    except NumberError as error:
        return Judgement(0.0, Rule.UNREADABLE, f"could not read a number: {error}", expected, diff=diff)
    if not math.isfinite(quantity.value):
        return Judgement(0.0, Rule.UNREADABLE, "could not read a number: too large", expected, diff=diff)
    unit = parse_unit(card.unit)
    wrong_unit = _unit_conflict(quantity, unit, card.unit)
    if wrong_unit:
        return Judgement(0.0, Rule.WRONG_UNIT, wrong_unit, expected, diff=diff)
    readings = _readings(quantity, unit)
    best: tuple[float, Rule, str, NumericAnswer] | None = None
    for answer in card.answers:
        for value in readings:
            hit = _hit(value, quantity.qualifier, answer, card)
            if hit is not None and (best is None or clamp(answer.weight) > best[0]):
                best = (clamp(answer.weight), *hit, answer)
    if best is not None:
        score, rule, explanation, answer = best
        if score <= 0:
            rule, explanation = Rule.ANTICIPATED_WRONG, f"{describe(card, answer)} is a known wrong answer"
        elif score < 1:
            explanation += f", worth {percent(score)}"
        return Judgement(
            score, rule, explanation, expected, feedback=answer.feedback, diff=None if score >= 1 else diff
        )
    return Judgement(0.0, *_miss(quantity, readings, card), expected, diff=diff)


def _readings(quantity: Quantity, unit: Quantity) -> list[float]:
    """The typed number in the card's units: as scaled, or for a bare number also as written out in full."""
    if quantity.has_scale:
        return [quantity.value * 10.0 ** (quantity.scale - unit.scale)]
    if unit.scale:
        return [quantity.value, quantity.value / 10.0**unit.scale]
    return [quantity.value]


def _close(a: float, b: float, tolerance: float = 0.0) -> bool:
    return abs(a - b) <= tolerance + RELATIVE_EPSILON * max(1.0, abs(a), abs(b))


def _hit(value: float, qualifier: NumericBound, answer: NumericAnswer, card: NumericCard) -> tuple[Rule, str] | None:
    """Whether one reading matches one answer; returns the rule and explanation, or None."""
    unit = f" {card.unit}" if card.unit else ""
    if answer.value is not None:
        if not _close(value, answer.value, answer.tolerance):
            return None
        if qualifier is not NumericBound.EXACT:
            if qualifier is not card.bound:
                return None
            return Rule.BOUND, f"the source gives it as {describe(card, answer)}"
        if _close(value, answer.value):
            note = "" if card.bound is NumericBound.EXACT else f" (the source says {describe(card, answer)})"
            return Rule.EXACT, f"exactly the figure{note}"
        # The tolerance is in the card's unit too: "within 0.05 billion USD", not "within 0.05".
        return Rule.WITHIN_TOLERANCE, (
            f"within {format_number(answer.tolerance)}{unit} of {format_number(answer.value)}{unit}"
        )
    low = -math.inf if answer.low is None else answer.low
    high = math.inf if answer.high is None else answer.high
    if qualifier is NumericBound.AT_LEAST:
        if answer.high is None and answer.low is not None and _close(value, answer.low):
            return Rule.BOUND, f"the source gives it as {describe(card, answer)}"
        return None
    if qualifier is NumericBound.AT_MOST:
        if answer.low is None and answer.high is not None and _close(value, answer.high):
            return Rule.BOUND, f"the source gives it as {describe(card, answer)}"
        return None
    if (low <= value or _close(value, low)) and (value <= high or _close(value, high)):
        return Rule.IN_RANGE, describe(card, answer)
    return None


def _unit_conflict(quantity: Quantity, unit: Quantity, unit_text: str) -> str:
    """Why the typed unit cannot be the card's, or "" when it can."""
    if quantity.currencies and unit.currencies and not quantity.currencies & unit.currencies:
        typed = CURRENCY_NAMES[sorted(quantity.currencies)[0]]
        wanted = CURRENCY_NAMES[sorted(unit.currencies)[0]]
        return f"the answer is in {wanted}, not {typed}"
    if quantity.currencies and not unit.currencies and unit_text and not unit.percent:
        return f"the answer is a number of {unit_text}, not an amount of money"
    if quantity.percent and not unit.percent and unit_text:
        return f"the answer is in {unit_text}, not a percentage"
    if quantity.time_unit and unit.time_unit and quantity.time_unit != unit.time_unit:
        return f"the answer is in {unit.time_unit}s, not {quantity.time_unit}s"
    return ""


def _miss(quantity: Quantity, readings: list[float], card: NumericCard) -> tuple[Rule, str]:
    """Why a number is wrong: the wrong scale, the wrong bound, or simply not the figure."""
    typed = format_number(quantity.value) + (f" {quantity.scale_word}" if quantity.has_scale else "")
    for answer in card.answers:
        if clamp(answer.weight) <= 0:
            continue
        closed = answer.value is not None or (answer.low is not None and answer.high is not None)
        for value in readings:
            if quantity.qualifier is not NumericBound.EXACT and _hit(value, NumericBound.EXACT, answer, card):
                said = "more than" if quantity.qualifier is NumericBound.AT_LEAST else "at most"
                return Rule.WRONG_BOUND, f"“{said}” does not fit: the answer is {describe(card, answer)}"
            for power in (3, 6, 9, 12, 1, 2) if closed else ():
                for sign in (1, -1):
                    if value != 0 and _hit(value * 10.0 ** (sign * power), NumericBound.EXACT, answer, card):
                        size = "small" if sign > 0 else "large"
                        times = _TIMES[power]
                        return Rule.WRONG_SCALE, f"{typed} is {times} too {size}"
    answer = card.answers[0]
    if answer.value is not None and answer.tolerance and card.bound is NumericBound.EXACT:
        unit_text = f" {card.unit}" if card.unit else ""
        return Rule.NO_MATCH, (
            f"{typed} is not within {format_number(answer.tolerance)}{unit_text} of "
            f"{format_number(answer.value)}{unit_text}"
        )
    if answer.value is not None and card.bound is not NumericBound.EXACT:
        return Rule.NO_MATCH, f"{typed} is not the figure the source gives: {describe(card)}"
    return Rule.NO_MATCH, f"{typed} is not {describe(card)}"
