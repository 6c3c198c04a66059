"""`grade`: one entry point for every card type, and the suggested rating.

Why one function: the session, the TUI and `quiz grade` must judge an answer
the same way, and the study item decides what is asked (a reversed flashcard
asks back → front; a cloze item asks one gap).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from quiz.grading.arrange import grade_match, grade_order
from quiz.grading.choices import grade_choice, grade_multi, grade_true_false
from quiz.grading.cloze import grade_cloze
from quiz.grading.date_answers import grade_date
from quiz.grading.dates import format_date
from quiz.grading.numeric import describe, grade_numeric
from quiz.grading.short import grade_text
from quiz.grading.verdict import (
    EASY_SECONDS_CHOICE,
    EASY_SECONDS_PER_PART,
    Judgement,
    Rule,
    Verdict,
    correctness_for,
    suggest_rating,
    typed_easy_within,
)
from quiz.model import (
    Answer,
    AnyCard,
    ChoiceCard,
    ClozeCard,
    Correctness,
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

MAX_RESPONSE_CHARS = 20_000
"""Longer responses are not read at all: no answer a deck accepts is anywhere near this long."""
MAX_RESPONSE_PARTS = 1_000
"""The most picks, items or pairs a structured response may hold."""

Response = str | int | bool | Rating | Sequence[int | str] | Mapping[int | str, int | str] | None
"""What a student can answer with: typed text, or what a UI collects (an index, indices, a pairing, a bool)."""


def grade(card: AnyCard, response: Response, *, item: str | None = None, elapsed: float | None = None) -> Verdict:
    """Judge one answer to one study item, explain why, and suggest a rating.

    Args:
        card: The card asked.
        response: Typed text for any card; or an int index (choice), indices
            (multi), item texts or indices in the student's order (order), a
            mapping left → right (match), a bool (true/false), a list of gap
            answers (a whole cloze card). A `Rating` is the student's own
            judgement: the verdict is SELF_RATED with that rating. For a
            flashcard, None or "" also means self-rated (suggesting Good);
            typed text that matches the back like a short answer is correct,
            anything else is self-rated with a diff to compare.
        item: The study item key (`quiz.model.item_keys`): "id:reverse" asks a
            flashcard back → front, "id:gap2" asks the second gap. None asks
            the card as a whole.
        elapsed: Seconds the student took, for the Easy suggestion.

    Raises:
        ValueError: `item` is not one of this card's study items.
    """
    sub = _sub_item(card, item)
    if _too_long(response):
        correctness = Correctness.WRONG
        return Verdict(
            correctness, 0.0, Rule.UNREADABLE, "too long to be an answer", expected_answer(card, item=item),
            rating=suggest_rating(correctness),
        )  # fmt: skip
    if isinstance(response, Rating):
        return Verdict(
            Correctness.SELF_RATED, None, Rule.SELF_RATED, "rated by the student", expected_answer(card, item=item),
            rating=response,
        )  # fmt: skip
    if isinstance(card, FlashCard):
        expected = card.question if sub == "reverse" else card.back
        if response is None or (isinstance(response, str) and not response.strip()):
            return Verdict(
                Correctness.SELF_RATED, None, Rule.SELF_RATED, "compare with the answer and rate your recall",
                expected, rating=Rating.GOOD,
            )  # fmt: skip
        judgement = grade_text(_text(response), (Answer(expected),))
        if judgement.score >= 1:
            return _finish(judgement, typed_easy_within(expected), elapsed)
        return Verdict(
            Correctness.SELF_RATED, None, Rule.SELF_RATED,
            "not the back word for word: compare it with yours and rate your recall", expected,
            rating=Rating.GOOD, diff=judgement.diff,
        )  # fmt: skip
    judgement, easy_within = _judge(card, "" if response is None else response, sub)
    return _finish(judgement, easy_within, elapsed)


def _judge(card: AnyCard, response: Response, sub: str) -> tuple[Judgement, float | None]:
    if isinstance(card, ShortCard):
        judgement = grade_text(
            _text(response),
            card.answers,
            case_sensitive=card.case_sensitive,
            exact=card.exact,
            typos=card.typos,
            any_order=card.any_order,
        )
        return judgement, typed_easy_within(card.answers[0].text)
    if isinstance(card, ChoiceCard):
        pick = response if isinstance(response, int) and not isinstance(response, bool) else _text(response)
        return grade_choice(pick, card), EASY_SECONDS_CHOICE
    if isinstance(card, MultiCard):
        return grade_multi(_picks(response), card), EASY_SECONDS_PER_PART * len(card.choices)
    if isinstance(card, TrueFalseCard):
        said = response if isinstance(response, bool) else _text(response)
        return grade_true_false(said, card), EASY_SECONDS_CHOICE
    if isinstance(card, NumericCard):
        return grade_numeric(_text(response), card), typed_easy_within(describe(card))
    if isinstance(card, DateCard):
        return grade_date(_text(response), card.answer), typed_easy_within(format_date(card.answer))
    if isinstance(card, ClozeCard):
        gap = int(sub[3:]) if sub else None
        typed = response if isinstance(response, Sequence) and not isinstance(response, str) else _text(response)
        judgement = grade_cloze([str(part) for part in typed] if not isinstance(typed, str) else typed, card, gap)
        return judgement, typed_easy_within(judgement.expected)
    if isinstance(card, OrderCard):
        return grade_order(_sequence(response), card), EASY_SECONDS_PER_PART * len(card.items)
    if isinstance(card, MatchCard):
        answer = response if isinstance(response, Mapping) else _sequence(response)
        return grade_match(answer, card), EASY_SECONDS_PER_PART * len(card.pairs)
    raise TypeError(f"not a card: {type(card).__name__}")


def _finish(judgement: Judgement, easy_within: float | None, elapsed: float | None) -> Verdict:
    correctness = Correctness.WRONG if judgement.rule is Rule.AMBIGUOUS else correctness_for(judgement.score)
    return Verdict(
        correctness=correctness,
        score=judgement.score,
        rule=judgement.rule,
        explanation=judgement.explanation,
        expected=judgement.expected,
        rating=suggest_rating(correctness, elapsed=elapsed, easy_within=easy_within, forgiven=judgement.forgiven),
        feedback=judgement.feedback,
        diff=judgement.diff,
        parts=judgement.parts,
    )


def expected_answer(card: AnyCard, *, item: str | None = None) -> str:
    """The right answer to a study item as display text (what a UI reveals)."""
    sub = _sub_item(card, item)
    if isinstance(card, FlashCard):
        return card.question if sub == "reverse" else card.back
    if isinstance(card, ShortCard):
        return card.answers[0].text
    if isinstance(card, ChoiceCard):
        return max(card.choices, key=lambda choice: choice.weight).text
    if isinstance(card, MultiCard):
        return ", ".join(choice.text for choice in card.choices if choice.correct)
    if isinstance(card, TrueFalseCard):
        return "true" if card.answer else "false"
    if isinstance(card, NumericCard):
        return describe(card)
    if isinstance(card, DateCard):
        return format_date(card.answer)
    if isinstance(card, ClozeCard):
        gaps = [gap for gap in card.gaps if not sub or f"gap{gap.index}" == sub]
        return "; ".join(gap.answer for gap in gaps)
    if isinstance(card, OrderCard):
        return " → ".join(card.items)
    return "; ".join(f"{left} = {right}" for left, right in card.pairs)


def _too_long(response: Response) -> bool:
    if isinstance(response, str):
        return len(response) > MAX_RESPONSE_CHARS
    if isinstance(response, Mapping | Sequence):
        if len(response) > MAX_RESPONSE_PARTS:
            return True
        parts = [*response.keys(), *response.values()] if isinstance(response, Mapping) else list(response)
        return sum(len(str(part)) for part in parts) > MAX_RESPONSE_CHARS
    return False


def _sub_item(card: AnyCard, item: str | None) -> str:
    if item is None:
        return ""
    card_id, sub = split_item_key(item)
    valid = {""}
    if isinstance(card, FlashCard) and card.reverse:
        valid.add("reverse")
    if isinstance(card, ClozeCard):
        valid |= {f"gap{gap.index}" for gap in card.gaps}
    if card_id != card.id or sub not in valid:
        raise ValueError(f"{item!r} is not a study item of card {card.id!r}")
    return sub


def _text(response: Response) -> str:
    if response is None:
        return ""
    if isinstance(response, str):
        return response
    if isinstance(response, bool):
        return "true" if response else "false"
    if isinstance(response, Mapping):
        return "; ".join(f"{key} = {value}" for key, value in response.items())
    if isinstance(response, Sequence):
        return ", ".join(str(part) for part in response)
    return str(response)


def _picks(response: Response) -> int | str | Sequence[int | str]:
    if isinstance(response, (int, str)) and not isinstance(response, bool):
        return response
    if isinstance(response, Sequence) and not isinstance(response, str):
        return [part for part in response if isinstance(part, (int, str)) and not isinstance(part, bool)]
    return _text(response)


def _sequence(response: Response) -> str | Sequence[int | str]:
    if isinstance(response, str):
        return response
    if isinstance(response, Sequence):
        return [part for part in response if isinstance(part, (int, str)) and not isinstance(part, bool)]
    return _text(response)
