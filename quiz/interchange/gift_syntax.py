"""The lexical layer of GIFT: questions, comments, escapes and text formats.

Follows the rules of Moodle's own GIFT reader, so a file behaves here as it
does there: questions are separated by blank lines; a line whose first
non-blank characters are `//` is a comment; `\\`, `\\:`, `\\#`, `\\=`, `\\{`,
`\\}`, `\\~` and `\\n` are escapes; a text may start with `[html]`,
`[moodle]`, `[plain]` or `[markdown]`. Comments before a question may carry
Moodle's `[id:…]` and `[tag:…]`, and this app's own `// quiz: {…}` line
(extra card fields GIFT has no syntax for, written by the exporter).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quiz.interchange.markup import html_to_text
from quiz.interchange.source import split_lines

# Escaped characters are swapped for private-use placeholders while the
# question is taken apart, then restored. Placeholders found in the input
# itself are replaced first, so they cannot be smuggled in.
_ESCAPES = {"\\": "\ue000", ":": "\ue001", "#": "\ue002", "=": "\ue003", "{": "\ue004", "}": "\ue005", "~": "\ue006"}
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")
_PLACEHOLDERS = re.compile("[\ue000-\ue007]")
_RESTORE = str.maketrans({v: k for k, v in _ESCAPES.items()} | {"\ue007": "\n"})
FORMATS = ("moodle", "html", "plain", "markdown")
"""GIFT's text formats; `moodle` (HTML with line breaks kept) is the default."""
QUIZ_COMMENT = "// quiz:"
"""The comment that carries card fields GIFT cannot express."""
_ID_RE = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f])+)\]")
_TAG_RE = re.compile(r"\[tag:((?:\\\]|[^\]<>\x00-\x1f])+)\]")


def _escape_sub(found: re.Match[str]) -> str:
    char = found.group(1)
    return "\ue007" if char == "n" else _ESCAPES[char]


def protect(text: str) -> str:
    """Replace GIFT escapes with placeholders, so splitting ignores escaped characters."""
    if _PLACEHOLDERS.search(text):
        text = _PLACEHOLDERS.sub("\ufffd", text)
    return _ESCAPE_RE.sub(_escape_sub, text) if "\\" in text else text


def restore(text: str) -> str:
    """The characters the escapes stood for."""
    return text.translate(_RESTORE)


@dataclass(slots=True)
class Block:
    """One question (or `$CATEGORY:` line) of a GIFT file, with its comments."""

    line: int
    """The 1-based line of its first non-comment line."""
    text: str
    """The non-comment lines joined by newlines, trimmed."""
    comments: list[str] = field(default_factory=list)


def blocks(text: str) -> Iterator[Block]:
    """Split a GIFT file into questions at blank lines, as Moodle does."""
    current: list[str] = []
    comments: list[str] = []
    first = 0
    for number, line in enumerate(split_lines(text), start=1):
        stripped = line.strip()
        if not stripped:
            if current:
                yield Block(first, "\n".join(current).strip(), comments)
                current, comments = [], []
            else:
                comments = []  # a comment paragraph on its own belongs to no question, as in Moodle
            continue
        if stripped.startswith("//"):
            comments.append(stripped)
            continue
        if not current:
            first = number
        current.append(line)
    if current:
        yield Block(first, "\n".join(current).strip(), comments)


@dataclass(frozen=True, slots=True)
class CommentMeta:
    """What the comments before a question say about it."""

    id: str = ""
    tags: tuple[str, ...] = ()
    extras: dict[str, object] = field(default_factory=dict)
    problem: str = ""
    """Why a `// quiz:` line could not be read, if it could not."""


def comment_meta(comments: list[str]) -> CommentMeta:
    """Moodle's `[id:…]` and `[tag:…]`, and this app's `// quiz: {…}` extras."""
    if not comments:
        return CommentMeta()
    joined = "\n".join(comments)
    found = _ID_RE.search(joined)
    ident = found.group(1).replace("\\]", "]").strip() if found else ""
    tags = tuple(tag.replace("\\]", "]").strip() for tag in _TAG_RE.findall(joined))
    extras: dict[str, object] = {}
    problem = ""
    for comment in comments:
        if comment.startswith(QUIZ_COMMENT):
            try:
                value = json.loads(comment[len(QUIZ_COMMENT) :])
            except (ValueError, RecursionError):
                value = None
            if isinstance(value, dict):
                extras.update(value)
            else:
                problem = "its `// quiz:` comment is not a JSON object and was ignored"
    return CommentMeta(ident, tuple(t for t in tags if t), extras, problem)


def split_format(raw: str, default: str) -> tuple[str, str]:
    """A leading `[format]` marker and the text after it; unknown markers are text."""
    if raw.startswith("["):
        end = raw.find("]")
        name = raw[1:end] if end > 0 else ""
        if name in FORMATS:
            return name, raw[end + 1 :]
    return default, raw


def to_plain(raw: str, fmt: str) -> str:
    """Protected GIFT text in format `fmt` → plain text (escapes restored, HTML reduced)."""
    text = restore(raw).strip() if _PLACEHOLDERS.search(raw) else raw.strip()
    if fmt == "html":
        return html_to_text(text)
    if fmt == "moodle":
        return html_to_text(text, keep_newlines=True)
    return text


def formatted(raw: str, default: str) -> str:
    """Protected GIFT text with an optional format marker → plain text."""
    fmt, text = split_format(raw.strip(), default)
    return to_plain(text, fmt)


def split_feedback(part: str) -> tuple[str, str]:
    """`answer#feedback` → (answer, feedback); both still protected."""
    answer, _, feedback = part.partition("#")
    return answer.strip(), feedback.strip()


_WEIGHT_RE = re.compile(r"%(-*)(\d+(?:\.\d*)?)%")


def split_weight(part: str) -> tuple[float | None, str]:
    """A leading `%50%` weight as a fraction (0.5), or None; and the rest of the answer."""
    found = _WEIGHT_RE.match(part)
    if not found:
        return None, part
    value = float(found.group(2)) / 100
    return (-value if found.group(1) else value), part[found.end() :]


def split_answers(answer: str, marker: str) -> list[str]:
    """Split an answer block at `marker` (`=` or `~`), dropping an empty first part."""
    parts = answer.split(marker)
    if parts and not parts[0].strip():
        parts.pop(0)
    return [part.strip() for part in parts]
