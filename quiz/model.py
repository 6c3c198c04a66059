"""Decks and cards as plain, frozen data: the vocabulary every other module shares.

No I/O here and no knowledge of TOML: the loader builds these objects, the
importers and the generator build them too, and the writer turns them back
into TOML. Each question type is its own class, so a card can never carry a
field that makes no sense for its type.

Text in these objects has already been cleaned by `quiz.text.clean_text`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum
from pathlib import Path

FORMAT_VERSION = 1
"""The newest deck format this version of the app reads and writes."""


class CardType(StrEnum):
    """The question types a deck can use; the value is what a deck file says."""

    FLASHCARD = "flashcard"
    SHORT = "short"
    CHOICE = "choice"
    MULTI = "multi"
    TRUE_FALSE = "true_false"
    NUMERIC = "numeric"
    DATE = "date"
    CLOZE = "cloze"
    ORDER = "order"
    MATCH = "match"


class NumericBound(StrEnum):
    """How the source states a figure: "exactly", "more than/at least", or "up to"."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


# --- answers -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """A typed answer the deck anticipates, with the credit it earns.

    `weight` is a share of full credit from -1 to 1 (Moodle's percentages / 100).
    A weight of 0 marks an anticipated *wrong* answer that has its own feedback.
    """

    text: str
    weight: float = 1.0
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a `choice` or `multi` card.

    For `choice`, the right option has weight 1 and the others 0 (partial
    weights are allowed, as GIFT allows them). For `multi`, the right options'
    weights add up to 1 and wrong options may carry a negative weight (a penalty).
    """

    text: str
    weight: float = 0.0
    feedback: str = ""

    @property
    def correct(self) -> bool:
        return self.weight > 0


@dataclass(frozen=True, slots=True)
class NumericAnswer:
    """An accepted number: `value` ± `tolerance`, or the range `low`..`high`.

    Exactly one form is used: either `value` is set, or at least one of `low`
    and `high` (an open side means "no limit", e.g. `low=280` is "at least 280").
    """

    value: float | None = None
    tolerance: float = 0.0
    low: float | None = None
    high: float | None = None
    weight: float = 1.0
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    `year` may be None for a date whose year the question does not ask
    ("May 16"); `month` and `day` are None when the date is coarser.
    """

    year: int | None
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True, slots=True)
class DateAnswer:
    """A date, or a span of dates (`end` set), such as May 16-17."""

    start: PartialDate
    end: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class ClozeGap:
    """One gap of a cloze card, numbered from 1 in reading order."""

    index: int
    answer: str
    accept: tuple[str, ...] = ()
    hint: str = ""


# --- cards -------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Card:
    """What every card has, whatever its type.

    `id` is stable and chosen by the author: progress is keyed by it, never by
    position. `line` is the deck-file line of the card's `[[cards]]` header
    (0 for cards not read from a file), so later messages can point at it.
    """

    id: str
    question: str
    line: int = 0
    tags: tuple[str, ...] = ()
    hint: str = ""
    explanation: str = ""
    """Shown after every answer (GIFT's general feedback)."""
    source: str = ""
    """The sentence of the source article this card was made from."""
    previous_ids: tuple[str, ...] = ()
    title: str = ""
    """An optional short name (GIFT's ::title::); not shown while asking."""

    type: CardType = field(init=False, default=CardType.FLASHCARD)


@dataclass(frozen=True, slots=True, kw_only=True)
class FlashCard(Card):
    """Front and back; the student reveals the back and rates themselves."""

    back: str
    reverse: bool = False
    """Also study back → front, as a separate study item."""
    type: CardType = field(init=False, default=CardType.FLASHCARD)


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortCard(Card):
    """A typed answer; `answers[0]` is the canonical one shown as "the right answer"."""

    answers: tuple[Answer, ...]
    case_sensitive: bool = False
    exact: bool = False
    """Only the answer as written (after whitespace) counts: no typo, article or punctuation leeway."""
    typos: bool = True
    """Forgive small typos in long answers (never in numbers, dates or codes)."""
    any_order: bool = False
    """The answer lists several parts that may be given in any order."""
    type: CardType = field(init=False, default=CardType.SHORT)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChoiceCard(Card):
    """Pick one option."""

    choices: tuple[Choice, ...]
    shuffle: bool = True
    type: CardType = field(init=False, default=CardType.CHOICE)


@dataclass(frozen=True, slots=True, kw_only=True)
class MultiCard(Card):
    """Select all that apply; partial credit, penalties for wrong picks, never below 0."""

    choices: tuple[Choice, ...]
    shuffle: bool = True
    type: CardType = field(init=False, default=CardType.MULTI)


@dataclass(frozen=True, slots=True, kw_only=True)
class TrueFalseCard(Card):
    """A statement that is true or false."""

    answer: bool
    feedback_correct: str = ""
    """Shown when the student answers right."""
    feedback_wrong: str = ""
    """Shown when the student answers wrong."""
    type: CardType = field(init=False, default=CardType.TRUE_FALSE)


@dataclass(frozen=True, slots=True, kw_only=True)
class NumericCard(Card):
    """A number, with a tolerance or a range, in the card's `unit`."""

    answers: tuple[NumericAnswer, ...]
    unit: str = ""
    """What the number counts, e.g. "billion USD", "entities", "%"; read against the student's unit."""
    bound: NumericBound = NumericBound.EXACT
    """How the source states it ("more than 280" is AT_LEAST)."""
    type: CardType = field(init=False, default=CardType.NUMERIC)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateCard(Card):
    """A date at the granularity the answer is written in (year, month, day, or a span)."""

    answer: DateAnswer
    type: CardType = field(init=False, default=CardType.DATE)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClozeCard(Card):
    """A passage with gaps, each gap its own study item.

    `text` keeps the deck's gap syntax (`{{answer}}` or `{{answer::hint}}`);
    `gaps` holds the parsed gaps in reading order. `question` may be an
    instruction or empty.
    """

    text: str
    gaps: tuple[ClozeGap, ...]
    type: CardType = field(init=False, default=CardType.CLOZE)


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderCard(Card):
    """Put `items` (given here in the right order) in order; partial credit by pairs."""

    items: tuple[str, ...]
    type: CardType = field(init=False, default=CardType.ORDER)


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchCard(Card):
    """Match each left item to its right item; `distractors` are extra right items."""

    pairs: tuple[tuple[str, str], ...]
    distractors: tuple[str, ...] = ()
    type: CardType = field(init=False, default=CardType.MATCH)


AnyCard = (
    FlashCard
    | ShortCard
    | ChoiceCard
    | MultiCard
    | TrueFalseCard
    | NumericCard
    | DateCard
    | ClozeCard
    | OrderCard
    | MatchCard
)


# --- study items -------------------------------------------------------------

ITEM_SEPARATOR = ":"
"""Separates a card id from its sub-item; never valid inside an id."""


def item_keys(card: Card) -> tuple[str, ...]:
    """The study items a card yields, each scheduled on its own.

    A flashcard with `reverse` yields `id` and `id:reverse`; a cloze card yields
    `id:gap1`, `id:gap2`, …; every other card yields its `id` alone. Items of
    the same card are siblings, which a review session keeps apart for a day.
    """
    if isinstance(card, FlashCard) and card.reverse:
        return (card.id, f"{card.id}{ITEM_SEPARATOR}reverse")
    if isinstance(card, ClozeCard):
        return tuple(f"{card.id}{ITEM_SEPARATOR}gap{gap.index}" for gap in card.gaps)
    return (card.id,)


def split_item_key(key: str) -> tuple[str, str]:
    """Split an item key into (card id, sub-item); the sub-item is "" for whole cards."""
    card_id, _, sub = key.partition(ITEM_SEPARATOR)
    return card_id, sub


# --- decks -------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class DeckSource:
    """Where a deck's content comes from, e.g. the news article it was made from."""

    title: str = ""
    url: str = ""
    publisher: str = ""
    published: date | None = None
    article: str = ""
    """Path of the article's text, relative to the deck file's folder."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StudyOptions:
    """How a deck is scheduled; a deck may set these, a student may override them."""

    desired_retention: float = 0.9
    learning_steps: tuple[int, ...] = (60, 600)
    """Seconds between the first reviews of a new card (1 min, 10 min)."""
    relearning_steps: tuple[int, ...] = (600,)
    new_per_day: int = 20
    max_reviews_per_day: int = 200
    day_starts_at: int = 4
    """Local hour at which a new study day begins."""
    leech_threshold: int = 8
    """Lapses after which a card is tagged a leech and suspended."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Deck:
    """A loaded deck: its metadata and its cards in file order."""

    id: str
    title: str
    cards: Sequence[AnyCard]
    """A tuple, or for a deck read from the loader's cache a sequence that builds each card when first used."""
    description: str = ""
    language: str = "en"
    tags: tuple[str, ...] = ()
    format: int = FORMAT_VERSION
    source: DeckSource | None = None
    options: StudyOptions = field(default_factory=StudyOptions)
    path: Path | None = None
    """The file it was loaded from, if any."""
    digest: str = field(default="", compare=False)
    """A hash of the file's bytes and the app's version, set by the loader ("" otherwise).

    The progress store remembers the digest it last synced, so opening an
    unchanged deck again skips comparing every card with the store.
    """

    def card(self, card_id: str) -> AnyCard | None:
        """The card with this id, or None."""
        return cards_by_id(self.cards).get(card_id)


def cards_by_id(cards: Sequence[AnyCard]) -> Mapping[str, AnyCard]:
    """The cards by id (the first, should two share one).

    Cards read from the cache offer their own view, which decodes only the
    cards looked up, so a session on a large deck builds just the cards it asks.
    """
    view = getattr(cards, "by_id", None)
    if view is not None:
        return view()
    found: dict[str, AnyCard] = {}
    for card in cards:
        found.setdefault(card.id, card)
    return found


# --- progress ----------------------------------------------------------------


class Rating(IntEnum):
    """How well a student recalled an item; the numbers match FSRS's and the keys 1-4."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class Correctness(StrEnum):
    """The verdict on one answer, stored as text in the review log."""

    CORRECT = "correct"
    PARTIAL = "partial"
    WRONG = "wrong"
    SELF_RATED = "self_rated"
    """Flashcards: the student judged their own recall."""


class LearningState(StrEnum):
    """Where an item stands in FSRS's life cycle (new items have no MemoryState at all)."""

    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


@dataclass(frozen=True, slots=True, kw_only=True)
class MemoryState:
    """What the scheduler knows about one study item after at least one review.

    An item never reviewed has no MemoryState (`None`), not a state full of Nones.
    All datetimes are timezone-aware UTC.
    """

    state: LearningState
    step: int | None
    """Index into the (re)learning steps while learning; None in review."""
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime
    reps: int = 0
    lapses: int = 0
