"""Typed reading of one TOML table's keys, reporting every wrong value where it is written.

Validation is strict on purpose: `true` is not a number, `"3,14"` is not a
number, a blank string is not an answer. Each reader returns a usable default
after reporting, so validation goes on and `quiz check` can list every
problem at once.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from typing import Any

from quiz.loader.report import Report, card_label
from quiz.text import clean_text

MAX_TEXT = 10_000
"""Longest accepted text field, in characters: longer text is surely a mistake (or an attack)."""

ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}\Z")
"""Deck and card ids: safe in file names, URLs and item keys (":" is the item separator)."""

ANSWER_KEYS = frozenset({"text", "weight", "feedback"})
"""Keys of an answer or choice table: `{ text = …, weight = …, feedback = … }`."""
NUMERIC_KEYS = frozenset({"value", "tolerance", "min", "max", "weight", "feedback"})
"""Keys of an entry of a numeric card's `answers`."""

_DECIMAL_COMMA = re.compile(r"\s*[-+]?\d+,\d+\s*\Z")


def same_text(text: str) -> str:
    """How choices, items and pairs are compared: trimmed, whitespace folded, casefolded."""
    return " ".join(text.split()).casefold()


def type_name(value: object) -> str:
    """A TOML type in words, for "expected …, got …" messages."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "table"
    if isinstance(value, datetime):
        return "date-time"
    if isinstance(value, date):
        return "date"
    if isinstance(value, time):
        return "time"
    return type(value).__name__


def text_problem(value: object, *, required: bool = True) -> str | None:
    """Why `value` is not acceptable text, or None when it is."""
    if type(value) is not str:
        return f"expected text, got {type_name(value)}"
    if len(value) > MAX_TEXT:
        return f"too long ({len(value):,} characters; the limit is {MAX_TEXT:,})"
    if required and not value.strip():
        return "must not be blank"
    return None


def number_problem(value: object) -> str | None:
    """Why `value` is not a usable number, or None when it is."""
    kind = type(value)
    if kind is float:
        return None if math.isfinite(value) else "must be a finite number (not nan or inf)"
    if kind is int:
        return None if abs(value) < 2**53 else "number too large"
    if kind is str:
        if _DECIMAL_COMMA.match(value):
            return f'expected a number, got text "{value.strip()}"; use {value.strip().replace(",", ".")}'
        try:
            float(value.replace("_", ""))
        except ValueError:
            return f"expected a number, got {type_name(value)}"
        return f"expected a number, got text; write it without quotes: {value.strip()}"
    if kind is bool:
        return "expected a number, got true/false"
    return f"expected a number, got {type_name(value)}"


class Scope:
    """One table being read: a card, `[deck]`, `[deck.source]` or `[deck.options]`.

    `ok` turns False at the first error, so the caller knows not to build a
    model object from half-valid data.
    """

    __slots__ = ("report", "_label", "table", "section", "count", "ok")

    def __init__(
        self, report: Report, label: str | None, table: dict[str, Any], section: int | str, count: int = -1
    ) -> None:
        self.report = report
        self._label = label
        self.table = table
        self.section = section
        """Where to look for lines: the card's index or the table's dotted name."""
        self.count = count
        self.ok = True

    @property
    def label(self) -> str:
        """How problems name this table, e.g. `cards[3] (id "x")` or `deck.options`.

        For a card it is made only when there is a problem to report.
        """
        if self._label is None:
            self._label = card_label(self.section, self.table.get("id"))  # type: ignore[arg-type]
        return self._label

    # --- reporting -------------------------------------------------------------

    def field(self, key: str | None, sub: str = "") -> str:
        if key is None:
            return self.label
        return f"{self.label}.{key}{sub}"

    def error(self, key: str | None, message: str, sub: str = "") -> None:
        """Report an error about `key` (and its part `sub`, e.g. "[2]")."""
        self.ok = False
        line = self.report.key_line(self.section, key, self.count)
        self.report.add(line, self.field(key, sub), message)

    def warn(self, key: str | None, message: str, sub: str = "") -> None:
        line = self.report.key_line(self.section, key, self.count)
        self.report.add(line, self.field(key, sub), message, warning=True)

    def check_keys(self, allowed: frozenset[str], hints: dict[str, str] | None = None) -> None:
        """Unknown or misspelt keys: a warning, an error with --strict."""
        # In the order they are written (tomli keeps it), so the messages read top to bottom.
        for key in [key for key in self.table if key not in allowed]:
            hint = (hints or {}).get(key) or _closest(key, allowed)
            message = f'unknown key "{key}"' + (f" ({hint})" if hint else "")
            line = self.report.key_line(self.section, key, self.count)
            if self.report.strict:
                self.ok = False
            self.report.unknown(line, self.label, message)

    # --- readers ---------------------------------------------------------------

    def clean(self, value: str) -> str:
        return clean_text(value) if self.report.dirty else value

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        """A text value; "" (after reporting) when missing or wrong and `required`."""
        value = self.table.get(key)
        if type(value) is str and len(value) <= MAX_TEXT and (not required or (value and not value.isspace())):
            return clean_text(value) if self.report.dirty else value
        if value is None:
            if required:
                self.error(None, f'missing "{key}"')
            return default
        problem = text_problem(value, required=required)
        if problem:
            self.error(key, problem)
            return default
        return clean_text(value) if self.report.dirty else value

    def flag(self, key: str, default: bool) -> bool:
        value = self.table.get(key, default)
        if type(value) is not bool:
            self.error(key, f"expected true or false, got {type_name(value)}")
            return default
        return value

    def number(self, key: str, *, required: bool = False) -> float | None:
        """A finite number; ints become floats. None when absent (or wrong, after reporting)."""
        value = self.table.get(key)
        if value is None:
            if required:
                self.error(None, f'missing "{key}"')
            return None
        problem = number_problem(value)
        if problem:
            self.error(key, problem)
            return None
        return float(value)

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self.table.get(key, default)
        if type(value) is not int:
            self.error(key, f"expected a whole number, got {type_name(value)}")
            return default
        if not low <= value <= high:
            self.error(key, f"must be between {low} and {high}")
            return default
        return value

    def weight(self, value: object, key: str, sub: str) -> float | None:
        """A share of credit from -1 to 1."""
        problem = number_problem(value)
        if problem:
            self.error(key, problem, sub)
            return None
        number = float(value)  # type: ignore[arg-type]
        if not -1.0 <= number <= 1.0:
            self.error(key, "weight must be between -1 and 1", sub)
            return None
        return number

    def text_list(self, key: str, *, min_items: int = 0, what: str = "items") -> tuple[str, ...]:
        """A list of non-blank texts."""
        value = self.table.get(key)
        if value is None:
            if min_items:
                self.error(None, f'missing "{key}"')
            return ()
        if type(value) is not list:
            self.error(key, f"expected a list of text, got {type_name(value)}")
            return ()
        if all(type(item) is str and 0 < len(item) <= MAX_TEXT and not item.isspace() for item in value):
            if len(value) >= min_items:
                return tuple(map(clean_text, value)) if self.report.dirty else tuple(value)
        items = []
        for position, item in enumerate(value):
            problem = text_problem(item)
            if problem:
                self.error(key, problem, f"[{position}]")
            else:
                items.append(clean_text(item) if self.report.dirty else item)
        if len(value) < min_items:
            self.error(key, f"needs at least {min_items} {what}")
        return tuple(items)

    def id_list(self, key: str) -> tuple[str, ...]:
        """A list of ids (for `previous_ids`)."""
        ids = self.text_list(key)
        for position, item in enumerate(ids):
            if not ID_PATTERN.match(item):
                self.error(key, id_message(item), f"[{position}]")
        return ids

    def id(self, key: str = "id") -> str:
        value = self.table.get(key)
        if value is None:
            owner = "card" if isinstance(self.section, int) else "deck"
            self.error(None, f'missing "{key}" (progress is kept by id, so every {owner} needs its own)')
            return ""
        if type(value) is not str:
            self.error(key, f"expected text, got {type_name(value)}")
            return ""
        if not ID_PATTERN.match(value):
            self.error(key, id_message(value))
            return ""
        return value


def id_message(value: str) -> str:
    """Why an id is refused."""
    if not value:
        return "must not be empty"
    if len(value) > 64:
        return f"too long ({len(value)} characters; an id has at most 64)"
    return 'may use only letters A-Z a-z, digits, ".", "_" and "-"'


def _closest(key: str, allowed: frozenset[str]) -> str:
    """ "did you mean …?" for a misspelt key."""
    import difflib

    matches = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.75)
    return f'did you mean "{matches[0]}"?' if matches else ""
