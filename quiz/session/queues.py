"""Choosing what a session asks: the review queue with its daily limits, and the sets of the other modes.

The review queue asks, in this order: learning items that are due, reviews due
today (up to what is left of `max_reviews_per_day`), then new items in deck order
(up to what is left of `new_per_day`). Sibling items — the gaps of one cloze card,
a card and its reverse — are not shown on the same study day: only the first of
them is asked, and none if one was already answered today.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from quiz.clock import day_start, local_day
from quiz.model import AnyCard, Deck, LearningState, MemoryState, StudyOptions, item_keys, split_item_key
from quiz.storage import ItemRecord, Store

LEARN_AHEAD = timedelta(minutes=20)
"""A learning item due within this much time is asked now when nothing else is left, as Anki does."""

LEARNING_STATES = (LearningState.LEARNING, LearningState.RELEARNING)

LEARNING_IN_QUEUE = 1000
"""Learning items read at most when a session starts, the earliest due first.

They are read apart from the reviews, so however many old reviews are overdue,
every learning item that is due comes first. This bound only keeps an absurd
number of items in learning steps (thousands at once, days of study) from
slowing the start: about 8 µs per item read.
"""


@dataclass(frozen=True, slots=True)
class StudyDay:
    """The local study day an instant falls in, as UTC bounds."""

    start: datetime
    end: datetime

    @classmethod
    def of(cls, now: datetime, options: StudyOptions) -> StudyDay:
        today = local_day(now, day_starts_at=options.day_starts_at)
        return cls(
            day_start(today, day_starts_at=options.day_starts_at),
            day_start(today + timedelta(days=1), day_starts_at=options.day_starts_at),
        )


@dataclass(frozen=True, slots=True)
class ReviewPlan:
    """The review queue as it stands when a session starts."""

    learning: tuple[ItemRecord, ...]
    """Learning and relearning items due now, earliest first."""
    later: tuple[ItemRecord, ...]
    """Learning items due later today: they join the session when due."""
    reviews: tuple[ItemRecord, ...]
    """Review items due today, earliest first, within the daily limit."""
    new: tuple[ItemRecord, ...]
    """New items in deck order, within the daily limit."""
    new_left: int
    reviews_left: int

    def keys(self) -> list[str]:
        """The order items are asked in (items coming due later are not included)."""
        return [record.item_key for record in (*self.learning, *self.reviews, *self.new)]


def is_learning(memory: MemoryState | None) -> bool:
    return memory is not None and memory.state is not LearningState.REVIEW


def build_review_plan(
    store: Store, deck: Deck, cards: Mapping[str, AnyCard], *, now: datetime, options: StudyOptions
) -> ReviewPlan:
    """The review queue for `deck` at `now` (see the module docstring for the rules)."""
    day = StudyDay.of(now, options)
    done = store.daily_work(deck.id, day.start)
    reviews_left = max(options.max_reviews_per_day - done.reviews, 0)
    new_left = max(options.new_per_day - done.new_introduced, 0)
    seen_today = {split_item_key(key)[0]: key for key in store.reviewed_since(deck.id, day.start)}
    learning: list[ItemRecord] = []
    later: list[ItemRecord] = []
    taken: set[str] = set()
    # Every due learning item, however many old reviews are overdue: its steps are minutes long.
    for record in store.due_items(deck.id, now, due_by=day.end, states=LEARNING_STATES, limit=LEARNING_IN_QUEUE):
        if record.card_id in cards and record.memory is not None:
            (learning if record.memory.due <= now else later).append(record)
            taken.add(record.card_id)
    reviews = _take(
        lambda limit: store.due_items(deck.id, now, due_by=day.end, limit=limit, states=(LearningState.REVIEW,)),
        reviews_left + 16, cards, reviews_left, seen_today, taken,
    )  # fmt: skip
    new = _take(
        lambda limit: store.new_items(deck.id, now, limit=limit), 2 * new_left + 16, cards, new_left, seen_today, taken
    )
    return ReviewPlan(tuple(learning), tuple(later), tuple(reviews), tuple(new), new_left, reviews_left)


def _take(
    read: Callable[[int], Sequence[ItemRecord]],
    first_limit: int,
    cards: Mapping[str, AnyCard],
    wanted: int,
    seen_today: Mapping[str, str],
    taken: set[str],
) -> list[ItemRecord]:
    """Up to `wanted` items in the order `read(limit)` gives them, siblings left out.

    Reads `first_limit` items, and more only when siblings or removed cards were
    skipped, so a large deck costs a few hundred index entries, not a pass.
    """
    limit = first_limit
    while wanted:
        records = read(limit)
        chosen: list[ItemRecord] = []
        chosen_cards: set[str] = set()
        for record in records:
            if len(chosen) == wanted:
                break
            if record.card_id not in cards or record.card_id in chosen_cards:
                continue
            if _sibling_seen(record, seen_today, taken):
                continue
            chosen.append(record)
            chosen_cards.add(record.card_id)
        if len(chosen) == wanted or len(records) < limit:
            taken.update(chosen_cards)
            return chosen
        limit *= 4
    return []


def _sibling_seen(record: ItemRecord, seen_today: Mapping[str, str], taken: set[str]) -> bool:
    """Another item of the same card was answered today or is already in the queue."""
    if record.card_id in taken:
        return True
    seen = seen_today.get(record.card_id)
    return seen is not None and seen != record.item_key


def quiz_keys(
    deck: Deck,
    *,
    rng: random.Random,
    count: int | None = None,
    types: Iterable[str] | None = None,
    tags: Iterable[str] | None = None,
    shuffle: bool = True,
) -> list[str]:
    """The cards a quiz asks (one question per card), filtered by type and tag, sampled, in random order.

    Args:
        deck: The deck.
        rng: Seeded for a reproducible quiz.
        count: Ask this many cards at most (all when None).
        types: Only these card types (their deck-file names).
        tags: Only cards with at least one of these tags.
        shuffle: Ask in random order rather than file order.
    """
    wanted_types = {str(kind) for kind in types} if types else None
    wanted_tags = set(tags) if tags else None
    cards = [
        card
        for card in deck.cards
        if (wanted_types is None or str(card.type) in wanted_types)
        and (wanted_tags is None or wanted_tags.intersection(card.tags))
    ]
    if count is not None and 0 <= count < len(cards):
        chosen = set(id(card) for card in rng.sample(cards, count))
        cards = [card for card in cards if id(card) in chosen]
    if shuffle:
        rng.shuffle(cards)
    return [card.id for card in cards]


def all_item_keys(deck: Deck, *, card_ids: Sequence[str] | None = None) -> list[str]:
    """Every study item of the deck (or of the given cards), in deck order."""
    wanted = set(card_ids) if card_ids is not None else None
    return [key for card in deck.cards if wanted is None or card.id in wanted for key in item_keys(card)]
