"""Collecting located problems while a deck is validated (harlequin's Problems pattern).

TOML parsers give no positions for values, so lines are found by scanning the
text: every `[[cards]]` header line is found once, up front, with one regular
expression (each card's `line` needs it). The line of a particular key is
looked up only when there is a problem to report, so a clean deck pays
nothing for it.
"""

from __future__ import annotations

import re

from quiz.errors import Problem, Severity

_CARD_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*(?:cards|\"cards\"|'cards')[ \t]*\]\]", re.MULTILINE)
_RISKY_ESCAPE = re.compile(r"\\[uUbfrex]")
_RISKY_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def may_need_cleaning(text: str) -> bool:
    """Whether any value parsed from `text` could hold a character `clean_text` would change.

    TOML itself refuses raw control characters (other than tab and line
    breaks, and tomli turns CRLF inside strings into LF), so a value can only
    carry one through an escape such as `\\u001b`, or as a raw C1 control or
    bidi override, which are not ASCII. A deck with neither is clean as a
    whole, and the per-string cleaning is skipped: checking the text once
    costs far less than cleaning 50,000 strings.
    """
    if "\\" in text and _RISKY_ESCAPE.search(text):
        return True
    return not text.isascii() and _RISKY_CHARACTER.search(text) is not None


_TABLE_HEADER = re.compile(r"^[ \t]*\[[ \t]*([A-Za-z0-9_.\"' -]+?)[ \t]*\][ \t]*(?:#.*)?$", re.MULTILINE)


def card_header_starts(text: str) -> list[int]:
    """Offsets of the `[[cards]]` headers written exactly so at the start of a line."""
    starts = []
    position = text.find("[[cards]]")
    while position >= 0:
        if position == 0 or text[position - 1] == "\n":
            starts.append(position)
        position = text.find("[[cards]]", position + 9)
    return starts


class Report:
    """The problems found in one deck file, and the means to locate them.

    Attributes are read by the validators; `problems` keeps file order of
    discovery (deck table first, then card by card).
    """

    __slots__ = ("name", "text", "strict", "dirty", "problems", "card_lines", "_card_starts", "_sections", "errors")

    def __init__(
        self,
        name: str,
        text: str,
        *,
        strict: bool = False,
        dirty: bool | None = None,
        card_starts: list[int] | None = None,
    ) -> None:
        """Prepare to validate `text`.

        Args:
            dirty: Whether values may need cleaning, when the caller knows
                better than a check of the whole text (it validates only part).
            card_starts: The `[[cards]]` header offsets, when already found.
        """
        self.name = name
        """The file as the user named it."""
        self.text = text
        self.strict = strict
        """Report unknown keys as errors instead of warnings."""
        self.dirty = may_need_cleaning(text) if dirty is None else dirty
        """Whether any string value could hold a character `clean_text` changes (see `may_need_cleaning`)."""
        self.problems: list[Problem] = []
        self.errors = 0
        self.card_lines: list[int] = []
        """1-based line of each `[[cards]]` header, in file order."""
        self._card_starts: list[int] = []
        self._sections: dict[str, tuple[int, int]] | None = None
        self._scan_card_headers(exact=True, starts=card_starts)

    def _scan_card_headers(self, *, exact: bool, starts: list[int] | None = None) -> None:
        """Find the `[[cards]]` headers: `str.find` for the usual spelling, a regex for the rest.

        The exact scan runs on every load and costs a few milliseconds for
        10,000 cards; the regex (indented or spaced-out headers) runs only
        when the exact scan's count disagrees with the parsed card count.
        """
        text = self.text
        if starts is None:
            if exact:
                starts = card_header_starts(text)
            else:
                starts = [found.start() for found in _CARD_HEADER.finditer(text)]
        lines = []
        line = 1
        previous = 0
        for start in starts:
            line += text.count("\n", previous, start)
            previous = start
            lines.append(line)
        self._card_starts = starts
        self.card_lines = lines

    # --- adding problems -----------------------------------------------------

    def add(
        self,
        line: int | None,
        field: str | None,
        message: str,
        *,
        warning: bool = False,
        column: int | None = None,
    ) -> None:
        """Record one problem."""
        severity = Severity.WARNING if warning else Severity.ERROR
        if not warning:
            self.errors += 1
        self.problems.append(Problem(self.name, line, field, message, severity, column))

    def unknown(self, line: int | None, field: str | None, message: str) -> None:
        """An unknown key: a warning, or an error in strict mode."""
        self.add(line, field, message, warning=not self.strict)

    # --- locating ------------------------------------------------------------

    def card_line(self, index: int, count: int) -> int:
        """The header line of card `index` of `count`; 0 when the scan cannot tell."""
        if len(self.card_lines) != count and index == 0:
            self._scan_card_headers(exact=False)
        if len(self.card_lines) == count:
            return self.card_lines[index]
        return 0

    def key_line(self, section: int | str, key: str | None, count: int = -1) -> int | None:
        """The line where `key` is written in a card (by index) or a table (by dotted name).

        Falls back to the card's header line, or the table's header line, or
        None when the text gives no clue (e.g. cards written as an inline list).
        """
        span = self._span(section, count)
        if span is None:
            return None
        start, end = span
        if key is not None:
            pattern = re.compile(
                r"^[ \t]*(?:" + re.escape(key) + r"|\"" + re.escape(key) + r"\"|'" + re.escape(key) + r"')[ \t]*[=.]",
                re.MULTILINE,
            )
            found = pattern.search(self.text, start, end)
            if found:
                return self.text.count("\n", 0, found.start()) + 1
            if section == "":
                header = re.compile(r"^[ \t]*\[\[?[ \t]*" + re.escape(key) + r"[ \t]*\]", re.MULTILINE).search(
                    self.text
                )
                if header:
                    return self.text.count("\n", 0, header.start()) + 1
        return self.text.count("\n", 0, start) + 1

    def _span(self, section: int | str, count: int) -> tuple[int, int] | None:
        if isinstance(section, int):
            if count >= 0 and len(self._card_starts) != count:
                return None
            if section >= len(self._card_starts):
                return None
            start = self._card_starts[section]
            end = self._card_starts[section + 1] if section + 1 < len(self._card_starts) else len(self.text)
            return start, end
        if self._sections is None:
            self._sections = self._scan_sections()
        if section == "":
            # Top-level keys come before the first header; a `[key]` header also "writes" the key.
            first = min([start for start, _ in self._sections.values()] + self._card_starts, default=len(self.text))
            return 0, first
        return self._sections.get(section)

    def _scan_sections(self) -> dict[str, tuple[int, int]]:
        """Spans of the plain `[table]` sections, e.g. "deck" and "deck.options"."""
        headers = [
            (found.start(), _normal_name(found.group(1)))
            for found in _TABLE_HEADER.finditer(self.text)
            if not found.group(0).lstrip().startswith("[[")
        ]
        boundaries = sorted([start for start, _ in headers] + self._card_starts)
        sections: dict[str, tuple[int, int]] = {}
        for start, name in headers:
            later = [b for b in boundaries if b > start]
            sections.setdefault(name, (start, later[0] if later else len(self.text)))
        return sections


def _normal_name(raw: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in raw.split("."))


def card_label(index: int, card_id: object) -> str:
    """`cards[3] (id "x")`: how problems name a card."""
    if isinstance(card_id, str) and card_id.strip():
        shown = card_id if len(card_id) <= 64 else card_id[:61] + "..."
        return f'cards[{index}] (id "{_visible(shown)}")'
    return f"cards[{index}]"


def _visible(text: str) -> str:
    return "".join(char if char.isprintable() else "\ufffd" for char in text)
