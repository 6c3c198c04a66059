"""Stable card and deck ids for imported questions.

Progress is keyed by card id, so an id must not change when the same file is
imported again. Ids come from what identifies a question to its author: an
explicit id (GIFT's `[id:…]`, an Anki GUID, an `id` column), else its title,
else its wording. Answers are left out on purpose, so correcting an answer
key keeps the students' progress on that question.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

ID_RE = re.compile(r"[A-Za-z0-9._-]{1,64}\Z")
"""What the deck format accepts as an id."""
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SLUG = 40


def slug(text: str, *, limit: int = _MAX_SLUG) -> str:
    """Lower-case ASCII words joined by "-", cut at a word boundary; "" when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(words) <= limit:
        return words
    cut = words[: limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:limit]).strip("-")


def digest(text: str) -> str:
    """Six hex digits that stand for `text` (whitespace and case do not count)."""
    normal = " ".join(text.casefold().split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:6]


def deck_id_from_name(stem: str) -> str:
    """A deck id from a file name: `Week 3 — Quiz.gift` → `week-3-quiz`."""
    return slug(stem, limit=64) or f"deck-{digest(stem)}"


class IdMaker:
    """Hands out unique, stable card ids for one import."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, *, explicit: str = "", title: str = "", text: str = "") -> str:
        """The id for a question; a repeat gets "-2", "-3", … in file order.

        Args:
            explicit: An id the source gives; used as it is when valid.
            title: The question's title, when the source names its questions.
            text: The question's wording, the fallback.
        """
        explicit = explicit.strip()
        if explicit and ID_RE.match(explicit):
            base = explicit
        elif explicit:
            base = f"{slug(explicit) or 'q'}-{digest(explicit)}"
        elif title.strip() and slug(title):
            base = slug(title, limit=64)
        else:
            base = f"{slug(text) or 'q'}-{digest(title + text)}"
        base = base[:64]
        candidate, number = base, 1
        while candidate in self._used:
            number += 1
            suffix = f"-{number}"
            candidate = base[: 64 - len(suffix)] + suffix
        self._used.add(candidate)
        return candidate
