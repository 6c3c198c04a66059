"""What a session asks: a study item, the card to show for it, and how the answer is read.

Learn mode asks new cards first as recognition questions: a typed-answer card
becomes a choice among its right answer and answers of other cards in the same
deck, or a true/false statement. Those questions are built here as ordinary
`ChoiceCard`/`TrueFalseCard` objects, so the UI draws them like any other card
and the grader judges them like any other card.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from quiz.model import (
    AnyCard,
    Choice,
    ChoiceCard,
    ClozeCard,
    DateCard,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericCard,
    OrderCard,
    Rating,
    ShortCard,
    TrueFalseCard,
    split_item_key,
)

RECOGNISABLE = (FlashCard, ShortCard, NumericCard, DateCard, ClozeCard)
"""Card types whose answer is a short text, so another card's answer makes a plausible distractor."""

CHOICE_OPTIONS = 4
"""Options in a recognition choice question (the right one and up to three distractors)."""

DISTRACTOR_CANDIDATES = 200
"""Wrong answers are picked from at most this many of the pool's, drawn at random: plenty to find look-alikes."""


class Presentation(StrEnum):
    """How an item is put to the student."""

    AS_WRITTEN = "as_written"
    """The card as the deck defines it (typed recall for short, numeric, date, cloze)."""
    CHOICE = "choice"
    """Recognition: pick the right answer among answers of other cards."""
    TRUE_FALSE = "true_false"
    """Recognition: is this the right answer?"""


@dataclass(frozen=True, slots=True)
class StudyItem:
    """One question of a session.

    `card` is what to show and what the answer is graded against: the deck's card,
    or for a recognition question a choice or true/false card built from it (its
    id is the deck card's). `key` is the study item (`quiz.model.item_keys`), or
    the card id when a quiz asks a whole card.
    """

    key: str
    card: AnyCard
    deck_card: AnyCard
    presentation: Presentation = Presentation.AS_WRITTEN
    is_new: bool = False
    """Never studied before this session (review and learn modes)."""

    @property
    def card_id(self) -> str:
        return split_item_key(self.key)[0]

    @property
    def grade_key(self) -> str | None:
        """The item argument for `quiz.grading.grade`: None for whole cards and recognition questions."""
        if self.presentation is not Presentation.AS_WRITTEN or self.key == self.deck_card.id:
            return None
        return self.key

    @property
    def hint(self) -> str:
        """The card's hint, or for a cloze item the hint of the gap asked."""
        card = self.deck_card
        if isinstance(card, ClozeCard):
            _, sub = split_item_key(self.key)
            for gap in card.gaps:
                if sub == f"gap{gap.index}" and gap.hint:
                    return gap.hint
        return card.hint


def recall_answer(card: AnyCard, key: str) -> str | None:
    """The short answer of a recognisable item, or None when the item is not recognisable."""
    if not isinstance(card, RECOGNISABLE):
        return None
    from quiz.grading.grader import expected_answer

    if key == card.id:
        if isinstance(card, ClozeCard):  # a whole cloze card has several answers
            return None
        answer = expected_answer(card)
    else:
        answer = expected_answer(card, item=key)
    return answer if answer and len(answer) <= 120 else None


def recall_question(card: AnyCard, key: str) -> str:
    """The question text of an item, for a recognition question or a summary."""
    _, sub = split_item_key(key)
    if isinstance(card, FlashCard) and sub == "reverse":
        return card.back
    if isinstance(card, ClozeCard):
        text = card.text
        for gap in card.gaps:
            start = text.find("{{")
            end = text.find("}}", start)
            if start < 0 or end < 0:
                break
            shown = "_____" if sub in ("", f"gap{gap.index}") else gap.answer
            text = text[:start] + shown + text[end + 2 :]
        return f"{card.question}\n{text}".strip() if card.question else text
    return card.question


def recognition_item(item: StudyItem, pool: Sequence[str], rng: random.Random, *, true_false: bool) -> StudyItem | None:
    """A recognition question for `item`, drawing wrong answers from `pool`; None if it cannot be made.

    Args:
        item: The item as written.
        pool: Answers of other items of the deck, of the same kind where possible.
        rng: The session's random generator (option order, distractor choice).
        true_false: Ask a true/false statement instead of a choice.
    """
    right = recall_answer(item.deck_card, item.key)
    if right is None:
        return None
    folded = right.casefold()
    if len(pool) > DISTRACTOR_CANDIDATES:  # a large deck: weighing every answer took 0.6 s a question at 100,000
        pool = rng.sample(pool, DISTRACTOR_CANDIDATES)
    others = sorted({answer for answer in pool if answer.casefold() != folded})
    if not others:
        return None
    question = recall_question(item.deck_card, item.key)
    if true_false:
        truth = rng.random() < 0.5
        shown = right if truth else _alike(right, others, rng)[0]
        card: AnyCard = TrueFalseCard(
            id=item.deck_card.id,
            question=f"{question}\nAnswer: {shown}",
            answer=truth,
            line=item.deck_card.line,
            tags=item.deck_card.tags,
            explanation=item.deck_card.explanation,
            feedback_wrong=f"The answer is {right}.",
        )
        return StudyItem(item.key, card, item.deck_card, Presentation.TRUE_FALSE, item.is_new)
    wrong = _alike(right, others, rng)[: CHOICE_OPTIONS - 1]
    options = [Choice(right, 1.0), *(Choice(text, 0.0) for text in wrong)]
    rng.shuffle(options)
    card = ChoiceCard(
        id=item.deck_card.id,
        question=question,
        choices=tuple(options),
        shuffle=False,
        line=item.deck_card.line,
        tags=item.deck_card.tags,
        explanation=item.deck_card.explanation,
    )
    return StudyItem(item.key, card, item.deck_card, Presentation.CHOICE, item.is_new)


def _alike(right: str, others: Sequence[str], rng: random.Random) -> list[str]:
    """`others` shuffled, those shaped like `right` first (a figure for a figure, a name for a name).

    An obviously different option ("2023" among names) gives the answer away.
    """

    def shape(text: str) -> tuple[bool, int]:
        return any(ch.isdigit() for ch in text), min(len(text.split()), 4)

    digits, words = shape(right)

    def distance(text: str) -> int:
        other_digits, other_words = shape(text)
        return 2 * (other_digits != digits) + abs(other_words - words)

    keyed = [(distance(text), rng.random(), text) for text in others]
    keyed.sort()
    return [text for _, _, text in keyed]


def response_text(card: AnyCard, response: object) -> str:
    """What the student answered, as text for the review log and the summary."""
    if response is None:
        return ""
    if isinstance(response, Rating):
        return response.name.lower()
    if isinstance(response, bool):
        return "true" if response else "false"
    if isinstance(response, str):
        return response
    if isinstance(response, int):
        return _pick(card, response)
    if isinstance(response, Mapping):
        return "; ".join(f"{left} = {right}" for left, right in response.items())
    if isinstance(response, Sequence):
        return ", ".join(_pick(card, part) if isinstance(part, int) else str(part) for part in response)
    return str(response)


def _pick(card: AnyCard, index: int) -> str:
    if isinstance(card, ChoiceCard | MultiCard) and 0 <= index < len(card.choices):
        return card.choices[index].text
    if isinstance(card, OrderCard) and 0 <= index < len(card.items):
        return card.items[index]
    if isinstance(card, MatchCard) and 0 <= index < len(card.pairs):
        return card.pairs[index][0]
    return str(index)
