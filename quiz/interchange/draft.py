"""The deck an importer is building: cards so far, unique ids and the report.

Every importer fills a Draft the same way, so ids, tags, cleaning and
reporting work alike for GIFT, Aiken, Anki, Quizlet and CSV.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.interchange.ids import IdMaker
from quiz.interchange.report import ImportReport, ImportResult
from quiz.model import AnyCard, Deck
from quiz.text import clean_text, one_line

NO_BACK = "(no answer given in the source)"
"""The back of a flashcard made from a question that had no answer (an essay or a description)."""


def clean(text: str) -> str:
    """Untrusted text made safe for a model object, with surrounding space removed."""
    if text.isprintable():  # no control, format or bidi character: nothing to clean (the common case)
        return text.strip()
    return clean_text(text).strip()


def clean_tag(text: str) -> str:
    """A tag on one line, with inner spaces kept as single spaces."""
    return one_line(text)


@dataclass(slots=True)
class Draft:
    """A deck under construction by one importer."""

    report: ImportReport
    ids: IdMaker = field(default_factory=IdMaker)
    cards: list[AnyCard] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    """Deck-wide tags the source declares (e.g. Anki's `#tags:` header)."""
    title: str = ""
    """A deck title the source declares (e.g. Anki's `#deck:` header), used unless the user gives one."""

    def add(self, card: AnyCard, line: int | None, notes: list[str] | tuple[str, ...] = ()) -> None:
        """Keep a card and record how it was made; notes make it a conversion."""
        self.cards.append(card)
        kind = "flashcard" if card.type == "flashcard" else f"{card.type} card"
        what = f"{kind} {card.id!r}"
        if notes:
            self.report.converted(line, card.id, f"{what}: " + "; ".join(notes))
        else:
            self.report.imported(line, card.id, what)

    def finish(self, *, deck_id: str, title: str, description: str = "", language: str = "en") -> ImportResult:
        """The finished deck and its report."""
        deck = Deck(
            id=deck_id,
            title=one_line(title) or deck_id,
            description=clean(description),
            language=language,
            tags=tuple(dict.fromkeys(tag for tag in self.tags if tag)),
            cards=tuple(self.cards),
        )
        return ImportResult(deck, self.report)
