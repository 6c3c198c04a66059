"""How fast the progress store answers the session's questions at Anki-heavy size, and how big it gets.

Fills a store with 100,000 study items in one deck and 1,000,000 reviews over
two years (bulk-inserted with executemany in one transaction, straight into the
tables), then measures, median of --repeat runs each:

- the store's part of building a review queue: due learning items (limit 1,000),
  due reviews (limit 216), new items (limit 56), today's work and the items
  answered today (siblings rule);
- the lookups a quiz, learn or cram session and the statistics use instead of
  reading every item: items by key, keys by state, suspended and hidden keys,
  every key, changed items and leeches;
- one durable `record_review` (synchronous=FULL: committed to disk when it returns),
  and the same answer undone;
- `sync_deck` of the unchanged 100,000-card deck (what every deck load costs);
- the statistics queries: counts, 30-day forecast, 30 days of reviews per day,
  retention, hardest items;
- opening with a daily backup due, and how long the backup (in a thread) takes;
- the size of the database on disk.

Run: `python bench/bench_store.py [--items N] [--reviews N] [--repeat R] [--dir PATH]`.
Figures go into the "Store" subsection of docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.clock import FixedClock
from quiz.model import Answer, Correctness, Deck, LearningState, MemoryState, Rating, ShortCard
from quiz.storage import ReviewRecord, Store, open_store
from quiz.storage.db import to_us

DECK = "bench"
LEARNING = (LearningState.LEARNING, LearningState.RELEARNING)
NOW = datetime(2026, 5, 16, 9, 0, tzinfo=UTC)


def make_deck(items: int) -> Deck:
    """A deck of `items` short-answer cards."""
    cards = tuple(
        ShortCard(id=f"c{i:06d}", question=f"Question number {i}?", answers=(Answer(f"answer {i}"),))
        for i in range(items)
    )
    return Deck(id=DECK, title="Benchmark", cards=cards)


def fill(store: Store, deck: Deck, reviews: int, rng: random.Random) -> None:
    """Give 90% of the items a schedule (a fifth with lapses) and spread `reviews` answers over two years."""
    store.sync_deck(deck)
    conn = store._conn  # bulk load straight into the tables: the bench owns this store
    assert conn is not None
    deck_row = conn.execute("SELECT id FROM deck WHERE name = ?", (DECK,)).fetchone()[0]
    ids = [row[0] for row in conn.execute("SELECT id FROM item WHERE deck = ? ORDER BY position", (deck_row,))]
    now = to_us(NOW)
    day = 86_400_000_000
    reviewed = ids[: len(ids) * 9 // 10]
    conn.execute("BEGIN")
    states = []
    for item_id in reviewed:
        state = 2 if rng.random() < 0.9 else rng.choice((1, 3))
        due = now + rng.randint(-3 * day, 60 * day) if state == 2 else now + rng.randint(-day // 24, day // 24)
        lapses = rng.choices((0, 1, 2, 3, 5, 8), (80, 10, 5, 3, 1, 1))[0]
        last = now - rng.randint(0, 30 * day)
        states.append((state, rng.uniform(1, 300), rng.uniform(1, 10), due, last, lapses, 10 - lapses, item_id))
    conn.executemany(
        "UPDATE item SET state = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, reps = 10, "
        "lapses = ?, answers = 10, score_sum = ?, reviewed_fingerprint = fingerprint, "
        "reviewed_answer_fingerprint = answer_fingerprint WHERE id = ?",
        states,
    )
    start = now - 730 * day

    def rows():  # noqa: ANN202 - a generator of tuples
        for n in range(reviews):
            at = start + n * (730 * day // reviews)
            rating = rng.choices((1, 2, 3, 4), (10, 10, 70, 10))[0]
            yield (
                deck_row, rng.choice(reviewed), at, 120, rng.randint(800, 20_000), f"answer {n % 1000}",
                "correct" if rating > 1 else "wrong", 1.0 if rating > 1 else 0.0, rating, "review",
                2, 3.0, 5.0, at, at - 3 * day, 5, 0,
                2, 7.0, 5.0, at + 7 * day, 6, 0,
            )  # fmt: skip

    conn.executemany(
        "INSERT INTO review (deck, item, reviewed_at, utc_offset, duration_ms, response, correctness, score, "
        "rating, mode, b_state, b_stability, b_difficulty, b_due, b_last_review, b_reps, b_lapses, "
        "a_state, a_stability, a_difficulty, a_due, a_reps, a_lapses) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows(),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")


def timed(run: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Median, p90 and worst wall time in ms."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1 if len(times) >= 10 else -1], times[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--answers", type=int, default=500, help="answers recorded for the durable-commit figure")
    parser.add_argument("--dir", type=Path, default=None, help="folder for the store (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(1)
    folder = args.dir or Path(tempfile.mkdtemp(prefix="bench-store-"))
    clock = FixedClock(NOW)
    deck = make_deck(args.items)

    start = time.perf_counter()
    with open_store(folder, clock=clock) as store:
        fill(store, deck, args.reviews, rng)
    print(f"filled {args.items:,} items and {args.reviews:,} reviews in {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    store = open_store(folder, clock=clock)
    print(f"open (lock, checks, no backup due): {(time.perf_counter() - start) * 1000:.0f} ms")
    day_start = NOW - timedelta(hours=5)
    day_end = day_start + timedelta(days=1)

    def queue() -> None:
        store.due_items(DECK, NOW, due_by=day_end, states=LEARNING, limit=1000)
        store.due_items(DECK, NOW, due_by=day_end, limit=216, states=(LearningState.REVIEW,))
        store.new_items(DECK, NOW, limit=56)
        store.daily_work(DECK, day_start)
        store.reviewed_since(DECK, day_start)

    twenty = [f"c{n:06d}" for n in range(0, args.items, max(1, args.items // 20))][:20]
    five_hundred = [f"c{n:06d}" for n in range(0, args.items, max(1, args.items // 500))][:500]
    rows = [
        ("review queue: learning (1,000) + reviews (216) + new (56) due today, today's work, answered today", queue),
        (
            "due_items, learning states, due today, limit 1,000",
            lambda: store.due_items(DECK, NOW, due_by=day_end, states=LEARNING, limit=1000),
        ),
        (
            "due_items, learning states, due today, no limit",
            lambda: store.due_items(DECK, NOW, due_by=day_end, states=LEARNING),
        ),
        (
            "due_items, review state, due today, limit 216",
            lambda: store.due_items(DECK, NOW, due_by=day_end, limit=216, states=(LearningState.REVIEW,)),
        ),
        ("due_items, due today, limit 200", lambda: store.due_items(DECK, NOW, due_by=day_end, limit=200)),
        ("due_items, no limit", lambda: store.due_items(DECK, NOW)),
        ("new_items, limit 20", lambda: store.new_items(DECK, NOW, limit=20)),
        ("items (every record of the deck)", lambda: store.items(DECK)),
        ("items_by_key, 20 keys", lambda: store.items_by_key(DECK, twenty)),
        ("items_by_key, 500 keys", lambda: store.items_by_key(DECK, five_hundred)),
        ("get_item (one)", lambda: store.get_item(DECK, twenty[7])),
        ("item_keys, every key (hidden too)", lambda: store.item_keys(DECK, include_hidden=True)),
        ("item_keys, review state", lambda: store.item_keys(DECK, states=(LearningState.REVIEW,))),
        ("item_keys, suspended or hidden", lambda: store.item_keys(DECK, unavailable=True)),
        ("flagged_items (changed, leeches)", lambda: store.flagged_items(DECK)),
        ("counts", lambda: store.counts(DECK, NOW, day_end)),
        ("forecast, 30 days", lambda: store.forecast(DECK, [day_start + timedelta(days=i) for i in range(31)])),
        (
            "reviews per day, last 30 days",
            lambda: store.review_counts(DECK, [day_start - timedelta(days=30 - i) for i in range(31)]),
        ),
        ("retention, last 30 days", lambda: store.retention(DECK, NOW - timedelta(days=30))),
        ("hardest items (10)", lambda: store.hardest_items(DECK)),
        ("last studied", lambda: store.last_studied()),
    ]
    due_count = len(store.due_items(DECK, NOW))
    print(f"due now: {due_count:,}")
    print("| query | median | p90 | worst |\n|---|---|---|---|")
    for name, run in rows:
        median, p90, worst = timed(run, args.repeat)
        print(f"| {name} | {median:.2f} ms | {p90:.2f} ms | {worst:.2f} ms |")

    keys = [card.id for card in deck.cards]
    commits = []
    undos = []
    cpu = []
    for n in range(args.answers):
        at = NOW + timedelta(seconds=n)
        key = keys[rng.randrange(len(keys))]
        before = store.get_item(DECK, key)
        record = ReviewRecord(
            deck_id=DECK, item_key=key, reviewed_at=at, rating=Rating.GOOD,
            correctness=Correctness.CORRECT, response="answer", duration_ms=3000,
        )  # fmt: skip
        state = MemoryState(
            state=LearningState.REVIEW, step=None, stability=10.0, difficulty=5.0,
            due=at + timedelta(days=10), last_review=at, reps=11,
        )  # fmt: skip
        memory = before.memory if before else None
        wall, process = time.perf_counter(), time.process_time()
        review_id = store.record_review(record, state, before=memory)
        commits.append((time.perf_counter() - wall) * 1000)
        cpu.append((time.process_time() - process) * 1000)
        if n % 10 == 0:
            wall = time.perf_counter()
            store.undo_review(review_id)
            undos.append((time.perf_counter() - wall) * 1000)
    commits.sort()
    cpu.sort()
    print(
        f"| record_review (durable) | {statistics.median(commits):.3f} ms | "
        f"{commits[int(len(commits) * 0.9)]:.3f} ms | {commits[-1]:.3f} ms | CPU median {statistics.median(cpu):.3f} ms"
    )
    print(f"| undo_review | {statistics.median(undos):.3f} ms | | {max(undos):.3f} ms |")
    median, _, worst = timed(lambda: store.sync_deck(deck), max(3, args.repeat // 7))
    print(f"| sync_deck, unchanged {args.items:,}-card deck | {median:.0f} ms | | {worst:.0f} ms |")
    store.close()
    later = FixedClock(NOW + timedelta(days=2))
    start = time.perf_counter()
    store = open_store(folder, clock=later)
    opened = time.perf_counter() - start
    store.close()
    total = time.perf_counter() - start
    print(f"open with a backup due: {opened * 1000:.0f} ms; backup done by close after {total:.1f} s")
    size = sum(p.stat().st_size for p in folder.glob("progress.db*"))
    backups = max(p.stat().st_size for p in (folder / "backups").glob("*.db"))
    print(f"database on disk: {size / 2**20:.1f} MiB ({size / args.reviews:.0f} bytes per review); "
          f"largest backup: {backups / 2**20:.1f} MiB")  # fmt: skip
    stat = os.statvfs(folder)
    print(f"(folder {folder}, filesystem block size {stat.f_frsize})")


if __name__ == "__main__":
    main()
