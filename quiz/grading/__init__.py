"""Grading answers: pure functions from a card and a response to an explained verdict.

    from quiz.grading import grade
    verdict = grade(card, "$240.1 billion", item=None, elapsed=4.2)
    verdict.correctness, verdict.score, verdict.rule, verdict.explanation, verdict.rating

The rules a student meets are documented for teachers in docs/grading.md.
No I/O, no clock, no randomness: the same card and response always give the
same verdict.
"""

from __future__ import annotations

from quiz.grading.grader import Response, expected_answer, grade
from quiz.grading.verdict import Diff, DiffLine, Mark, Part, Rule, Verdict, suggest_rating

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
