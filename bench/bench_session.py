"""How fast a study session starts and answers at Anki-heavy size.

Fills a store with one deck of 100,000 short-answer cards, gives 90% of them a
schedule (most in review, some learning, a fifth with lapses) and 1,000,000
reviews over two years (bulk-inserted in one transaction, straight into the
tables: this bench owns its store), then measures, median of --repeat runs:

- building the review queue (`build_review_plan`: due learning items, due reviews
  within the daily limit, new items within theirs, the siblings rule), and a whole
  `start_session` in review mode without the deck sync (which the store bench times);
- starting the other modes without the sync: a quiz, learn and cram of 20 cards, and
  cram and learn over the whole deck; the deck's changed cards and leeches
  (`Session.changes`, read when the app opens a session); the deck's statistics
  (`quiz.stats.deck_stats`);
- the non-UI work of one answer: `Session.answer` grades the typed answer,
  schedules it with FSRS, commits it to disk (synchronous=FULL) and picks the
  next item — over --answers answers in a row (85% right), day after day;
- the database's size on disk.

Run: `python bench/bench_session.py [--items N] [--reviews N] [--answers N] [--repeat R] [--dir PATH]`.
Figures go into the "Study sessions" subsection of docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.clock import FixedClock
from quiz.model import Answer, Deck, ShortCard, StudyOptions
from quiz.session import build_review_plan, start_session
from quiz.stats import deck_stats
from quiz.storage import Store, open_store

DECK = "bench-session"
NOW = datetime(2026, 5, 16, 9, 0, tzinfo=UTC)
US_PER_DAY = 86_400_000_000


def make_deck(items: int) -> Deck:
    """A deck of `items` short-answer cards with the default daily limits (20 new, 200 reviews)."""
    cards = tuple(
        ShortCard(id=f"c{i:06d}", question=f"Question number {i}?", answers=(Answer(f"answer {i}"),))
        for i in range(items)
    )
    return Deck(id=DECK, title="Benchmark", cards=cards, options=StudyOptions())


def _us(instant: datetime) -> int:
    return int(instant.timestamp() * 1_000_000)


def fill(store: Store, deck: Deck, reviews: int, rng: random.Random) -> None:
    """Schedule 90% of the items and spread `reviews` answers over the two years before NOW."""
    store.sync_deck(deck)
    conn = store._conn
    assert conn is not None
    deck_row = conn.execute("SELECT id FROM deck WHERE name = ?", (DECK,)).fetchone()[0]
    ids = [row[0] for row in conn.execute("SELECT id FROM item WHERE deck = ? ORDER BY position", (deck_row,))]
    now = _us(NOW)
    scheduled = ids[: len(ids) * 9 // 10]
    conn.execute("BEGIN")
    rows = []
    for item_id in scheduled:
        state = 2 if rng.random() < 0.9 else rng.choice((1, 3))
        if state == 2:
            due = now + rng.randint(-3 * US_PER_DAY, 60 * US_PER_DAY)
        else:
            due = now + rng.randint(-US_PER_DAY // 24, US_PER_DAY // 24)
        lapses = rng.choices((0, 1, 2, 3, 5), (80, 10, 5, 3, 2))[0]
        last = now - rng.randint(US_PER_DAY // 24, 30 * US_PER_DAY)
        step = 0 if state != 2 else None
        rows.append((state, step, rng.uniform(1, 300), rng.uniform(1, 10), due, last, lapses, 10 - lapses, item_id))
    conn.executemany(
        "UPDATE item SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, reps = 10, "
        "lapses = ?, answers = 10, score_sum = ?, reviewed_fingerprint = fingerprint, "
        "reviewed_answer_fingerprint = answer_fingerprint WHERE id = ?",
        rows,
    )
    start = now - 731 * US_PER_DAY  # up to the day before: today's review limit is still whole
    gap = 730 * US_PER_DAY // max(reviews, 1)

    def review_rows():  # noqa: ANN202 - a generator of tuples
        for n in range(reviews):
            item_id = scheduled[rng.randrange(len(scheduled))]
            rating = rng.choices((1, 2, 3, 4), (10, 10, 70, 10))[0]
            yield (
                deck_row, item_id, start + n * gap, 0, rng.randint(2000, 20000), "answer", "correct" if rating > 1
                else "wrong", 1.0 if rating > 1 else 0.0, rating, "review", 2, 0, 5.0, 5.0, start, start, 9, 0,
                2, None, 6.0, 5.0, start + 5 * US_PER_DAY, 10, 0,
            )  # fmt: skip

    conn.executemany(
        "INSERT INTO review (deck, item, reviewed_at, utc_offset, duration_ms, response, correctness, score, rating, "
        "mode, b_state, b_step, b_stability, b_difficulty, b_due, b_last_review, b_reps, b_lapses, "
        "a_state, a_step, a_stability, a_difficulty, a_due, a_reps, a_lapses) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        review_rows(),
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")


def timed(run, repeat: int) -> list[float]:  # noqa: ANN001 - any callable
    """Milliseconds per run, garbage collection paused while timing."""
    times = []
    for _ in range(repeat):
        gc.disable()
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
        gc.enable()
    return times


def describe(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return f"{name:<58} median {statistics.median(times):8.3f} ms   p90 {p90:8.3f} ms   max {max(times):8.3f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="quiz-bench-session-"))
    clock = FixedClock(NOW)
    deck = make_deck(args.items)
    cards = {card.id: card for card in deck.cards}
    began = time.perf_counter()
    with open_store(folder, clock=clock) as store:
        fill(store, deck, args.reviews, random.Random(1))
    print(f"filled {args.items:,} items and {args.reviews:,} reviews in {time.perf_counter() - began:.1f} s")
    with open_store(folder, clock=clock) as store:  # reopened: the bulk load's log is checkpointed
        options = deck.options

        def plan() -> object:
            return build_review_plan(store, deck, cards, now=NOW, options=options)

        def start() -> object:
            return start_session(store, deck, mode="review", clock=clock, rng=random.Random(2), sync=False)

        print(describe("build_review_plan", timed(plan, args.repeat)))
        print(describe("start_session(review, sync=False)", timed(start, args.repeat)))
        for mode, count in (("quiz", 20), ("learn", 20), ("cram", 20), ("cram", None), ("learn", None)):
            print(describe(f"start_session({mode}, count={count}, sync=False)", timed(
                lambda mode=mode, count=count: start_session(
                    store, deck, mode=mode, clock=clock, rng=random.Random(2), count=count, sync=False
                ), max(3, args.repeat // 3))))  # fmt: skip
        opened = start_session(store, deck, mode="review", clock=clock, rng=random.Random(2), sync=False)
        print(describe("Session.changes (edited cards, leeches)", timed(opened.changes, max(3, args.repeat // 3))))
        print(describe("deck_stats", timed(lambda: deck_stats(store, deck, now=NOW), max(3, args.repeat // 3))))
        session = start_session(store, deck, mode="review", clock=clock, rng=random.Random(2), sync=False)
        rng = random.Random(3)
        wall, cpu = [], []
        for _ in range(args.answers):
            item = session.current
            if item is None:  # the day's reviews are done: carry on the next day
                clock.advance(timedelta(days=1))
                session = start_session(store, deck, mode="review", clock=clock, rng=rng, sync=False)
                item = session.current
                if item is None:
                    break
            card = item.card
            assert isinstance(card, ShortCard)
            response = card.answers[0].text if rng.random() < 0.85 else "something else"
            gc.disable()
            begin, begin_cpu = time.perf_counter(), time.process_time()
            session.answer(response, elapsed=6.0)
            wall.append((time.perf_counter() - begin) * 1000)
            cpu.append((time.process_time() - begin_cpu) * 1000)
            gc.enable()
            clock.advance(timedelta(seconds=8))
        print(describe(f"Session.answer (grade, schedule, commit, next) x{len(wall)}, wall", wall))
        print(describe("  the same, CPU time of this process", cpu))
    size = sum(path.stat().st_size for path in folder.glob("progress.db*"))
    print(f"database on disk: {size / 1e6:.0f} MB ({folder})")


if __name__ == "__main__":
    main()
