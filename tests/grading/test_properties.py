"""Properties that hold for every card and every answer, checked with Hypothesis.

- The canonical answer always scores 1, for every card type.
- Grading is deterministic.
- Changes of case and spacing never change a text verdict.
- No response, however strange, raises.
"""

from __future__ import annotations

import string

import pytest
from grading_cards import AGENDA, ALL_CARDS, CITY_CHOICE, PREMIER, ROLES, TIMELINE, TRADE
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quiz.grading import grade
from quiz.grading.dates import format_date
from quiz.grading.normalise import canonical, tidy
from quiz.grading.numeric import format_number
from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    ClozeCard,
    ClozeGap,
    Correctness,
    DateAnswer,
    DateCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
    OrderCard,
    PartialDate,
    ShortCard,
    item_keys,
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

answer_text = st.text(min_size=1, max_size=40).filter(lambda text: canonical(text) != "")
words = st.text(alphabet=string.ascii_letters + "äöüéñß ", min_size=1, max_size=30).filter(lambda text: text.strip())


def _distinct(texts: list[str]) -> bool:
    forms = [canonical(text) for text in texts]
    return len(set(forms)) == len(forms) and all(forms)


@st.composite
def short_cards(draw: st.DrawFn) -> ShortCard:
    texts = draw(st.lists(answer_text, min_size=1, max_size=4))
    assume(_distinct(texts))
    weights = [1.0] + [draw(st.sampled_from([1.0, 0.5, 0.0])) for _ in texts[1:]]
    return ShortCard(
        id="s",
        question="?",
        answers=tuple(Answer(text, weight) for text, weight in zip(texts, weights, strict=True)),
        case_sensitive=draw(st.booleans()),
        exact=draw(st.booleans()),
        typos=draw(st.booleans()),
        any_order=draw(st.booleans()),
    )


UNITS = ["", "billion USD", "entities", "%", "years", "million tonnes", "km", "euros", "thousand"]


@st.composite
def numeric_cards(draw: st.DrawFn) -> tuple[NumericCard, str]:
    unit = draw(st.sampled_from(UNITS))
    if draw(st.booleans()):
        value = draw(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda v: round(v, 4)))
        tolerance = draw(st.sampled_from([0.0, 0.05, 1.0]))
        bound = draw(st.sampled_from(list(NumericBound)))
        answer = NumericAnswer(value=value, tolerance=tolerance)
        typed = format_number(value)
    else:
        low = draw(st.integers(min_value=-1000, max_value=1000))
        high = low + draw(st.integers(min_value=0, max_value=1000))
        bound = NumericBound.EXACT
        answer = NumericAnswer(low=low, high=high)
        typed = format_number((low + high) / 2)
    card = NumericCard(id="n", question="?", answers=(answer,), unit=unit, bound=bound)
    return card, f"{typed} {unit}".strip()


@st.composite
def partial_dates(draw: st.DrawFn, *, year: bool, month: bool, day: bool) -> PartialDate:
    value = draw(st.dates(min_value=__import__("datetime").date(1000, 1, 1)))
    return PartialDate(value.year if year else None, value.month if month else None, value.day if day else None)


@st.composite
def date_cards(draw: st.DrawFn) -> DateCard:
    import datetime

    shape = draw(st.sampled_from(["year", "month", "day", "month-day", "day-span", "month-span", "year-span"]))
    start = draw(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2900, 1, 1)))
    end = start + datetime.timedelta(days=draw(st.integers(min_value=1, max_value=60)))
    if shape == "year":
        answer = DateAnswer(PartialDate(start.year))
    elif shape == "month":
        answer = DateAnswer(PartialDate(start.year, start.month))
    elif shape == "day":
        answer = DateAnswer(PartialDate(start.year, start.month, start.day))
    elif shape == "month-day":
        answer = DateAnswer(PartialDate(None, start.month, start.day))
    elif shape == "day-span":
        answer = DateAnswer(PartialDate(start.year, start.month, start.day), PartialDate(end.year, end.month, end.day))
    elif shape == "month-span":
        assume((start.year, start.month) != (end.year, end.month))
        answer = DateAnswer(PartialDate(start.year, start.month), PartialDate(end.year, end.month))
    else:
        answer = DateAnswer(PartialDate(start.year), PartialDate(start.year + 1))
    return DateCard(id="d", question="?", answer=answer)


@st.composite
def choice_cards(draw: st.DrawFn) -> ChoiceCard:
    texts = draw(st.lists(answer_text, min_size=2, max_size=6))
    assume(_distinct(texts))
    right = draw(st.integers(min_value=0, max_value=len(texts) - 1))
    return ChoiceCard(
        id="c", question="?", choices=tuple(Choice(t, 1.0 if i == right else 0.0) for i, t in enumerate(texts))
    )


@st.composite
def multi_cards(draw: st.DrawFn) -> MultiCard:
    texts = draw(st.lists(answer_text, min_size=2, max_size=6))
    assume(_distinct(texts))
    right = draw(st.sets(st.integers(min_value=0, max_value=len(texts) - 1), min_size=1))
    weights = [1 / len(right) if i in right else -1 / len(right) for i in range(len(texts))]
    return MultiCard(id="m", question="?", choices=tuple(Choice(t, w) for t, w in zip(texts, weights, strict=True)))


@st.composite
def order_cards(draw: st.DrawFn) -> OrderCard:
    items = draw(st.lists(answer_text, min_size=2, max_size=6))
    assume(_distinct(items))
    return OrderCard(id="o", question="?", items=tuple(items))


@st.composite
def match_cards(draw: st.DrawFn) -> MatchCard:
    lefts = draw(st.lists(answer_text, min_size=2, max_size=5))
    rights = draw(st.lists(answer_text, min_size=len(lefts), max_size=len(lefts)))
    assume(_distinct(lefts) and _distinct(rights))
    return MatchCard(id="x", question="?", pairs=tuple(zip(lefts, rights, strict=True)))


@st.composite
def cloze_cards(draw: st.DrawFn) -> ClozeCard:
    answers = draw(
        st.lists(
            st.one_of(
                answer_text,
                st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda v: format_number(round(v, 2))),
                st.sampled_from(["February 2022", "16 May", "1949", "$240.1 billion", "45%", "2024-05-16"]),
            ),
            min_size=1,
            max_size=4,
        )
    )
    gaps = tuple(ClozeGap(index + 1, text) for index, text in enumerate(answers))
    return ClozeCard(id="z", question="", text=" ".join(f"{{{{{text}}}}}" for text in answers), gaps=gaps)


@FAST
@given(short_cards())
def test_canonical_short_answer_scores_one(card: ShortCard) -> None:
    assert grade(card, card.answers[0].text).score == 1.0


@FAST
@given(numeric_cards())
def test_canonical_number_scores_one(case: tuple[NumericCard, str]) -> None:
    card, typed = case
    verdict = grade(card, typed)
    assert verdict.score == 1.0, verdict.explanation


@FAST
@given(date_cards())
def test_canonical_date_scores_one(card: DateCard) -> None:
    verdict = grade(card, format_date(card.answer))
    assert verdict.score == 1.0, verdict.explanation


@FAST
@given(choice_cards())
def test_right_choice_scores_one_by_index_and_by_text(card: ChoiceCard) -> None:
    right = next(index for index, choice in enumerate(card.choices) if choice.correct)
    assert grade(card, right).score == 1.0
    assert grade(card, card.choices[right].text).score == 1.0


@FAST
@given(multi_cards())
def test_right_picks_score_one(card: MultiCard) -> None:
    picks = [index for index, choice in enumerate(card.choices) if choice.correct]
    assert grade(card, picks).score == pytest.approx(1.0)


@FAST
@given(order_cards())
def test_right_order_scores_one(card: OrderCard) -> None:
    assert grade(card, list(card.items)).score == 1.0
    assert grade(card, list(range(len(card.items)))).score == 1.0


@FAST
@given(match_cards())
def test_right_pairs_score_one(card: MatchCard) -> None:
    assert grade(card, dict(card.pairs)).score == 1.0


@FAST
@given(cloze_cards())
def test_every_gap_answer_scores_one(card: ClozeCard) -> None:
    for key, gap in zip(item_keys(card), card.gaps, strict=True):
        verdict = grade(card, gap.answer, item=key)
        assert verdict.score == 1.0, (gap.answer, verdict.explanation)


def test_every_bundled_and_shared_card_accepts_its_own_answer() -> None:
    from quiz.grading import expected_answer
    from quiz.loader import load_deck
    from quiz.model import FlashCard, MatchCard, MultiCard, OrderCard

    deck = load_deck(
        __import__("pathlib").Path(__file__).resolve().parents[2] / "decks" / "putin-china-state-visit.toml"
    )
    for card in (*deck.cards, *ALL_CARDS):
        for key in item_keys(card):
            if isinstance(card, MultiCard):
                response = [index for index, choice in enumerate(card.choices) if choice.correct]
            elif isinstance(card, OrderCard):
                response = list(card.items)
            elif isinstance(card, MatchCard):
                response = dict(card.pairs)
            elif isinstance(card, NumericCard) and card.answers[0].value is None:
                response = format_number(card.answers[0].low if card.answers[0].low is not None else 0)
            else:
                response = expected_answer(card, item=key)
            verdict = grade(card, response, item=key)
            expected = Correctness.CORRECT
            assert verdict.correctness is expected, (card.id, key, response, verdict.explanation)
            assert not isinstance(card, FlashCard) or verdict.score == 1.0


STRANGE = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
    st.sampled_from(
        [
            "",
            "\x00\x1b[2J\x07",
            "\u202eLi Qiang",
            "مرحبا بالعالم",
            "שלום 240.1",
            "🇨🇳🇷🇺 240.1 🚀",
            "\ufeff1949",
            "9" * 400,
            "1e999",
            "-0",
            "nan",
            "inf",
            "1,,,,000",
            "..........",
            "May 32",
            "0/0/0",
            "{{x}}",
            "a" * 25_000,
            "1" * 21_000,
        ]
    ),
)
ODD = st.one_of(
    STRANGE,
    st.integers(),
    st.booleans(),
    st.none(),
    st.lists(st.one_of(st.integers(), st.text(max_size=20)), max_size=8),
    st.dictionaries(st.one_of(st.integers(), st.text(max_size=10)), st.one_of(st.integers(), st.text(max_size=10))),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(card=st.sampled_from(ALL_CARDS), response=ODD)
def test_no_response_raises_and_every_verdict_is_well_formed(card, response) -> None:
    for key in item_keys(card):
        verdict = grade(card, response, item=key)
        assert verdict.score is None or 0.0 <= verdict.score <= 1.0
        assert isinstance(verdict.explanation, str) and verdict.explanation
        assert verdict.correctness in Correctness


@pytest.mark.parametrize("card", ALL_CARDS, ids=[card.id for card in ALL_CARDS])
def test_a_100_kb_answer_is_judged_quickly_without_raising(card) -> None:
    for key in item_keys(card):
        assert not grade(card, "Li Qiang 240.1 May 16 " * 5_000, item=key).correct


@FAST
@given(card=st.sampled_from(ALL_CARDS), response=STRANGE)
def test_grading_is_deterministic(card, response) -> None:
    for key in item_keys(card):
        assert grade(card, response, item=key) == grade(card, response, item=key)


def _case_safe(text: str) -> bool:
    return all(char.upper().casefold() == char.casefold() == char.lower().casefold() for char in text)


@FAST
@given(
    card=st.sampled_from([card for card in ALL_CARDS if isinstance(card, ShortCard) and not card.case_sensitive]),
    typed=st.one_of(words, st.sampled_from(["Li Qiang", "li quiang", "Li Keqiang", "a joint statement", "G20"])),
    pad=st.sampled_from(["", " ", "  ", "\t", "\u00a0"]),
)
def test_case_and_spacing_never_change_a_text_verdict(card, typed, pad) -> None:
    assume(_case_safe(typed))
    verdict = grade(card, typed)
    for variant in (typed.upper(), typed.lower(), typed.title(), pad + typed + pad, typed.replace(" ", "  ")):
        other = grade(card, variant)
        assert (other.correctness, other.score, other.rule) == (verdict.correctness, verdict.score, verdict.rule)


@pytest.mark.parametrize(
    ("card", "response"),
    [(PREMIER, "Li Qiang"), (TRADE, "$240.1bn"), (CITY_CHOICE, 0), (AGENDA, [0, 1, 2]), (TIMELINE, [0, 1, 2, 3]),
     (ROLES, [0, 1, 2])],
)  # fmt: skip
def test_tidy_keeps_the_canonical_answers_right(card, response) -> None:
    assert grade(card, response).correct
    assert tidy(" x ") == "x"


def _reference_distance(a: str, b: str) -> int:
    """Optimal string alignment distance, the plain full-table way."""
    table = [[max(i, j) if 0 in (i, j) else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


@settings(max_examples=400, deadline=None)
@given(a=st.text(alphabet="abcq ", max_size=9), b=st.text(alphabet="abcq ", max_size=9), limit=st.integers(0, 3))
def test_banded_distance_matches_the_full_table(a: str, b: str, limit: int) -> None:
    from quiz.grading.distance import distance

    assert distance(a, b, limit) == min(_reference_distance(a, b), limit + 1)


@FAST
@given(typed=st.text(max_size=60), expected=st.text(max_size=60), case_sensitive=st.booleans())
def test_diff_lines_spell_out_both_texts(typed: str, expected: str, case_sensitive: bool) -> None:
    from quiz.grading import Mark
    from quiz.grading.distance import char_diff

    diff = char_diff(typed, expected, case_sensitive=case_sensitive)
    assert "".join(char for char, _ in diff.typed) == typed
    assert "".join(char for char, _ in diff.expected) == expected
    assert all(mark is not Mark.MISSING for _, mark in diff.typed)
    if typed == expected:
        assert all(mark is Mark.RIGHT for _, mark in diff.typed + diff.expected)


@FAST
@given(card=short_cards(), typed=words, pad=st.sampled_from(["", " ", "\t", "\u00a0"]))
def test_case_and_spacing_never_change_a_verdict_on_generated_cards(card: ShortCard, typed: str, pad: str) -> None:
    assume(not card.case_sensitive and _case_safe(typed))
    assume(all(_case_safe(answer.text) for answer in card.answers))
    verdict = grade(card, typed)
    for variant in (typed.upper(), typed.lower(), pad + typed + pad, typed.replace(" ", "   ")):
        other = grade(card, variant)
        assert (other.correctness, other.score, other.rule) == (verdict.correctness, verdict.score, verdict.rule)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    card=st.one_of(
        short_cards(),
        numeric_cards().map(lambda case: case[0]),
        date_cards(),
        choice_cards(),
        multi_cards(),
        order_cards(),
        match_cards(),
        cloze_cards(),
    ),
    response=ODD,
)
def test_generated_cards_never_raise_on_strange_responses(card, response) -> None:
    for key in item_keys(card):
        verdict = grade(card, response, item=key)
        assert verdict.score is None or 0.0 <= verdict.score <= 1.0


@FAST
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_shortcut_tidies_exactly_like_the_unicode_path(text: str) -> None:
    import unicodedata

    from quiz.grading import normalise

    slow = unicodedata.normalize("NFKC", text).translate(normalise._FOLD)
    assert tidy(text) == " ".join(normalise._INVISIBLE.sub("", slow).split())
