"""The documented defect checks every generated card must pass.

A card is defective when it
- **leaks its answer**: the question (or, for a cloze, the text outside the gaps)
  contains an accepted answer, a person's surname, a figure's digits or a date's year;
- has an **empty template slot**: an unfilled `{…}`, "None", empty quotation marks,
  a gap question without a gap, or an empty answer;
- is a **duplicate**: the same question as an earlier card, or the same type,
  answer and source sentence;
- is an **ungrammatical join**: a doubled word, "a" before a vowel or "an" before a
  consonant, space before punctuation, doubled punctuation, a lower-case start, or
  a question that does not end with "?" (a statement that does not end with ".").

The generator drops defective candidates and says why in its notes; the same
checks measure the quality bar in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quiz.generation.phrasing import GAP
from quiz.model import (
    AnyCard,
    ChoiceCard,
    ClozeCard,
    DateCard,
    MatchCard,
    MultiCard,
    NumericCard,
    OrderCard,
    ShortCard,
    TrueFalseCard,
)

LEAK, EMPTY_SLOT, DUPLICATE, UNGRAMMATICAL = "answer leaked", "empty template slot", "duplicate", "ungrammatical join"

_MONTHS = "January February March April May June July August September October November December".split()
_EMPTY = re.compile(r"\{[^{}]*\}|\bNone\b|“\s*”|\"\s*\"|\(\s*\)|\s{2,}")
_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
_A_VOWEL = re.compile(r"\ba\s+(?!(?:u[nsr]i|one|eu|use|usu|uk\b|us\b))[aeiou]\w*", re.I)
_AN_CONSONANT = re.compile(r"\ban\s+(?!(?:hour|honou?r|heir|honest|[aeiouAEIOU]|[FHLMNRSX][A-Z]|\d*8))\w", re.I)
_SPACE_PUNCT = re.compile(r"(?<!_)\s[,.;:?!](?!\w)")
_DOUBLE_PUNCT = re.compile(r"[,;:]\s*[,;:.?!]|\.\.(?!\.)|\?\s*\?")
_ASKING = (ShortCard, ChoiceCard, MultiCard, NumericCard, DateCard)


def card_answers(card: AnyCard) -> list[str]:
    """The answers a student could give, as text: what a question must never contain."""
    if isinstance(card, ShortCard):
        return [a.text for a in card.answers if a.weight > 0]
    if isinstance(card, ChoiceCard | MultiCard):
        return [c.text for c in card.choices if c.correct]
    if isinstance(card, NumericCard):
        return [
            _number(a.value if a.value is not None else a.low if a.low is not None else a.high) for a in card.answers
        ]
    if isinstance(card, DateCard):
        start = card.answer.start
        texts = [str(start.year)] if start.year else []
        if start.month and start.day:
            texts += [f"{_MONTHS[start.month - 1]} {start.day}", f"{start.day} {_MONTHS[start.month - 1]}"]
        elif start.month and start.year:
            texts.append(f"{_MONTHS[start.month - 1]} {start.year}")
        return texts
    if isinstance(card, ClozeCard):
        return [gap.answer for gap in card.gaps]
    return []


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else repr(value)


def asked_text(card: AnyCard) -> str:
    """What the student sees before answering, except the options of a choice card."""
    if isinstance(card, ClozeCard):
        return card.question + " " + re.sub(r"\{\{.*?\}\}", GAP, card.text)
    return card.question


def leaks(card: AnyCard) -> bool:
    """True when what the card shows contains one of its answers (or a person's surname)."""
    if isinstance(card, TrueFalseCard | OrderCard | MatchCard):
        return False
    shown = (
        asked_text(card).casefold().replace(",", "") if isinstance(card, NumericCard) else asked_text(card).casefold()
    )
    for answer in card_answers(card):
        candidates = {answer}
        if isinstance(card, ShortCard) and "person" in card.tags:
            last = answer.split()[-1]
            if len(last) > 2:
                candidates.add(last)
        for text in candidates:
            text = text.casefold().strip()
            if text and re.search(rf"(?<![\w.]){re.escape(text)}(?![\w]|\.\d)", shown):
                return True
    return False


def empty_slot(card: AnyCard) -> bool:
    """True when a template left a hole: an unfilled slot, empty quotes, a gap question without a gap."""
    if _EMPTY.search(card.question):
        return True
    if "completes this statement" in card.question or "complete this statement" in card.question:
        if GAP not in card.question:
            return True
    if isinstance(card, ClozeCard):
        return not card.gaps or any(not gap.answer.strip() for gap in card.gaps)
    return any(not text.strip() for text in card_answers(card)) or (
        isinstance(card, _ASKING) and not card_answers(card)
    )


def ungrammatical(card: AnyCard) -> bool:
    """True when a join reads wrong: doubled words, a/an, stray spaces or punctuation, bad start or end."""
    text = asked_text(card)
    if _DOUBLED.search(text.replace(GAP, "X")) or _A_VOWEL.search(text) or _AN_CONSONANT.search(text):
        return True
    if _SPACE_PUNCT.search(text) or _DOUBLE_PUNCT.search(text):
        return True
    first = text.lstrip('“"‘…')[:1]
    if first and not (first.isupper() or first.isdigit()):
        return True
    if isinstance(card, _ASKING) and not card.question.rstrip().endswith("?"):
        return True
    return isinstance(card, TrueFalseCard) and not card.question.rstrip().endswith(".")


def defects(cards: Sequence[AnyCard]) -> dict[str, list[str]]:
    """Every card's defects, by card id (cards without defects are left out).

    Of two cards with the same id, the second is the duplicate; its problems are
    the ones listed under the id.
    """
    found: dict[str, list[str]] = {}
    for card, problems in zip(cards, defects_in_order(cards), strict=True):
        if problems:
            found[card.id] = problems
    return found


def defects_in_order(cards: Sequence[AnyCard]) -> list[list[str]]:
    """Each card's defects, in the order of `cards` (an empty list for a sound card)."""
    found: list[list[str]] = []
    seen_questions: set[tuple[str, str]] = set()
    seen_answers: set[tuple[str, str, str]] = set()
    seen_ids: set[str] = set()
    for card in cards:
        problems: list[str] = []
        if leaks(card):
            problems.append(LEAK)
        if empty_slot(card):
            problems.append(EMPTY_SLOT)
        if ungrammatical(card):
            problems.append(UNGRAMMATICAL)
        question_key = (card.type.value, " ".join(asked_text(card).casefold().split()))
        answer_key = (card.type.value, "|".join(sorted(a.casefold() for a in card_answers(card))), card.source)
        if card.id in seen_ids or question_key in seen_questions or (card_answers(card) and answer_key in seen_answers):
            problems.append(DUPLICATE)
        seen_ids.add(card.id)
        seen_questions.add(question_key)
        if card_answers(card):
            seen_answers.add(answer_key)
        found.append(problems)
    return found
