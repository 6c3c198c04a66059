"""`load_deck` and `loads_deck`: a deck file (or its bytes) → a validated `Deck`, or `DeckError`."""

from __future__ import annotations

import gc
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.errors import DeckError, Problem
from quiz.loader.cache import content_digest
from quiz.loader.toml_deck import ParseFailure, decode_deck, parse_toml, read_deck_bytes
from quiz.model import Deck

if TYPE_CHECKING:
    from quiz.loader.report import Report


def load_deck(path: str | os.PathLike[str], *, cache_dir: Path | None = None) -> Deck:
    """Load and validate one deck file.

    Args:
        path: The deck file. Problems name it as given (its file name when
            it is absolute), never as a resolved path.
        cache_dir: Where to keep parsed decks between runs. An unchanged
            file (same size, mtime and content hash) then loads from the
            cache without parsing. A broken or stale cache entry is ignored
            and rebuilt. No cache when None.

    Raises:
        DeckError: with every error found (warnings are not errors here;
            `check_deck` reports them).
    """
    path = Path(path)
    name = display_name(path)
    try:
        data = read_deck_bytes(path, name)
    except ParseFailure as failure:
        raise DeckError([failure.problem]) from None
    digest = content_digest(data)
    if cache_dir is None:
        deck, report = parse_and_validate(data, name)
        if deck is None:
            raise DeckError([p for p in report.problems if p.severity == "error"])
    else:
        deck = _load_with_cache(path, name, data, digest, cache_dir)
    return replace(deck, path=path, digest=digest)


def _load_with_cache(path: Path, name: str, data: bytes, digest: str, cache_dir: Path) -> Deck:
    """Unchanged: from the cache. Edited: reuse unchanged cards. Otherwise: the full load."""
    from quiz.loader import cache

    entry = cache.read_entry(cache_dir, path)
    if entry is not None:
        cached = cache.current_deck(entry, path, digest)
        if cached is not None:
            return replace(cached, path=path)
    from quiz.loader import incremental  # the file changed: only now is parsing needed
    text = None
    try:
        text = decode_deck(data, name)
    except ParseFailure:
        pass
    if text is not None and entry is not None:
        reloaded = incremental.reload_changed(entry, path, text, name)
        if reloaded is not None:
            deck, digests = reloaded
            cache.store(cache_dir, path, data, deck, digests, digest=digest)
            return deck
    deck, report, doc = _parse_and_validate(data, name, strict=False)
    if deck is None:
        raise DeckError([p for p in report.problems if p.severity == "error"])
    deck = replace(deck, path=path)
    cache.store(cache_dir, path, data, deck, _block_digests(report.text, doc, len(deck.cards), name), digest=digest)
    return deck


def _block_digests(text: str, doc: dict[str, Any] | None, count: int, name: str) -> Any:
    """Block digests for the cache, only when everything but the cards sits before the first card.

    Then a later edit may reuse unchanged card blocks: parsing the head alone
    must give exactly the document without its cards.
    """
    from quiz.loader import incremental

    split = incremental.split_blocks(text)
    if doc is None or split is None or len(split[1]) != count:
        return None
    try:
        head = parse_toml(split[0], name)
    except ParseFailure:
        return None
    if head != {key: value for key, value in doc.items() if key != "cards"}:
        return None
    return incremental.block_digests(*split)


def loads_deck(data: str | bytes, *, name: str = "deck.toml") -> Deck:
    """Validate a deck given as text or bytes (for importers, tests and pasted decks).

    Raises:
        DeckError: with every error found; problems are named after `name`.
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    deck, report = parse_and_validate(data, name)
    if deck is None:
        raise DeckError([p for p in report.problems if p.severity == "error"])
    return deck


def parse_and_validate(data: bytes, name: str, *, strict: bool = False) -> tuple[Deck | None, Report]:
    """The one validation path behind `load_deck`, `loads_deck` and `check_deck`."""
    deck, report, _ = _parse_and_validate(data, name, strict=strict)
    return deck, report


def _parse_and_validate(data: bytes, name: str, *, strict: bool) -> tuple[Deck | None, Report, dict[str, Any] | None]:
    # The validator is imported here, not above: a deck read from the cache never needs it.
    from quiz.loader.report import Report
    from quiz.loader.validate import build_deck

    paused = gc.isenabled()
    gc.disable()  # parsing and validating build many objects but no cycles: collecting would find nothing
    try:
        try:
            text = decode_deck(data, name)
            doc = parse_toml(text, name)
        except ParseFailure as failure:
            report = Report(name, "", strict=strict)
            report.problems.append(failure.problem)
            report.errors += 1
            return None, report, None
        report = Report(name, text, strict=strict)
        try:
            deck = build_deck(doc, report)
        except RecursionError:
            report.add(None, None, "nesting too deep")
            return None, report, None
    finally:
        if paused:
            gc.enable()
    if deck is None and not report.errors:  # defensive: never return nothing without saying why
        report.add(None, None, "the deck could not be read")
    return deck, report, doc


def display_name(path: Path) -> str:
    """How messages name a deck: as the user wrote it, or just its name when absolute."""
    text = str(path)
    return path.name if path.is_absolute() else text


def problem_for(path: Path, message: str) -> Problem:
    return Problem(display_name(path), None, None, message)
