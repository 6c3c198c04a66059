"""Stable content fingerprints of study items, so a deck edit can be told from a new card.

Two fingerprints per item: one of what the student is asked (the question
text) and one of what counts as right (the answer fields). Hints, tags,
explanations and sources are left out on purpose: fixing a typo in an
explanation should not flag a card as changed. The hash is of a canonical
rendering (`repr` of plain values), so it does not change between Python versions or runs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from quiz.model import (
    AnyCard,
    ChoiceCard,
    ClozeCard,
    DateCard,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericCard,
    OrderCard,
    ShortCard,
    TrueFalseCard,
    item_keys,
)

_GAP = re.compile(r"\{\{.*?\}\}", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The two hashes of one study item."""

    question: str
    answer: str


def _digest(value: object) -> str:
    """A 64-bit hash of `value`, built only of tuples, lists, strings, numbers, booleans and None.

    repr of those types is fixed by the language, so the hash is the same on every run and version.
    """
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def _answer_fields(card: AnyCard) -> object:
    """The fields that decide whether an answer is right, as plain values (tuples, strings, numbers)."""
    match card:
        case FlashCard():
            return card.back
        case ShortCard():
            flags = (card.case_sensitive, card.exact, card.typos, card.any_order)
            return [[(a.text, a.weight) for a in card.answers], flags]
        case ChoiceCard() | MultiCard():
            return [(c.text, c.weight) for c in card.choices]
        case TrueFalseCard():
            return card.answer
        case NumericCard():
            answers = [(a.value, a.tolerance, a.low, a.high, a.weight) for a in card.answers]
            return [answers, card.unit, card.bound.value]
        case DateCard():
            start, end = card.answer.start, card.answer.end
            return [(start.year, start.month, start.day), None if end is None else (end.year, end.month, end.day)]
        case OrderCard():
            return list(card.items)
        case MatchCard():
            return [list(card.pairs), list(card.distractors)]
        case _:
            return None


def card_fingerprints(card: AnyCard) -> dict[str, Fingerprint]:
    """The fingerprints of each study item of `card`, keyed by item key.

    A reversed flashcard's reverse item swaps question and answer; each gap of
    a cloze card has its own answer fingerprint, so editing one gap flags only
    that gap.
    """
    keys = item_keys(card)
    kind = str(card.type)
    if isinstance(card, ClozeCard):
        question = _digest([kind, card.question, _GAP.sub("{{}}", card.text)])
        return {
            key: Fingerprint(question, _digest([gap.answer, list(gap.accept)]))
            for key, gap in zip(keys, card.gaps, strict=True)
        }
    question = _digest([kind, card.question])
    answer = _digest(_answer_fields(card))
    prints = {keys[0]: Fingerprint(question, answer)}
    if isinstance(card, FlashCard) and len(keys) > 1:
        prints[keys[1]] = Fingerprint(_digest([kind, "reverse", card.back]), _digest(card.question))
    return prints
