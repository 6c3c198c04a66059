"""The last check of an import: every card must pass the deck loader's own rules.

Importers already follow those rules for what their formats commonly hold;
this pass catches the rest (a field over the length limit, a choice list the
loader thinks repeats itself) by writing the deck as TOML and loading it
back, exactly as `quiz` will. A card the loader refuses is dropped and
reported as skipped at its source line with the loader's reason, so one odd
question never makes a whole import fail.
"""

from __future__ import annotations

import dataclasses
import re

from quiz.errors import DeckError, QuizError
from quiz.interchange.report import Entry, ImportResult, Outcome
from quiz.loader import dump_deck, loads_deck

_CARD_FIELD = re.compile(r"cards\[(\d+)\]")


def drop_invalid(result: ImportResult) -> tuple[ImportResult, str]:
    """`result` without the cards the deck loader refuses (each reported as skipped), and the deck's TOML.

    Raises:
        QuizError: the deck itself (not one of its cards) is refused, e.g. an invalid `--id`.
    """
    deck, report = result.deck, result.report
    text = dump_deck(deck)
    try:
        loads_deck(text, name=f"{deck.id}.toml")
        return result, text
    except DeckError as error:
        problems = error.problems
    bad: dict[int, list[str]] = {}
    for problem in problems:
        found = _CARD_FIELD.match(problem.field or "")
        if found is None:
            raise QuizError(f"the imported deck is not valid: {problem}")
        rest = (problem.field or "")[found.end() :].split(".", 1)
        where = f"{rest[1]}: " if len(rest) > 1 else ""
        bad.setdefault(int(found.group(1)), []).append(where + problem.message)
    dropped = {deck.cards[index].id: reasons for index, reasons in bad.items()}
    entries = []
    for entry in report.entries:
        if entry.card_id in dropped:
            reasons = "; ".join(dropped[entry.card_id])
            entries.append(
                Entry(entry.line, Outcome.SKIPPED, f"{entry.card_id!r} refused by the deck rules: {reasons}")
            )
        else:
            entries.append(entry)
    report.entries = entries
    kept = tuple(card for card in deck.cards if card.id not in dropped)
    if not kept:
        raise DeckError([*problems][:1]) from None
    kept_deck = dataclasses.replace(deck, cards=kept)
    return ImportResult(kept_deck, report), dump_deck(kept_deck)
