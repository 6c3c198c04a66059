"""How long `generate_deck` takes on a 5,000-word article (target: under one second).

The article is built from the bundled article and the two test articles,
repeated with their years and figures shifted so every paragraph carries new
facts, until it has 5,000 words. Prints the median and worst of several runs.

    /work/venv/bin/python bench/bench_generate.py
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

from quiz.generation import generate_deck, read_article

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "decks" / "putin-china-state-visit.txt",
    ROOT / "tests" / "data" / "articles" / "harbour-derby-match-report.md",
    ROOT / "tests" / "data" / "articles" / "penicillin-history.html",
]
TARGET_WORDS = 5_000
RUNS = 7


def build_article() -> str:
    """Paragraphs of the three articles, with shifted years and numbers, up to TARGET_WORDS words."""
    paragraphs = [p for path in SOURCES for p in read_article(path).text.split("\n") if len(p.split()) > 12]
    out: list[str] = []
    words = 0
    shift = 0
    while words < TARGET_WORDS:
        for paragraph in paragraphs:
            shifted = re.sub(r"\b(1[89]\d\d|20[0-4]\d)\b", lambda m, k=shift: str(int(m.group(1)) - k), paragraph)
            shifted = re.sub(r"\b(\d{2,3})\b(?! ?[-–])", lambda m, k=shift: str(int(m.group(1)) + k), shifted)
            out.append(shifted)
            words += len(shifted.split())
            if words >= TARGET_WORDS:
                break
        shift += 1
    return "\n".join(out)


def main() -> None:
    text = build_article()
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = generate_deck(text, title="Benchmark")
        timings.append(time.perf_counter() - start)
    print(f"article: {len(text.split()):,} words, {len(text):,} characters")
    print(f"deck: {len(result.deck.cards)} cards, {len(result.dropped)} candidates dropped")
    median, worst = statistics.median(timings) * 1000, max(timings) * 1000
    print(f"generate_deck: median {median:.0f} ms, worst {worst:.0f} ms ({RUNS} runs)")


if __name__ == "__main__":
    main()
