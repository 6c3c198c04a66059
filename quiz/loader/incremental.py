"""Reloading an edited deck by reusing the cards that did not change.

A teacher edits one card of a 10,000-card deck and the app reloads it:
parsing and validating the whole file again costs twice a TOML parse. When
the previous load is in the cache, the text is cut at its `[[cards]]` header
lines into blocks; a block whose bytes are unchanged gives back its cached
card (with its new line number), and only changed blocks are parsed — each
on its own, with tomli — and validated.

This is an optimisation that must never change a result, so it gives up
(returns None, and the caller loads the whole file the usual way) whenever
anything is unusual: the text before the first card changed, a block does
not parse on its own or holds anything but one card, or any problem at all
is found (the full load then reports it with its exact location).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from quiz.loader import cache
from quiz.loader.report import Report, card_header_starts, may_need_cleaning
from quiz.loader.stored_cards import StoredCards
from quiz.loader.toml_deck import ParseFailure, parse_toml
from quiz.loader.validate import read_card
from quiz.model import AnyCard, Deck


def split_blocks(text: str) -> tuple[str, list[str]] | None:
    """The text before the first card, and each card's block from its header to the next.

    Only headers written exactly `[[cards]]` at the start of a line count;
    None when there is no card.
    """
    starts = card_header_starts(text)
    if not starts:
        return None
    ends = [*starts[1:], len(text)]
    return text[: starts[0]], [text[start:end] for start, end in zip(starts, ends, strict=True)]


def block_digests(head: str, blocks: list[str]) -> tuple[bytes, tuple[bytes, ...]]:
    """Digests of the head and of every card block, as stored in the cache entry."""
    return _digest(head), tuple(_digest(block) for block in blocks)


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def reload_changed(
    entry: tuple[Any, ...], path: Path, text: str, name: str
) -> tuple[Deck, tuple[bytes, tuple[bytes, ...]]] | None:
    """The deck in `text`, made of the cached cards of unchanged blocks; None to load it in full.

    Args:
        entry: The cache entry of the previous version (`cache.read_entry`).

    Returns the deck and the new block digests. Its cards stay encoded, as
    the cache keeps them: unchanged ones are reused as they are (with a new
    line number when an edit above moved them), changed ones are encoded anew.
    """
    if entry[7] is None or entry[8] is None:
        return None
    starts = card_header_starts(text)
    if not starts:
        return None
    head = text[: starts[0]]
    blocks = [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]
    digests = block_digests(head, blocks)
    if digests[0] != entry[7]:
        return None
    old = cache.decode_deck(entry)
    if old is None or len(old.cards) != len(entry[8]):
        return None
    reusable: dict[bytes, tuple[str, bytes]] = {}
    for digest, card_id, blob in zip(entry[8], entry[5], entry[6], strict=True):
        reusable.setdefault(digest, (card_id, blob))
    # Only the changed blocks are validated, so only they decide whether values need cleaning.
    changed = "".join(block for digest, block in zip(digests[1], blocks, strict=True) if digest not in reusable)
    report = Report(name, text, dirty=may_need_cleaning(changed), card_starts=starts)
    count = len(blocks)
    ids: list[str] = []
    blobs: list[bytes] = []
    for index, (digest, block) in enumerate(zip(digests[1], blocks, strict=True)):
        found = reusable.get(digest)
        if found is None:
            card = _read_block(block, name, report, index, count)
            if card is None:
                return None
            ids.append(card.id)
            blobs.append(cache.encode_card(card))
        else:
            card_id, blob = found
            ids.append(card_id)
            blobs.append(cache.relined(blob, report.card_lines[index]))
    if report.problems or len(set(ids)) != count:
        return None
    cards = StoredCards(tuple(ids), blobs, cache.decode_card, cache.encode_card)
    return replace(old, cards=cards, path=path), digests


def _read_block(block: str, name: str, report: Report, index: int, count: int) -> AnyCard | None:
    """Parse and validate one card's block on its own; None on any doubt."""
    try:
        doc = parse_toml(block, name)
    except ParseFailure:
        return None
    tables = doc.get("cards")
    if len(doc) != 1 or type(tables) is not list or len(tables) != 1 or type(tables[0]) is not dict:
        return None
    return read_card(report, index, tables[0], count)
