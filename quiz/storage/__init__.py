"""The progress store: SQLite in the user data folder, one transaction per answer.

The only package that imports sqlite3. Others open a `Store` with `open_store`
and speak to it in the records of `quiz.storage.records`.
"""

from __future__ import annotations

from quiz.storage.errors import (
    CorruptStoreError,
    DiskFullError,
    NewerStoreError,
    NotSavedError,
    ReadOnlyStoreError,
)
from quiz.storage.fingerprint import Fingerprint, card_fingerprints
from quiz.storage.opening import list_backups, open_store, restore_backup, start_afresh
from quiz.storage.records import (
    DailyWork,
    HardItem,
    ItemCounts,
    ItemRecord,
    QuizAnswer,
    QuizAttempt,
    Retention,
    ReviewRecord,
    StoredReview,
    StudyMode,
    SyncReport,
)
from quiz.storage.store import Store

__all__ = [
    "CorruptStoreError",
    "DailyWork",
    "DiskFullError",
    "Fingerprint",
    "HardItem",
    "ItemCounts",
    "ItemRecord",
    "NewerStoreError",
    "NotSavedError",
    "QuizAnswer",
    "QuizAttempt",
    "ReadOnlyStoreError",
    "Retention",
    "ReviewRecord",
    "StoredReview",
    "Store",
    "StudyMode",
    "SyncReport",
    "card_fingerprints",
    "list_backups",
    "open_store",
    "restore_backup",
    "start_afresh",
]
