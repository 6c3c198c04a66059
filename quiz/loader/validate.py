"""A parsed TOML document → `Deck`: the `[deck]` table, its source and options, and every card.

All problems go into the `Report`; the caller decides whether to raise
(`load_deck`) or to list them (`check_deck`). Validation is one pass over
the data with no I/O, kept lean because it runs on every changed deck.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from quiz.loader.cards import ALLOWED_KEYS, READERS, key_hints
from quiz.loader.fields import ID_PATTERN, Scope, id_message, number_problem, type_name
from quiz.loader.report import Report, card_label
from quiz.loader.syntax import SyntaxProblem, parse_step
from quiz.model import FORMAT_VERSION, AnyCard, Deck, DeckSource, StudyOptions

DECK_KEYS = frozenset({"id", "title", "description", "language", "tags", "format", "source", "options"})
SOURCE_KEYS = frozenset({"title", "url", "publisher", "published", "article"})
OPTION_KEYS = frozenset(
    {
        "desired_retention",
        "learning_steps",
        "relearning_steps",
        "new_per_day",
        "max_reviews_per_day",
        "day_starts_at",
        "leech_threshold",
    }
)
TOP_KEYS = frozenset({"deck", "cards"})
TYPES_LIST = ", ".join(READERS)


def build_deck(doc: dict[str, Any], report: Report) -> Deck | None:
    """Validate a whole document; None when there was any error."""
    top = Scope(report, "", doc, "")
    for key in [key for key in doc if key not in TOP_KEYS]:
        line = report.key_line("", key)
        value = doc[key]
        holds_cards = type(value) is list and any(type(item) is dict for item in value)
        if holds_cards and key.strip().lower().rstrip("s") in ("card", "question", "flashcard"):
            # A misspelt [[cards]] header: its cards would silently never be studied.
            report.add(line, key, f"unknown table [[{key}]]: did you mean [[cards]]? The cards under it are not read")
        else:
            report.unknown(line, key, "unknown top-level key (a deck has [deck] and [[cards]])")
    fields = _read_deck_table(doc.get("deck"), report)
    cards = _read_cards(doc.get("cards"), report)
    if report.errors or fields is None or cards is None or not top.ok:
        return None
    return Deck(cards=cards, **fields)


# --- [deck] ----------------------------------------------------------------------


def _read_deck_table(table: object, report: Report) -> dict[str, Any] | None:
    if table is None:
        report.add(None, "deck", 'missing [deck] table (with at least id = "…" and title = "…")')
        return None
    if type(table) is not dict:
        report.add(report.key_line("", "deck"), "deck", f"must be a [deck] table, got {type_name(table)}")
        return None
    scope = Scope(report, "deck", table, "deck")
    scope.check_keys(DECK_KEYS)
    deck_id = scope.id()
    title = scope.text("title")
    description = scope.text("description", required=False)
    language = scope.text("language", required=False, default="en") or "en"
    tags = scope.text_list("tags")
    version = table.get("format", FORMAT_VERSION)
    if type(version) is not int:
        scope.error("format", f"expected a whole number, got {type_name(version)}")
    elif version > FORMAT_VERSION:
        scope.error(
            "format", f"this deck needs a newer quiz app (format {version}; this app reads format {FORMAT_VERSION})"
        )
    elif version < 1:
        scope.error("format", "must be 1 or more")
    source = _read_source(table.get("source"), report)
    options = _read_options(table.get("options"), report)
    if not scope.ok or source is False or options is None:
        return None
    return {
        "id": deck_id,
        "title": title,
        "description": description,
        "language": language,
        "tags": tags,
        "format": version,
        "source": source,
        "options": options,
    }


def _read_source(table: object, report: Report) -> DeckSource | None | bool:
    """The `[deck.source]` table; None when absent, False after an error."""
    if table is None:
        return None
    if type(table) is not dict:
        report.add(report.key_line("deck", "source"), "deck.source", f"must be a table, got {type_name(table)}")
        return False
    scope = Scope(report, "deck.source", table, "deck.source")
    scope.check_keys(SOURCE_KEYS)
    title = scope.text("title", required=False)
    url = scope.text("url", required=False)
    if url and not url.lower().startswith(("https://", "http://")):
        scope.error("url", "must start with https:// or http://")
    publisher = scope.text("publisher", required=False)
    published = table.get("published")
    if published is not None:
        if type(published) is str:
            try:
                published = date.fromisoformat(published.strip())
            except ValueError:
                scope.error("published", f'"{published}" is not a date; write it as 2024-05-14')
                published = None
        elif type(published) is not date:
            scope.error("published", f"expected a date such as 2024-05-14, got {type_name(published)}")
            published = None
    article = scope.text("article", required=False)
    if article:
        problem = reference_problem(article)
        if problem:
            scope.error("article", problem)
    if not scope.ok:
        return False
    return DeckSource(title=title, url=url, publisher=publisher, published=published, article=article)


def reference_problem(reference: str) -> str | None:
    """Why a file reference in a deck is refused before the file system is touched.

    The file itself (symlinks, FIFOs, existence) is checked by
    `quiz.loader.deck_files.resolve_deck_file` when it is opened.
    """
    if "\x00" in reference or "\ufffd" in reference:
        return "path contains a NUL or control character"
    windows = PureWindowsPath(reference)
    if PurePosixPath(reference).is_absolute() or windows.drive or windows.root:
        return "path leaves the deck folder (absolute paths are not allowed; write it relative to the deck)"
    if ".." in PurePosixPath(reference.replace("\\", "/")).parts:
        return 'path leaves the deck folder (".." is not allowed)'
    return None


def _read_options(table: object, report: Report) -> StudyOptions | None:
    if table is None:
        return StudyOptions()
    if type(table) is not dict:
        report.add(report.key_line("deck", "options"), "deck.options", f"must be a table, got {type_name(table)}")
        return None
    scope = Scope(report, "deck.options", table, "deck.options")
    scope.check_keys(OPTION_KEYS)
    defaults = StudyOptions()
    retention = table.get("desired_retention", defaults.desired_retention)
    problem = number_problem(retention)
    if problem:
        scope.error("desired_retention", problem)
    elif not 0 < retention < 1:
        scope.error("desired_retention", "must be between 0 and 1, e.g. 0.9 (90% recall)")
    learning = _steps(scope, "learning_steps", defaults.learning_steps)
    relearning = _steps(scope, "relearning_steps", defaults.relearning_steps)
    new_per_day = scope.integer("new_per_day", defaults.new_per_day, 0, 100_000)
    max_reviews = scope.integer("max_reviews_per_day", defaults.max_reviews_per_day, 0, 100_000)
    day_starts_at = scope.integer("day_starts_at", defaults.day_starts_at, 0, 23)
    leech = scope.integer("leech_threshold", defaults.leech_threshold, 0, 1000)
    if not scope.ok:
        return None
    return StudyOptions(
        desired_retention=float(retention),
        learning_steps=learning,
        relearning_steps=relearning,
        new_per_day=new_per_day,
        max_reviews_per_day=max_reviews,
        day_starts_at=day_starts_at,
        leech_threshold=leech,
    )


def _steps(scope: Scope, key: str, default: tuple[int, ...]) -> tuple[int, ...]:
    value = scope.table.get(key)
    if value is None:
        return default
    if type(value) is not list:
        scope.error(key, f'expected a list of steps like ["1m", "10m"], got {type_name(value)}')
        return default
    steps = []
    for position, item in enumerate(value):
        if type(item) is not str:
            scope.error(key, f'expected a step such as "10m", got {type_name(item)}', f"[{position}]")
            continue
        try:
            steps.append(parse_step(item))
        except SyntaxProblem as problem:
            scope.error(key, str(problem), f"[{position}]")
    return tuple(steps)


# --- [[cards]] -----------------------------------------------------------------------


def _read_cards(value: object, report: Report) -> tuple[AnyCard, ...] | None:
    if value is None:
        report.add(None, "cards", "no cards; add at least one [[cards]] section")
        return None
    if type(value) is not list or not all(type(item) is dict for item in value):
        report.add(report.key_line("", "cards"), "cards", "must be a list of [[cards]] tables")
        return None
    if not value:
        report.add(report.key_line("", "cards"), "cards", "no cards; add at least one [[cards]] section")
        return None
    count = len(value)
    cards: list[AnyCard] = []
    first_seen: dict[str, int] = {}
    for index, table in enumerate(value):
        card = read_card(report, index, table, count)
        if card is not None:
            cards.append(card)
        card_id = table.get("id")
        if type(card_id) is not str or not ID_PATTERN.match(card_id):
            continue
        if card_id in first_seen:
            other = first_seen[card_id]
            # Point at the `id = …` lines themselves, where the teacher has to edit.
            line = report.key_line(index, "id", count)
            other_line = report.key_line(other, "id", count)
            where = f" (also at line {other_line}, cards[{other}])" if other_line else f" (also cards[{other}])"
            report.add(line, card_label(index, card_id) + ".id", f'duplicate card id "{card_id}"{where}')
        else:
            first_seen[card_id] = index
    _check_previous_ids(report, value, first_seen, count)
    return None if report.errors else tuple(cards)


def _check_previous_ids(report: Report, tables: list[dict[str, Any]], ids: dict[str, int], count: int) -> None:
    """Warn about `previous_ids` that cannot carry a history over.

    Progress moves from an old id only when no card has that id any more, and
    only to the first card that claims it; otherwise the line does nothing.
    """
    claimed: dict[str, int] = {}
    for index, table in enumerate(tables):
        previous = table.get("previous_ids")
        if type(previous) is not list:
            continue
        label = card_label(index, table.get("id")) + ".previous_ids"  # type: ignore[arg-type]
        line = report.key_line(index, "previous_ids", count)
        for old in previous:
            if type(old) is not str or old == table.get("id"):
                continue
            if old in ids:
                other = ids[old]
                message = f'"{old}" is the id of another card (cards[{other}]), so no history is carried over from it'
                report.add(line, label, message, warning=True)
            elif old in claimed:
                message = f'"{old}" is also claimed by cards[{claimed[old]}], which takes its history'
                report.add(line, label, message, warning=True)
            else:
                claimed[old] = index


def read_card(report: Report, index: int, table: dict[str, Any], count: int) -> AnyCard | None:
    """One `[[cards]]` table (number `index` of `count`) → a card, or None after reporting."""
    scope = Scope(report, None, table, index, count)
    card_id = scope.id()
    kind = table.get("type")
    reader = READERS.get(kind) if type(kind) is str else None
    if reader is None:
        if kind is None:
            scope.error(None, f'missing "type" (one of: {TYPES_LIST})')
        elif type(kind) is not str:
            scope.error("type", f"expected text, got {type_name(kind)}")
        else:
            scope.error("type", f'unknown "{kind}" (expected: {TYPES_LIST})')
        return None
    allowed = ALLOWED_KEYS[kind]
    if not table.keys() <= allowed:
        scope.check_keys(allowed, key_hints(kind))
    common: dict[str, Any] = {"id": card_id, "line": report.card_line(index, count)}
    if kind != "flashcard":
        common["question"] = scope.text("question", required=kind != "cloze")
    # The optional common keys are rare enough that testing for them is cheaper than reading them.
    if "tags" in table:
        common["tags"] = scope.text_list("tags")
    for key in ("hint", "explanation", "source", "title"):
        if key in table:
            common[key] = scope.text(key, required=False)
    if "previous_ids" in table:
        previous = scope.id_list("previous_ids")
        if card_id in previous:
            scope.error("previous_ids", "lists the card's own id")
        common["previous_ids"] = previous
    card = reader(scope, common)
    return card if scope.ok else None


def check_id(value: str) -> str | None:
    """Why `value` is not a valid id, or None."""
    return None if ID_PATTERN.match(value) else id_message(value)
