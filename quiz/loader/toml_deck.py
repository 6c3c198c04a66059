"""Bytes → TOML document, with every failure turned into a located, plain-words `Problem`.

Deck files come from strangers, so reading is defensive: the size is capped
before anything is parsed, a FIFO or a folder is refused without ever being
opened for a blocking read, the bytes must be UTF-8 (a BOM is accepted), and
tomli's messages are translated into words a teacher understands, keeping
their line and column.

This module is the only importer of tomli.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from quiz.errors import Problem

MAX_DECK_BYTES = 5 * 1024 * 1024
"""Larger files are refused before parsing: a real deck of 10,000 cards is about 3 MB."""

_BOM = b"\xef\xbb\xbf"


class ParseFailure(Exception):
    """Reading or parsing stopped; `problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_deck_bytes(path: Path, name: str) -> bytes:
    """Read a deck file's bytes, refusing anything that is not a small regular file.

    The file is opened non-blocking and checked with `fstat` after opening, so
    a FIFO swapped in after a check can never hang the app.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ParseFailure(Problem(name, None, None, "no such file")) from None
    except IsADirectoryError:
        raise ParseFailure(Problem(name, None, None, "is a folder, not a deck file")) from None
    except PermissionError:
        raise ParseFailure(Problem(name, None, None, "cannot read (permission denied)")) from None
    except (OSError, ValueError) as error:
        raise ParseFailure(Problem(name, None, None, f"cannot read ({_os_reason(error)})")) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ParseFailure(Problem(name, None, None, "is a folder, not a deck file"))
        if not stat.S_ISREG(info.st_mode):
            raise ParseFailure(Problem(name, None, None, "not a regular file"))
        if info.st_size > MAX_DECK_BYTES:
            raise ParseFailure(Problem(name, None, None, _too_large(info.st_size)))
        chunks = []
        remaining = MAX_DECK_BYTES + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise ParseFailure(Problem(name, None, None, f"cannot read ({_os_reason(error)})")) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_DECK_BYTES:
        raise ParseFailure(Problem(name, None, None, _too_large(len(data))))
    return data


def _too_large(size: int) -> str:
    return f"file too large ({size / 1048576:.1f} MB; the limit is {MAX_DECK_BYTES // 1048576} MB)"


def _os_reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def decode_deck(data: bytes, name: str) -> str:
    """UTF-8 bytes → text; a leading BOM is dropped, UTF-16 and bad bytes are named."""
    if len(data) > MAX_DECK_BYTES:
        raise ParseFailure(Problem(name, None, None, _too_large(len(data))))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(data):
        raise ParseFailure(Problem(name, 1, None, "not valid UTF-8: the file looks like UTF-16; save it as UTF-8"))
    data = data.removeprefix(_BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        raise ParseFailure(
            Problem(name, line, None, f"not valid UTF-8 (byte 0x{byte:02X}); save the file as UTF-8", column=column)
        ) from None


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 text without a BOM: mostly-ASCII text has a NUL in every other byte."""
    head = data[:200]
    if len(head) < 4 or b"\x00" not in head:
        return False
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    return even > half * 0.6 or odd > half * 0.6


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """Parse TOML text; syntax errors, deep nesting and huge numbers become a `ParseFailure`."""
    import tomli  # here, not above: a deck read from the cache is never parsed

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = translate_toml_error(error.msg, text, error.pos)
        raise ParseFailure(Problem(name, error.lineno, None, message, column=error.colno)) from None
    except RecursionError as error:
        if "parts" in str(error):
            message = "a key has too many dotted parts"
        else:
            message = "nesting too deep (lists or tables inside each other more than 400 levels)"
        raise ParseFailure(Problem(name, None, None, message)) from None
    except ValueError as error:
        # int() refuses integers of more than 4,300 digits.
        if "digits" in str(error):
            raise ParseFailure(Problem(name, None, None, "number too large")) from None
        raise ParseFailure(Problem(name, None, None, f"cannot parse: {error}")) from None
    except MemoryError:
        raise ParseFailure(Problem(name, None, None, "file too large to parse")) from None


_KEY_AT = re.compile(r"""[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z0-9_-]+))""")


def _key_at_line(text: str, pos: int) -> str | None:
    """The key written on the line that contains `pos` (for "set twice" messages)."""
    start = text.rfind("\n", 0, pos) + 1
    found = _KEY_AT.match(text, start)
    if not found:
        return None
    return next(group for group in found.groups() if group is not None)


_PLAIN_WORDS = {
    "Unterminated string": "unterminated string (the closing quote is missing)",
    "Expected '=' after a key in a key/value pair": 'expected "=" after the key (write key = value)',
    "Invalid statement": "this line is neither `key = value` nor a [table] header",
    "Invalid value": 'invalid value (text needs quotes, like "this")',
    "Invalid date or datetime": "invalid date or time (is the day past the end of the month?)",
    "Unclosed array": 'unclosed list: a "]" or a "," is missing',
    "Unclosed inline table": 'unclosed inline table: a "}" or a "," is missing (an inline table must fit on one line)',
    "Unescaped '\\' in a string": 'a backslash inside "…" starts an escape: write \\\\ or use single quotes',
    "Invalid hex value": "invalid \\u escape (it needs 4 hexadecimal digits, or 8 after \\U)",
    "Invalid initial character for a key part": 'a key must start with a letter, a digit, "_", "-" or a quote',
    "There is no nest behind this key": "this key cannot hold a table",
}


def translate_toml_error(msg: str, text: str, pos: int) -> str:
    """tomli's message → plain words a teacher can act on."""
    if msg == "Invalid value" and text[pos : pos + 1] in _CURLY_QUOTES:
        return (
            'curly quotes “…” are not TOML quotes; write straight quotes "…" '
            "(a word processor may have changed them)"
        )
    if msg in ("Unterminated string", 'Expected "' + "'" * 3 + '"'):
        opened = _open_multiline_string(text, pos)
        if opened:
            return f"unterminated string: the text opened with {opened[0]} on line {opened[1]} is never closed"
    if msg in _PLAIN_WORDS:
        return _PLAIN_WORDS[msg]
    if msg == "Illegal character '\\n'" or msg == "Illegal character '\\r'":
        return "unterminated string (a line break comes before the closing quote)"
    if msg.startswith("Illegal character"):
        char = msg.removeprefix("Illegal character ").strip("'")
        return f"control character {char} is not allowed here; remove it or write it as an escape"
    if msg == "Cannot overwrite a value" and text[text.rfind("\n", 0, pos) + 1 :].lstrip().startswith("["):
        if _near_cards(text, pos):
            return '"cards" must be written as [[cards]] each time'
        return "this table is declared twice (or was already set as a value)"
    if msg == "Cannot overwrite a value":
        key = _key_at_line(text, pos)
        where = "in the same card" if _inside_card(text, pos) else "in the same table"
        return f'key "{key}" is set twice {where}' if key else f"a key is set twice {where}"
    if msg.startswith("Duplicate inline table key"):
        key = msg.removeprefix("Duplicate inline table key ").strip("'\"")
        return f'key "{key}" is set twice in the same inline table'
    if msg == "An object other than list found behind this key":
        return (
            '"cards" must be written as [[cards]] each time'
            if _near_cards(text, pos)
            else ("this [[table]] was already defined as a plain value or [table]")
        )
    if msg.startswith("Cannot declare"):
        if _near_cards(text, pos):
            return '"cards" must be written as [[cards]] each time'
        return "this table is declared twice"
    if msg.startswith(("Cannot mutate immutable namespace", "Cannot redefine namespace")):
        return "this table was already written inline (or as a value) and cannot be extended here"
    if msg.startswith("Found invalid character"):
        return "invalid character " + msg.removeprefix("Found invalid character ")
    if msg == "Expected newline or end of document after a statement":
        return _after_statement(text, pos)
    if msg.startswith("Expected"):
        return "expected " + msg.removeprefix("Expected ")
    return msg[:1].lower() + msg[1:]


_CURLY_QUOTES = frozenset("“”„‘’‚«»")


def _open_multiline_string(text: str, pos: int) -> tuple[str, int] | None:
    """The triple quote (and its line) that opens a multi-line string still open at `pos`, if any.

    tomli reports an unclosed multi-line string where the file ends; the
    teacher has to look where it began.
    """
    for marks in ('"' * 3, "'" * 3):
        count = text.count(marks, 0, pos)
        if count % 2 == 1:
            start = text.rfind(marks, 0, pos)
            return marks, text.count("\n", 0, start) + 1
    return None


def _after_statement(text: str, pos: int) -> str:
    """Something follows a finished `key = value` on the same line.

    Nearly always a quote slip: a `"` inside "…" (or an apostrophe inside
    '…') ends the text early, and the rest of the sentence is left over.
    """
    before = text[:pos]
    if not before.endswith(('"', "'")) and re.match(r"[A-Za-z0-9_\"'-][^=\n]*=", text[pos:]):
        return "a second key = value starts on the same line; put each key = value on its own line"
    if before.endswith('"'):
        return (
            'the text ends early at a " inside it; '
            'write \\" for a quote inside "…", or enclose the whole text in \'…\''
        )
    if before.endswith("'"):
        return "the text ends early at an apostrophe inside it; enclose text that contains ' in double quotes \"…\""
    return "more follows the value on the same line; put each key = value on its own line (comments start with #)"


_CARDS_HEADER_BEFORE = re.compile(r"^[ \t]*\[\[?[ \t]*cards[ \t]*\]", re.MULTILINE)


def _near_cards(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    return bool(_CARDS_HEADER_BEFORE.match(text, start)) or text[start:pos].lstrip().startswith("cards")


def _inside_card(text: str, pos: int) -> bool:
    """Whether `pos` lies below a [[cards]] header (and no other header came in between)."""
    before = text.rfind("\n[", 0, pos)
    if before < 0:
        return text.startswith("[[cards]]")
    return text.startswith("[[cards", before + 1) or text.startswith("[[ cards", before + 1)
