"""Reading an import file: bytes with a size cap, decoded the way teachers' files come.

Files exported from Moodle, Anki or Quizlet are UTF-8, sometimes with a BOM;
older hand-made files on Windows are UTF-16 or Windows-1252. Each is read
without a traceback: a file that cannot be read at all raises one located
DeckError, a guessed encoding is reported as a note.
"""

from __future__ import annotations

from pathlib import Path

from quiz.errors import DeckError, Problem

MAX_IMPORT_BYTES = 64 * 1024 * 1024
"""Larger import files are refused before reading: no question bank is that big."""


def read_source(path: Path, name: str) -> tuple[str, str]:
    """The text of an import file and a note about its encoding ("" when it is UTF-8).

    Raises:
        DeckError: the file is missing, unreadable, a folder or too large.
    """
    try:
        if path.is_dir():
            raise DeckError([Problem(name, None, None, "is a folder, not a file")])
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise DeckError([Problem(name, None, None, "no such file")]) from None
    except OSError as error:
        raise DeckError([Problem(name, None, None, f"cannot read ({error.strerror or error})")]) from None
    if len(data) > MAX_IMPORT_BYTES:
        limit = MAX_IMPORT_BYTES // (1024 * 1024)
        raise DeckError([Problem(name, None, None, f"too large to import (the limit is {limit} MB)")])
    return decode_source(data)


def decode_source(data: bytes) -> tuple[str, str]:
    """Bytes → text: UTF-8 (BOM optional), UTF-16 with a BOM, else Windows-1252 with a note."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), ""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "the file is not UTF-8; it was read as Windows-1252"
    return text, ""


def split_lines(text: str) -> list[str]:
    """Lines with CRLF, CR and LF endings alike, and no phantom line after a final newline."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
