"""Choice, select-all-that-apply and true/false answers, picked by letter, number, text or index.

A typed pick is read in this order: the text of a choice (with the usual
leeway, and a typo only when it is closer to that choice than to any other),
then a letter ("b", "b)", "(b)"), then a 1-based number ("2"). Numbers are not
read as positions when any choice is itself a number, so "1949" is never
choice 1949. Letters and numbers follow the card's order: a UI that shuffles
passes the index of the choice in the card instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from quiz.grading.match import find
from quiz.grading.normalise import tidy
from quiz.grading.verdict import FULL, Judgement, Part, Rule, clamp, percent
from quiz.model import Choice, ChoiceCard, MultiCard, TrueFalseCard

TRUE_WORDS = frozenset({"t", "true", "yes", "y", "1", "correct", "right", "richtig", "vrai", "oui", "ja", "wahr"})
FALSE_WORDS = frozenset({"f", "false", "no", "n", "0", "incorrect", "wrong", "falsch", "faux", "non", "nein"})
_LETTER = re.compile(r"^\(?([a-z])[).:]?$")
_LIST_SEPARATORS = re.compile(r"\s*[,;/\n]\s*")
_PICK_SEPARATORS = re.compile(r"\s*(?:[,;/&+\n]|\band\b)\s*")

Picks = int | str | Sequence[int | str]


def letter(index: int) -> str:
    """The letter shown before the choice at `index`: a, b, c, …"""
    return chr(ord("a") + index) if index < 26 else str(index + 1)


def resolve_pick(pick: int | str, choices: Sequence[str]) -> int | None:
    """The index of the choice a single pick names, or None."""
    if isinstance(pick, bool):
        return None
    if isinstance(pick, int):
        return pick if 0 <= pick < len(choices) else None
    text = tidy(pick)
    if not text:
        return None
    found = find(text, choices, typos=True)
    if found.index is not None:
        return found.index
    lowered = text.casefold()
    if match := _LETTER.match(lowered):
        index = ord(match.group(1)) - ord("a")
        return index if index < len(choices) else None
    digits = lowered.strip("().:")
    if digits.isdigit() and not _numbers_are_choices(tuple(choices)):
        index = int(digits) - 1
        return index if 0 <= index < len(choices) else None
    return None


@functools.lru_cache(maxsize=4096)
def _numbers_are_choices(choices: tuple[str, ...]) -> bool:
    """Whether any choice is itself a number (then "2" names that number, not the second choice)."""
    return any(tidy(choice).replace(".", "").replace(",", "").isdigit() for choice in choices)


def grade_choice(response: int | str, card: ChoiceCard) -> Judgement:
    """One pick; its weight is the credit (1 for the right choice, 0 for the others unless the deck says)."""
    texts = [choice.text for choice in card.choices]
    best = max(card.choices, key=lambda choice: choice.weight)
    if isinstance(response, str) and not tidy(response):
        return Judgement(0.0, Rule.EMPTY, "no answer given", best.text)
    index = resolve_pick(response, texts)
    if index is None:
        return Judgement(0.0, Rule.UNREADABLE, f"“{_shown(response)}” is not one of the choices", best.text)
    choice = card.choices[index]
    score = clamp(choice.weight)
    if score >= FULL:
        explanation = f"({letter(index)}) is the right choice"
    elif score > 0:
        explanation = f"({letter(index)}) is partly right, worth {percent(score)}"
    else:
        explanation = f"({letter(index)}) “{choice.text}” is not the right choice"
    return Judgement(score, Rule.CHOICE, explanation, best.text, feedback=choice.feedback)


def multi_weights(choices: Sequence[Choice]) -> list[float]:
    """Each choice's credit when picked, exactly as the deck gives it.

    The loader already gives a wrong choice without a weight of its own the
    default penalty of -1 / (number of right choices), so each wrong pick
    cancels one right one; an explicit `weight = 0` means a wrong pick costs nothing.
    """
    return [choice.weight for choice in choices]


def parse_picks(response: Picks, choices: Sequence[str]) -> tuple[list[int], list[str]]:
    """The picked indices (deduplicated, in order) and the picks that name no choice."""
    resolved: dict[int | str, int | None] = {}

    def resolve(pick: int | str) -> int | None:
        if pick not in resolved:
            resolved[pick] = resolve_pick(pick, choices)
        return resolved[pick]

    if isinstance(response, (int, str)) and not isinstance(response, bool):
        response = _split_picks(response, choices, resolve) if isinstance(response, str) else [response]
    picked: list[int] = []
    unknown: list[str] = []
    for pick in response:
        index = resolve(pick)
        if index is None:
            unknown.append(_shown(pick))
        elif index not in picked:
            picked.append(index)
    return picked, unknown


def _split_picks(text: str, choices: Sequence[str], resolve: Callable[[int | str], int | None]) -> list[int | str]:
    """ "a, c", "a c", "ac", "1,3", "Harbin and Beijing": the first reading that names only choices.

    Failing that, the reading that names the most choices, so the unknown rest can be reported.
    """
    tidied = tidy(text)
    compact = tidied.casefold().replace(" ", "")
    readings: list[list[int | str]] = [
        [tidied],
        [part for part in _LIST_SEPARATORS.split(tidied) if part],
        [part for part in _PICK_SEPARATORS.split(tidied) if part],
        list(tidied.split()),
    ]
    if compact.isalpha() and len(compact) <= len(choices):
        readings.append(list(compact))
    best: list[int | str] = readings[0]
    best_known = -1
    for reading in readings:
        known = sum(resolve(pick) is not None for pick in reading)
        if known == len(reading):
            return reading
        if known > best_known:
            best, best_known = reading, known
    return best


def grade_multi(response: Picks, card: MultiCard) -> Judgement:
    """Right picks share the credit, wrong picks cost their penalty, and the score never goes below 0."""
    texts = [choice.text for choice in card.choices]
    expected = ", ".join(choice.text for choice in card.choices if choice.correct)
    if isinstance(response, str) and not tidy(response):
        return Judgement(0.0, Rule.EMPTY, "no answer given", expected)
    picked, unknown = parse_picks(response, texts)
    if unknown and not picked:
        return Judgement(0.0, Rule.UNREADABLE, f"“{unknown[0]}” is not one of the choices", expected)
    weights = multi_weights(card.choices)
    raw = sum(weights[index] for index in picked)
    score = max(0.0, min(1.0, raw))
    parts = []
    for index, choice in enumerate(card.choices):
        chosen = index in picked
        right = chosen == choice.correct
        parts.append(
            Part(
                label=f"({letter(index)}) {choice.text}",
                given="picked" if chosen else "",
                expected="pick" if choice.correct else "",
                score=weights[index] if chosen else 0.0,
                correct=right,
                feedback=choice.feedback if chosen else "",
            )
        )
    right_picks = sum(1 for index in picked if card.choices[index].correct)
    wrong_picks = len(picked) - right_picks
    total_right = sum(1 for choice in card.choices if choice.correct)
    explanation = f"{right_picks} of {total_right} right choices picked"
    if wrong_picks:
        explanation += f", {wrong_picks} wrong pick{'s' if wrong_picks > 1 else ''}"
        if raw < 0:
            explanation += " (the score stops at 0)"
    if unknown:
        explanation += f"; not choices: {', '.join(unknown)}"
    feedback = "\n".join(card.choices[index].feedback for index in picked if card.choices[index].feedback)
    return Judgement(score, Rule.PICKS, explanation, expected, feedback=feedback, parts=tuple(parts))


def grade_true_false(response: bool | int | str, card: TrueFalseCard) -> Judgement:
    """True or false, given as a bool or typed as true/false, t/f, yes/no, 1/0."""
    expected = "true" if card.answer else "false"
    if isinstance(response, bool):
        said: bool | None = response
    else:
        word = tidy(str(response)).casefold().strip(" .!?\"'")
        if not word:
            return Judgement(0.0, Rule.EMPTY, "no answer given", expected)
        said = True if word in TRUE_WORDS else False if word in FALSE_WORDS else None
    if said is None:
        return Judgement(0.0, Rule.UNREADABLE, "answer true or false", expected)
    if said == card.answer:
        return Judgement(1.0, Rule.CHOICE, f"the statement is {expected}", expected, feedback=card.feedback_correct)
    return Judgement(0.0, Rule.CHOICE, f"the statement is {expected}", expected, feedback=card.feedback_wrong)


def _shown(pick: object) -> str:
    return tidy(str(pick))[:80]
