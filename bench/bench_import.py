"""How long importing a 10,000-question GIFT file takes, and exporting it back.

Builds a GIFT bank of 10,000 questions in the mix a Moodle course exports:
multiple choice with feedback, multiple answer with negative weights, short
answer with weighted alternatives, numeric with tolerances and ranges,
true/false, matching, missing word, essays, HTML question text, categories
and titles. Times, each the median of several runs, as wall-clock and as the
process's CPU time (unaffected by other work on the machine):

- `import_text`: GIFT text → Deck (what the target is about);
- the whole `quiz import` before writing: read the file, import, write the
  deck's TOML with `dump_deck` and check it with `loads_deck` (`drop_invalid`);
- `export_deck(deck, "gift")` of the imported deck.

Run: `python bench/bench_import.py [--questions N] [--runs N]`. Target:
importing 10,000 questions takes under 2 s. Figures go into the "Import and
export" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import gc
import platform
import statistics
import tempfile
import time
from pathlib import Path

from quiz.interchange import export_deck, import_file, import_text
from quiz.interchange.validate import drop_invalid

TEMPLATES = [
    "::Capital {n}::Which city is the capital of country {n}?{{\n\t=City {n}#Right.\n\t~Town {n}#No, that is a town."
    "\n\t~Village {n}\n\t####Capitals hold the government.\n}}",
    "Which of these are members of group {n}?{{\n\t~%50%Alpha {n}\n\t~%50%Beta {n}"
    "\n\t~%-100%Gamma {n}#Not a member.\n}}",
    "::Premier {n}::Who was premier in year {n}?{{\n\t=Person {n}#Correct.\n\t=%50%P. {n}#Full name, please."
    "\n\t=%0%Someone {n}#That was the year before.\n}}",
    "How many entities were listed in report {n}?{{#\n\t={n}.5:0.5#Exact.\n\t=%50%{n}:2#Close.\n}}",
    "Within what range did index {n} move?{{#{n}..{m}}}",
    "Statement {n} is true.{{TRUE#It is true.#Yes.}}",
    "Match the items of set {n}.{{\n\t=Left {n} -> Right {n}\n\t=Up {n} -> Down {n}\n\t= -> Sideways {n}\n}}",
    "Putin met {{=Official {n} =Mr {n}}} in city {n}.",
    "[html]<p>What does <b>term {n}</b> mean?</p>{{=meaning {n}}}",
    "Explain idea {n} in a paragraph.{{####A good answer mentions point {n}.}}",
]


def build_bank(questions: int) -> str:
    """A GIFT file of `questions` questions, a new category every 100."""
    parts = []
    for n in range(questions):
        if n % 100 == 0:
            parts.append(f"$CATEGORY: $course$/top/Unit {n // 100}")
        parts.append(f"// [tag:unit-{n // 100}]\n" + TEMPLATES[n % len(TEMPLATES)].format(n=n, m=n + 10))
    return "\n\n".join(parts) + "\n"


def timed(function, runs: int) -> tuple[float, float]:  # noqa: ANN001
    """Median wall-clock time and median CPU time of the process, in seconds.

    The CPU time is the figure to compare with the target on a shared machine:
    it leaves out the time the process waited for a core.
    """
    walls, cpus = [], []
    for _ in range(runs):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = build_bank(args.questions)
    print(f"Python {platform.python_version()} on {platform.machine()}, {args.runs} runs each")
    print(f"GIFT bank: {args.questions:,} questions, {len(text.encode()) / 1e6:.1f} MB")
    result = import_text(text, name="bank.gift", format="gift")
    print(f"imported {len(result.deck.cards):,} cards; {result.report.summary()}")

    median, worst = timed(lambda: import_text(text, name="bank.gift", format="gift"), args.runs)
    print(f"import_text (GIFT → Deck):            wall {median * 1000:6.0f} ms   CPU {worst * 1000:6.0f} ms")

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "bank.gift"
        source.write_text(text, encoding="utf-8")

        def whole_import() -> None:
            drop_invalid(import_file(source))

        median, worst = timed(whole_import, args.runs)
        print(f"file → Deck → TOML → validated deck:  wall {median * 1000:6.0f} ms   CPU {worst * 1000:6.0f} ms")

    median, worst = timed(lambda: export_deck(result.deck, "gift"), args.runs)
    print(f"export_deck(deck, 'gift'):            wall {median * 1000:6.0f} ms   CPU {worst * 1000:6.0f} ms")
    for fmt in ("anki", "csv"):
        median, worst = timed(lambda fmt=fmt: export_deck(result.deck, fmt), args.runs)
        label = f"export_deck(deck, {fmt!r}):".ljust(38)
        print(f"{label}wall {median * 1000:6.0f} ms   CPU {worst * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
