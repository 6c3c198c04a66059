"""Saving a draft deck so that `quiz check` can verify every quote against the article.

A deck names its article by a path relative to its own folder, and may not name
a file outside that folder. So the deck names the original article when it sits
in (or under) the deck's folder and holds every quote verbatim (a plain-text
article usually does); otherwise a plain-text copy of the article is written
beside the deck as `<deck name>.txt` and the deck names that.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from quiz.errors import DeckError, QuizError
from quiz.model import Deck, DeckSource


@dataclass(frozen=True, slots=True)
class SavedDraft:
    """Where a draft went."""

    deck: Path
    article_copy: Path | None
    """The plain-text copy written beside the deck, or None when the deck names the original."""


def article_reference(source: Path, output: Path, text: str, quotes: list[str]) -> tuple[str, Path | None]:
    """The deck's `article` path and, when the original cannot serve, the copy to write.

    Raises:
        QuizError: the copy's name is taken by a file with other content (never overwritten).
    """
    folder = output.resolve().parent
    original = source.resolve()
    try:
        raw = original.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raw = ""
    if original.is_relative_to(folder) and all(quote in raw for quote in quotes):
        return original.relative_to(folder).as_posix(), None
    copy = output.with_suffix(".txt")
    if copy.resolve() == original:
        copy = output.with_name(output.stem + ".article.txt")
    if copy.exists():
        try:
            same = copy.read_text(encoding="utf-8") == text + "\n"
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            raise QuizError(f"{copy}: exists and holds other text; choose another output name or move that file")
    return copy.name, copy


def save_draft(deck: Deck, *, article_text: str, source: Path, output: Path) -> SavedDraft:
    """Write `deck` to `output` (atomically), pointing its source at the article or a copy of it.

    Args:
        deck: the draft, e.g. `generate_deck(...).deck`, possibly with cards removed by the teacher.
        article_text: the text the cards quote (`read_article(source).text`).
        source: the article file the text was read from.
        output: the deck file to write.

    Raises:
        QuizError: the deck fails the deck checks or a file cannot be written.
    """
    from quiz.loader import dump_deck, loads_deck

    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        # Said about the deck asked for, as import and export say it, not about the article copy written first.
        raise QuizError(f"cannot write {output}: the folder {folder} does not exist")
    reference, copy = article_reference(source, output, article_text, [card.source for card in deck.cards])
    deck = replace(deck, source=replace(deck.source or DeckSource(), article=reference))
    text = dump_deck(deck)
    try:
        loads_deck(text, name=output.name)
    except DeckError as error:
        raise QuizError(f"the generated deck does not pass the deck checks:\n{error}") from None
    if copy is not None:
        write_atomically(copy, article_text + "\n")
    write_atomically(output, text)
    return SavedDraft(output, copy)


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file and a rename: a crash or a full disk never leaves half a file."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as error:
        raise QuizError(f"{path}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise QuizError(f"{path}: cannot write ({error.strerror or error})") from None
