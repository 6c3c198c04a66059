"""Opening files a deck names (its article, later media) without leaving the deck's folder.

A deck from a stranger may name `../../etc/passwd`, an absolute path, a
symlink pointing out of its folder, or a FIFO that would block `open()`
forever. Every such reference is refused with a message saying why.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from quiz.errors import DeckError, Problem

MAX_REFERENCED_BYTES = 5 * 1024 * 1024
"""Largest file a deck may name (an article is a few kilobytes)."""


def resolve_deck_file(deck_path: Path, reference: str, *, field: str = "deck.source.article") -> Path:
    """The real path of a file named by a deck, checked to stay inside the deck's folder.

    Args:
        deck_path: The deck file; references are relative to its folder.
        reference: The path as written in the deck.
        field: Where the reference was written, for the message.

    Raises:
        DeckError: when the path is absolute, uses "..", leaves the folder
            through a symlink, does not exist, or is not a regular file.
    """
    from quiz.loader.validate import reference_problem

    name = deck_path.name
    problem = reference_problem(reference)
    if problem:
        raise DeckError([Problem(name, None, field, problem)])
    folder = deck_path.parent.resolve()
    try:
        target = (folder / reference).resolve(strict=True)
    except FileNotFoundError:
        raise DeckError([Problem(name, None, field, f'"{reference}" not found beside the deck')]) from None
    except (OSError, RuntimeError) as error:
        raise DeckError([Problem(name, None, field, f'cannot open "{reference}" ({error})')]) from None
    if not target.is_relative_to(folder):
        raise DeckError([Problem(name, None, field, "path leaves the deck folder (through a symbolic link)")])
    try:
        info = target.stat()
    except OSError as error:
        raise DeckError([Problem(name, None, field, f'cannot open "{reference}" ({error.strerror})')]) from None
    if not stat.S_ISREG(info.st_mode):
        raise DeckError([Problem(name, None, field, f'"{reference}" is not a regular file')])
    if info.st_size > MAX_REFERENCED_BYTES:
        raise DeckError([Problem(name, None, field, f'"{reference}" is too large')])
    return target


def read_deck_file(deck_path: Path, reference: str, *, field: str = "deck.source.article") -> bytes:
    """The bytes of a file named by a deck, opened so that a swapped-in FIFO cannot block.

    Raises:
        DeckError: as `resolve_deck_file`, or when the file cannot be read.
    """
    target = resolve_deck_file(deck_path, reference, field=field)
    name = deck_path.name
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise DeckError([Problem(name, None, field, f'cannot open "{reference}" ({error.strerror})')]) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DeckError([Problem(name, None, field, f'"{reference}" is not a regular file')])
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_REFERENCED_BYTES + 1)
    except OSError as error:
        raise DeckError([Problem(name, None, field, f'cannot read "{reference}" ({error.strerror})')]) from None
    finally:
        os.close(fd)
