"""Cloze gaps, each graded by what it holds: a number, a date, or words.

A gap whose answer reads as a number ("2023", "$240.1 billion") is graded as a
number in the unit the gap writes around it, so "240.1bn" fills
"{{$240.1 billion}}" and "2022" never fills "{{2023}}". A gap whose answer is a
written date with a number in it ("February 2022", "16 May", "2024-05-16") is
graded as a date; a month name alone ("May", "march") stays a word.
Anything else is text, with the gap's `|` alternatives accepted and the usual
typo rules (none for codes and numbers).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace

from quiz.grading.date_answers import grade_date
from quiz.grading.dates import MONTHS, DateError, parse_date
from quiz.grading.numbers import NumberError, Quantity, parse_quantity
from quiz.grading.numeric import grade_numeric
from quiz.grading.short import grade_text
from quiz.grading.verdict import Judgement, Part, Rule
from quiz.model import Answer, ClozeCard, ClozeGap, DateAnswer, NumericAnswer, NumericCard

_GAP_RESPONSE_SEPARATORS = re.compile(r"\s*(?:;|\||\n)\s*")
_ISO_DATE = re.compile(r"^(?:\d{4}-\d{2}(?:-\d{2})?|--\d{2}-\d{2})(?:/\S+)?$")


@functools.lru_cache(maxsize=4096)
def gap_kind(answer: str) -> NumericCard | DateAnswer | None:
    """What a gap holds: a number (as a one-answer numeric card), a date, or None for words."""
    words = answer.casefold().replace(".", " ").split()
    has_month = any(word in MONTHS for word in words) and any(char.isdigit() for char in answer)
    if _ISO_DATE.match(answer.strip()) or has_month:
        try:
            readings = parse_date(answer)
        except DateError:
            readings = ()
        if len(readings) == 1:
            return readings[0]
    try:
        quantity = parse_quantity(answer)
    except NumberError:
        return None
    if quantity.words or quantity.time_unit:
        return None
    return NumericCard(
        id="gap",
        question="",
        answers=(NumericAnswer(value=quantity.value),),
        unit=_unit_text(quantity),
        bound=quantity.qualifier,
    )


def _unit_text(quantity: Quantity) -> str:
    pieces = []
    if quantity.scale_word:
        pieces.append(quantity.scale_word)
    if quantity.currencies:
        pieces.append(sorted(quantity.currencies)[0])
    if quantity.percent:
        pieces.append("%")
    return " ".join(pieces)


def grade_gap(typed: str, gap: ClozeGap) -> Judgement:
    """Grade one gap as a number, a date or words, by what its answer holds."""
    kind = gap_kind(gap.answer)
    if isinstance(kind, NumericCard):
        judgement = grade_numeric(typed, kind)
        return _with_expected(judgement, gap.answer)
    if isinstance(kind, DateAnswer):
        return _with_expected(grade_date(typed, kind), gap.answer)
    answers = (Answer(gap.answer), *(Answer(text) for text in gap.accept))
    return grade_text(typed, answers)


def _with_expected(judgement: Judgement, expected: str) -> Judgement:
    """Show the gap's answer as the deck wrote it."""
    return replace(judgement, expected=expected)


def grade_cloze(response: str | Sequence[str], card: ClozeCard, gap_index: int | None) -> Judgement:
    """One gap (the study item asks for one), or all gaps averaged when no gap is named.

    For all gaps, the response is a sequence of answers in gap order, or one
    string with the answers separated by ";", "|" or new lines.
    """
    if gap_index is not None:
        gap = next(gap for gap in card.gaps if gap.index == gap_index)
        typed = response if isinstance(response, str) else (list(response)[:1] or [""])[0]
        return grade_gap(str(typed), gap)
    if len(card.gaps) == 1:
        typed = response if isinstance(response, str) else (list(response)[:1] or [""])[0]
        return grade_gap(str(typed), card.gaps[0])
    if isinstance(response, str):
        answers = _GAP_RESPONSE_SEPARATORS.split(response.strip())
    else:
        answers = [str(answer) for answer in response]
    judgements = [
        grade_gap(answers[number] if number < len(answers) else "", gap) for number, gap in enumerate(card.gaps)
    ]
    parts = tuple(
        Part(
            label=f"gap {gap.index}",
            given=answers[number] if number < len(answers) else "",
            expected=gap.answer,
            score=judgement.score,
            correct=judgement.score >= 1,
            # a plainly right gap needs no words ("exactly the answer" beside each ✓ is noise); a
            # forgiven typo, a partial or a wrong gap says why
            feedback="" if judgement.score >= 1 and not judgement.forgiven else judgement.explanation,
        )
        for number, (gap, judgement) in enumerate(zip(card.gaps, judgements, strict=True))
    )
    score = sum(judgement.score for judgement in judgements) / len(judgements)
    right = sum(part.correct for part in parts)
    return Judgement(
        score,
        Rule.GAPS,
        f"{right} of {len(parts)} gaps right",
        "; ".join(gap.answer for gap in card.gaps),
        parts=parts,
        forgiven=any(judgement.forgiven for judgement in judgements),
    )
