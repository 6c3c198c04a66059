"""Plain CSV with a header row: one card per row, both directions.

The header names the columns (any order, any case): `question` (or `front`,
`term`, `prompt`) and `answer` (or `back`, `definition`) are required;
`id`, `type`, `title`, `accept`, `choices`, `tolerance`, `unit`, `text`,
`explanation`, `hint`, `tags` and `source` are optional. Lists in a cell are
separated by `|` (write `\\|` for a literal bar). Without a `type` column a
row is a flashcard, or a choice card when it has `choices`, or a short-answer
card when it has `accept`. The exporter writes every column, so a deck
exported to CSV imports back with its types and answers (not its per-answer
feedback or weights, which a spreadsheet row has no room for).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

from quiz.interchange.draft import Draft, clean, clean_tag
from quiz.loader.syntax import SyntaxProblem, format_date_answer, parse_cloze, parse_date_answer
from quiz.model import (
    Answer,
    AnyCard,
    CardType,
    Choice,
    ChoiceCard,
    ClozeCard,
    DateCard,
    Deck,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericBound,
    NumericCard,
    OrderCard,
    ShortCard,
    TrueFalseCard,
)

COLUMNS = (
    "id",
    "type",
    "title",
    "question",
    "answer",
    "accept",
    "choices",
    "tolerance",
    "unit",
    "text",
    "explanation",
    "hint",
    "tags",
    "source",
)
"""The columns the exporter writes, in order."""
_SYNONYMS = {"front": "question", "term": "question", "prompt": "question", "back": "answer", "definition": "answer"}
_SYNONYMS |= {"feedback": "explanation", "tag": "tags"}
_BAR = re.compile(r"(?<!\\)\|")


def _column(name: str) -> str:
    key = name.strip().lstrip("\ufeff").lower()
    return _SYNONYMS.get(key, key)


def has_known_header(line: str) -> bool:
    """Whether a first line names at least a question and an answer column."""
    for delimiter in (",", ";", "\t"):
        names = {_column(cell) for cell in next(csv.reader([line], delimiter=delimiter), [])}
        if {"question", "answer"} <= names:
            return True
    return False


def split_list(cell: str) -> list[str]:
    """`a | b \\| c` → ["a", "b | c"]."""
    return [part.replace("\\|", "|").strip() for part in _BAR.split(cell) if part.strip()]


def join_list(items: list[str] | tuple[str, ...]) -> str:
    """The inverse of split_list."""
    return " | ".join(item.replace("|", "\\|") for item in items)


class _RowError(Exception):
    pass


def read_csv(text: str, draft: Draft, *, delimiter: str = "") -> None:
    """Add one card per data row of a CSV file with a header."""
    first = text.split("\n", 1)[0]
    if not delimiter:
        delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [_column(name) for name in next(reader, [])]
    except csv.Error as error:
        draft.report.skipped(1, f"unreadable header ({error})")
        return
    if "question" not in header or "answer" not in header:
        draft.report.skipped(1, "the header must name a question (or front/term) and an answer (or back) column")
        return
    unknown = [name for name in header if name not in COLUMNS and name]
    if unknown:
        draft.report.note(1, f"unknown column(s) ignored: {', '.join(unknown)}")
    for start, row in rows_with_lines(reader, draft):
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: clean(row[i]) if i < len(row) else "" for i, name in enumerate(header)}
        try:
            card = _card(cells, draft)
        except _RowError as reason:
            draft.report.skipped(start, str(reason))
            continue
        draft.add(card, start)


def rows_with_lines(reader: Any, draft: Draft, offset: int = 0) -> Iterator[tuple[int, list[str]]]:
    """Each row of a csv reader with the file line it starts on (`offset` lines come before the reader's text).

    A malformed rest of the file (an over-long field, a stray quote) is reported, not raised.
    """
    previous = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            draft.report.skipped(offset + previous + 1, f"the rest of the file is unreadable ({error})")
            return
        start, previous = offset + previous + 1, reader.line_num
        yield start, row


def _card(cells: dict[str, str], draft: Draft) -> AnyCard:
    question, answer = cells.get("question", ""), cells.get("answer", "")
    kind = cells.get("type", "").lower() or (
        "choice" if cells.get("choices") else "short" if cells.get("accept") else "flashcard"
    )
    title = cells.get("title", "")
    common = {
        "id": draft.ids.make(explicit=cells.get("id", ""), title=title, text=question or cells.get("text", "")),
        "question": question,
        "title": title,
        "explanation": cells.get("explanation", ""),
        "hint": cells.get("hint", ""),
        "source": cells.get("source", ""),
        "tags": tuple(dict.fromkeys(clean_tag(t) for t in split_list(cells.get("tags", "")))),
    }
    if kind != "cloze" and not question:
        raise _RowError("the question is empty")
    if kind not in ("cloze", "match") and not answer:
        raise _RowError("the answer is empty")
    if kind in ("flashcard", "basic"):
        return FlashCard(back=answer, **common)
    if kind == "short":
        answers = [Answer(answer)] + [Answer(alt) for alt in split_list(cells.get("accept", ""))]
        return ShortCard(answers=tuple(answers), **common)
    if kind in ("choice", "multi"):
        right = set(split_list(answer))
        options = split_list(cells.get("choices", ""))
        if not right <= set(options):
            raise _RowError(f"the answer {answer!r} is not among the choices")
        if kind == "choice":
            return ChoiceCard(choices=tuple(Choice(o, 1.0 if o in right else 0.0) for o in options), **common)
        share = 1 / len(right)
        return MultiCard(choices=tuple(Choice(o, share if o in right else -share) for o in options), **common)
    if kind == "true_false":
        if answer.lower() not in ("true", "false"):
            raise _RowError(f"a true/false answer must be true or false, not {answer!r}")
        return TrueFalseCard(answer=answer.lower() == "true", **common)
    if kind == "numeric":
        value = _numeric(answer, cells.get("tolerance", ""))
        return NumericCard(answers=(value,), unit=cells.get("unit", ""), **common)
    if kind == "date":
        try:
            return DateCard(answer=parse_date_answer(answer), **common)
        except SyntaxProblem as problem:
            raise _RowError(str(problem)) from None
    if kind == "cloze":
        text = cells.get("text", "") or question
        try:
            gaps = parse_cloze(text)
        except SyntaxProblem as problem:
            raise _RowError(str(problem)) from None
        if not gaps:
            raise _RowError("the cloze text has no {{gap}}")
        common["question"] = question if cells.get("text") else ""
        return ClozeCard(text=text, gaps=gaps, **common)
    if kind == "order":
        return OrderCard(items=tuple(split_list(answer)), **common)
    if kind == "match":
        pairs = [tuple(p.strip() for p in item.split("->", 1)) for item in split_list(answer)]
        if any(len(pair) != 2 for pair in pairs) or len(pairs) < 2:
            raise _RowError("a match answer lists at least two pairs as `left -> right | left -> right`")
        return MatchCard(pairs=tuple(pairs), distractors=tuple(split_list(cells.get("choices", ""))), **common)  # type: ignore[arg-type]
    known = ", ".join(str(card_type) for card_type in CardType)
    raise _RowError(f"unknown type {kind!r} (expected: {known})")


def _numeric(answer: str, tolerance: str) -> NumericAnswer:
    try:
        if ".." in answer:
            low, _, high = answer.partition("..")
            return NumericAnswer(low=float(low) if low.strip() else None, high=float(high) if high.strip() else None)
        return NumericAnswer(value=float(answer), tolerance=abs(float(tolerance)) if tolerance else 0.0)
    except ValueError:
        raise _RowError(f"not a number: {answer!r}") from None


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() and abs(value) < 2**53 else repr(float(value))


def write_csv(deck: Deck) -> tuple[str, list[str]]:
    """The deck as CSV with a header row; warnings name what a row cannot hold."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    warnings: list[str] = []
    for card in deck.cards:
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            id=card.id,
            type=str(card.type),
            title=card.title,
            question=card.question,
            explanation=card.explanation,
            hint=card.hint,
            tags=join_list(card.tags),
            source=card.source,
        )
        lost = [what for what in (_fill(card, row), *_unkept(card)) if what]
        if lost:
            warnings.append(f"{card.id}: CSV keeps no {', '.join(lost)}")
        writer.writerow([row[name] for name in COLUMNS])
    return out.getvalue(), warnings


def _fill(card: AnyCard, row: dict[str, str]) -> str:
    """Put the card's answer into the row; returns what could not be kept ("" if nothing)."""
    match card:
        case FlashCard():
            row["answer"] = card.back
            return "reverse side" if card.reverse else ""
        case ShortCard():
            row["answer"] = card.answers[0].text
            row["accept"] = join_list([a.text for a in card.answers[1:] if a.weight == 1 and not a.feedback])
            partial = any(a.weight != 1 or a.feedback for a in card.answers)
            return "partial-credit answers or answer feedback" if partial else ""
        case ChoiceCard() | MultiCard():
            row["choices"] = join_list([c.text for c in card.choices])
            row["answer"] = join_list([c.text for c in _right_choices(card)])
            feedback = any(c.feedback for c in card.choices)
            return "choice feedback or weights" if feedback or _custom_weights(card) else ""
        case TrueFalseCard():
            row["answer"] = "true" if card.answer else "false"
            return "feedback" if card.feedback_correct or card.feedback_wrong else ""
        case NumericCard():
            first = card.answers[0]
            if first.value is not None:
                row["answer"], row["tolerance"] = _number(first.value), _number(first.tolerance)
            else:
                row["answer"] = f"{_number(first.low)}..{_number(first.high)}"
            row["unit"] = card.unit
            return "further numeric answers or their feedback" if len(card.answers) > 1 or first.feedback else ""
        case DateCard():
            row["answer"] = format_date_answer(card.answer)
        case ClozeCard():
            row["text"] = card.text
        case OrderCard():
            row["answer"] = join_list(card.items)
        case MatchCard():
            row["answer"] = join_list([f"{left} -> {right}" for left, right in card.pairs])
            row["choices"] = join_list(card.distractors)
    return ""


def _unkept(card: AnyCard) -> list[str]:
    """The card's settings that have no column, when they differ from the defaults."""
    lost = []
    if card.previous_ids:
        lost.append("previous ids")
    if isinstance(card, ShortCard):
        switches = [
            key
            for key, default in (("case_sensitive", False), ("exact", False), ("typos", True), ("any_order", False))
            if getattr(card, key) != default
        ]
        if switches:
            lost.append(" or ".join(switches) + " setting")
    if isinstance(card, ChoiceCard | MultiCard) and not card.shuffle:
        lost.append("shuffle = false")
    if isinstance(card, NumericCard) and card.bound is not NumericBound.EXACT:
        lost.append(f'bound = "{card.bound.value}"')
    return lost


def _right_choices(card: ChoiceCard | MultiCard) -> list[Choice]:
    """The choices the `answer` column names.

    Every choice with credit, for a multi card. For a choice card only the best
    ones: the column has no room for weights, and a half-credit choice listed
    there would come back as a second fully right answer.
    """
    if isinstance(card, MultiCard):
        return [c for c in card.choices if c.correct]
    best = max(c.weight for c in card.choices)
    return [c for c in card.choices if c.correct and c.weight == best]


def _custom_weights(card: ChoiceCard | MultiCard) -> bool:
    right = [c for c in card.choices if c.correct]
    if isinstance(card, ChoiceCard):
        return any(c.weight not in (0, 1) for c in card.choices)
    share = 1 / len(right) if right else 0
    return any(abs(c.weight - (share if c.correct else -share)) > 1e-9 for c in card.choices)
