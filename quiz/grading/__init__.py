"""Grading answers: pure functions from a card and a response to an explained verdict.

    from quiz.grading import grade
    verdict = grade(card, "$240.1 billion", item=None, elapsed=4.2)
    verdict.correctness, verdict.score, verdict.rule, verdict.explanation, verdict.rating

The rules a student meets are documented for teachers in docs/grading.md.
No I/O, no clock, no randomness: the same card and response always give the
same verdict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quiz.grading.verdict import Diff, DiffLine, Mark, Part, Rule, Verdict, suggest_rating

if TYPE_CHECKING:
    from quiz.grading.grader import Response, expected_answer, grade

_GRADER_NAMES = frozenset({"Response", "expected_answer", "grade"})


def __getattr__(name: str) -> Any:
    """Load the grader on first use: its rules import in about 10 ms, which the app
    should not spend before it shows the first question (PEP 562)."""
    if name in _GRADER_NAMES:
        from quiz.grading import grader

        return getattr(grader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "Diff",
    "DiffLine",
    "Mark",
    "Part",
    "Response",
    "Rule",
    "Verdict",
    "expected_answer",
    "grade",
    "suggest_rating",
]
