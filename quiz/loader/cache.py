"""A cache of loaded decks in the data folder, so an unchanged deck loads without parsing.

An entry is valid only for the same file size, modification time and
content hash (BLAKE2b of the bytes just read), and for this cache format.
Anything else — a stale entry, a truncated or garbled file, an entry from
another version — is a miss: the deck is parsed again and the entry
rewritten. The cache never raises.

Entries are `marshal`ed tuples, not pickles: reading one can build only
plain values and the model classes listed here, never run code. Each entry
carries a checksum of its payload, checked before decoding, so random
corruption is caught before `marshal` sees it. An entry keeps the deck's
metadata and, apart, each card encoded on its own: a deck read from the cache
builds a card only when it is first used (`StoredCards`), so opening a large
deck to study a few of its cards costs little time and memory. Objects are
rebuilt by setting their slots directly, which costs about half of calling
the frozen dataclasses' `__init__`.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from dataclasses import fields, replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from quiz import model
from quiz.loader.stored_cards import StoredCards

CACHE_FORMAT = 5
"""Bump when the encoding changes: older entries are then ignored. A change to the model's
classes, fields or enum values needs no bump: it changes `_LAYOUT`, which entries also carry."""

_MAGIC = b"quizdeck"
_CLASSES: tuple[type, ...] = (
    model.Deck,
    model.DeckSource,
    model.StudyOptions,
    model.FlashCard,
    model.ShortCard,
    model.ChoiceCard,
    model.MultiCard,
    model.TrueFalseCard,
    model.NumericCard,
    model.DateCard,
    model.ClozeCard,
    model.OrderCard,
    model.MatchCard,
    model.Answer,
    model.Choice,
    model.NumericAnswer,
    model.PartialDate,
    model.DateAnswer,
    model.ClozeGap,
)
_ENUMS: tuple[type[Enum], ...] = (model.CardType, model.NumericBound)
_MEMBERS = tuple({member.value: member for member in enum} for enum in _ENUMS)
_CODES = {cls: code for code, cls in enumerate(_CLASSES)}
_NAMES = [tuple(f.name for f in fields(cls)) for cls in _CLASSES]
_SETTERS = [tuple(getattr(cls, name).__set__ for name in names) for cls, names in zip(_CLASSES, _NAMES, strict=True)]
_TUPLE = -1
_DATE = -2
_ENUM_BASE = -10
_LAYOUT = hashlib.blake2b(
    repr(([cls.__qualname__ for cls in _CLASSES], _NAMES, [list(members) for members in _MEMBERS])).encode(),
    digest_size=8,
).hexdigest()
"""A fingerprint of the model the entries encode. Cards are decoded only when used, long after
an entry was read, so an entry written by another model must be refused when it is read."""


def _format() -> str:
    """What an entry's first field must be for this version of the app to read it."""
    return f"{CACHE_FORMAT}-{_LAYOUT}"


def deck_cache_dir(data_dir: Path) -> Path:
    """The usual `cache_dir` for `load_deck`: a folder inside the app's data folder."""
    return data_dir / "cache" / "decks"


def entry_path(cache_dir: Path, path: Path) -> Path:
    """Where the entry for deck `path` lives (one file per deck, named by a hash of its path)."""
    key = hashlib.blake2b(str(path.resolve()).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return cache_dir / f"{key}.deck"


def content_digest(data: bytes) -> str:
    """The hash of a deck file's bytes, personalised with the version of quiz that reads them.

    It keys the cache, and the loader gives it to the deck as `Deck.digest`: the
    same bytes read by the same version of quiz give the same deck.
    """
    from quiz import __version__

    return hashlib.blake2b(data, digest_size=16, person=__version__.encode("ascii")[:16]).hexdigest()


def lookup(cache_dir: Path, path: Path, data: bytes) -> model.Deck | None:
    """The cached deck for these exact bytes of `path`, or None."""
    entry = read_entry(cache_dir, path)
    return current_deck(entry, path, content_digest(data)) if entry is not None else None


def current_deck(entry: tuple[Any, ...], path: Path, digest: str) -> model.Deck | None:
    """The entry's deck if it was made from the bytes of `path` whose `content_digest` is `digest`
    (same size, mtime and hash), else None."""
    try:
        info = path.stat()
    except OSError:
        return None
    if entry[:4] != (_format(), info.st_size, info.st_mtime_ns, digest):
        return None
    return decode_deck(entry)


def read_entry(cache_dir: Path, path: Path) -> tuple[Any, ...] | None:
    """The raw entry for `path`, whatever file version it was made from; None if absent or damaged.

    The tuple is (format, size, mtime_ns, content digest, encoded deck without
    its cards, card ids, encoded cards, head digest, card block digests); the
    last two may be None.
    """
    try:
        raw = entry_path(cache_dir, path).read_bytes()
        if not raw.startswith(_MAGIC):
            return None
        header_size = len(_MAGIC) + 32
        view = memoryview(raw)
        checksum, payload = view[len(_MAGIC) : header_size], view[header_size:]
        if hashlib.blake2b(payload, digest_size=32).digest() != checksum:
            return None
        entry = marshal.loads(payload)
    except Exception:  # noqa: BLE001 - any broken entry is just a miss
        return None
    if type(entry) is not tuple or len(entry) != 9 or entry[0] != _format():
        return None
    ids, blobs = entry[5], entry[6]
    if type(ids) is not tuple or type(blobs) is not tuple or len(ids) != len(blobs):
        return None
    return entry


def decode_deck(entry: tuple[Any, ...]) -> model.Deck | None:
    """An entry's deck, its cards left encoded until used; None when it does not decode to a deck."""
    try:
        deck = _decode(entry[4])
        if type(deck) is not model.Deck or deck.cards != ():
            return None
        _SET_CARDS(deck, StoredCards(entry[5], entry[6], decode_card, encode_card))
    except Exception:  # noqa: BLE001 - a broken entry is just a miss
        return None
    return deck


def decode_card(blob: bytes) -> model.AnyCard:
    """One card from its encoded form (`encode_card`).

    Raises:
        ValueError: the blob is not a card of this model. An entry of this
            cache format is checksummed and was written from this model, so
            only a file crafted by hand gets here.
    """
    card = _decode(marshal.loads(blob))
    if not isinstance(card, model.Card):
        raise ValueError("cache entry does not hold a card")
    return card


def encode_card(card: model.Card) -> bytes:
    """One card as the cache keeps it."""
    return marshal.dumps(_encode(card))


def relined(blob: bytes, line: int) -> bytes:
    """An encoded card with its `line` changed (a card moved by an edit above it)."""
    encoded = marshal.loads(blob)
    if encoded[_LINE_AT] == line:
        return blob
    encoded[_LINE_AT] = line
    return marshal.dumps(encoded)


def store(
    cache_dir: Path,
    path: Path,
    data: bytes,
    deck: model.Deck,
    blocks: tuple[bytes, tuple[bytes, ...]] | None = None,
    *,
    digest: str,
) -> None:
    """Remember `deck` as the result of loading these bytes of `path`; failures are ignored.

    Args:
        digest: `content_digest(data)`, worked out once by the loader.
        blocks: The digests of the text before the first card and of each
            card's block, so that a later edit can reuse unchanged cards.
    """
    try:
        info = path.stat()
        if info.st_size != len(data):  # the file changed while it was read
            return
        cards = deck.cards
        if isinstance(cards, StoredCards):  # already encoded: written back as they are
            ids, blobs = cards.ids, cards.blobs
        else:
            ids = tuple(card.id for card in cards)
            blobs = tuple(encode_card(card) for card in cards)
        head, block_digests = blocks if blocks is not None else (None, None)
        encoded = _encode(replace(deck, cards=(), path=None))
        entry = (_format(), info.st_size, info.st_mtime_ns, digest, encoded, ids, blobs, head, block_digests)
        payload = marshal.dumps(entry)
        checksum = hashlib.blake2b(payload, digest_size=32).digest()
        cache_dir.mkdir(parents=True, exist_ok=True)
        target = entry_path(cache_dir, path)
        import tempfile  # only when an entry is written, not on every launch that reads one

        handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + checksum + payload)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except (OSError, ValueError, TypeError):
        return


def _encode(value: Any) -> Any:
    """Model objects → lists headed by a class code; tuples of objects → lists headed by -1."""
    kind = type(value)
    code = _CODES.get(kind)
    if code is not None:
        return [code, *(_encode(getattr(value, name)) for name in _NAMES[code])]
    if isinstance(value, Enum):
        return [_ENUM_BASE - _ENUMS.index(type(value)), value.value]
    if kind is tuple:
        if any(type(item) in _CODES or type(item) is tuple for item in value):
            return [_TUPLE, *(_encode(item) for item in value)]
        return value
    if kind is date:
        return [_DATE, value.toordinal()]
    if value is None or kind in (str, int, float, bool):
        return value
    if isinstance(value, Path):
        return None
    raise TypeError(f"cannot cache {kind.__name__}")


_PLAIN = frozenset({"str", "int", "bool", "float", "tuple[str, ...]", "tuple[int, ...]", "float | None", "int | None"})
"""Field annotations whose values are stored as they are (no model objects inside)."""


def _make_builder(code: int) -> Any:
    """A function that rebuilds one object of class `code` from its encoded list.

    Generated, as dataclasses generates `__init__`, so each field is one
    direct slot store with no loop: rebuilding is the cache's main cost.
    """
    cls = _CLASSES[code]
    lines = ["def build(value):", "    obj = new(cls)"]
    for position, field in enumerate(fields(cls)):
        item = f"value[{position + 1}]"
        if field.type in _PLAIN:
            lines.append(f"    set{position}(obj, {item})")
        else:
            lines.append(f"    item = {item}")
            lines.append(f"    set{position}(obj, decode(item) if item.__class__ is list else item)")
    lines.append("    return obj")
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls, "decode": _decode}
    namespace.update({f"set{i}": setter for i, setter in enumerate(_SETTERS[code])})
    exec("\n".join(lines), namespace)  # generated from the model's own field list, never from a file
    return namespace["build"]


def _decode(value: Any) -> Any:
    if type(value) is not list:
        return value
    code = value[0]
    if code >= 0:
        if len(value) != _SIZES[code]:
            raise ValueError("entry does not match the model")
        builder = _BUILDERS[code]
        if builder is None:  # generated the first time an object of that class is rebuilt
            builder = _BUILDERS[code] = _make_builder(code)
        return builder(value)
    if code == _TUPLE:
        return tuple(_decode(item) if type(item) is list else item for item in value[1:])
    if code == _DATE:
        return date.fromordinal(value[1])
    return _MEMBERS[_ENUM_BASE - code][value[1]]


_SIZES = [len(names) + 1 for names in _NAMES]
_SET_CARDS = model.Deck.cards.__set__
_LINE_AT = _NAMES[_CODES[model.FlashCard]].index("line") + 1
"""`line` is a field of the `Card` base class, so it has the same position in every card type."""
assert all(
    names.index("line") + 1 == _LINE_AT
    for cls, names in zip(_CLASSES, _NAMES, strict=True)
    if issubclass(cls, model.Card)
)
_BUILDERS: list[Any] = [None] * len(_CLASSES)
"""One generated builder per class, made when first needed: a deck without match cards never pays for theirs."""
