"""The store's faults, each a StorageError whose text tells the student what happened and what to do."""

from __future__ import annotations

from pathlib import Path

from quiz.errors import StorageError


class NotSavedError(StorageError):
    """A write failed (disk full, file too large, I/O error); nothing was saved and the store is intact.

    The caller keeps the answer and may retry the same call later.
    """


class DiskFullError(NotSavedError):
    """The disk (or the file-size limit) is full: "not saved: disk full"."""


class ReadOnlyStoreError(StorageError):
    """The data folder or the database cannot be written; progress cannot be saved."""


class NewerStoreError(StorageError):
    """The database was written by a newer version of quiz; it is left untouched."""


class CorruptStoreError(StorageError):
    """The database was damaged; it has been moved aside and a backup may be restored."""

    def __init__(self, message: str, *, moved_to: Path | None, backup: Path | None) -> None:
        super().__init__(message)
        self.moved_to = moved_to
        """Where the damaged file now lives (never overwritten)."""
        self.backup = backup
        """The newest backup that passes quick_check, or None."""
