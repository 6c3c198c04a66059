"""What grading returns: the verdict on one answer, the rule that decided it, and a diff to draw.

Everything here is plain frozen data so the session can store it, the TUI can
draw it and `quiz grade --json` can print it, without any of them knowing how
an answer was judged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from quiz.model import Correctness, Rating

FULL = 0.999_999
"""Scores at or above this count as full credit (weights are floats that may not add up exactly)."""


class Rule(StrEnum):
    """Which rule decided a verdict; docs/grading.md explains each one to teachers."""

    EXACT = "exact"
    """The answer as written in the deck."""
    NORMALISED = "normalised"
    """The same answer once case, spacing, punctuation, articles or parentheses are set aside."""
    ALTERNATIVE = "alternative"
    """One of the deck's `accept` alternatives (its weight gives the credit)."""
    TYPO_FORGIVEN = "typo_forgiven"
    """A small misspelling of a long word answer."""
    ANY_ORDER = "any_order"
    """The parts of the answer, in another order, or only some of them (partial credit)."""
    WITHIN_TOLERANCE = "within_tolerance"
    """A number close enough to the answer."""
    IN_RANGE = "in_range"
    """A number inside the deck's range."""
    BOUND = "bound"
    """"more than 280" for an answer stated as "more than 280"."""
    WRONG_SCALE = "wrong_scale"
    """The right digits with the wrong scale ("240.1 million" for 240.1 billion)."""
    WRONG_UNIT = "wrong_unit"
    """A unit that is not the card's (euros for US dollars, months for years, a percentage for a count)."""
    WRONG_BOUND = "wrong_bound"
    """"less than 280" for "more than 280"."""
    DATE = "date"
    """The date at the granularity the card asks."""
    PARTIAL_DATE = "partial_date"
    """A date that is right as far as it goes, or one day of a span."""
    AMBIGUOUS = "ambiguous"
    """An answer with two readings that grade differently, such as 03/04; the student should say which."""
    CHOICE = "choice"
    """A choice picked by letter, number or text."""
    PICKS = "picks"
    """Select-all-that-apply: credit for right picks, penalties for wrong ones, never below 0."""
    PAIRS_IN_ORDER = "pairs_in_order"
    """Order: the share of pairs of items in the right relative order."""
    PAIRS_MATCHED = "pairs_matched"
    """Match: the share of pairs matched correctly."""
    GAPS = "gaps"
    """Cloze: the mean of the gaps' scores."""
    ANTICIPATED_WRONG = "anticipated_wrong"
    """A wrong answer the deck foresaw, with its own feedback."""
    NO_MATCH = "no_match"
    """Not any accepted answer."""
    NEAR_MISS = "near_miss"
    """Close to the answer, but not forgiven (a number, a code, a short word, or as close to another answer)."""
    UNREADABLE = "unreadable"
    """Not an answer of the kind asked (no number, no date, not one of the choices)."""
    EMPTY = "empty"
    """Nothing was given."""
    SELF_RATED = "self_rated"
    """A flashcard: the student judges their own recall."""


class Mark(StrEnum):
    """How one character of a diff line is drawn."""

    RIGHT = "right"
    WRONG = "wrong"
    """Typed but not expected (or typed in place of another character)."""
    MISSING = "missing"
    """Expected but not typed; appears on the expected line only."""


DiffLine = tuple[tuple[str, Mark], ...]
"""A line of text as (character, mark) pairs."""


@dataclass(frozen=True, slots=True)
class Diff:
    """Typed versus expected, character by character, as Anki shows it."""

    typed: DiffLine
    expected: DiffLine


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a multi-part answer: a pick, a position, a pair or a gap."""

    label: str
    """What this part is about: a choice's text, an order position, a left item, a gap number."""
    given: str
    """What the student gave for it ("" when nothing)."""
    expected: str
    """What was expected ("" when the right thing is to leave it out)."""
    score: float
    """This part's share of credit, 0 to 1 (negative for a penalised pick)."""
    correct: bool
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement on one answer, with everything needed to explain it.

    Flashcards answered without typing get `Correctness.SELF_RATED` and `score`
    None: only the student can judge them.
    """

    correctness: Correctness
    score: float | None
    """0 to 1; None only for a self-rated flashcard."""
    rule: Rule
    explanation: str
    """One short sentence for the student: why this verdict."""
    expected: str
    """The canonical right answer as display text."""
    rating: Rating
    """The suggested FSRS rating (see `suggest_rating`); the student may override it."""
    feedback: str = ""
    """What the deck says about this particular answer (or choice, or pick), if anything."""
    diff: Diff | None = None
    """For typed answers: typed against expected, character by character."""
    parts: tuple[Part, ...] = ()
    """Per-part results for multi, order, match and multi-gap cloze."""

    @property
    def correct(self) -> bool:
        return self.correctness is Correctness.CORRECT


EASY_SECONDS_CHOICE = 5.0
"""A choice or true/false answered correctly within this many seconds suggests Easy."""
EASY_SECONDS_TYPED = 3.0
EASY_SECONDS_PER_CHAR = 0.25
"""A typed answer is Easy within 3 s plus 0.25 s per character of the expected answer …"""
EASY_MAX_CHARS = 25
"""… and only when the expected answer is at most this long (long answers are never Easy)."""
EASY_SECONDS_PER_PART = 2.5
"""Multi, order and match: Easy within this many seconds per item."""


def correctness_for(score: float) -> Correctness:
    """CORRECT at full credit, WRONG at none, PARTIAL in between."""
    if score >= FULL:
        return Correctness.CORRECT
    if score <= 0:
        return Correctness.WRONG
    return Correctness.PARTIAL


def suggest_rating(
    correctness: Correctness,
    *,
    elapsed: float | None = None,
    easy_within: float | None = None,
    forgiven: bool = False,
) -> Rating:
    """The FSRS rating a verdict suggests; the student may always override it.

    Wrong → Again; partly right → Hard; right → Good, or Easy when answered
    within `easy_within` seconds (never for a forgiven typo, and never when the
    time is unknown). Self-rated flashcards suggest Good: the student decides.

    Args:
        correctness: The verdict.
        elapsed: Seconds from showing the question to the answer, if measured.
        easy_within: The time limit for Easy; None means this answer can never be Easy.
        forgiven: The answer was accepted only thanks to typo tolerance.
    """
    if correctness is Correctness.WRONG:
        return Rating.AGAIN
    if correctness is Correctness.PARTIAL:
        return Rating.HARD
    if correctness is Correctness.SELF_RATED or forgiven:
        return Rating.GOOD
    if elapsed is None or easy_within is None or not math.isfinite(elapsed) or elapsed < 0:
        return Rating.GOOD
    return Rating.EASY if elapsed <= easy_within else Rating.GOOD


def typed_easy_within(expected: str) -> float | None:
    """The Easy time limit for a typed answer, from the length of the expected answer."""
    if len(expected) > EASY_MAX_CHARS:
        return None
    return EASY_SECONDS_TYPED + EASY_SECONDS_PER_CHAR * len(expected)


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a type-specific grader decides; `grade` turns it into a Verdict with a rating."""

    score: float
    rule: Rule
    explanation: str
    expected: str
    feedback: str = ""
    diff: Diff | None = None
    parts: tuple[Part, ...] = ()
    forgiven: bool = False
    """Accepted only thanks to typo tolerance (never suggests Easy)."""


def clamp(weight: float) -> float:
    """A weight as a share of credit: 0 to 1 (NaN counts as 0)."""
    if not weight > 0:
        return 0.0
    return min(1.0, weight)


def percent(score: float) -> str:
    """A score as students read it: "50%"."""
    return f"{round(score * 100)}%"
