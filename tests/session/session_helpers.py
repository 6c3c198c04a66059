"""Small decks built in code, and the right (or a wrong) response for whatever a session asks."""

from __future__ import annotations

from quiz.grading import expected_answer
from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    ClozeCard,
    ClozeGap,
    Deck,
    FlashCard,
    MultiCard,
    NumericAnswer,
    NumericCard,
    Rating,
    ShortCard,
    StudyOptions,
    TrueFalseCard,
)
from quiz.session import Session, StudyItem


def right_response(item: StudyItem) -> object:
    card = item.card
    if isinstance(card, ChoiceCard):
        return max(range(len(card.choices)), key=lambda i: card.choices[i].weight)
    if isinstance(card, MultiCard):
        return [i for i, choice in enumerate(card.choices) if choice.correct]
    if isinstance(card, TrueFalseCard):
        return card.answer
    if isinstance(card, FlashCard):
        return Rating.GOOD
    if isinstance(card, ClozeCard) and item.grade_key is None:
        return [gap.answer for gap in card.gaps]
    return expected_answer(card, item=item.grade_key)


def wrong_response(item: StudyItem) -> object:
    card = item.card
    if isinstance(card, ChoiceCard):
        return min(range(len(card.choices)), key=lambda i: card.choices[i].weight)
    if isinstance(card, TrueFalseCard):
        return not card.answer
    if isinstance(card, FlashCard):
        return Rating.AGAIN
    return "qqqq"


def answer_all(
    session: Session, *, wrong: set[str] = frozenset(), clock=None, step_seconds: int = 30, limit: int = 200
):
    """Answer until the session ends (wrong for keys in `wrong`, at their first asking only); return the keys asked."""
    from datetime import timedelta

    asked: list[str] = []
    missed: set[str] = set()
    while (item := session.current) is not None and len(asked) < limit:
        if item.key in wrong and item.key not in missed:
            missed.add(item.key)
            session.answer(wrong_response(item), elapsed=10.0)
        else:
            session.answer(right_response(item), elapsed=10.0)
        asked.append(item.key)
        if clock is not None:
            clock.advance(timedelta(seconds=step_seconds))
    return asked


def capitals(count: int = 6, *, options: StudyOptions | None = None, deck_id: str = "capitals") -> Deck:
    """`count` short-answer cards "Capital of country N?" → "City N", tagged by parity."""
    cards = tuple(
        ShortCard(
            id=f"c{i}",
            question=f"Capital of country {i}?",
            answers=(Answer(f"City {i}"),),
            tags=("even" if i % 2 == 0 else "odd",),
            line=i + 1,
        )
        for i in range(count)
    )
    return Deck(id=deck_id, title="Capitals", cards=cards, options=options or StudyOptions())


def mixed() -> Deck:
    """One card of several types, with a reversed flashcard and a two-gap cloze card."""
    cards = (
        FlashCard(id="flash", question="Front", back="Back", reverse=True, tags=("people",)),
        ShortCard(id="premier", question="Chinese premier?", answers=(Answer("Li Qiang"),), tags=("people",)),
        ChoiceCard(
            id="city",
            question="Where did Putin go after Beijing?",
            choices=(Choice("Harbin", 1.0), Choice("Shanghai"), Choice("Wuhan")),
            tags=("places",),
        ),
        TrueFalseCard(id="tf", question="The visit was in May.", answer=True),
        NumericCard(id="trade", question="Trade in 2023 (billion USD)?", answers=(NumericAnswer(240.1, 0.5),)),
        ClozeCard(
            id="cloze",
            question="",
            text="Putin met {{Xi Jinping}} in {{Beijing}}.",
            gaps=(ClozeGap(1, "Xi Jinping"), ClozeGap(2, "Beijing")),
            tags=("places",),
        ),
    )
    return Deck(id="mixed", title="Mixed", cards=cards)
