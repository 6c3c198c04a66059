"""How fast decks load, and how much memory a loaded card takes.

Generates a 10,000-card deck that mixes every question type (the cards of
tests/data/loader/every-type.toml, repeated with new ids), then measures:

- tomli.loads of the text: the floor that loading cannot beat;
- loading a changed deck (read, decode, parse, validate, build the model);
- loading an unchanged deck from the cache;
- memory per loaded card (tracemalloc, the deck kept alive).

Run: `python bench/bench_loader.py [--cards N] [--repeat R]`. The target is a
changed-deck load within 1.1x of tomli.loads. Figures go into the "Loading
decks" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

import tomli

from quiz.loader import dump_deck, load_deck
from quiz.model import Deck

EXAMPLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "loader" / "every-type.toml"


def make_deck(count: int) -> Deck:
    """A deck of `count` cards cycling through the example deck's cards."""
    example = load_deck(EXAMPLE)
    templates = example.cards
    cards = tuple(
        replace(templates[i % len(templates)], id=f"card-{i:05d}", previous_ids=(), line=0) for i in range(count)
    )
    return replace(example, cards=cards, path=None)


def edit_and_load(path: Path, text: str, cache_dir: Path):  # noqa: ANN201 - a timed callable
    """A callable that loads the deck after a teacher's edit of one card (the cache holds the previous version).

    The file is rewritten before the clock starts; each call flips one card's
    question between two wordings, so every timed load sees a changed file.
    """
    middle = text.index(f'id = "card-{text.count("[[cards]]") // 2:05d}"')
    versions = [text, text[:middle] + text[middle:].replace('question = "', 'question = "Edited: ', 1)]
    state = {"turn": 0}

    def load() -> None:
        load_deck(path, cache_dir=cache_dir)

    def prepare() -> None:
        state["turn"] += 1
        path.write_text(versions[state["turn"] % 2], encoding="utf-8")

    load.prepare = prepare  # type: ignore[attr-defined]
    return load


def best_and_median(run, repeat: int) -> tuple[float, float]:  # noqa: ANN001 - a callable
    times = []
    for _ in range(repeat):
        getattr(run, "prepare", lambda: None)()
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()

    text = dump_deck(make_deck(args.cards))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.toml"
        path.write_text(text, encoding="utf-8")
        cache_dir = Path(folder) / "cache"
        print(f"deck: {args.cards:,} cards, {path.stat().st_size / 1e6:.2f} MB")

        parse = best_and_median(lambda: tomli.loads(path.read_bytes().decode()), args.repeat)
        changed = best_and_median(lambda: load_deck(path), args.repeat)
        load_deck(path, cache_dir=cache_dir)  # fill the cache
        cached = best_and_median(lambda: load_deck(path, cache_dir=cache_dir), args.repeat)
        every = best_and_median(lambda: tuple(load_deck(path, cache_dir=cache_dir).cards), args.repeat)
        edited = best_and_median(edit_and_load(path, text, cache_dir), args.repeat)

        rows = (
            ("tomli.loads (read, decode, parse)", parse),
            ("load_deck, changed deck", changed),
            ("load_deck, unchanged (cache)", cached),
            ("the same, then every card built", every),
            ("load_deck, one card edited (cache)", edited),
        )
        for label, (best, median) in rows:
            print(f"{label:36} best {best * 1e3:7.1f} ms, median {median * 1e3:7.1f} ms")
        print(f"changed / tomli: best {changed[0] / parse[0]:.2f}x, median {changed[1] / parse[1]:.2f}x")
        print(f"cache speed-up over tomli.loads: {parse[1] / cached[1]:.1f}x (median)")
        print(f"one card edited / tomli: best {edited[0] / parse[0]:.2f}x, median {edited[1] / parse[1]:.2f}x")

        for label, load in (
            ("parsed", lambda: load_deck(path)),
            ("from the cache, cards not yet used", lambda: load_deck(path, cache_dir=cache_dir)),
            ("from the cache, every card used", lambda: _used(load_deck(path, cache_dir=cache_dir))),
        ):
            size, count = retained(load)
            print(f"memory, {label}: {size / 1e6:.2f} MB for {count:,} cards, {size / count:,.0f} bytes per card")


def _used(deck):  # noqa: ANN001, ANN202 - a Deck
    """The deck after every card was asked for once (a cached deck then holds them all built)."""
    for _ in deck.cards:
        pass
    return deck


def retained(load) -> tuple[int, int]:  # noqa: ANN001 - a callable
    """Bytes still allocated once `load()`'s deck is built (the deck kept alive), and its number of cards."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    deck = load()
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    size = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    return size, len(deck.cards)


if __name__ == "__main__":
    main()
