"""How long grading one answer takes, over a realistic mix of cards and answers.

Uses every study item of the bundled deck (all ten question types) with
answers a class would type: the right one, a restyled right one, a typo, a
near miss, a wrong one and, for figures and dates, the other ways of writing
them. Each answer is graded many times; the script prints the median, the
99th percentile and the worst time per grade, overall and per card type.

"cold" clears the grader's small caches before every grade (the first time a
card is seen); "warm" is every later answer to the same card.

Run: `python bench/bench_grading.py [--rounds N]`. Target: well under 1 ms per
grade. Figures go into the "Grading" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import time
from collections import defaultdict
from pathlib import Path

from quiz.grading import expected_answer, grade
from quiz.grading.cloze import gap_kind
from quiz.grading.match import _listed
from quiz.grading.normalise import variants
from quiz.loader import load_deck
from quiz.model import AnyCard, MatchCard, MultiCard, OrderCard, item_keys

DECK = Path(__file__).resolve().parent.parent / "decks" / "putin-china-state-visit.toml"

EXTRA = {
    "trade-volume-2023": ["$240.1 billion", "US$240.1B", "240,100 million", "2.401e11", "240.1 million", "€240.1bn"],
    "us-measures-entities": ["more than 280", "over two hundred and eighty", "less than 280", "280+"],
    "anniversary-years": ["seventy-five", "75th", "75 months"],
    "visit-dates": ["May 16-17", "16 and 17 May", "May 16 to 17", "2024-05-16/17", "May 16", "05/16"],
    "no-limits-declared": ["Feb. 2022", "February", "03/2022"],
    "prc-recognition-year": ["1948", "in 1949", "1 October 1949"],
    "chinese-premier": ["Li Quiang", "Li Keqiang", "li qiang.", "Premier Li"],
    "targeted-firms-places": ["Hong Kong and China", "China", "Taiwan, Hong Kong"],
}


def responses(card: AnyCard, key: str) -> list[object]:
    """What students answer to one study item: right, restyled, misspelt, wrong, and the card's own forms."""
    right = expected_answer(card, item=key)
    typed: list[object] = [right, right.upper(), f"  {right}. ", right[:-1] + right[-1] * 2, "something else entirely"]
    typed += EXTRA.get(card.id, [])
    if isinstance(card, MultiCard):
        typed += [[0, 1], "a, c", "abcd"]
    if isinstance(card, OrderCard):
        typed += [list(reversed(card.items)), list(range(len(card.items)))]
    if isinstance(card, MatchCard):
        typed += ["1a 2b 3c", dict(card.pairs)]
    return typed


def measure(
    cases: list[tuple[AnyCard, str, object]], rounds: int, *, cold: bool
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Per-grade wall-clock and CPU times in microseconds, by card type.

    CPU time (this thread's) is reported beside wall time because the machine
    may be busy with other work: it is what grading itself costs.
    """
    wall: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    gc.disable()
    try:
        for _ in range(rounds):
            for card, key, response in cases:
                if cold:
                    variants.cache_clear()
                    gap_kind.cache_clear()
                    _listed.cache_clear()
                start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
                grade(card, response, item=key, elapsed=4.0)  # type: ignore[arg-type]
                cpu[card.type.value].append((time.thread_time_ns() - start_cpu) / 1000)
                wall[card.type.value].append((time.perf_counter_ns() - start) / 1000)
    finally:
        gc.enable()
    return wall, cpu


def _stats(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"{statistics.median(values):.0f} µs | {p99:.0f} µs | {ordered[-1]:.0f} µs"


def _row(name: str, wall: list[float], cpu: list[float]) -> str:
    return f"| {name} | {len(wall):,} | {_stats(wall)} | {_stats(cpu)} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    deck = load_deck(DECK)
    cases = [
        (card, key, response) for card in deck.cards for key in item_keys(card) for response in responses(card, key)
    ]
    print(f"{len(cases)} answers to {sum(len(item_keys(card)) for card in deck.cards)} study items; "
          f"Python {platform.python_version()} on {platform.machine()}")  # fmt: skip
    for cold in (False, True):
        rounds = args.rounds if not cold else max(1, args.rounds // 4)
        wall, cpu = measure(cases, rounds, cold=cold)
        print(f"\n{'cold' if cold else 'warm'} ({rounds} rounds)")
        print("| card type | grades | wall median | wall p99 | wall worst | CPU median | CPU p99 | CPU worst |")
        print("|---|---|---|---|---|---|---|---|")
        print(_row("all", [v for vs in wall.values() for v in vs], [v for vs in cpu.values() for v in vs]))
        for name in sorted(wall):
            print(_row(name, wall[name], cpu[name]))


if __name__ == "__main__":
    main()
