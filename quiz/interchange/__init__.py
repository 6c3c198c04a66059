"""Importing decks from other tools' formats and exporting them back.

Import: GIFT (Moodle), Aiken, Anki "Notes in Plain Text", Quizlet exports and
CSV with a header → a `quiz.model.Deck` plus a report of what was imported,
converted or skipped, line by line. Export: a Deck → GIFT, Anki plain text
or CSV, plus warnings about what the target format cannot hold.

    result = import_file(Path("bank.gift"))
    text, warnings = export_deck(result.deck, "gift")
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quiz.errors import DeckError, Problem
from quiz.interchange.draft import Draft
from quiz.interchange.ids import deck_id_from_name
from quiz.interchange.report import Entry, ImportReport, ImportResult, Outcome
from quiz.interchange.source import decode_source, read_source
from quiz.model import Deck

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "Entry",
    "ImportReport",
    "ImportResult",
    "Outcome",
    "export_deck",
    "import_bytes",
    "import_file",
    "import_text",
]

IMPORT_FORMATS = ("gift", "aiken", "anki", "quizlet", "csv")
"""What `quiz import --format` accepts."""
EXPORT_FORMATS = ("gift", "anki", "csv")
"""What `quiz export --format` writes."""
_TITLES = {"gift": "GIFT", "aiken": "Aiken", "anki": "Anki notes", "quizlet": "Quizlet", "csv": "CSV"}


def import_file(
    path: Path,
    *,
    format: str | None = None,  # noqa: A002 - the user-facing name of the option
    deck_id: str | None = None,
    title: str | None = None,
    options: dict[str, str] | None = None,
) -> ImportResult:
    """Read a file in a foreign format into a deck.

    Args:
        path: The file; its name gives the deck id and title unless they are given.
        format: One of IMPORT_FORMATS; detected from the name and content when None.
        deck_id: The deck's id (`--id`); re-importing with the same id updates the same deck.
        title: The deck's title.
        options: Format-specific settings, e.g. Quizlet's `separator` and `card_separator`.

    Raises:
        DeckError: the file cannot be read, its format cannot be told, or it holds no card.
    """
    text, note = read_source(path, path.name)
    return import_text(text, name=path.name, format=format, deck_id=deck_id, title=title, options=options, note=note)


def import_bytes(
    data: bytes,
    *,
    name: str,
    format: str | None = None,  # noqa: A002
    deck_id: str | None = None,
    title: str | None = None,
    options: dict[str, str] | None = None,
) -> ImportResult:
    """`import_file` for content already in memory (e.g. read from standard input)."""
    text, note = decode_source(data)
    return import_text(text, name=name, format=format, deck_id=deck_id, title=title, options=options, note=note)


def import_text(
    text: str,
    *,
    name: str,
    format: str | None = None,  # noqa: A002
    deck_id: str | None = None,
    title: str | None = None,
    options: dict[str, str] | None = None,
    note: str = "",
) -> ImportResult:
    """Read text in a foreign format into a deck; `name` is used in messages and for defaults."""
    from quiz.interchange.detect import detect_format

    chosen = format or detect_format(name, text)
    if chosen is None:
        raise DeckError(
            [Problem(name, None, None, "cannot tell the format; name it with --format gift|aiken|anki|quizlet|csv")]
        )
    if chosen not in IMPORT_FORMATS:
        raise DeckError([Problem(name, None, None, f"unknown import format {chosen!r}")])
    draft = Draft(ImportReport(name, chosen))
    if note:
        draft.report.note(None, note)
    _reader(chosen)(text, draft, **_reader_options(chosen, options or {}, draft))
    if not draft.cards:
        # The reasons are the only thing the teacher can act on, so they come with the error.
        entries = sorted(draft.report.entries, key=lambda entry: entry.line or 0)
        skipped = sum(entry.outcome is Outcome.SKIPPED for entry in entries)
        detail = f" ({skipped} question(s) skipped)" if skipped else ""
        summary = Problem(name, None, None, f"no card could be imported from it as {_TITLES[chosen]}{detail}")
        reasons = [Problem(name, entry.line, None, f"{entry.outcome}: {entry.message}") for entry in entries]
        raise DeckError([summary, *reasons])
    stem = name.rsplit("/", 1)[-1]
    stem = stem[: stem.rfind(".")] if "." in stem else stem
    return draft.finish(
        deck_id=deck_id or deck_id_from_name(stem),
        title=title or draft.title or stem.replace("_", " ").replace("-", " ").strip() or "Imported deck",
        description=f"Imported from {stem.rsplit('/', 1)[-1]} ({_TITLES[chosen]}).",
    )


_READER_OPTIONS = {
    "quizlet": {"separator": "separator", "card_separator": "card_separator"},
    "anki": {"separator": "separator"},
    "csv": {"separator": "delimiter"},
}
"""Per format, the command-line options its reader takes, and the reader's name for each."""

_OPTION_FLAGS = {"separator": "--separator", "card_separator": "--card-separator"}


def _reader_options(fmt: str, options: dict[str, str], draft: Draft) -> dict[str, str]:
    """The options this format's reader understands; any other is noted as ignored.

    The format is often detected, so a teacher may pass --separator for a file
    that turns out to be GIFT or Aiken: say it was not used rather than fail.
    """
    known = _READER_OPTIONS.get(fmt, {})
    for option in options:
        if option not in known:
            flag = _OPTION_FLAGS.get(option, option)
            draft.report.note(None, f"{flag} was ignored: {_TITLES[fmt]} files do not use it")
    return {known[option]: value for option, value in options.items() if option in known}


def _reader(fmt: str) -> Callable[..., None]:
    if fmt == "gift":
        from quiz.interchange.gift import read_gift

        return read_gift
    if fmt == "aiken":
        from quiz.interchange.aiken import read_aiken

        return read_aiken
    if fmt == "anki":
        from quiz.interchange.anki_text import read_anki

        return read_anki
    if fmt == "quizlet":
        from quiz.interchange.quizlet import read_quizlet

        return read_quizlet
    from quiz.interchange.csv_deck import read_csv

    return read_csv


def export_deck(deck: Deck, format: str) -> tuple[str, list[str]]:  # noqa: A002
    """A deck as text in `format` (one of EXPORT_FORMATS), and warnings about what changed."""
    if format == "gift":
        from quiz.interchange.gift_export import write_gift

        return write_gift(deck)
    if format == "anki":
        from quiz.interchange.anki_export import write_anki

        return write_anki(deck)
    if format == "csv":
        from quiz.interchange.csv_deck import write_csv

        return write_csv(deck)
    raise ValueError(f"unknown export format {format!r}")
