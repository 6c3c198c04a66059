"""The progress store's public face: one object per open database, one short transaction per write.

Every method that writes commits before it returns, so an answer the
student saw acknowledged survives a crash or a kill at any later moment.
Writes that fail on a full disk raise `NotSavedError` (the database is left
intact and the caller may retry); nothing here ever blocks for long on a lock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from quiz.clock import Clock
from quiz.model import Deck, MemoryState
from quiz.storage.records import (
    DailyWork,
    HardItem,
    ItemCounts,
    ItemRecord,
    QuizAttempt,
    Retention,
    ReviewRecord,
    StoredReview,
    StudyMode,
    SyncReport,
)


class Store:
    """An open progress store. Use `open_store` to get one; close it (or use `with`)."""

    path: Path
    """The database file."""
    read_only: bool
    """True when opened for reading only: every write raises ReadOnlyStoreError."""

    def close(self) -> None:
        """Close the database and release the lock; safe to call twice."""
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # --- items -------------------------------------------------------------

    def sync_deck(self, deck: Deck) -> SyncReport:
        """Bring the store in line with a freshly loaded deck; call it each time a deck is loaded.

        New items are added (memory None), edited cards keep their progress and are
        flagged changed / answer-changed, removed cards are hidden (never deleted) and
        come back with their history, `previous_ids` move an old card's items and
        reviews to the new id once, and a changed card type resets scheduling while
        keeping the review rows. One transaction.
        """
        raise NotImplementedError

    def get_item(self, deck_id: str, item_key: str) -> ItemRecord | None:
        """One item, or None if the store has never seen it."""
        raise NotImplementedError

    def items(self, deck_id: str, *, include_hidden: bool = False) -> dict[str, ItemRecord]:
        """Every item of a deck keyed by item key, in deck order."""
        raise NotImplementedError

    def due_items(self, deck_id: str, now: datetime, *, limit: int | None = None) -> list[ItemRecord]:
        """Scheduled items due at `now`, earliest due first.

        Leaves out new, suspended, hidden items and those buried until after `now`.
        """
        raise NotImplementedError

    def new_items(self, deck_id: str, now: datetime, *, limit: int | None = None) -> list[ItemRecord]:
        """Never-reviewed items in deck order, leaving out suspended, hidden and buried ones."""
        raise NotImplementedError

    def counts(self, deck_id: str, now: datetime, day_end: datetime) -> ItemCounts:
        """How the deck's items stand at `now`; `day_end` is when the current study day ends (UTC)."""
        raise NotImplementedError

    # --- answers -----------------------------------------------------------

    def record_review(
        self,
        review: ReviewRecord,
        new_memory: MemoryState | None,
        *,
        before: MemoryState | None,
        leech: bool = False,
    ) -> int:
        """Save one answer and the item's new memory state in one transaction; return the review id.

        `new_memory` None records the answer without touching the schedule (cram,
        quiz). `before` is the state the scheduler started from, kept so the answer
        can be undone. `leech=True` tags the item a leech and suspends it in the same
        transaction. A due date earlier than the review time (a clock that went
        backwards) is clamped to the review time. Committed to disk before it returns.

        Raises:
            NotSavedError: the disk is full or the write failed; nothing was saved.
        """
        raise NotImplementedError

    def undo_review(self, review_id: int) -> MemoryState | None:
        """Undo an answer: restore the item's state from before it and mark the review undone.

        The review row stays in the history (marked undone), never deleted. A leech
        tag or suspension that answer caused is lifted. Returns the restored state
        (None when the item was new).

        Raises:
            StorageError: the review does not exist or was already undone.
        """
        raise NotImplementedError

    def reviews(self, deck_id: str, item_key: str | None = None, *, include_undone: bool = False) -> list[StoredReview]:
        """The review log of a deck (or of one item), oldest first."""
        raise NotImplementedError

    # --- student actions on items -----------------------------------------

    def suspend(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Keep these items out of every review until unsuspended."""
        raise NotImplementedError

    def unsuspend(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Let suspended items (leeches included) come back; clears the leech tag too."""
        raise NotImplementedError

    def bury(self, deck_id: str, item_keys: Iterable[str], until: datetime) -> None:
        """Hide these items from reviews until `until` (usually the start of the next study day)."""
        raise NotImplementedError

    def unbury(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Lift a bury early."""
        raise NotImplementedError

    def reset(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Forget these items: they become new again; their review history is kept.

        Also clears the changed flags, since the student has acted on them.
        """
        raise NotImplementedError

    def set_leech(self, deck_id: str, item_key: str, leech: bool) -> None:
        """Tag or untag an item as a leech (does not suspend or unsuspend it)."""
        raise NotImplementedError

    def acknowledge_change(self, deck_id: str, item_keys: Iterable[str]) -> None:
        """Clear the changed / answer-changed flags once the student has seen them and kept the progress."""
        raise NotImplementedError

    # --- what was done -----------------------------------------------------

    def daily_work(self, deck_id: str, since: datetime) -> DailyWork:
        """New items introduced and reviews done since `since` (the start of the study day)."""
        raise NotImplementedError

    def reviewed_since(self, deck_id: str, since: datetime) -> set[str]:
        """Item keys answered (not undone) since `since`: the siblings rule needs them."""
        raise NotImplementedError

    def review_counts(self, deck_id: str | None, boundaries: Sequence[datetime]) -> list[int]:
        """Reviews in each interval [boundaries[i], boundaries[i+1]); len(boundaries) - 1 numbers.

        The caller computes the boundaries of local study days with quiz.clock.day_start,
        so "reviews per day" follows the student's time zone. `deck_id` None means all decks.
        """
        raise NotImplementedError

    def forecast(self, deck_id: str | None, boundaries: Sequence[datetime]) -> list[int]:
        """Scheduled items falling due in each interval [boundaries[i], boundaries[i+1]).

        Items already overdue at boundaries[0] count in the first interval.
        """
        raise NotImplementedError

    def retention(self, deck_id: str | None, since: datetime) -> Retention:
        """Share of answers to review-state items not rated AGAIN, since `since`."""
        raise NotImplementedError

    def last_studied(self) -> dict[str, datetime]:
        """The time of the latest answer in each deck."""
        raise NotImplementedError

    def study_days(self, deck_id: str | None, since: datetime) -> list[datetime]:
        """Review times since `since`, oldest first (for streaks); the caller groups them by local day."""
        raise NotImplementedError

    def hardest_items(self, deck_id: str, *, limit: int = 10) -> list[HardItem]:
        """Visible items with the most lapses, then the lowest mean score."""
        raise NotImplementedError

    # --- quizzes and sessions ---------------------------------------------

    def start_quiz(self, deck_id: str, settings: Mapping[str, Any]) -> int:
        """Begin a quiz attempt with its settings (count, seed, types, tags…); return its id."""
        raise NotImplementedError

    def record_quiz_answer(
        self,
        attempt_id: int,
        item_key: str,
        *,
        response: str,
        correctness: str,
        score: float,
        duration_ms: int = 0,
    ) -> None:
        """Save one question's outcome in its own transaction (committed before returning)."""
        raise NotImplementedError

    def finish_quiz(self, attempt_id: int, *, score: float, max_score: float) -> None:
        """Close an attempt with its total score."""
        raise NotImplementedError

    def quiz_history(self, deck_id: str | None = None, *, limit: int = 20) -> list[QuizAttempt]:
        """Quiz attempts, newest first, with their answers."""
        raise NotImplementedError

    def start_session(self, deck_id: str, mode: StudyMode) -> int:
        """Begin a study session; return its id (pass it in each ReviewRecord)."""
        raise NotImplementedError

    def finish_session(self, session_id: int, summary: Mapping[str, Any] | None = None) -> None:
        """Close a session, storing its summary (score, counts…) as JSON."""
        raise NotImplementedError

    # --- options -----------------------------------------------------------

    def get_options(self, deck_id: str) -> dict[str, Any]:
        """The student's overrides of a deck's StudyOptions (field name → value); empty if none."""
        raise NotImplementedError

    def set_options(self, deck_id: str, options: Mapping[str, Any]) -> None:
        """Replace the student's overrides for a deck (an empty mapping removes them)."""
        raise NotImplementedError


def open_store(data_dir: Path, *, clock: Clock | None = None, read_only: bool = False) -> Store:
    """Open (creating if needed) the progress store `progress.db` in the data folder.

    Takes the single-writer lock, migrates an older schema, refuses a newer one, and
    makes the day's rotating backup. `read_only=True` opens a store the student can
    read but never write (for a read-only data folder).

    Raises:
        StoreLockedError: another running quiz holds the store (its pid is named).
        ReadOnlyStoreError: the data folder cannot be written (retry with read_only=True).
        NewerStoreError: a newer version of quiz wrote this database.
        CorruptStoreError: the database was damaged; it was moved aside, a backup is named.
    """
    raise NotImplementedError


def list_backups(data_dir: Path) -> list[Path]:
    """The backups in the data folder, newest first."""
    raise NotImplementedError


def restore_backup(data_dir: Path, backup: Path | None = None) -> Path:
    """Put a backup (by default the newest that passes quick_check) in place of the database.

    A database already there is moved aside first, never overwritten. Returns the
    backup restored. Call it with no store open.
    """
    raise NotImplementedError
