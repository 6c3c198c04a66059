"""Finding which of several listed texts a student typed: the deck's answers, choices or items.

One search serves short answers, choices typed as text, order items and match
pairs, so the leeway is the same everywhere: first the text as written (case
aside), then its canonical form (`normalise.canonical`), then a forgiven typo.
A typo is forgiven only when the intended text is long enough, is no number or
code, and is strictly closer than every other listed text: a student who types
one letter away from a *wrong* choice has not made a typo.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.grading.distance import distance
from quiz.grading.normalise import canonical, fold_case, is_code, tidy, typo_allowance, variants
from quiz.grading.verdict import Rule

MAX_TYPO_SEARCH = 2
"""The largest distance ever looked at (the largest allowance)."""


@dataclass(frozen=True, slots=True)
class Found:
    """Which listed text a typed answer is, and by which rule."""

    index: int | None
    """The listed text found, or None."""
    rule: Rule
    """EXACT, NORMALISED or TYPO_FORGIVEN when found; NEAR_MISS, NO_MATCH or EMPTY when not."""
    near: int | None = None
    """For NEAR_MISS: the listed text the answer was close to."""
    reason: str = ""
    """For NEAR_MISS: why the closeness was not forgiven."""


def find(
    typed: str,
    candidates: Sequence[str],
    *,
    case_sensitive: bool = False,
    exact: bool = False,
    typos: bool = True,
    weights: Sequence[float] | None = None,
) -> Found:
    """Find the candidate `typed` stands for.

    Args:
        typed: What the student typed.
        candidates: The listed texts, in deck order (ties go to the first).
        case_sensitive: Case counts.
        exact: Only the text as written counts (whitespace and, unless case-sensitive, case aside).
        typos: Small misspellings may be forgiven.
        weights: Credit per candidate; candidates with the same weight do not block each other's typos.
    """
    tidied = fold_case(tidy(typed), case_sensitive=case_sensitive)
    if not tidied:
        return Found(None, Rule.EMPTY)
    listed = [_listed(text, case_sensitive) for text in candidates]
    for index, (folded, _) in enumerate(listed):
        if folded == tidied:
            return Found(index, Rule.EXACT)
    typed_canonical = canonical(typed, case_sensitive=case_sensitive)
    if not exact and not typed_canonical:
        return Found(None, Rule.EMPTY)
    forms = [options for _, options in listed]
    if exact:
        for index, options in enumerate(forms):
            if typed_canonical in options:
                return Found(None, Rule.NEAR_MISS, index, "only the exact wording counts for this card")
        return Found(None, Rule.NO_MATCH)
    for index, options in enumerate(forms):
        if typed_canonical in options:
            return Found(index, Rule.NORMALISED)
    if case_sensitive:
        folded = canonical(typed)
        for index, text in enumerate(candidates):
            if folded in variants(text):
                return Found(None, Rule.NEAR_MISS, index, "capitals count on this card")
    if len(typed_canonical) > 4 * max((len(text) for text in candidates), default=0) + 8:
        return Found(None, Rule.NO_MATCH)
    return _closest(typed_canonical, candidates, forms, typos=typos, weights=weights)


@functools.lru_cache(maxsize=8192)
def _listed(text: str, case_sensitive: bool) -> tuple[str, frozenset[str]]:
    """A listed text as compared exactly and canonically; cached, because decks repeat their texts."""
    return fold_case(tidy(text), case_sensitive=case_sensitive), variants(text, case_sensitive=case_sensitive)


def _closest(
    typed: str,
    candidates: Sequence[str],
    forms: list[frozenset[str]],
    *,
    typos: bool,
    weights: Sequence[float] | None,
) -> Found:
    scored: list[tuple[int, int, int]] = []  # (distance, allowance, index) of each candidate within reach
    for index, options in enumerate(forms):
        best = MAX_TYPO_SEARCH + 1
        allowance = 0
        for option in options:
            found = distance(typed, option, MAX_TYPO_SEARCH)
            if found < best:
                best, allowance = found, typo_allowance(option)
        if best <= MAX_TYPO_SEARCH:
            scored.append((best, allowance, index))
    if not scored:
        return Found(None, Rule.NO_MATCH)
    scored.sort()
    best_distance, allowance, index = scored[0]
    rivals = [
        other
        for dist, _, other in scored[1:]
        if dist <= best_distance and (weights is None or weights[other] != weights[index])
    ]
    if rivals:
        return Found(
            None,
            Rule.NEAR_MISS,
            index,
            f"it is as close to “{candidates[rivals[0]]}” as to “{candidates[index]}”",
        )
    if is_code(candidates[index]):
        return Found(None, Rule.NEAR_MISS, index, "numbers and codes must be exact")
    if not typos:
        return Found(None, Rule.NEAR_MISS, index, "this card asks for exact spelling")
    if best_distance > allowance:
        if allowance == 0:
            return Found(None, Rule.NEAR_MISS, index, "short answers must be spelled exactly")
        return Found(None, Rule.NEAR_MISS, index, "too many letters differ")
    return Found(index, Rule.TYPO_FORGIVEN)
