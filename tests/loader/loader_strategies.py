"""Hypothesis strategies for valid decks: any deck the model can hold and the format can say."""

from __future__ import annotations

import calendar
import string

from hypothesis import strategies as st

from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    ClozeCard,
    ClozeGap,
    DateAnswer,
    DateCard,
    Deck,
    DeckSource,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
    OrderCard,
    PartialDate,
    ShortCard,
    StudyOptions,
    TrueFalseCard,
)

# Clean text: no control characters (tab and newline allowed), no bidi overrides, no CR.
_FORBIDDEN = "".join(chr(c) for c in [*range(0, 9), *range(11, 32), *range(0x7F, 0xA0)]) + "".join(
    chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
_ALPHABET = st.characters(exclude_characters=_FORBIDDEN, exclude_categories=("Cs",), codec="utf-8")
texts = st.text(_ALPHABET, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
"""Non-blank clean text, including quotes, backslashes, tabs, newlines and non-ASCII."""
maybe_texts = st.one_of(st.just(""), texts)
ids = st.from_regex(r"[A-Za-z0-9._-]{1,20}", fullmatch=True)
weights = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)
numbers = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(float),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
)
tolerances = st.floats(min_value=0.0, max_value=1e6, allow_nan=False)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _distinct(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(texts, min_size=min_size, max_size=max_size, unique_by=_norm)


@st.composite
def commons(draw: st.DrawFn, card_id: str) -> dict:
    extra = {
        "tags": tuple(draw(st.lists(texts, max_size=3))),
        "hint": draw(maybe_texts),
        "explanation": draw(maybe_texts),
        "source": draw(maybe_texts),
        "title": draw(maybe_texts),
        "previous_ids": tuple(draw(st.lists(ids.filter(lambda x: x != card_id), max_size=2))),
    }
    return {"id": card_id, **extra}


@st.composite
def flashcards(draw: st.DrawFn, common: dict) -> FlashCard:
    return FlashCard(question=draw(texts), back=draw(texts), reverse=draw(st.booleans()), **common)


@st.composite
def shorts(draw: st.DrawFn, common: dict) -> ShortCard:
    first = Answer(draw(texts), draw(st.floats(min_value=0.01, max_value=1.0)), draw(maybe_texts))
    rest = draw(st.lists(st.builds(Answer, texts, weights, maybe_texts), max_size=3))
    flags = draw(st.tuples(*[st.booleans()] * 4))
    return ShortCard(
        question=draw(texts),
        answers=(first, *rest),
        case_sensitive=flags[0],
        exact=flags[1],
        typos=flags[2],
        any_order=flags[3],
        **common,
    )


@st.composite
def choice_cards(draw: st.DrawFn, common: dict) -> ChoiceCard:
    options = draw(_distinct(2, 5))
    right = draw(st.integers(0, len(options) - 1))
    partial = draw(st.booleans())
    choices = tuple(
        Choice(text, 1.0 if i == right else (draw(weights) if partial else 0.0), draw(maybe_texts))
        for i, text in enumerate(options)
    )
    return ChoiceCard(question=draw(texts), choices=choices, shuffle=draw(st.booleans()), **common)


@st.composite
def multi_cards(draw: st.DrawFn, common: dict) -> MultiCard:
    options = draw(_distinct(2, 6))
    count = draw(st.integers(1, len(options)))
    explicit = draw(st.booleans())
    choices = []
    for i, text in enumerate(options):
        if i < count:
            weight = 1.0 / count
        else:
            weight = draw(st.floats(min_value=-1.0, max_value=0.0)) if explicit else -1.0 / count
        choices.append(Choice(text, weight, draw(maybe_texts)))
    order = draw(st.permutations(choices))
    return MultiCard(question=draw(texts), choices=tuple(order), shuffle=draw(st.booleans()), **common)


@st.composite
def true_false_cards(draw: st.DrawFn, common: dict) -> TrueFalseCard:
    return TrueFalseCard(
        question=draw(texts),
        answer=draw(st.booleans()),
        feedback_correct=draw(maybe_texts),
        feedback_wrong=draw(maybe_texts),
        **common,
    )


@st.composite
def numeric_answers(draw: st.DrawFn, *, main: bool) -> NumericAnswer:
    weight = 1.0 if main else draw(weights)
    feedback = "" if main else draw(maybe_texts)
    if draw(st.booleans()):
        return NumericAnswer(draw(numbers), draw(tolerances), weight=weight, feedback=feedback)
    low = draw(st.one_of(st.none(), numbers))
    high = draw(st.one_of(st.none(), numbers)) if low is not None else draw(numbers)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return NumericAnswer(low=low, high=high, weight=weight, feedback=feedback)


@st.composite
def numeric_cards(draw: st.DrawFn, common: dict) -> NumericCard:
    main = draw(st.booleans())
    first = draw(numeric_answers(main=main))
    if not main:
        first = NumericAnswer(
            first.value, first.tolerance, first.low, first.high, abs(first.weight) or 0.5, first.feedback
        )
    rest = draw(st.lists(numeric_answers(main=False), max_size=2))
    return NumericCard(
        question=draw(texts),
        answers=(first, *rest),
        unit=draw(maybe_texts),
        bound=draw(st.sampled_from(NumericBound)),
        **common,
    )


@st.composite
def partial_dates(draw: st.DrawFn, precision: int, with_year: bool) -> PartialDate:
    year = draw(st.integers(1, 9999)) if with_year else None
    month = draw(st.integers(1, 12)) if precision >= 1 else None
    day = draw(st.integers(1, calendar.monthrange(year or 2000, month)[1])) if precision >= 2 else None
    return PartialDate(year, month, day)


@st.composite
def date_cards(draw: st.DrawFn, common: dict) -> DateCard:
    with_year = draw(st.booleans())
    precision = draw(st.integers(0 if with_year else 1, 2))
    start = draw(partial_dates(precision, with_year))
    end = None
    if draw(st.booleans()):
        candidate = draw(partial_dates(precision, with_year))
        key = lambda d: (d.year or 0, d.month or 0, d.day or 0)  # noqa: E731
        if key(candidate) != key(start):
            start, end = sorted([start, candidate], key=key)
    return DateCard(question=draw(texts), answer=DateAnswer(start, end), **common)


_PLAIN = st.text(st.characters(exclude_characters=_FORBIDDEN + "{}|:", exclude_categories=("Cs",), codec="utf-8"))
_GAP_TEXT = _PLAIN.map(str.strip).filter(bool)


@st.composite
def cloze_cards(draw: st.DrawFn, common: dict) -> ClozeCard:
    count = draw(st.integers(1, 3))
    text = draw(_PLAIN)
    gaps = []
    for index in range(1, count + 1):
        answer = draw(_GAP_TEXT)
        accept = tuple(draw(st.lists(_GAP_TEXT, max_size=2)))
        hint = draw(st.one_of(st.just(""), _GAP_TEXT))
        text += "{{" + "|".join((answer, *accept)) + (f"::{hint}" if hint else "") + "}}" + draw(_PLAIN)
        gaps.append(ClozeGap(index, answer, accept, hint))
    return ClozeCard(question=draw(maybe_texts), text=text, gaps=tuple(gaps), **common)


@st.composite
def order_cards(draw: st.DrawFn, common: dict) -> OrderCard:
    return OrderCard(question=draw(texts), items=tuple(draw(_distinct(2, 5))), **common)


@st.composite
def match_cards(draw: st.DrawFn, common: dict) -> MatchCard:
    lefts = draw(_distinct(2, 4))
    rights = draw(_distinct(len(lefts), len(lefts) + 2))
    pairs = tuple(zip(lefts, rights[: len(lefts)], strict=True))
    return MatchCard(question=draw(texts), pairs=pairs, distractors=tuple(rights[len(lefts) :]), **common)


CARD_MAKERS = [
    flashcards,
    shorts,
    choice_cards,
    multi_cards,
    true_false_cards,
    numeric_cards,
    date_cards,
    cloze_cards,
    order_cards,
    match_cards,
]


@st.composite
def cards(draw: st.DrawFn, card_id: str):  # noqa: ANN201 - any card type
    maker = draw(st.sampled_from(CARD_MAKERS))
    return draw(maker(draw(commons(card_id))))


@st.composite
def options(draw: st.DrawFn) -> StudyOptions:
    if not draw(st.booleans()):
        return StudyOptions()
    steps = st.lists(st.integers(1, 365 * 86400), max_size=3).map(tuple)
    return StudyOptions(
        desired_retention=draw(st.floats(min_value=0.01, max_value=0.99)),
        learning_steps=draw(steps),
        relearning_steps=draw(steps),
        new_per_day=draw(st.integers(0, 1000)),
        max_reviews_per_day=draw(st.integers(0, 10000)),
        day_starts_at=draw(st.integers(0, 23)),
        leech_threshold=draw(st.integers(0, 100)),
    )


sources = st.one_of(
    st.none(),
    st.builds(
        DeckSource,
        title=maybe_texts,
        url=st.one_of(st.just(""), st.text(string.ascii_letters, min_size=1).map(lambda s: f"https://{s}.example/")),
        publisher=maybe_texts,
        published=st.one_of(st.none(), st.dates()),
        article=st.one_of(st.just(""), st.from_regex(r"[a-z]{1,10}\.txt", fullmatch=True)),
    ),
)


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    card_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    return Deck(
        id=draw(ids),
        title=draw(texts),
        description=draw(maybe_texts),
        language=draw(st.sampled_from(["en", "de", "zh-Hans"])),
        tags=tuple(draw(st.lists(texts, max_size=3))),
        source=draw(sources),
        options=draw(options()),
        cards=tuple(draw(cards(card_id)) for card_id in card_ids),
    )
