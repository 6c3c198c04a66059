"""What every generated card shares: a content-derived id, the source sentence, kind tags, notes.

Ids are derived from what the card asks and answers (a slug plus a short hash),
so regenerating the same article gives the same ids and a teacher's edits and a
student's progress survive a re-run.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from quiz.model import AnyCard

MAX_ID = 64


def card_id(prefix: str, answer: str, *identity: object) -> str:
    """`<prefix>-<answer slug>-<6 hex>`: readable, stable, unique per question, at most 64 characters."""
    digest = hashlib.sha1("\x1f".join(map(str, (prefix, answer, *identity))).encode("utf-8")).hexdigest()[:6]
    slug = slugify(answer)[: MAX_ID - len(prefix) - 9].strip("-")
    return f"{prefix}-{slug}-{digest}" if slug else f"{prefix}-{digest}"


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens ("$240.1 billion" → "240-1-billion")."""
    text = text.casefold().replace("’", "").replace("'", "")
    return "-".join(re.findall(r"[a-z0-9]+", text))


@dataclass(frozen=True, slots=True)
class Draft:
    """A candidate card and how it was made, before the defect checks decide whether it stays."""

    card: AnyCard
    template: str
    """Which template made it, e.g. "gap.figure" or "anniversary.years"."""
    fact: str = ""
    """The fact it asks about, as the article writes it."""
