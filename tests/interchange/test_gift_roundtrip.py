"""Export to GIFT, import again: every card keeps its type, answers, tolerances, weights and feedback."""

from __future__ import annotations

import dataclasses
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.interchange import export_deck, import_file, import_text
from quiz.loader import dump_deck, load_deck, loads_deck
from quiz.loader.syntax import SyntaxProblem, parse_cloze, parse_date_answer
from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    ClozeCard,
    DateCard,
    Deck,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
    OrderCard,
    ShortCard,
    TrueFalseCard,
)

from .conftest import BUNDLED_DECKS, DATA


def roundtrip(deck: Deck) -> Deck:
    text, _ = export_deck(deck, "gift")
    return import_text(text, name=f"{deck.id}.gift", format="gift", deck_id=deck.id).deck


def without_lines(deck: Deck) -> list[object]:
    return [dataclasses.replace(card, line=0) for card in deck.cards]


def test_the_bundled_deck_survives_a_round_trip() -> None:
    deck = load_deck(BUNDLED_DECKS / "putin-china-state-visit.toml")
    again = roundtrip(deck)
    assert without_lines(again) == without_lines(deck)
    assert {card.type for card in deck.cards} == {card.type for card in again.cards}
    loads_deck(dump_deck(again), name="again.toml")


# --- generated decks ------------------------------------------------------------

# Everything GIFT treats specially, HTML, markers, and non-ASCII letters.
_ALPHABET = string.ascii_letters + string.digits + " ~=#{}:\\%<>&[]/_.,?!'\"|;" + "éßЖ中"
_PREFIXES = st.sampled_from(["", "", "", "[html]", "[plain]", "//", "$CATEGORY: ", "::", "%50%", "<b>", "&amp;"])


@st.composite
def texts(draw: st.DrawFn, *, lines: bool = True, min_size: int = 1) -> str:
    body = draw(st.text(_ALPHABET + ("\n" if lines else ""), min_size=min_size, max_size=30))
    text = (draw(_PREFIXES) + body).strip()
    text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    if "->" in text:
        text = text.replace("->", "- >")
    return text or "x"


def words() -> st.SearchStrategy[str]:
    """Text without GIFT's or the cloze syntax's reserved marks (for cloze gaps)."""
    return st.text(string.ascii_letters + " éЖ", min_size=1, max_size=12).map(str.strip).filter(bool)


_WEIGHTS = st.sampled_from([1.0, 0.5, 1 / 3, 0.25, 0.2, 0.0, -0.5, -1 / 3, -1.0, 0.1, 0.9, 2 / 3, 0.75])
_IDS = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
_TAGS = st.lists(st.from_regex(r"[a-z][a-z0-9/-]{0,4}( [a-z0-9/-]{1,4})?", fullmatch=True), max_size=2, unique=True)


@st.composite
def common(draw: st.DrawFn) -> dict[str, object]:
    return {
        "question": draw(texts()),
        "title": draw(st.one_of(st.just(""), texts(lines=False))),
        "explanation": draw(st.one_of(st.just(""), texts())),
        "hint": draw(st.one_of(st.just(""), texts())),
        "source": draw(st.one_of(st.just(""), texts())),
        "tags": tuple(draw(_TAGS)),
    }


def _unique(items: list[str]) -> bool:
    return len(set(items)) == len(items)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def distinct(strategy: st.SearchStrategy[str], *, min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    """Texts the deck rules see as different (whitespace and case do not count)."""
    return st.lists(strategy, min_size=min_size, max_size=max_size, unique_by=_fold)


@st.composite
def choices(draw: st.DrawFn, *, multi: bool) -> tuple[Choice, ...]:
    names = draw(distinct(texts(lines=False), min_size=2, max_size=5))
    if multi:
        right = draw(st.integers(1, len(names)))
        penalty = draw(st.sampled_from([0.0, -1 / right, -0.5, -1.0]))
        weights = [1 / right if i < right else penalty for i in range(len(names))]
    else:
        weights = [1.0] + [draw(st.sampled_from([0.0, 0.5, 1 / 3, 0.25, -0.5, -1.0, 1.0])) for _ in names[1:]]
    order = draw(st.permutations(range(len(names))))
    return tuple(Choice(names[i], weights[i], draw(st.one_of(st.just(""), texts()))) for i in order)


_NUMBER = st.one_of(
    st.integers(-(10**9), 10**9).map(float),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
    st.decimals(-1000, 1000, places=3).map(float),
)


@st.composite
def numeric_answer(draw: st.DrawFn, *, weight: float) -> NumericAnswer:
    feedback = draw(st.one_of(st.just(""), texts()))
    kind = draw(st.sampled_from(["value", "range", "low", "high"]))
    if kind == "value":
        return NumericAnswer(value=draw(_NUMBER), tolerance=abs(draw(_NUMBER)), weight=weight, feedback=feedback)
    low, high = sorted(draw(st.lists(_NUMBER, min_size=2, max_size=2, unique=True)))
    return NumericAnswer(
        low=None if kind == "high" else low, high=None if kind == "low" else high, weight=weight, feedback=feedback
    )


@st.composite
def dates(draw: st.DrawFn) -> object:
    year = draw(st.integers(1, 2100))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    form = draw(
        st.sampled_from(
            [
                f"{year:04d}",
                f"{year:04d}-{month:02d}",
                f"{year:04d}-{month:02d}-{day:02d}",
                f"--{month:02d}-{day:02d}",
                f"{year:04d}-{month:02d}-{day:02d}/{day + 1:02d}",
            ]
        )
    )
    try:
        return parse_date_answer(form)
    except SyntaxProblem:
        return parse_date_answer(f"{year:04d}")


@st.composite
def cloze(draw: st.DrawFn, fields: dict[str, object]) -> ClozeCard:
    gaps = draw(st.integers(1, 3))
    parts = [draw(st.text(string.ascii_letters + " ,.", max_size=10))]
    for _ in range(gaps):
        options = draw(st.lists(words(), min_size=1, max_size=3, unique=True))
        hint = draw(st.one_of(st.just(""), words()))
        parts.append("{{" + "|".join(options) + (f"::{hint}" if hint else "") + "}}")
        parts.append(draw(st.text(string.ascii_letters + " ,.", max_size=10)))
    text = "".join(parts).strip()
    fields = dict(fields)
    fields["question"] = draw(st.one_of(st.just(""), texts()))
    return ClozeCard(text=text, gaps=parse_cloze(text), **fields)


@st.composite
def cards(draw: st.DrawFn, card_id: str) -> object:
    fields = {"id": card_id, **draw(common())}
    kind = draw(
        st.sampled_from(["flash", "short", "choice", "multi", "tf", "numeric", "date", "cloze", "order", "match"])
    )
    if kind == "flash":
        return FlashCard(back=draw(texts()), reverse=draw(st.booleans()), **fields)
    if kind == "short":
        names = draw(distinct(texts(lines=False), min_size=1, max_size=4))
        answers = [Answer(names[0], 1.0, draw(st.one_of(st.just(""), texts())))]
        answers += [
            Answer(n, draw(st.sampled_from([1.0, 0.5, 0.0])), draw(st.one_of(st.just(""), texts()))) for n in names[1:]
        ]
        flags = {
            "case_sensitive": draw(st.booleans()),
            "exact": draw(st.booleans()),
            "typos": draw(st.booleans()),
            "any_order": draw(st.booleans()),
        }
        return ShortCard(answers=tuple(answers), **flags, **fields)
    if kind == "choice":
        return ChoiceCard(choices=draw(choices(multi=False)), shuffle=draw(st.booleans()), **fields)
    if kind == "multi":
        return MultiCard(choices=draw(choices(multi=True)), shuffle=draw(st.booleans()), **fields)
    if kind == "tf":
        return TrueFalseCard(
            answer=draw(st.booleans()),
            feedback_correct=draw(st.one_of(st.just(""), texts())),
            feedback_wrong=draw(st.one_of(st.just(""), texts())),
            **fields,
        )
    if kind == "numeric":
        answers = [draw(numeric_answer(weight=1.0))]
        answers += draw(st.lists(numeric_answer(weight=draw(_WEIGHTS)), max_size=2))
        return NumericCard(
            answers=tuple(answers),
            unit=draw(st.one_of(st.just(""), words())),
            bound=draw(st.sampled_from(list(NumericBound))),
            **fields,
        )
    if kind == "date":
        return DateCard(answer=draw(dates()), **fields)
    if kind == "cloze":
        return draw(cloze(fields))
    if kind == "order":
        return OrderCard(items=tuple(draw(distinct(texts(lines=False), min_size=2, max_size=5))), **fields)
    lefts = draw(distinct(texts(lines=False), min_size=2, max_size=4))
    pairs = tuple((left, draw(texts(lines=False))) for left in lefts)
    rights = {_fold(right) for _, right in pairs}
    distractors = tuple(d for d in draw(distinct(texts(lines=False), min_size=0, max_size=2)) if _fold(d) not in rights)
    return MatchCard(pairs=pairs, distractors=distractors, **fields)


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    ids = draw(st.lists(_IDS, min_size=1, max_size=6, unique=True))
    return Deck(id="generated", title="Generated deck", cards=tuple(draw(cards(card_id)) for card_id in ids))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(deck=decks())
def test_generated_decks_survive_a_round_trip(deck: Deck) -> None:
    loads_deck(dump_deck(deck), name="generated.toml")  # the generator makes decks the app accepts
    again = roundtrip(deck)
    assert [card.type for card in again.cards] == [card.type for card in deck.cards]
    assert list(again.cards) == list(deck.cards)


def test_a_teachers_bank_survives_import_export_import() -> None:
    bank = import_file(DATA / "moodle_bank.gift").deck
    again = roundtrip(bank)
    assert list(again.cards) == list(bank.cards)
