"""Edit distance for typo tolerance, and the character diff the TUI draws.

The distance is the optimal-string-alignment form of Damerau-Levenshtein:
insertions, deletions, substitutions and swaps of two neighbouring letters
each cost 1. It stops early once the distance cannot stay within `limit`, so
a 100 KB answer costs no more than a short one.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from quiz.grading.verdict import Diff, DiffLine, Mark

MAX_DIFF_CHARS = 400
"""Longer typed answers are cut here before diffing (the diff is for reading, not for judging)."""


def distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (OSA) distance of `a` and `b`, or `limit + 1` if it exceeds `limit`."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def char_diff(typed: str, expected: str, *, case_sensitive: bool = False) -> Diff:
    """Typed and expected lines with each character marked right, wrong or missing.

    Characters that differ only in case count as right unless the card is
    case-sensitive: the verdict would not have counted them against the student.
    """
    typed = typed[:MAX_DIFF_CHARS]

    def keys(text: str) -> list[str]:
        return list(text) if case_sensitive else [char.casefold() for char in text]

    matcher = SequenceMatcher(None, keys(typed), keys(expected), autojunk=False)
    typed_line: list[tuple[str, Mark]] = []
    expected_line: list[tuple[str, Mark]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            typed_line.extend((char, Mark.RIGHT) for char in typed[i1:i2])
            expected_line.extend((char, Mark.RIGHT) for char in expected[j1:j2])
        elif tag == "replace":
            typed_line.extend((char, Mark.WRONG) for char in typed[i1:i2])
            expected_line.extend((char, Mark.WRONG) for char in expected[j1:j2])
        elif tag == "delete":
            typed_line.extend((char, Mark.WRONG) for char in typed[i1:i2])
        else:
            expected_line.extend((char, Mark.MISSING) for char in expected[j1:j2])
    return Diff(typed=_line(typed_line), expected=_line(expected_line))


def _line(pairs: list[tuple[str, Mark]]) -> DiffLine:
    return tuple(pairs)
