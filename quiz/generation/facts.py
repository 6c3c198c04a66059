"""A fact: one answerable piece of a sentence (a date, a figure, a person, …) and where it stands.

Every extractor returns Facts; the question templates turn Facts into cards.
Offsets point into the sentence text, so a template can blank the fact out of
the very words the article uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from quiz.generation.sentences import Sentence
from quiz.model import DateAnswer, NumericBound


class FactKind(StrEnum):
    """What a fact is; the value doubles as the tag of the cards made from it."""

    DATE = "date"
    FIGURE = "figure"
    ORDINAL = "ordinal"
    DURATION = "duration"
    SCORE = "score"
    PERSON = "person"
    ROLE = "role"
    PLACE = "place"
    ORGANISATION = "organisation"
    QUOTE = "quote"
    TERM = "term"
    PHRASE = "phrase"


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted fact.

    `text` is the fact as the article writes it (`sentence.text[start:end]`); it
    is what a gap hides and what a student types. `value` is its meaning: a
    DateAnswer for dates, a float for figures and ordinals, the canonical text
    otherwise.
    """

    kind: FactKind
    sentence: Sentence
    start: int
    end: int
    value: DateAnswer | float | str
    unit: str = ""
    """Figures: what the number counts ("entities", "billion USD", "%")."""
    bound: NumericBound = NumericBound.EXACT
    decimals: int = 0
    """Figures: digits after the point as written, which sets the tolerance."""
    approximate: bool = False
    """Figures: the article hedges ("about", "nearly"), so the tolerance widens."""
    detail: str = ""
    """Context a template can name: a person's role, a place's description, a quote's speaker."""

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]

    def overlaps(self, other: Fact) -> bool:
        return self.sentence.index == other.sentence.index and self.start < other.end and other.start < self.end
