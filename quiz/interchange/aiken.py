"""Aiken (Moodle's simplest format): a question, lettered options, and an `ANSWER:` line.

    What is the capital of France?
    A. Lyon
    B) Paris
    ANSWER: B

Each question becomes a choice card. The question may run over several
lines; blank lines between questions are optional. A question without a
usable `ANSWER:` line is skipped and reported with its line.
"""

from __future__ import annotations

import re

from quiz.interchange.draft import Draft, clean
from quiz.interchange.source import split_lines
from quiz.model import Choice, ChoiceCard

_OPTION = re.compile(r"([A-Z])\s*[.)]\s+(.*\S)")
_LOWER_OPTION = re.compile(r"[a-z]\s*[.)]\s+\S")
_ANSWER = re.compile(r"ANSWER\s*:\s*(\S*)\s*\Z", re.IGNORECASE)


class _Question:
    def __init__(self, line: int) -> None:
        self.line = line
        self.text: list[str] = []
        self.options: list[tuple[str, str]] = []


def read_aiken(text: str, draft: Draft) -> None:
    """Add one choice card per Aiken question."""
    current: _Question | None = None
    for number, raw in enumerate(split_lines(text), start=1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer and current is not None:
            _finish(current, answer.group(1).upper(), draft)
            current = None
        elif answer:
            draft.report.skipped(number, "an ANSWER: line with no question before it")
        elif option and current is not None and current.text:
            current.options.append((option.group(1), option.group(2)))
        else:
            if current is not None and current.options:
                draft.report.skipped(current.line, "the question has no ANSWER: line")
                current = None
            if current is None:
                current = _Question(number)
            current.text.append(line)
    if current is not None:
        draft.report.skipped(current.line, "the question has no ANSWER: line")


def _finish(question: _Question, letter: str, draft: Draft) -> None:
    letters = [mark for mark, _ in question.options]
    if len(question.options) < 2:
        message = "a question needs at least two options (A. …, B. …)"
        if any(_LOWER_OPTION.match(line) for line in question.text):
            message += "; option letters must be capitals, as Moodle reads them"
        draft.report.skipped(question.line, message)
        return
    if letters != [chr(ord("A") + i) for i in range(len(letters))]:
        draft.report.skipped(
            question.line, f"the options must be lettered A, B, C… in order (found {''.join(letters)})"
        )
        return
    if letter not in letters:
        draft.report.skipped(
            question.line, f"ANSWER: {letter or '(nothing)'} is not one of the options (A to {letters[-1]})"
        )
        return
    texts = [clean(text) for _, text in question.options]
    seen: set[str] = set()
    for text in texts:
        folded = " ".join(text.split()).casefold()
        if folded in seen:
            draft.report.skipped(question.line, f'two options have the same text "{text}"')
            return
        seen.add(folded)
    wording = clean("\n".join(question.text))
    marks = [mark for mark, _ in question.options]
    choices = tuple(Choice(text, 1.0 if mark == letter else 0.0) for mark, text in zip(marks, texts, strict=True))
    card = ChoiceCard(id=draft.ids.make(text=wording), question=wording, choices=choices)
    draft.add(card, question.line)
