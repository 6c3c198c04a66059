"""Deck → GIFT that Moodle imports, and that this app imports back unchanged.

Each card is written in Moodle's own layout (one answer per line, general
feedback last). GIFT has no syntax for some of what a card holds, so:

- date, order and flashcard cards are written in the closest GIFT form (a
  short answer with the date's spellings, a matching question against the
  positions 1, 2, 3…, an essay whose general feedback is the back) with a
  warning;
- a cloze card with several gaps becomes one missing-word question per gap;
- what Moodle has no place for (the real card type, `hint`, `source`, `unit`,
  `bound`, the short-answer switches, …) goes into a `// quiz: {…}` comment,
  which Moodle ignores and `quiz import` reads back;
- the card id and tags go into Moodle's `// [id:…] [tag:…]` comment.

So exporting and importing again gives the same cards, and Moodle gets the
best questions it can grade.
"""

from __future__ import annotations

import json
import re

from quiz.interchange.wording import date_spellings
from quiz.loader.syntax import format_date_answer, parse_cloze
from quiz.model import (
    AnyCard,
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

_SPECIAL = re.compile(r"([\\~=#{}:])")
_FORMAT_START = re.compile(r"\[(?:moodle|html|plain|markdown)\]")
_RISKY_START = ("//", "$CATEGORY:", "::", "[")
MOODLE_GRADES = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2)
MOODLE_GRADES += (0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
"""The grades Moodle's question editor offers; other weights are refused or rounded by Moodle."""
OPEN_END = 1e15
"""Stands for "no limit" on an open side of a range, which GIFT cannot leave empty."""


def escape(text: str) -> str:
    """Text with GIFT's special characters escaped and line breaks written as `\\n`."""
    return _SPECIAL.sub(r"\\\1", text).replace("\r", "").replace("\n", "\\n")


def percent(weight: float) -> str:
    """A weight as GIFT writes it: 0.5 → "50", 1/3 → "33.33333"."""
    return f"{weight * 100:.5f}".rstrip("0").rstrip(".").replace("-0", "0") or "0"


def write_gift(deck: Deck) -> tuple[str, list[str]]:
    """The deck as GIFT text, and a warning for everything Moodle will see differently."""
    parts = [f"// {deck.title}\n// Deck {deck.id}: import into Moodle with Question bank → Import → GIFT format.\n"]
    warnings: list[str] = []
    for card in deck.cards:
        writer = _CardWriter(card, warnings)
        parts.extend(writer.questions())
    return "\n".join(parts), warnings


class _CardWriter:
    """Writes one card as one GIFT question (several for a cloze card with several gaps)."""

    def __init__(self, card: AnyCard, warnings: list[str]) -> None:
        self.card = card
        self.warnings = warnings
        texts = [card.question, card.explanation, card.title, *_answer_texts(card)]
        self.fmt = "plain" if any("<" in t or "&" in t for t in texts) else "moodle"
        self.extras: dict[str, object] = {}
        for key in ("hint", "source"):
            if getattr(card, key):
                self.extras[key] = getattr(card, key)
        if card.previous_ids:
            self.extras["previous_ids"] = list(card.previous_ids)

    def warn(self, message: str) -> None:
        self.warnings.append(f"{self.card.id}: {message}")

    def text(self, value: str) -> str:
        """An answer or feedback text, protected from being read as a format marker."""
        escaped = escape(value)
        return f"[{self.fmt}]{escaped}" if _FORMAT_START.match(value) else escaped

    def head(self, question: str, *, ident: str | None = None, extras: dict[str, object] | None = None) -> str:
        """Comments, title and question text, up to the answer block."""
        card = self.card
        tags = "".join(f" [tag:{_bracket(tag)}]" for tag in card.tags if "<" not in tag and ">" not in tag)
        lines = [f"// [id:{(ident or card.id)}]{tags}"]
        extra = self.extras if extras is None else extras
        if extra:
            dumped = json.dumps(extra, ensure_ascii=False, separators=(", ", ": "))
            lines.append("// quiz: " + dumped.replace("[id:", "\\u005bid:").replace("[tag:", "\\u005btag:"))
        title = f"::{escape(card.title)}::" if card.title else ""
        body = escape(question)
        marker = f"[{self.fmt}]" if self.fmt != "moodle" or question.startswith(_RISKY_START) else ""
        if not title and not marker and question.startswith(_RISKY_START):
            marker = "[moodle]"
        return "\n".join(lines) + "\n" + title + marker + body

    def tail(self) -> str:
        explanation = self.card.explanation
        return f"\t####{self.text(explanation)}\n}}\n" if explanation else "}\n"

    def questions(self) -> list[str]:
        card = self.card
        match card:
            case FlashCard():
                return [self.flashcard(card)]
            case ShortCard():
                return [self.short(card)]
            case ChoiceCard() | MultiCard():
                return [self.choices(card)]
            case TrueFalseCard():
                return [self.true_false(card)]
            case NumericCard():
                return [self.numeric(card)]
            case DateCard():
                return [self.date(card)]
            case ClozeCard():
                return self.cloze(card)
            case OrderCard():
                return [self.order(card)]
            case MatchCard():
                return [self.match(card.pairs, card.distractors)]
        raise TypeError(f"cannot export {type(card).__name__}")

    def flashcard(self, card: FlashCard) -> str:
        self.extras["type"] = "flashcard"
        if card.reverse:
            self.extras["reverse"] = True
            self.warn("Moodle has no reverse side: only front → back is exported as a question")
        if card.explanation:
            self.extras["explanation"] = card.explanation
        self.warn("a flashcard becomes an essay question whose general feedback is the back")
        return self.head(card.question) + "{\n\t####" + self.text(card.back) + "\n}\n"

    def short(self, card: ShortCard) -> str:
        switches = []
        for key, default in (("case_sensitive", False), ("exact", False), ("typos", True), ("any_order", False)):
            if getattr(card, key) != default:
                self.extras[key] = getattr(card, key)
                switches.append(f"{key} = {str(getattr(card, key)).lower()}")
        if switches:
            self.warn(f"Moodle does not read {', '.join(switches)}; it is kept only in the // quiz: comment")
        lines = []
        for answer in card.answers:
            if answer.weight < 0:
                self.warn(f"Moodle short answers cannot subtract marks; {answer.text!r} has {percent(answer.weight)}%")
            self._check_grade(answer.weight)
            if "->" in answer.text:
                self.warn(f"Moodle reads {answer.text!r} (with ->) as a matching pair")
            lines.append("\t" + self._weighted("=", answer.weight, answer.text, 1.0) + self._feedback(answer.feedback))
        return self.head(card.question) + "{\n" + "\n".join(lines) + "\n" + self.tail()

    def _weighted(self, mark: str, weight: float, text: str, plain_weight: float) -> str:
        """`=text`, `~text` or `=%50%text`; an explicit weight when the text itself starts with %."""
        if weight == plain_weight and not text.startswith("%"):
            return mark + self.text(text)
        return f"{mark}%{percent(weight)}%{self.text(text)}"

    def _feedback(self, feedback: str) -> str:
        return f"#{self.text(feedback)}" if feedback else ""

    def _check_grade(self, weight: float) -> None:
        if not any(abs(abs(weight) - grade) < 1e-6 for grade in MOODLE_GRADES):
            self.warn(f"Moodle offers no grade of {percent(weight)}% and will refuse or round it")

    def choices(self, card: ChoiceCard | MultiCard) -> str:
        if not card.shuffle:
            self.extras["shuffle"] = False
            self.warn("Moodle shuffles as its quiz settings say; shuffle = false is kept only in the // quiz: comment")
        single = isinstance(card, ChoiceCard)
        if single and not any(choice.weight == 1 for choice in card.choices):
            self.extras["type"] = "choice"
            self.warn("no choice earns full marks, so Moodle will allow several answers")
        lines = [self._choice(choice, single) for choice in card.choices]
        if single and all(choice.weight == 1 for choice in card.choices):
            # Without a ~ Moodle reads the block as a short answer; a ~%100% keeps it a choice.
            lines[-1] = "\t~%100%" + self.text(card.choices[-1].text) + self._feedback(card.choices[-1].feedback)
        return self.head(card.question) + "{\n" + "\n".join(lines) + "\n" + self.tail()

    def _choice(self, choice: Choice, single: bool) -> str:
        self._check_grade(choice.weight)
        if single and choice.weight == 1:
            line = "=" + (f"%100%{self.text(choice.text)}" if choice.text.startswith("%") else self.text(choice.text))
        else:
            line = self._weighted("~", choice.weight, choice.text, 0.0)
        return "\t" + line + self._feedback(choice.feedback)

    def true_false(self, card: TrueFalseCard) -> str:
        block = "TRUE" if card.answer else "FALSE"
        if card.feedback_wrong or card.feedback_correct:
            block += f"#{self.text(card.feedback_wrong)}"
        if card.feedback_correct:
            block += f"#{self.text(card.feedback_correct)}"
        explanation = f"####{self.text(card.explanation)}" if card.explanation else ""
        return self.head(card.question) + "{" + block + explanation + "}\n"

    def numeric(self, card: NumericCard) -> str:
        if card.unit:
            self.extras["unit"] = card.unit
        if card.bound is not NumericBound.EXACT:
            self.extras["bound"] = str(card.bound)
        lines = [self._number(answer) for answer in card.answers]
        sides = [_open_side(a) for a in card.answers]
        if any(sides):
            self.extras["open"] = sides
            self.warn(f"GIFT ranges need both ends; the open end is written as ±{OPEN_END:g}")
        return self.head(card.question) + "{#\n" + "\n".join(lines) + "\n" + self.tail()

    def _number(self, answer: NumericAnswer) -> str:
        self._check_grade(answer.weight)
        if answer.value is not None:
            value = f"{_num(answer.value)}:{_num(answer.tolerance)}" if answer.tolerance else _num(answer.value)
        else:
            low = answer.low if answer.low is not None else -OPEN_END
            high = answer.high if answer.high is not None else OPEN_END
            value = f"{_num(low)}..{_num(high)}"
        weight = "=" if answer.weight == 1 else f"=%{percent(answer.weight)}%"
        return f"\t{weight}{value}{self._feedback(answer.feedback)}"

    def date(self, card: DateCard) -> str:
        self.extras["type"] = "date"
        self.warn("Moodle has no date questions: exported as a short answer with the date's spellings")
        spellings = [format_date_answer(card.answer), *date_spellings(card.answer)]
        lines = ["\t=" + self.text(text) for text in dict.fromkeys(spellings)]
        return self.head(card.question) + "{\n" + "\n".join(lines) + "\n" + self.tail()

    def cloze(self, card: ClozeCard) -> list[str]:
        self.extras.update(type="cloze", text=card.text)
        if card.question:
            self.extras["question"] = card.question
        if len(card.gaps) > 1:
            self.warn(f"GIFT has one gap per question: the {len(card.gaps)} gaps become {len(card.gaps)} questions")
        if any(gap.hint for gap in card.gaps):
            self.warn("Moodle does not show gap hints")
        pieces = re.split(r"\{\{.*?\}\}", card.text, flags=re.DOTALL)
        questions = []
        for gap in card.gaps:
            filled = [pieces[0]]
            for other, piece in zip(parse_cloze(card.text), pieces[1:], strict=True):
                filled.append("\ue010" if other.index == gap.index else other.answer)
                filled.append(piece)
            before, _, after = "".join(filled).partition("\ue010")
            answers = "{" + " ".join("=" + self.text(text) for text in (gap.answer, *gap.accept)) + "}"
            if gap.index == 1:
                head = self.head(before)
            else:
                head = self.head(before, ident=f"{card.id}.gap{gap.index}", extras={"part_of": card.id})
            explanation = f"####{self.text(card.explanation)}" if card.explanation else ""
            questions.append(head + answers[:-1] + explanation + "}" + escape(after) + "\n")
        return questions

    def order(self, card: OrderCard) -> str:
        self.extras["type"] = "order"
        self.warn("Moodle has no ordering questions: exported as matching each item to its position")
        pairs = tuple((item, str(position)) for position, item in enumerate(card.items, start=1))
        return self.match(pairs, ())

    def match(self, pairs: tuple[tuple[str, str], ...], distractors: tuple[str, ...]) -> str:
        lines = []
        for left, right in pairs:
            if "->" in left:
                self.warn(f"Moodle splits {left!r} at its ->")
            lines.append(f"\t={self.text(left)} -> {escape(right)}")
        lines.extend(f"\t= -> {escape(extra)}" for extra in distractors)
        return self.head(self.card.question) + "{\n" + "\n".join(lines) + "\n" + self.tail()


def _answer_texts(card: AnyCard) -> list[str]:
    """Every answer and feedback text of a card, to choose its text format."""
    match card:
        case FlashCard():
            return [card.back]
        case ShortCard():
            return [t for a in card.answers for t in (a.text, a.feedback)]
        case ChoiceCard() | MultiCard():
            return [t for c in card.choices for t in (c.text, c.feedback)]
        case TrueFalseCard():
            return [card.feedback_correct, card.feedback_wrong]
        case NumericCard():
            return [a.feedback for a in card.answers]
        case ClozeCard():
            return [card.text]
        case OrderCard():
            return list(card.items)
        case MatchCard():
            return [t for pair in card.pairs for t in pair]
    return []


def _bracket(text: str) -> str:
    """A tag or id inside Moodle's `[tag:…]`, where `]` is written `\\]`."""
    return text.replace("]", "\\]")


def _open_side(answer: NumericAnswer) -> str:
    if answer.value is not None:
        return ""
    if answer.high is None:
        return "high"
    return "low" if answer.low is None else ""


def _num(value: float) -> str:
    if float(value).is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(float(value))
