"""Deck → Anki's "Notes in Plain Text", which Anki imports with no questions asked.

The headers tell Anki everything (`#separator:tab`, `#html:false`,
`#guid column:`, `#notetype column:`, `#deck:`, `#tags column:`), and every
row uses one of the note types every Anki collection has: "Basic",
"Basic (and reversed card)", "Basic (type in the answer)" and "Cloze". Anki
grades nothing itself, so choice, true/false, numeric, date, order and match
cards become Basic notes that show the options on the front and the answer
on the back (a warning says so). The GUID is `quiz:<deck id>:<card id>`:
exporting again updates the same notes in Anki, and importing the file here
gives the cards their ids back.
"""

from __future__ import annotations

import csv
import io
import re

from quiz.interchange.anki_text import GUID_PREFIX
from quiz.interchange.wording import date_spellings
from quiz.loader.syntax import format_date_answer
from quiz.model import (
    AnyCard,
    ChoiceCard,
    ClozeCard,
    ClozeGap,
    DateCard,
    Deck,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericCard,
    OrderCard,
    ShortCard,
    TrueFalseCard,
)

HEADERS = ("#separator:tab", "#html:false", "#guid column:1", "#notetype column:2", "#tags column:5")
BASIC = "Basic"
REVERSED = "Basic (and reversed card)"
TYPED = "Basic (type in the answer)"
CLOZE = "Cloze"
_GAP = re.compile(r"\{\{.*?\}\}", re.DOTALL)


def write_anki(deck: Deck) -> tuple[str, list[str]]:
    """The deck as an Anki plain-text file, and warnings about what Anki will see differently."""
    out = io.StringIO(newline="")
    out.write("\n".join(HEADERS) + "\n")
    out.write(f"#deck:{deck.title.replace('::', ':')}\n")
    writer = csv.writer(out, delimiter="\t", quotechar='"', lineterminator="\n")
    warnings: list[str] = []
    for card in deck.cards:
        notetype, front, back, lost = _note(card)
        if lost:
            warnings.append(f"{card.id}: {lost}")
        if card.explanation:
            back = f"{back}\n\n{card.explanation}" if back else card.explanation
        tags = " ".join("_".join(tag.split()) for tag in card.tags)
        writer.writerow([f"{GUID_PREFIX}{deck.id}:{card.id}", notetype, front, back, tags])
    return out.getvalue(), warnings


def _note(card: AnyCard) -> tuple[str, str, str, str]:
    """(note type, first field, second field, what Anki loses) for one card."""
    match card:
        case FlashCard():
            return (REVERSED if card.reverse else BASIC), card.question, card.back, ""
        case ShortCard():
            others = [a.text for a in card.answers[1:] if a.weight > 0]
            lost = f"Anki checks typing against one answer; {len(others)} alternative(s) left out" if others else ""
            return TYPED, card.question, card.answers[0].text, lost
        case ChoiceCard() | MultiCard():
            letters = [f"{chr(ord('A') + i)}. {c.text}" for i, c in enumerate(card.choices)]
            right = [letters[i] for i, c in enumerate(card.choices) if c.correct]
            front = card.question + "\n\n" + "\n".join(letters)
            return BASIC, front, "\n".join(right), "Anki cannot grade choices: the options are listed on the front"
        case TrueFalseCard():
            back = "True" if card.answer else "False"
            if card.feedback_correct:
                back += f"\n{card.feedback_correct}"
            return BASIC, f"True or false?\n\n{card.question}", back, "Anki cannot grade true/false: a basic note"
        case NumericCard():
            back = "\n".join(_numeric(answer, card.unit) for answer in card.answers if answer.weight == 1)
            return BASIC, card.question, back, "Anki cannot check numbers: the tolerance is shown on the back"
        case DateCard():
            return BASIC, card.question, (date_spellings(card.answer) or [format_date_answer(card.answer)])[0], ""
        case ClozeCard():
            gaps = iter(card.gaps)
            text = _GAP.sub(lambda _: _anki_gap(next(gaps)), card.text)
            front = f"{card.question}\n\n{text}" if card.question else text
            alternatives = any(gap.accept for gap in card.gaps)
            return CLOZE, front, "", "Anki gaps take one answer; alternatives left out" if alternatives else ""
        case OrderCard():
            shown = "\n".join(f"- {item}" for item in sorted(card.items, key=str.casefold))
            back = "\n".join(f"{n}. {item}" for n, item in enumerate(card.items, start=1))
            return BASIC, f"{card.question}\n\n{shown}", back, "Anki cannot check an order: a basic note"
        case MatchCard():
            lefts = "\n".join(f"- {left}" for left, _ in card.pairs)
            back = "\n".join(f"{left} → {right}" for left, right in card.pairs)
            return BASIC, f"{card.question}\n\n{lefts}", back, "Anki cannot check matching: a basic note"
    raise TypeError(f"cannot export {type(card).__name__}")


def _anki_gap(gap: ClozeGap) -> str:
    hint = f"::{gap.hint}" if gap.hint else ""
    return f"{{{{c{gap.index}::{gap.answer}{hint}}}}}"


def _numeric(answer: NumericAnswer, unit: str) -> str:
    suffix = f" {unit}" if unit else ""
    if answer.value is not None:
        spread = f" (±{_num(answer.tolerance)})" if answer.tolerance else ""
        return f"{_num(answer.value)}{suffix}{spread}"
    if answer.high is None:
        return f"at least {_num(answer.low or 0)}{suffix}"
    if answer.low is None:
        return f"at most {_num(answer.high)}{suffix}"
    return f"{_num(answer.low)} to {_num(answer.high)}{suffix}"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
