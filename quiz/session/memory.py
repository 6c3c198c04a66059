"""What a session knows of its items' memory states, read from the store only as far as it needs.

A quiz, learn or cram session may be started over thousands of items, while the
student answers a few dozen. Reading a record per item up front cost about two
seconds for a 100,000-item deck; here a few items are read in one indexed query,
and many are looked up one by one (one index probe each) when first asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from quiz.model import MemoryState
from quiz.storage import ItemRecord

Lookup = Callable[[str], ItemRecord | None]


class NewKeys(set[str]):
    """The items that were new when the session began; an item not looked up yet is looked up when asked about."""

    def __init__(self, keys: Iterable[str], look_up: Callable[[str], None]) -> None:
        super().__init__(keys)
        self._look_up = look_up

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self._look_up(key)
        return super().__contains__(key)


class ItemMemory(dict[str, MemoryState | None]):
    """Item key → memory state (None: new), filled from the store on the first `get` of each key.

    Keys the store has never seen stay absent (`get` gives None). Assigning or
    updating a key, as the session does after an answer, takes precedence over
    the store from then on.
    """

    def __init__(self, records: Mapping[str, ItemRecord] | None = None, *, lookup: Lookup | None = None) -> None:
        records = records or {}
        super().__init__({key: record.memory for key, record in records.items()})
        self._lookup = lookup
        self._looked_up: set[str] = set(records)
        self.new = NewKeys((key for key, record in records.items() if record.memory is None), self._look_up)
        """Items new at the start: pass it to the Session as `new_keys`."""

    def get(self, key: str, default: MemoryState | None = None) -> MemoryState | None:  # type: ignore[override]
        self._look_up(key)
        return super().get(key, default)

    def _look_up(self, key: str) -> None:
        if self._lookup is None or key in self._looked_up:
            return
        self._looked_up.add(key)
        if super().__contains__(key):
            return
        record = self._lookup(key)
        if record is not None:
            super().__setitem__(key, record.memory)
            if record.memory is None:
                set.add(self.new, key)
