"""Reconciling stored progress with a deck that was edited since it was last loaded.

The rules, in the order they apply:
1. `previous_ids`: a card that names an old id takes over the old card's items
   and their reviews, once (recorded in the `rename` table), and only when the
   old card is no longer in the deck and the new items have no history of their own.
2. A card whose type changed has its scheduling reset (its reviews stay).
3. A card whose question or answer text changed keeps its progress; the item
   shows as changed until it is next reviewed, reset or acknowledged.
4. Items whose card left the deck are hidden, never deleted, and come back
   with their history when the card returns.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from quiz.model import Deck, item_keys
from quiz.storage.db import to_us
from quiz.storage.fingerprint import card_fingerprints
from quiz.storage.records import SyncReport


@dataclass(slots=True)
class _Stored:
    id: int
    key: str
    card_id: str
    card_type: str
    position: int
    hidden: bool
    fingerprint: str
    answer_fingerprint: str
    reviewed: bool
    """The item has a memory state (it has been scheduled)."""


def sync_deck(conn: sqlite3.Connection, deck_row: int, deck: Deck, now: datetime) -> SyncReport:
    """Apply the rules above inside the caller's transaction and say what changed."""
    stored = {
        row[1]: _Stored(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6], row[7], row[8] is not None)
        for row in conn.execute(
            "SELECT id, item_key, card_id, card_type, position, hidden, fingerprint, answer_fingerprint, state "
            "FROM item WHERE deck = ?",
            (deck_row,),
        )
    }
    renamed = _carry_over_renames(conn, deck_row, deck, stored, now)
    added: list[str] = []
    changed: list[str] = []
    answer_changed: list[str] = []
    restored: list[str] = []
    type_changed: list[str] = []
    notices: list[str] = []
    inserts: list[tuple[object, ...]] = []
    updates: list[tuple[object, ...]] = []
    seen: set[str] = set()
    position = 0
    for card in deck.cards:
        prints = card_fingerprints(card)
        for key in item_keys(card):
            position += 1
            seen.add(key)
            fp = prints[key]
            row = stored.get(key)
            if row is None:
                inserts.append((deck_row, key, card.id, str(card.type), position, fp.question, fp.answer))
                added.append(key)
                continue
            if row.hidden:
                restored.append(key)
            if row.card_type and row.card_type != str(card.type):
                type_changed.append(key)
                notices.append(
                    f'Card "{card.id}" is now a {card.type} question (was {row.card_type}): '
                    "its schedule starts afresh; its past answers are kept."
                )
                conn.execute(
                    "UPDATE item SET state = NULL, step = NULL, stability = NULL, difficulty = NULL, due = NULL, "
                    "last_review = NULL, reps = 0, lapses = 0, leech = 0, reviewed_fingerprint = '', "
                    "reviewed_answer_fingerprint = '' WHERE id = ?",
                    (row.id,),
                )
            elif row.reviewed and row.card_type:
                if fp.question != row.fingerprint:
                    changed.append(key)
                if fp.answer != row.answer_fingerprint:
                    answer_changed.append(key)
            current = (card.id, str(card.type), position, fp.question, fp.answer, False)
            if current != (
                row.card_id,
                row.card_type,
                row.position,
                row.fingerprint,
                row.answer_fingerprint,
                row.hidden,
            ):
                updates.append((*current[:5], row.id))
    conn.executemany(
        "INSERT INTO item (deck, item_key, card_id, card_type, position, fingerprint, answer_fingerprint) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        inserts,
    )
    conn.executemany(
        "UPDATE item SET card_id = ?, card_type = ?, position = ?, fingerprint = ?, answer_fingerprint = ?, "
        "hidden = 0 WHERE id = ?",
        updates,
    )
    # Items first recorded before their deck was synced get their fingerprints as "last reviewed".
    if updates:
        conn.execute(
            "UPDATE item SET reviewed_fingerprint = fingerprint, reviewed_answer_fingerprint = answer_fingerprint "
            "WHERE deck = ? AND state IS NOT NULL AND reviewed_fingerprint = ''",
            (deck_row,),
        )
    hidden = [key for key, row in stored.items() if key not in seen and not row.hidden]
    conn.executemany("UPDATE item SET hidden = 1 WHERE deck = ? AND item_key = ?", [(deck_row, k) for k in hidden])
    conn.execute("UPDATE deck SET synced_at = ? WHERE id = ?", (to_us(now), deck_row))
    if changed or answer_changed:
        notices.append(
            f"{len(set(changed) | set(answer_changed))} card(s) changed since you last studied them; "
            "your progress on them is kept."
        )
    if hidden:
        notices.append(f"{len(hidden)} item(s) are no longer in the deck; their history is kept, hidden.")
    if restored:
        notices.append(f"{len(restored)} item(s) are back in the deck, with their history.")
    notices.extend(f'Progress of "{old}" carried over to "{new}".' for old, new in renamed)
    return SyncReport(
        deck_id=deck.id,
        added=tuple(added),
        changed=tuple(changed),
        answer_changed=tuple(answer_changed),
        hidden=tuple(hidden),
        restored=tuple(restored),
        renamed=tuple(renamed),
        type_changed=tuple(type_changed),
        notices=tuple(notices),
    )


def _carry_over_renames(
    conn: sqlite3.Connection, deck_row: int, deck: Deck, stored: dict[str, _Stored], now: datetime
) -> list[tuple[str, str]]:
    """Move old items to their new keys (rule 1); updates `stored` to match."""
    present = {card.id for card in deck.cards}
    done = {row[0] for row in conn.execute("SELECT old_key FROM rename WHERE deck = ?", (deck_row,))}
    renamed: list[tuple[str, str]] = []
    for card in deck.cards:
        for old_id in card.previous_ids:
            if old_id in present:
                continue
            for new_key in item_keys(card):
                old_key = old_id + new_key[len(card.id) :]
                old = stored.get(old_key)
                if old is None or old_key in done:
                    continue
                target = stored.get(new_key)
                if target is not None:
                    if target.reviewed or _has_reviews(conn, target.id):
                        continue  # the new card has its own history: never merge two histories
                    conn.execute("DELETE FROM item WHERE id = ?", (target.id,))
                conn.execute("UPDATE item SET item_key = ?, card_id = ? WHERE id = ?", (new_key, card.id, old.id))
                conn.execute(
                    "INSERT INTO rename (deck, old_key, new_key, renamed_at) VALUES (?, ?, ?, ?)",
                    (deck_row, old_key, new_key, to_us(now)),
                )
                done.add(old_key)
                del stored[old_key]
                old.key = new_key
                stored[new_key] = old
                renamed.append((old_key, new_key))
    return renamed


def _has_reviews(conn: sqlite3.Connection, item_id: int) -> bool:
    return conn.execute("SELECT 1 FROM review WHERE item = ? LIMIT 1", (item_id,)).fetchone() is not None
