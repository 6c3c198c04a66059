"""What an import did with each part of its source: imported, converted or skipped.

Teachers need to know what happened to their questions before they trust an
imported deck, so every importer records one entry per question (or per
ignored construct) with the source line it came from, and `quiz import`
prints them in the `file:line: message` form editors understand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from quiz.model import Deck


class Outcome(StrEnum):
    """What became of one question of the source file."""

    IMPORTED = "imported"
    """Imported as written."""
    CONVERTED = "converted"
    """Imported, but changed to fit the app (the message says how)."""
    SKIPPED = "skipped"
    """Not imported; the message says why."""
    NOTE = "note"
    """About the file as a whole (its encoding, a guessed separator, an ignored header)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of an import report."""

    line: int | None
    outcome: Outcome
    message: str
    card_id: str = ""

    def format(self, name: str) -> str:
        """`file:line: outcome: message`, as `quiz import` prints it."""
        where = name if self.line is None else f"{name}:{self.line}"
        return f"{where}: {self.outcome}: {self.message}"


@dataclass(slots=True)
class ImportReport:
    """Everything an importer has to say about one source file."""

    name: str
    """The source as the user named it, for messages."""
    format: str
    """The format it was read as (`gift`, `aiken`, `anki`, `quizlet`, `csv`)."""
    entries: list[Entry] = field(default_factory=list)

    def imported(self, line: int | None, card_id: str, message: str) -> None:
        """Record a question imported as written."""
        self.entries.append(Entry(line, Outcome.IMPORTED, message, card_id))

    def converted(self, line: int | None, card_id: str, message: str) -> None:
        """Record a question imported with changes; `message` says which."""
        self.entries.append(Entry(line, Outcome.CONVERTED, message, card_id))

    def skipped(self, line: int | None, message: str) -> None:
        """Record a question left out; `message` says why."""
        self.entries.append(Entry(line, Outcome.SKIPPED, message))

    def note(self, line: int | None, message: str) -> None:
        """Record something about the file as a whole."""
        self.entries.append(Entry(line, Outcome.NOTE, message))

    def count(self, outcome: Outcome) -> int:
        """How many entries have this outcome."""
        return sum(1 for entry in self.entries if entry.outcome is outcome)

    def lines(self, *, only_problems: bool = False) -> list[str]:
        """The report as printable lines, in source order."""
        chosen = [e for e in self.entries if not only_problems or e.outcome is not Outcome.IMPORTED]
        chosen.sort(key=lambda entry: entry.line or 0)
        return [entry.format(self.name) for entry in chosen]

    def summary(self) -> str:
        """One line: how many questions were imported, converted and skipped."""
        imported = self.count(Outcome.IMPORTED)
        converted = self.count(Outcome.CONVERTED)
        skipped = self.count(Outcome.SKIPPED)
        cards = imported + converted
        noun = "card" if cards == 1 else "cards"
        return f"{self.name}: {cards} {noun} imported ({imported} as written, {converted} converted), {skipped} skipped"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """A deck built from a foreign file, and the report of how it was built."""

    deck: Deck
    report: ImportReport
