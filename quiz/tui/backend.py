"""The app's one door to the core: the progress store, study sessions and statistics.

Screens never import quiz.storage or quiz.session themselves; they ask the
backend. The session owns progress: this module only opens the store, hands
sessions to the study screen, and turns store faults into messages a student
can act on.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from quiz.clock import Clock, day_start, local_day
from quiz.errors import QuizError, StorageError, StoreLockedError
from quiz.model import Deck


@dataclass(frozen=True, slots=True)
class DeckCounts:
    """A deck's row on the home screen."""

    new: int
    learning: int
    due: int
    last_studied: datetime | None
    mastery: float
    """Share of studiable items that have reached the review state."""


class Backend:
    """Opens the store on first use and keeps it until the app closes."""

    def __init__(self, data_dir: Path, *, clock: Clock, seed: int | None) -> None:
        self.data_dir = data_dir
        """The folder holding progress (from quiz.paths.data_dir)."""
        self.clock = clock
        self.seed = seed
        self.rng = random.Random(seed)
        """Shuffles and samples come from here, so a fixed seed gives the same session."""
        self._store: Any = None
        self._synced: set[str] = set()
        self._decks: dict[str, Deck] = {}
        self.store_problem: str | None = None
        """Why progress cannot be saved, once opening the store has failed."""
        self.backup_offer: Path | None = None
        """A good backup to restore, when the database turned out to be damaged."""
        self._retry_open = False
        """The last try to open failed for a passing reason (another copy held the store, the disk
        was full, the damaged file was moved aside); the next use tries again, so no restart is needed."""
        self._passing = False
        """Whether the reason goes away with the fault (lock, disk): then a good open clears the message."""

    # --- the store -------------------------------------------------------------

    @property
    def store(self) -> Any:
        """The open progress store; raises StorageError (with a message for the student) if it cannot open."""
        if self._store is None:
            if self.store_problem is not None and not self._retry_open:
                raise StorageError(self.store_problem)
            from quiz.storage import CorruptStoreError, NotSavedError, ReadOnlyStoreError, open_store

            try:
                self._store = open_store(self.data_dir, clock=self.clock)
                if self._retry_open:  # the other copy has quit, or space was freed: progress can be saved again
                    self._retry_open = False
                    if self._passing:
                        self.store_problem = None
            except (StoreLockedError, NotSavedError) as error:
                # asked again on the next use, so closing the other copy or freeing space is enough (no restart)
                self._retry_open, self._passing, self.store_problem = True, True, str(error)
                raise
            except ReadOnlyStoreError as error:
                # open it for reading, clearly labelled: nothing pretends to be saved
                try:
                    self._store = open_store(self.data_dir, clock=self.clock, read_only=True)
                except StorageError:
                    self.store_problem = str(error)
                    raise error from None
                self.store_problem = f"{error} You can view decks and statistics and practise, but no answer is saved."
            except CorruptStoreError as error:
                self.store_problem = str(error)
                self.backup_offer = error.backup
                # nothing to restore: the damaged file is aside, so the next use starts the new, empty store;
                # the message stays on the home screen, so the student learns why the history is gone
                self._retry_open, self._passing = error.backup is None, False
                raise
            except StorageError as error:
                self.store_problem = str(error)
                raise
        return self._store

    def restore_backup(self) -> str:
        """Put the offered backup in place and reopen the store; returns what was restored."""
        from quiz.storage import restore_backup

        backup = self.backup_offer
        self.backup_offer = None
        self.close()
        restored = restore_backup(self.data_dir, backup, clock=self.clock)
        self.store_problem = None
        self._synced.clear()
        _ = self.store
        return str(restored)

    def start_afresh(self) -> None:
        """The student declined the backup: carry on with a new, empty store now, saving again."""
        from quiz.storage import start_afresh

        self.backup_offer = None
        self.store_problem = start_afresh(self.data_dir)
        # the message stays on the home screen, so the student learns why the history is gone
        self._retry_open, self._passing = True, False
        self._synced.clear()

    def try_store(self) -> Any | None:
        """The store, or None when it cannot be opened (the reason is in `store_problem`)."""
        try:
            return self.store
        except QuizError:
            return None

    def close(self) -> None:
        """Close the store; safe to call twice."""
        store, self._store = self._store, None
        if store is not None:
            try:
                store.close()
            except QuizError:
                pass

    def sync(self, deck: Deck) -> None:
        """Tell the store about a freshly loaded deck (once per deck and load)."""
        self._decks[deck.id] = deck
        store = self.try_store()
        if store is None or deck.id in self._synced or store.read_only:
            return
        store.sync_deck(deck)
        self._synced.add(deck.id)

    # --- numbers -----------------------------------------------------------------

    def _day_bounds(self, deck: Deck | None) -> tuple[datetime, datetime]:
        hour = deck.options.day_starts_at if deck else 4
        today = local_day(self.clock.now(), day_starts_at=hour)
        start = day_start(today, day_starts_at=hour)
        return start, day_start(today + timedelta(days=1), day_starts_at=hour)

    def _item_counts(self, deck: Deck, *, last_studied: bool = False) -> tuple[Any, datetime | None] | None:
        """The store's counts for a deck synced first (and when it was last studied); None without a store."""
        store = self.try_store()
        if store is None:
            return None
        try:
            self.sync(deck)
            _, day_end = self._day_bounds(deck)
            counts = store.counts(deck.id, self.clock.now(), day_end)
            last = store.last_studied().get(deck.id) if last_studied else None
        except QuizError as error:
            self.store_problem = self.store_problem or str(error)
            return None
        return counts, last

    def deck_counts(self, deck: Deck) -> DeckCounts | None:
        """New, learning and due counts, last studied and mastery; None without a store."""
        found = self._item_counts(deck, last_studied=True)
        if found is None:
            return None
        counts, last = found
        total = counts.total
        return DeckCounts(
            new=counts.new,
            learning=counts.learning,
            due=counts.due_today,
            last_studied=last,
            mastery=(counts.review / total) if total else 0.0,
        )

    def stats(self, deck_id: str | None) -> Any:
        """Everything the statistics screen draws, for one deck or all of them, from quiz.stats.

        The numbers are the ones `quiz stats` prints: one computation, two views.
        "All decks" covers the decks the app has loaded (those on the home screen).
        """
        from quiz.stats import RETENTION_DAYS, deck_stats, overall_stats
        from quiz.tui.screens.stats import HardCard, StatsView

        store = self.store
        now = self.clock.now()
        deck = self._decks.get(deck_id) if deck_id else None
        if deck is not None:
            stats = deck_stats(store, deck, now=now)
        else:
            stats = overall_stats(store, list(self._decks.values()), now=now)
        several = deck is None and len(self._decks) > 1
        hardest = []
        for card in stats.hardest:
            detail = f"{card.reviews} review{'s' * (card.reviews != 1)}"
            if card.mean_score is not None:
                detail += f", mean {round(card.mean_score * 100)}%"
            if several:
                detail += f" · {self._decks[card.deck_id].title if card.deck_id in self._decks else card.deck_id}"
            hardest.append(HardCard(card.question, card.lapses, detail))
        counts = stats.counts
        return StatsView(
            title=deck.title if deck else "all decks",
            today=stats.today,
            reviews_per_day=dict(stats.reviews_per_day),
            retention=stats.retention,
            retention_days=RETENTION_DAYS,
            forecast=[n for _, n in stats.forecast],
            hardest=hardest,
            quiz_scores=[(score.finished_at, score.percent / 100) for score in reversed(stats.quiz_scores)],
            counts={
                "new": counts.new,
                "learning": counts.learning,
                "review": counts.review,
                "due today": counts.due_today,
            },
            streak=stats.streak,
        )

    # --- sessions ----------------------------------------------------------------

    def start_session(self, path: Path, mode: str, options: dict[str, Any], *, rng: random.Random) -> Any:
        """Load the deck and start a session on it, seen through a StudyDriver."""
        from quiz.loader import deck_cache_dir, load_deck
        from quiz.tui.session_driver import SessionDriver

        deck = load_deck(path, cache_dir=deck_cache_dir(self.data_dir))
        # the home screen synced this deck when it counted it; the same file since, it needs no second sync
        counted = self._decks.get(deck.id)
        synced = deck.id in self._synced and counted is not None and deck.digest != "" and counted.digest == deck.digest
        driver = SessionDriver.start(self, deck, mode, options, rng=rng, sync=not synced)
        self._decks[deck.id] = deck
        self._synced.add(deck.id)  # starting the session synced it
        return driver

    # --- cards set aside (suspended, buried, leeches) ----------------------------------

    def card_states(self, deck: Deck) -> list[CardState] | None:
        """Where each of the deck's cards stands, in deck order; None when progress cannot be read.

        A card is listed once although suspend and bury act on all its study items
        together (a cloze card's gaps, a flashcard's reverse side): the student set the
        card aside, so the card is what they bring back. Items the store has not seen
        yet (a read-only store never synced this deck) count as new.
        """
        from quiz.model import item_keys

        store = self.try_store()
        if store is None:
            return None
        try:
            self.sync(deck)
            records = store.items(deck.id)
        except QuizError as error:
            self.store_problem = self.store_problem or str(error)
            return None
        now = self.clock.now()
        return [CardState.of(card.id, item_keys(card), records, now) for card in deck.cards]

    def set_aside_count(self, deck: Deck) -> int | None:
        """How many of the deck's study items are suspended (leeches too) or buried now; None without a store.

        From the store's index counts, so the deck screen can say it on every visit even
        for a very large deck, where `card_states` reads every item.
        """
        found = self._item_counts(deck)
        if found is None:
            return None
        counts, _ = found
        return counts.suspended + counts.buried

    @property
    def can_save(self) -> bool:
        """Whether a change to progress can be saved now (the store opens, and not read-only)."""
        store = self.try_store()
        return store is not None and not store.read_only

    def bring_back(self, deck: Deck, cards: list[CardState]) -> list[CardState]:
        """Lift the suspension, leech tag and bury of these cards, so sessions ask them again.

        Returns the cards' states as the store now has them (read back by key, so
        bringing one card back costs the same in a deck of any size).

        Raises:
            StorageError: the store is read-only or the write failed; the message says which.
        """
        keys = [key for card in cards for key in card.item_keys]
        if not keys:
            return list(cards)
        store = self.store
        store.unsuspend(deck.id, keys)
        store.unbury(deck.id, keys)
        records = store.items_by_key(deck.id, keys)
        now = self.clock.now()
        return [CardState.of(card.card_id, card.item_keys, records, now) for card in cards]


NEW = "new"
LEARNING = "learning"
REVIEW = "review"
SUSPENDED = "suspended"
BURIED = "buried"
LEECH = "leech"
SET_ASIDE = frozenset({SUSPENDED, BURIED, LEECH})
"""States that keep a card out of sessions until the student brings it back (a bury lifts itself next day)."""


@dataclass(frozen=True, slots=True)
class CardState:
    """One card of a deck as the card list shows it: which study items it has and where it stands."""

    card_id: str
    item_keys: tuple[str, ...]
    state: str
    """NEW, LEARNING (relearning too), REVIEW, or a SET_ASIDE state: SUSPENDED, BURIED, LEECH (a suspended leech)."""

    @property
    def set_aside(self) -> bool:
        return self.state in SET_ASIDE

    @classmethod
    def of(cls, card_id: str, keys: tuple[str, ...], records: Mapping[str, Any], now: datetime) -> CardState:
        """The state of a card from its items' store records (ItemRecord, by item key): the one that says most.

        A leech, a suspension or a bury on any item names the card's state, since the
        student set the whole card aside; otherwise learning beats review beats new.
        """
        from quiz.model import LearningState

        items = [records[key] for key in keys if key in records]
        if any(item.leech for item in items):
            state = LEECH
        elif any(item.suspended for item in items):
            state = SUSPENDED
        elif any(item.buried_until is not None and item.buried_until > now for item in items):
            state = BURIED
        elif any(item.memory is not None and item.memory.state != LearningState.REVIEW for item in items):
            state = LEARNING
        elif any(item.memory is not None for item in items):
            state = REVIEW
        else:
            state = NEW
        return cls(card_id, keys, state)
