"""Errors a user can read: every problem names its file, line and field.

The core raises these and only these for bad input; the CLI prints them as
`file:line: field: message` and the TUI shows them in place, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """Whether a problem stops a deck from loading."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in an input file."""

    path: str
    """The file as the user named it (or its name), never a resolved absolute path."""
    line: int | None
    """1-based line, or None when the problem concerns the whole file."""
    field: str | None
    """Where in the document, e.g. `cards[3] (id "x").answer`; None for the whole file."""
    message: str
    severity: Severity = Severity.ERROR
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.field:
            parts.append(self.field)
        if self.severity is Severity.WARNING:
            parts.append(f"warning: {self.message}")
        else:
            parts.append(self.message)
        return ": ".join(parts)


class QuizError(Exception):
    """Base of every error meant for the user; its text is the whole message."""


class DeckError(QuizError):
    """A deck (or an import source) could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class StorageError(QuizError):
    """The progress store cannot be used as asked; the message says what to do."""


class StoreLockedError(StorageError):
    """Another running copy holds the progress store."""
