"""`start_session`: open a deck in the store and build the session a mode asks for.

Opening a session syncs the deck with the store first, so edits made since the
last session are noticed (changed cards keep their progress, removed cards are
hidden), and the session's `sync` and `changes()` tell the UI about them.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, replace
from typing import Any

from quiz.clock import Clock, SystemClock
from quiz.errors import QuizError
from quiz.model import Deck, LearningState, MemoryState, StudyOptions, cards_by_id, item_keys
from quiz.scheduling import make_scheduler
from quiz.session.engine import Session
from quiz.session.flow import Mode, StudyQueue
from quiz.session.memory import ItemMemory
from quiz.session.queues import all_item_keys, build_review_plan, quiz_keys
from quiz.storage import ItemRecord, Store


def study_options(store: Store, deck: Deck) -> StudyOptions:
    """The deck's options with the student's own overrides (from the store) on top; bad overrides are ignored."""
    overrides = store.get_options(deck.id)
    known = {f.name: f for f in fields(StudyOptions)}
    values: dict[str, Any] = {}
    for name, value in overrides.items():
        if name not in known:
            continue
        if name.endswith("_steps") and isinstance(value, list | tuple):
            values[name] = tuple(int(v) for v in value if isinstance(v, int | float) and v > 0)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            values[name] = float(value) if name == "desired_retention" else int(value)
    return replace(deck.options, **values)


def start_session(
    store: Store,
    deck: Deck,
    *,
    mode: str | Mode = Mode.REVIEW,
    clock: Clock | None = None,
    rng: random.Random | None = None,
    count: int | None = None,
    types: Iterable[str] | None = None,
    tags: Iterable[str] | None = None,
    keys: Sequence[str] | None = None,
    seed: int | None = None,
    update_schedule: bool = False,
    shuffle: bool = True,
    options: StudyOptions | None = None,
    fuzz: bool = True,
    sync: bool = True,
    monotonic: Callable[[], float] = time.monotonic,
) -> Session:
    """Start a session on `deck` (syncing it with the store first).

    Args:
        store: The open progress store.
        deck: The loaded deck.
        mode: "review", "quiz", "learn" or "cram".
        clock: Where "now" comes from (the system clock by default).
        rng: Every random choice (sampling, order, distractors) comes from it; seed it for a reproducible session.
        count: Quiz, learn, cram: ask this many cards at most.
        types: Quiz, learn, cram: only these card types.
        tags: Quiz, learn, cram: only cards with one of these tags.
        keys: Ask exactly these items (or, in a quiz, cards), e.g. to retry misses.
        seed: Seeds a new random generator when `rng` is not given; saved with a quiz.
        update_schedule: A quiz also moves the schedule of the cards it asks.
        shuffle: Quiz and cram: ask in random order (file order otherwise).
        options: Scheduling options to use instead of the deck's and the student's.
        fuzz: Spread intervals a little (off for reproducible schedules).
        sync: Sync the deck with the store first; pass False only when the caller just did.
        monotonic: The timer for time per card.

    Raises:
        QuizError: an unknown mode.
    """
    try:
        mode = Mode(mode)
    except ValueError:
        raise QuizError(f"unknown study mode {mode!r}: choose review, quiz, learn or cram") from None
    clock = clock or SystemClock()
    rng = rng or random.Random(seed)
    # A read-only store cannot take the sync (it would fail): the session practises on what the store holds.
    report = store.sync_deck(deck) if sync and not store.read_only else None
    options = options or study_options(store, deck)
    scheduler = make_scheduler(options, fuzz=fuzz)
    now = clock.now()
    cards = cards_by_id(deck.cards)
    settings: dict[str, object] = {}
    if mode is Mode.REVIEW:  # reads only the items it will ask: a large deck opens at once
        plan = build_review_plan(store, deck, cards, now=now, options=options)
        memory = ItemMemory(
            {record.item_key: record for record in (*plan.learning, *plan.later, *plan.reviews, *plan.new)}
        )
        queue = StudyQueue(
            upcoming=plan.keys(), later=sorted((r.memory.due, r.item_key) for r in plan.later if r.memory)
        )
        if store.read_only and len(plan.new) < plan.new_left:  # cards added since the store could last be written
            unseen = _unseen_new(store, deck, plan.new_left - len(plan.new))
            queue.upcoming.extend(unseen)
            memory.new.update(unseen)
    elif mode is Mode.QUIZ:
        chosen = list(keys) if keys is not None else quiz_keys(
            deck, rng=rng, count=count, types=types, tags=tags, shuffle=shuffle
        )  # fmt: skip
        chosen = [key for key in chosen if key in cards]
        memory = ItemMemory()  # a quiz that leaves the schedule alone needs no memory
        if update_schedule:
            memory = _practice_items(store, deck, all_item_keys(deck, card_ids=chosen))[0]
        settings = {
            "count": len(chosen),
            "types": sorted(types) if types else None,
            "tags": sorted(tags) if tags else None,
            "seed": seed,
            "update_schedule": update_schedule,
            "cards": chosen,
        }
        queue = StudyQueue(upcoming=chosen)
    else:
        candidates = _practice_keys(deck, rng=rng, count=count, types=types, tags=tags, keys=keys)
        memory, unavailable = _practice_items(store, deck, candidates)
        chosen = [key for key in candidates if key not in unavailable]
        if mode is Mode.LEARN:
            queue = StudyQueue(upcoming=[], waiting=chosen)
            queue.right = {key: 1 for key in _known(store, deck, chosen, memory)}
        else:
            if shuffle:
                rng.shuffle(chosen)
            queue = StudyQueue(upcoming=chosen)
    return Session(
        store,
        deck,
        mode=mode,
        clock=clock,
        rng=rng,
        scheduler=scheduler,
        options=options,
        queue=queue,
        memory=memory,
        new_keys=memory.new,
        update_schedule=update_schedule,
        quiz_settings=settings,
        sync=report,
        cards=cards,
        monotonic=monotonic,
    )


FEW_ITEMS = 500
"""Up to this many items are read at the start, in one indexed query; more are looked up as they are asked."""


def _practice_items(store: Store, deck: Deck, keys: Sequence[str]) -> tuple[ItemMemory, set[str]]:
    """The memory of these items and which are suspended or hidden (no session asks those).

    A few items are read now, in one indexed query. For many, only the keys of the
    suspended and hidden items are read (an index range), and each item's memory
    is looked up when it is first asked.
    """

    def lookup(key: str) -> ItemRecord | None:
        return store.get_item(deck.id, key)

    if len(keys) <= FEW_ITEMS:
        records = store.items_by_key(deck.id, keys)
        unavailable = {key for key, record in records.items() if record.suspended or record.hidden}
        return ItemMemory(records, lookup=lookup), unavailable
    return ItemMemory(lookup=lookup), store.item_keys(deck.id, unavailable=True)


def _unseen_new(store: Store, deck: Deck, wanted: int) -> list[str]:
    """Up to `wanted` cards the store has never seen, in deck order: the first item of each, as siblings are asked."""
    known = store.item_keys(deck.id, include_hidden=True)
    unseen: list[str] = []
    for card in deck.cards:
        if len(unseen) == wanted:
            break
        keys = item_keys(card)
        if keys and not any(key in known for key in keys):
            unseen.append(keys[0])
    return unseen


def _known(store: Store, deck: Deck, keys: Sequence[str], memory: ItemMemory) -> list[str]:
    """Which of these items are already learnt (in the review state): learn mode wants them right once only."""
    if len(keys) <= FEW_ITEMS:
        return [key for key in keys if _is_known(memory.get(key))]
    known = store.item_keys(deck.id, states=(LearningState.REVIEW,))
    return [key for key in keys if key in known]


def _is_known(memory: MemoryState | None) -> bool:
    return memory is not None and memory.state is LearningState.REVIEW


def _practice_keys(
    deck: Deck,
    *,
    rng: random.Random,
    count: int | None,
    types: Iterable[str] | None,
    tags: Iterable[str] | None,
    keys: Sequence[str] | None,
) -> list[str]:
    """Learn and cram items: the given ones, or the deck's items filtered and sampled by card."""
    if keys is not None:
        valid = set(all_item_keys(deck))
        return [key for key in keys if key in valid]
    card_ids = quiz_keys(deck, rng=rng, count=count, types=types, tags=tags, shuffle=False)
    return all_item_keys(deck, card_ids=card_ids)
