"""`check_deck`: every problem of a deck file, errors and warnings, for `quiz check`.

It runs the same validation as `load_deck` and adds what needs the file
system or several files at once: the article a deck names must be a regular
file inside the deck's folder, every card's `source` quote must occur in
that article, and no two decks may share an id.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from quiz.errors import DeckError, Problem, Severity
from quiz.loader.deck_files import read_deck_file
from quiz.loader.load import display_name, parse_and_validate
from quiz.loader.report import Report, card_label
from quiz.loader.toml_deck import ParseFailure, read_deck_bytes
from quiz.model import Deck


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What `check_deck` found in one file."""

    path: Path
    name: str
    """The file as messages name it."""
    deck: Deck | None
    """The deck, when it has no errors."""
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return self.deck is not None and not self.errors

    def counts(self) -> dict[str, int]:
        """Cards per question type, most used first."""
        if self.deck is None:
            return {}
        counted = Counter(str(card.type) for card in self.deck.cards)
        return dict(sorted(counted.items(), key=lambda item: (-item[1], item[0])))

    def summary(self) -> str:
        """`deck.toml: 34 cards (5 choice, 4 numeric, …)`."""
        if self.deck is None:
            return f"{self.name}: {len(self.errors)} error(s)"
        total = len(self.deck.cards)
        kinds = ", ".join(f"{count} {kind}" for kind, count in self.counts().items())
        return f"{self.name}: {total} card{'s' if total != 1 else ''} ({kinds})"


_NOT_A_DECK = (
    "is not a deck file (a deck is TOML, named *.toml); make one from it with "
    '"quiz import" (GIFT, Aiken, Anki, Quizlet, CSV) or "quiz generate" (an article)'
)


def check_deck(path: str | Path, *, strict: bool = False) -> CheckResult:
    """Validate one deck file and collect every problem, errors and warnings.

    Args:
        path: The deck file.
        strict: Report unknown keys as errors instead of warnings.
    """
    path = Path(path)
    name = display_name(path)
    try:
        data = read_deck_bytes(path, name)
    except ParseFailure as failure:
        return CheckResult(path, name, None, (failure.problem,))
    deck, report = parse_and_validate(data, name, strict=strict)
    if deck is not None and deck.source is not None and deck.source.article:
        _check_quotes(path, deck, report)
    if report.errors:
        deck = None
    # Top to bottom, as a teacher works through the file; problems of the file as a whole
    # (no line) first. The sort is stable, so problems on one line keep their order.
    problems = sorted(report.problems, key=lambda problem: problem.line or 0)
    if path.suffix.lower() != ".toml" and any(problem.column is not None for problem in problems):
        # A GIFT bank or an article given to `check` by mistake: its TOML syntax errors alone
        # would leave the teacher editing the wrong file into TOML.
        problems.insert(0, Problem(name, None, None, _NOT_A_DECK))
    return CheckResult(path, name, None if deck is None else replace(deck, path=path), tuple(problems))


def check_decks(paths: list[str | Path], *, strict: bool = False) -> list[CheckResult]:
    """Check files and folders (recursing into `*.toml`), and that deck ids are unique across them."""
    results = []
    for path in expand_paths(paths):
        if isinstance(path, Problem):
            results.append(CheckResult(Path(path.path), path.path, None, (path,)))
        else:
            results.append(check_deck(path, strict=strict))
    first_by_id: dict[str, CheckResult] = {}
    for position, result in enumerate(results):
        if result.deck is None:
            continue
        other = first_by_id.setdefault(result.deck.id, result)
        if other is not result:
            problem = Problem(
                result.name,
                _deck_id_line(result),
                "deck.id",
                f'deck id "{result.deck.id}" is also used by {other.name}; each deck needs its own id',
            )
            results[position] = CheckResult(result.path, result.name, None, (*result.problems, problem))
    return results


def expand_paths(paths: list[str | Path]) -> list[Path | Problem]:
    """Files as given; folders become their `*.toml` files, recursively, in sorted order."""
    found: list[Path | Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and path.suffix != ".toml":
            found.extend(sorted(p for p in path.rglob("*.toml") if not _hidden(p, path)))
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            found.append(Problem(display_name(path), None, None, "no such file or folder"))
    return found


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _deck_id_line(result: CheckResult) -> int | None:
    try:
        text = result.path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None
    return Report(result.name, text).key_line("deck", "id")


# --- source quotes ----------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def normalise_quote(text: str) -> str:
    """Whitespace folded and typographic quotes made straight, for comparing quotes with the article."""
    return " ".join(text.translate(_QUOTES).split())


def quote_fragments(quote: str) -> list[str]:
    """The parts of a quote that must occur in the article: "…" marks text left out."""
    return [part for part in (normalise_quote(p) for p in _ELLIPSIS.split(quote)) if part]


def _check_quotes(path: Path, deck: Deck, report: Report) -> None:
    """Every card's `source` must occur in the deck's article (an error names the card's line)."""
    assert deck.source is not None
    article_field = "deck.source.article"
    try:
        raw = read_deck_file(path, deck.source.article, field=article_field)
    except DeckError as error:
        for problem in error.problems:
            report.add(report.key_line("deck.source", "article"), article_field, problem.message)
        return
    article = normalise_quote(raw.decode("utf-8", "replace"))
    count = len(deck.cards)
    for index, card in enumerate(deck.cards):
        if not card.source:
            continue
        missing = [part for part in quote_fragments(card.source) if part not in article]
        if missing:
            shown = missing[0] if len(missing[0]) <= 60 else missing[0][:57] + "..."
            report.add(
                report.key_line(index, "source", count),
                card_label(index, card.id) + ".source",
                f'quote not found in {deck.source.article}: "{shown}"',
            )
