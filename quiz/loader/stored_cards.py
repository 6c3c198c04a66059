"""A deck's cards as the cache keeps them: encoded, each decoded the first time it is used.

A student who opens a 10,000-card deck to review today's twenty cards should
not pay for building 10,000 card objects (about 50 ms and 9 MB). A deck read
from the cache therefore holds its cards as one small encoded blob each, plus
their ids: asking for a card by position or by id decodes that card alone,
and keeps it in place of its blob. Iterating decodes them all, so screens
and sessions that use every card cost what they did before; nothing else
about the deck changes.

It behaves as the tuple of cards it stands for: same length, order,
indexing, slicing and equality.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

from quiz.model import AnyCard


class StoredCards(Sequence[AnyCard]):
    """The cards of a cached deck, in file order; a card is built from its blob when first asked for."""

    __slots__ = ("_ids", "_blobs", "_cards", "_decode", "_encode", "_positions")

    def __init__(
        self,
        ids: tuple[str, ...],
        blobs: Sequence[bytes],
        decode: Callable[[bytes], AnyCard],
        encode: Callable[[AnyCard], bytes],
    ) -> None:
        if len(ids) != len(blobs):
            raise ValueError("one id per card")
        self._ids = ids
        self._blobs: list[bytes | None] = list(blobs)
        """A card's blob until it is built (then None: the card takes its place)."""
        self._decode = decode
        self._encode = encode
        self._cards: list[AnyCard | None] = [None] * len(ids)
        self._positions: dict[str, int] | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        """Every card's id, in file order, without decoding any card."""
        return self._ids

    @property
    def blobs(self) -> tuple[bytes, ...]:
        """Every card's encoded form, in file order, for the cache to write back; built cards are encoded again."""
        return tuple(
            blob if blob is not None else self._encode(self._card(index)) for index, blob in enumerate(self._blobs)
        )

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> AnyCard: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[AnyCard, ...]: ...

    def __getitem__(self, index: int | slice) -> AnyCard | tuple[AnyCard, ...]:
        if isinstance(index, slice):
            return tuple(self._card(i) for i in range(*index.indices(len(self._ids))))
        if index < 0:
            index += len(self._ids)
        if not 0 <= index < len(self._ids):
            raise IndexError("card index out of range")
        return self._card(index)

    def __iter__(self) -> Iterator[AnyCard]:
        for index in range(len(self._ids)):
            yield self._card(index)

    def _card(self, index: int) -> AnyCard:
        card = self._cards[index]
        if card is None:
            blob = self._blobs[index]
            if blob is None:  # another thread built it meanwhile (it stores the card before dropping the blob)
                return self._cards[index]  # type: ignore[return-value]
            card = self._cards[index] = self._decode(blob)
            self._blobs[index] = None
        return card

    def position(self, card_id: str) -> int | None:
        """Where the card with this id sits, or None; no card is decoded."""
        if self._positions is None:
            self._positions = {card_id: index for index, card_id in enumerate(self._ids)}
        return self._positions.get(card_id)

    def by_id(self) -> Mapping[str, AnyCard]:
        """The cards by id, decoding only those looked up."""
        return _CardsById(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"StoredCards({len(self)} cards)"


class _CardsById(Mapping[str, AnyCard]):
    """A read-only view of stored cards by id."""

    __slots__ = ("_cards",)

    def __init__(self, cards: StoredCards) -> None:
        self._cards = cards

    def __getitem__(self, card_id: str) -> AnyCard:
        position = self._cards.position(card_id) if isinstance(card_id, str) else None
        if position is None:
            raise KeyError(card_id)
        return self._cards[position]

    def __contains__(self, card_id: Any) -> bool:
        return isinstance(card_id, str) and self._cards.position(card_id) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._cards.ids)

    def __len__(self) -> int:
        return len(self._cards)
