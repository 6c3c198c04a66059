"""What a session asks: a study item, the card to show for it, and how the answer is read.

Learn mode asks new cards first as recognition questions: a typed-answer card
becomes a choice among its right answer and wrong answers of the same kind
(`quiz.session.distractors`: from the deck, or made up nearby), or a true/false
statement. Those questions are built here as ordinary `ChoiceCard`/`TrueFalseCard`
objects that keep the deck card's explanation and source, so the UI draws them,
and the feedback quotes the source, like any other card, and the grader judges
them like any other card.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from quiz.model import (
    AnyCard,
    Choice,
    ChoiceCard,
    ClozeCard,
    ClozeGap,
    DateCard,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericCard,
    OrderCard,
    Rating,
    ShortCard,
    TrueFalseCard,
    item_keys,
    split_item_key,
)

_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
"""A leading article, dropped from an answer put in a gap that already has one."""

RECOGNISABLE = (FlashCard, ShortCard, NumericCard, DateCard, ClozeCard)
"""Card types whose answer is a short text, so another card's answer makes a plausible distractor."""

CHOICE_OPTIONS = 4
"""Options in a recognition choice question (the right one and up to three distractors)."""

DISTRACTOR_CANDIDATES = 200
"""Wrong answers are picked from at most this many of each pool group's, drawn at random: plenty to find look-alikes."""


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


def pool_entries(card: AnyCard) -> list[tuple[str, str]]:
    """What a card offers other items' recognition questions as wrong answers: (group, text) pairs.

    The group is the card type, and the sort of name its question asks for when
    it says so (`quiz.session.distractors.pool_entries`).
    """
    answers = {key: answer for key in item_keys(card) if (answer := recall_answer(card, key)) is not None}
    if not answers and not isinstance(card, ChoiceCard):
        return []
    from quiz.session.distractors import pool_entries as entries

    return entries(card, answers)


def recall_question(card: AnyCard, key: str) -> str:
    """The question text of an item, for a recognition question or a summary."""
    _, sub = split_item_key(key)
    if isinstance(card, FlashCard) and sub == "reverse":
        return card.back
    if isinstance(card, ClozeCard):
        text = fill_gaps(card, lambda gap, _: "_____" if sub in ("", f"gap{gap.index}") else gap.answer)
        return f"{card.question}\n{text}".strip() if card.question else text
    return card.question


def recognition_item(
    item: StudyItem, pool: Mapping[str, Sequence[str]], rng: random.Random, *, true_false: bool
) -> StudyItem | None:
    """A recognition question for `item`, drawing wrong answers from `pool`; None if it cannot be made.

    The wrong answers are of the right answer's kind and never mean the same
    (`quiz.session.distractors`). With fewer than three of them a choice question
    offers fewer options; with one it becomes a true/false statement, with none
    the item is asked as written. The question keeps the deck card's hint,
    explanation and source, so the feedback after it quotes the source as the
    full question's does.

    Args:
        item: The item as written.
        pool: Wrong answers the deck offers, by group (`pool_entries`).
        rng: The session's random generator (option order, distractor choice).
        true_false: Ask a true/false statement instead of a choice.
    """
    from quiz.session.distractors import distractors

    right = recall_answer(item.deck_card, item.key)
    if right is None:
        return None
    pool = {
        card_type: rng.sample(list(answers), DISTRACTOR_CANDIDATES) if len(answers) > DISTRACTOR_CANDIDATES else answers
        for card_type, answers in pool.items()
    }  # a large deck: weighing every answer took 0.6 s a question at 100,000
    deck_card = item.deck_card
    question = recall_question(deck_card, item.key)
    wrong = distractors(
        deck_card, item.key, right, pool, rng, 1 if true_false else CHOICE_OPTIONS - 1, question=question
    )
    if not wrong:
        return None
    kept = {"id": deck_card.id, "line": deck_card.line, "tags": deck_card.tags, "hint": deck_card.hint,
            "explanation": deck_card.explanation, "source": deck_card.source, "title": deck_card.title}  # fmt: skip
    if true_false or len(wrong) == 1:
        truth = rng.random() < 0.5
        told = f"The answer is {right}."
        card: AnyCard = TrueFalseCard(
            question=statement(deck_card, item.key, right if truth else wrong[0].text),
            answer=truth,
            feedback_correct="" if truth else told,
            feedback_wrong=told if truth else " ".join(part for part in (told, wrong[0].feedback) if part),
            **kept,
        )
        return StudyItem(item.key, card, deck_card, Presentation.TRUE_FALSE, item.is_new)
    texts = [other.text for other in wrong]
    if _gap_after_article(deck_card, item.key):  # "attend a _____ exposition": "joint statement", not "a joint…"
        texts = [_ARTICLE.sub("", text, count=1) for text in texts]
    options = [
        Choice(right, 1.0),
        *(Choice(text, 0.0, other.feedback) for text, other in zip(texts, wrong, strict=True)),
    ]
    rng.shuffle(options)
    card = ChoiceCard(question=question, choices=tuple(options), shuffle=False, **kept)
    return StudyItem(item.key, card, deck_card, Presentation.CHOICE, item.is_new)


def statement(card: AnyCard, key: str, proposed: str) -> str:
    """A true/false statement proposing an answer to an item.

    A cloze sentence with the proposed answer in its gap reads as one statement;
    any other question is followed by the proposed answer on a line of its own,
    so that it never reads as a question glued to an answer.
    """
    _, sub = split_item_key(key)
    if isinstance(card, ClozeCard) and sub:

        def shown(gap: ClozeGap, before: str) -> str:
            if sub != f"gap{gap.index}":
                return gap.answer
            if _ends_with_article(before):
                return _ARTICLE.sub("", proposed, count=1)  # "attend a {{...}}" and "a joint statement"
            return proposed

        return fill_gaps(card, shown)
    return f"{recall_question(card, key)}\n\nProposed answer: {proposed}"


def fill_gaps(card: ClozeCard, fill: Callable[[ClozeGap, str], str]) -> str:
    """The cloze sentence with each gap replaced by `fill(gap, the text before it)`."""
    text = card.text
    for gap in card.gaps:
        start = text.find("{{")
        end = text.find("}}", start)
        if start < 0 or end < 0:
            break
        before = text[:start]
        text = before + fill(gap, before) + text[end + 2 :]
    return text


def _ends_with_article(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].casefold() in ("a", "an", "the")


def _gap_after_article(card: AnyCard, key: str) -> bool:
    """Whether the cloze gap asked by `key` follows an article in the sentence ("attend a {{…}}")."""
    _, sub = split_item_key(key)
    if not isinstance(card, ClozeCard) or not sub.startswith("gap"):
        return False
    text = card.text
    for gap in card.gaps:
        start = text.find("{{")
        end = text.find("}}", start)
        if start < 0 or end < 0:
            return False
        if sub == f"gap{gap.index}":
            return _ends_with_article(text[:start])
        text = text[:start] + gap.answer + text[end + 2 :]
    return False


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
