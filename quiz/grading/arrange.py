"""Order and match answers: partial credit by pairs.

Order: of all pairs of items, the share the student put in the right relative
order (Kendall's tau rescaled to 0..1); an item left out loses every pair it is
in. Match: the share of left items matched to their right partner.

Typed responses (for `quiz grade` and a plain-text UI) name items by text, by
1-based number or by letter, in the card's order; separators are commas,
semicolons, newlines, "<" or ">". Match pairs are "left = right", "left ->
right" or "left: right", or compact "1b 2a 3c" (number for the left item,
letter for the right column: the pairs' right sides, then the distractors).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from quiz.grading.choices import resolve_pick
from quiz.grading.normalise import tidy
from quiz.grading.verdict import Judgement, Part, Rule
from quiz.model import MatchCard, OrderCard

_ITEM_SEPARATORS = re.compile(r"\s*(?:[,;\n<>→]|->|=>)\s*")
_PAIR_SEPARATORS = re.compile(r"\s*[,;\n]\s*")
_PAIR_LINK = re.compile(r"\s*(?:->|=>|→|=|:|—|–)\s*|\s+-\s+")
_COMPACT_PAIR = re.compile(r"(\d+)\s*-?\s*([a-z])\b")
_COMPACT_PAIRS = re.compile(r"^(?:\d+\s*-?\s*[a-z]\b[\s,;]*)+$")


def grade_order(response: str | Sequence[int | str], card: OrderCard) -> Judgement:
    """Credit by the share of item pairs in the right relative order."""
    items = list(card.items)
    expected = " → ".join(items)
    if isinstance(response, str):
        if not tidy(response):
            return Judgement(0.0, Rule.EMPTY, "no answer given", expected)
        pieces: Sequence[int | str] = [piece for piece in _ITEM_SEPARATORS.split(tidy(response)) if piece]
        if len(pieces) == 1 and len(items) > 1 and pieces[0].replace(" ", "").isalnum():
            compact = pieces[0].replace(" ", "")
            pieces = list(compact) if len(compact) == len(items) else pieces
    else:
        pieces = list(response)
    placed: list[int] = []
    unknown: list[str] = []
    for piece in pieces:
        index = resolve_pick(piece, items)
        if index is None:
            unknown.append(tidy(str(piece))[:80])
        elif index not in placed:
            placed.append(index)
    if not placed:
        return Judgement(0.0, Rule.UNREADABLE, "none of these are the card's items", expected)
    position = {index: rank for rank, index in enumerate(placed)}
    total = len(items) * (len(items) - 1) // 2
    in_order = sum(
        1
        for first in range(len(items))
        for second in range(first + 1, len(items))
        if first in position and second in position and position[first] < position[second]
    )
    score = in_order / total if total else 1.0
    parts = tuple(
        Part(
            label=f"{rank + 1}.",
            given=items[placed[rank]] if rank < len(placed) else "",
            expected=items[rank],
            score=1.0 if rank < len(placed) and placed[rank] == rank else 0.0,
            correct=rank < len(placed) and placed[rank] == rank,
        )
        for rank in range(len(items))
    )
    explanation = f"{in_order} of {total} pairs in the right order"
    missing = len(items) - len(placed)
    if missing:
        explanation += f"; {missing} item{'s' if missing > 1 else ''} left out"
    if unknown:
        explanation += f"; not items: {', '.join(unknown)}"
    return Judgement(score, Rule.PAIRS_IN_ORDER, explanation, expected, parts=parts)


def grade_match(response: str | Mapping[int | str, int | str] | Sequence[int | str], card: MatchCard) -> Judgement:
    """Credit by the share of left items matched to the right partner."""
    lefts = [left for left, _ in card.pairs]
    rights = [right for _, right in card.pairs] + list(card.distractors)
    expected = "; ".join(f"{left} = {right}" for left, right in card.pairs)
    if isinstance(response, str):
        if not tidy(response):
            return Judgement(0.0, Rule.EMPTY, "no answer given", expected)
        pairs = _typed_pairs(response)
    elif isinstance(response, Mapping):
        pairs = list(response.items())
    else:
        pairs = list(enumerate(response))
    chosen: dict[int, int] = {}
    unknown: list[str] = []
    for left, right in pairs:
        left_index = resolve_pick(left, lefts)
        right_index = resolve_pick(right, rights)
        if left_index is None or right_index is None:
            unknown.append(f"{tidy(str(left))[:40]} = {tidy(str(right))[:40]}")
        elif left_index not in chosen:
            chosen[left_index] = right_index
    if not chosen:
        return Judgement(0.0, Rule.UNREADABLE, "no pair names the card's items", expected)
    parts = tuple(
        Part(
            label=left,
            given=rights[chosen[index]] if index in chosen else "",
            expected=card.pairs[index][1],
            score=1.0 if chosen.get(index) == index else 0.0,
            correct=chosen.get(index) == index,
        )
        for index, left in enumerate(lefts)
    )
    right_count = sum(part.correct for part in parts)
    explanation = f"{right_count} of {len(lefts)} pairs matched"
    if unknown:
        explanation += f"; not understood: {', '.join(unknown)}"
    return Judgement(right_count / len(lefts), Rule.PAIRS_MATCHED, explanation, expected, parts=parts)


def _typed_pairs(text: str) -> list[tuple[int | str, int | str]]:
    text = tidy(text)
    if _COMPACT_PAIRS.match(text.casefold()):
        return [(int(number) - 1, ord(char) - ord("a")) for number, char in _COMPACT_PAIR.findall(text.casefold())]
    pairs: list[tuple[int | str, int | str]] = []
    for piece in _PAIR_SEPARATORS.split(text):
        if not piece:
            continue
        link = _PAIR_LINK.search(piece)
        pairs.append((piece[: link.start()], piece[link.end() :]) if link else (piece, ""))
    if not pairs:
        return []
    if all(not right for _, right in pairs):
        compact = tidy(text).replace(" ", "").casefold()
        if compact.isalpha():
            return [(index, ord(char) - ord("a")) for index, char in enumerate(compact)]
    return pairs
