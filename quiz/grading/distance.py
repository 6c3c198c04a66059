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
    """Damerau-Levenshtein (OSA) distance of `a` and `b`, or `limit + 1` if it exceeds `limit`.

    Only the diagonal band |i - j| <= limit is computed (cells outside it
    cannot lead to a distance within the limit), so the cost is about
    len(a) * (2 * limit + 1) steps instead of len(a) * len(b).
    """
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    over = limit + 1
    width = len(b) + 1
    previous2 = [over] * width
    previous = [j if j <= limit else over for j in range(width)]
    for i in range(1, len(a) + 1):
        current = [over] * width
        if i <= limit:
            current[0] = i
        char_a = a[i - 1]
        low, high = max(1, i - limit), min(len(b), i + limit)
        best = current[0] if i <= limit else over
        for j in range(low, high + 1):
            char_b = b[j - 1]
            value = previous[j - 1] + (char_a != char_b)
            if previous[j] + 1 < value:
                value = previous[j] + 1
            if current[j - 1] + 1 < value:
                value = current[j - 1] + 1
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b and previous2[j - 2] + 1 < value:
                value = previous2[j - 2] + 1
            current[j] = min(value, over)
            if value < best:
                best = value
        if best > limit:
            return over
        previous2, previous = previous, current
    return min(previous[-1], over)


def char_diff(typed: str, expected: str, *, case_sensitive: bool = False) -> Diff:
    """Typed and expected lines with each character marked right, wrong or missing.

    Characters that differ only in case count as right unless the card is
    case-sensitive: the verdict would not have counted them against the student.
    """
    typed = typed[:MAX_DIFF_CHARS]
    expected = expected[:MAX_DIFF_CHARS]

    def keys(text: str) -> list[str]:
        return list(text) if case_sensitive else [char.casefold() for char in text]

    typed_keys, expected_keys = keys(typed), keys(expected)
    # The common start and end are right by definition; diffing only the middle keeps
    # a one-letter slip in a long sentence as cheap as in a short word.
    head = 0
    while head < min(len(typed), len(expected)) and typed_keys[head] == expected_keys[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(typed), len(expected)) - head
        and typed_keys[len(typed) - 1 - tail] == expected_keys[len(expected) - 1 - tail]
    ):
        tail += 1
    typed_line: list[tuple[str, Mark]] = [(char, Mark.RIGHT) for char in typed[:head]]
    expected_line: list[tuple[str, Mark]] = [(char, Mark.RIGHT) for char in expected[:head]]
    matcher = SequenceMatcher(
        None, typed_keys[head : len(typed) - tail], expected_keys[head : len(expected) - tail], autojunk=False
    )
    typed_tail, expected_tail = typed[len(typed) - tail :], expected[len(expected) - tail :]
    typed, expected = typed[head : len(typed) - tail], expected[head : len(expected) - tail]
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
    if tail:
        typed_line += [(char, Mark.RIGHT) for char in typed_tail]
        expected_line += [(char, Mark.RIGHT) for char in expected_tail]
    return Diff(typed=_line(typed_line), expected=_line(expected_line))


def _line(pairs: list[tuple[str, Mark]]) -> DiffLine:
    return tuple(pairs)
