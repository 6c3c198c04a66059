"""GIFT (Moodle's text format) → cards, following Moodle's own reader question by question.

Each question becomes the card type that grades it the way Moodle would:
`=`/`~` choices → choice (or multi when no answer is marked `=`), `->` pairs →
match, `T`/`F` → true_false, `=` answers → short, `#` → numeric, a missing
word with plain answers → cloze, and essays and descriptions → flashcards
(reported, since nothing grades them). What cannot be represented, such as
Moodle's embedded-answer cloze `{1:MC:…}`, is skipped and reported with its
line, never imported half-understood.
"""

from __future__ import annotations

import math
import re

from quiz.interchange import gift_extras as extras_mod
from quiz.interchange.draft import NO_BACK, Draft, clean, clean_tag
from quiz.interchange.gift_syntax import (
    Block,
    CommentMeta,
    blocks,
    comment_meta,
    formatted,
    protect,
    restore,
    split_answers,
    split_feedback,
    split_format,
    split_weight,
    to_plain,
)
from quiz.loader.syntax import SyntaxProblem, parse_cloze
from quiz.model import (
    Answer,
    AnyCard,
    Choice,
    ChoiceCard,
    ClozeCard,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericCard,
    ShortCard,
    TrueFalseCard,
)
from quiz.text import clean_text

_EMBEDDED = re.compile(
    r"\{\s*\d*\s*:\s*(?:MC|MCV|MCH|MCS|MCVS|MCHS|MULTICHOICE\w*|SA|MW|SHORTANSWER\w*|NM|NUMERICAL|MR|MRS|MRH|MRHS"
    r"|MULTIRESPONSE\w*)\s*:",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\Z")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_GAP_MARK = "\ue010"
MISSING_WORD = "_____"
"""Where the answer block stood in a missing-word question, as Moodle shows it."""


class Skip(Exception):
    """This question cannot be imported; the message says why."""


def read_gift(text: str, draft: Draft) -> None:
    """Add every question of a GIFT file to `draft`, reporting each one."""
    category = ""
    for block in blocks(text):
        notes: list[str] = []
        if block.text.startswith("$CATEGORY:"):
            head, _, rest = block.text.partition("\n")
            category = _category_tag(head[len("$CATEGORY:") :])
            if not rest.strip():
                continue
            # Moodle wants a blank line after $CATEGORY and would make the question part of
            # the category's name; a question lost that way is worse than one read early.
            block = Block(block.line + 1, rest.strip(), block.comments)
            notes.append("a blank line is missing after the $CATEGORY line above; Moodle needs one")
        meta = comment_meta(block.comments)
        part_of = meta.extras.get("part_of")
        if isinstance(part_of, str):
            draft.report.note(block.line, f"a gap of cloze card {part_of!r}, which holds all its gaps")
            continue
        try:
            card, card_notes = _question(block, meta, category, draft)
        except Skip as reason:
            draft.report.skipped(block.line, "; ".join([str(reason), *notes]))
            continue
        notes = card_notes + notes
        if _IMG_TAG.search(block.text) and "[image" in repr(card):
            # An <img> in HTML text became "[image]" somewhere in the card (in [plain] text it stays as written).
            notes.append("pictures are not imported: each is shown as [image] (with its alt text, if any)")
        if meta.problem:
            notes.append(meta.problem)
        draft.add(card, block.line, notes)


_IMG_TAG = re.compile(r"<img\b", re.IGNORECASE)


def _category_tag(raw: str) -> str:
    """`$course$/top/Geography/Europe` → the tag `Geography/Europe`."""
    parts = [part.strip() for part in restore(protect(raw)).strip().split("/")]
    parts = [part for part in parts if part and not (part.startswith("$") and part.endswith("$"))]
    if parts and parts[0] == "top":
        parts.pop(0)
    return clean_tag("/".join(parts))


def _title(text: str) -> str:
    """A `::title::` on one line: its line breaks become spaces, but spaces inside a line
    are kept as written, so that a title survives export and import unchanged."""
    return " ".join(line.strip() for line in clean_text(text).splitlines() if line.strip())


def _question(block: Block, meta: CommentMeta, category: str, draft: Draft) -> tuple[AnyCard, list[str]]:
    body = protect(block.text)
    if _EMBEDDED.search(body):
        raise Skip(
            "Moodle embedded-answer (Cloze) question such as {1:MC:…}: GIFT cannot hold it and it was not "
            "imported; rewrite it as a cloze or choice card"
        )
    title = ""
    if body.startswith("::"):
        end = body.find("::", 2)
        if end != -1:
            title = _title(to_plain(body[2:end], "plain"))
            body = body[end + 2 :].strip()
    start, finish = body.find("{"), body.find("}")
    if start == -1 and finish == -1:
        return _description(body, title, meta, category, draft)
    if start == -1 or finish == -1 or finish < start:
        raise Skip("unbalanced braces: the answer block needs both { and } (escape a literal brace as \\{ or \\})")
    if "{" in body[finish + 1 :] or "}" in body[finish + 1 :]:
        raise Skip(
            "more than one answer block: a GIFT question has exactly one {…} "
            "(is the blank line between two questions missing?)"
        )
    answer = body[start + 1 : finish].strip()
    if "{" in answer:
        raise Skip("unbalanced braces: a { opens before the previous { is closed (escape a literal brace as \\{)")
    missing_word = not body.endswith("}")
    before, after = body[:start], body[finish + 1 :]
    raw_question = before + (MISSING_WORD + after if missing_word else "")
    general = ""
    separator = answer.rfind("####")
    if separator != -1:
        general, answer = answer[separator + 4 :], answer[:separator].strip()
    fmt, _ = split_format(raw_question.strip(), "moodle")
    question = clean(formatted(raw_question, "moodle"))
    if not question and meta.extras.get("type") != "cloze":
        raise Skip("the question text is empty")
    common = {
        "title": title,
        "tags": tuple(dict.fromkeys(t for t in (category, *map(clean_tag, meta.tags)) if t)),
        "explanation": clean(formatted(general, fmt)),
    }
    parse = _Parse(question, fmt, common, meta, draft, missing_word, before, after)
    if not answer:
        return parse.essay()
    if answer.startswith("#"):
        return parse.numeric(answer[1:])
    if "~" in answer:
        return parse.choices(answer)
    if "=" in answer and "->" in answer:
        return parse.match(answer)
    hash_at = answer.find("#")
    if (answer[:hash_at].strip() if hash_at > 0 else answer) in _TRUE_FALSE:
        return parse.true_false(answer)
    return parse.short(answer)


def _description(body: str, title: str, meta: CommentMeta, category: str, draft: Draft) -> tuple[AnyCard, list[str]]:
    text = clean(formatted(body, "moodle"))
    if not text:
        raise Skip("empty question")
    tags = tuple(dict.fromkeys(t for t in (category, *map(clean_tag, meta.tags)) if t))
    card_id = draft.ids.make(explicit=meta.id, title=title, text=text)
    card = FlashCard(id=card_id, question=text, back=NO_BACK, title=title, tags=tags)
    return card, ["a description (text with no question) became a flashcard to read and rate"]


class _Parse:
    """Turns one question's answer block into a card of the matching type."""

    def __init__(
        self,
        question: str,
        fmt: str,
        common: dict[str, object],
        meta: CommentMeta,
        draft: Draft,
        missing_word: bool,
        before: str,
        after: str,
    ) -> None:
        self.question = question
        self.fmt = fmt
        self.common = common
        self.meta = meta
        self.draft = draft
        self.missing_word = missing_word
        self.before = before
        self.after = after
        self.notes: list[str] = []
        self.extra = extras_mod.Extras(meta.extras, self.notes)

    def _id(self) -> str:
        return self.draft.ids.make(explicit=self.meta.id, title=str(self.common["title"]), text=self.question)

    def _text(self, raw: str) -> str:
        return clean(formatted(raw, self.fmt)) if raw else ""

    def _fields(self) -> dict[str, object]:
        return {"id": self._id(), "question": self.question, **self.common, **self.extra.common()}

    def _done(self, card: AnyCard) -> tuple[AnyCard, list[str]]:
        return self.extra.apply(card), self.notes

    def essay(self) -> tuple[AnyCard, list[str]]:
        fields = self._fields()
        back = str(fields["explanation"]) or NO_BACK
        fields["explanation"] = self.extra.text("explanation")
        if not self.extra.is_flashcard():
            self.notes.append("an essay question became a flashcard: students rate their own answer")
        return self._done(FlashCard(back=back, **fields))

    def choices(self, answer: str) -> tuple[AnyCard, list[str]]:
        single = "=" in answer or self.extra.kind() == "choice"
        options: list[Choice] = []
        for number, part in enumerate(split_answers(answer.replace("=", "~="), "~"), start=1):
            weight: float | None = 0.0
            if part.startswith("="):
                weight, part = 1.0, part[1:]
                explicit, rest = split_weight(part)
                if explicit is not None:
                    weight, part = explicit, rest
            else:
                explicit, part = split_weight(part)
                weight = explicit if explicit is not None else 0.0
            raw, raw_feedback = split_feedback(part)
            text = self._text(raw)
            if not text:
                raise Skip(f"choice {number} is empty")
            if any(_same(option.text, text) for option in options):
                self.notes.append(f"the repeated choice {text!r} was dropped")
                continue
            options.append(Choice(text, self._weight(weight), self._text(raw_feedback)))
        if len(options) < 2:
            raise Skip("a multiple-choice question needs at least two choices")
        if not any(option.weight > 0 for option in options):
            raise Skip("no choice earns any credit: mark the right one with = or a positive %weight%")
        if single:
            if not any(option.weight == 1 for option in options):
                raise Skip("no answer is worth 100%: a single-answer question needs one")
            return self._done(ChoiceCard(choices=tuple(options), **self._fields()))
        total = sum(option.weight for option in options if option.weight > 0)
        if abs(total - 1) > 0.01:
            raise Skip(f"the right answers' weights add up to {total:.0%}; Moodle needs 100%")
        return self._done(MultiCard(choices=tuple(options), **self._fields()))

    def _weight(self, weight: float) -> float:
        if not -1 <= weight <= 1:
            self.notes.append(f"the weight {weight:.0%} was limited to ±100%")
            weight = max(-1.0, min(1.0, weight))
        return snap_weight(weight)

    def match(self, answer: str) -> tuple[AnyCard, list[str]]:
        pairs: list[tuple[str, str]] = []
        distractors: list[str] = []
        for number, part in enumerate(split_answers(answer, "="), start=1):
            left, arrow, right = part.partition("->")
            if not arrow:
                raise Skip(f"matching pair {number} has no ->")
            right_text = clean(to_plain(right, "plain"))
            left_text = self._text(left)
            if not right_text:
                raise Skip(f"matching pair {number} has nothing after ->")
            if left_text:
                pairs.append((left_text, right_text))
            else:
                distractors.append(right_text)
        if len(pairs) < 2:
            raise Skip("a matching question needs at least two pairs")
        lefts = [_fold(left) for left, _ in pairs]
        if len(set(lefts)) != len(lefts):
            raise Skip("an item on the left is matched twice")
        rights = {_fold(right) for _, right in pairs}
        distractors = [extra for extra in distractors if _fold(extra) not in rights]
        order = self.extra.order(pairs)
        if order is not None:
            return self._done(order(**self._fields()))
        return self._done(MatchCard(pairs=tuple(pairs), distractors=tuple(distractors), **self._fields()))

    def true_false(self, answer: str) -> tuple[AnyCard, list[str]]:
        bits = [bit.strip() for bit in answer.split("#", 2)] + ["", ""]
        return self._done(
            TrueFalseCard(
                answer=_TRUE_FALSE[bits[0]],
                feedback_wrong=self._text(bits[1]),
                feedback_correct=self._text(bits[2]),
                **self._fields(),
            )
        )

    def short(self, answer: str) -> tuple[AnyCard, list[str]]:
        answers: list[Answer] = []
        for part in split_answers(answer, "="):
            weight, part = split_weight(part)
            raw, raw_feedback = split_feedback(part)
            text = self._text(raw)
            if not text:
                continue
            if text == "*":
                self.notes.append("the catch-all answer * was dropped (its feedback is not shown)")
                continue
            if "*" in text:
                self.notes.append(f"the wildcard in {text!r} is matched as a literal *")
            answers.append(Answer(text, self._weight(1.0 if weight is None else weight), self._text(raw_feedback)))
        if not answers or max(a.weight for a in answers) <= 0:
            raise Skip("no answer earns any credit")
        best = max(range(len(answers)), key=lambda i: (answers[i].weight, -i))
        if best:
            answers.insert(0, answers.pop(best))
        dated = self.extra.date(answers)
        if dated is not None:
            return self._done(dated(**self._fields()))
        if self.missing_word or self.extra.cloze_text() is not None:
            cloze = self._cloze(answers)
            if cloze is not None:
                return self._done(cloze)
        return self._done(ShortCard(answers=tuple(answers), **self._fields()))

    def _cloze(self, answers: list[Answer]) -> ClozeCard | None:
        """A missing-word question with plain answers is a one-gap cloze."""
        text = self.extra.cloze_text()
        if text is None:
            if any(a.weight != 1 or a.feedback for a in answers):
                return None
            if any(mark in a.text for a in answers for mark in ("|", "::", "{{", "}}")):
                return None
            marked = clean(formatted(self.before + _GAP_MARK + self.after, self.fmt))
            if marked.count(_GAP_MARK) != 1:
                return None
            text = marked.replace(_GAP_MARK, "{{" + "|".join(a.text for a in answers) + "}}")
        try:
            gaps = parse_cloze(text)
        except SyntaxProblem as problem:
            self.notes.append(f"cloze text unreadable ({problem}); kept as a short answer")
            return None
        if not gaps:
            return None
        fields = self._fields()
        fields["question"] = self.extra.cloze_instruction()
        return ClozeCard(text=text, gaps=gaps, **fields)

    def numeric(self, answer: str) -> tuple[AnyCard, list[str]]:
        body, tilde, wrong = answer.partition("~")
        values: list[NumericAnswer] = []
        for number, part in enumerate(split_answers(body, "="), start=1):
            weight, part = split_weight(part)
            raw, raw_feedback = split_feedback(part)
            values.append(self._number(number, restore(raw).strip(), weight, self._text(raw_feedback)))
        if not values:
            raise Skip("a numeric question needs at least one number")
        if max(v.weight for v in values) <= 0:
            raise Skip("no number earns any credit")
        fields = self._fields()
        if tilde:
            _, _, other = wrong.partition("#")
            other_text = self._text(other)
            if other_text:
                explanation = str(fields["explanation"])
                fields["explanation"] = f"{explanation}\n\n{other_text}".strip() if explanation else other_text
                self.notes.append("the feedback for any other answer became part of the explanation")
        values = self.extra.ranges(values)
        return self._done(NumericCard(answers=tuple(values), **fields))

    def _number(self, number: int, text: str, weight: float | None, feedback: str) -> NumericAnswer:
        share = self._weight(1.0 if weight is None else weight)
        dots = text.find("..")
        if dots > 0:
            low, high = _float(text[:dots], number), _float(text[dots + 2 :], number)
            if low > high:
                low, high = high, low
                self.notes.append(f"the range of answer {number} was written high..low and was turned round")
            return NumericAnswer(low=low, high=high, weight=share, feedback=feedback)
        colon = text.find(":")
        if colon > 0:
            value, tolerance = _float(text[:colon], number), _float(text[colon + 1 :], number)
            if tolerance < 0:
                tolerance = -tolerance
                self.notes.append(f"the negative tolerance of answer {number} was made positive")
            return NumericAnswer(value=value, tolerance=tolerance, weight=share, feedback=feedback)
        return NumericAnswer(value=_float(text, number), weight=share, feedback=feedback)


def _fold(text: str) -> str:
    """How the deck rules compare choices and items: whitespace folded, case ignored."""
    return " ".join(text.split()).casefold()


def _same(one: str, other: str) -> bool:
    return _fold(one) == _fold(other)


def _float(text: str, number: int) -> float:
    text = text.strip()
    if not _NUMBER.match(text):
        raise Skip(f"numeric answer {number}: {text!r} is not a number")
    value = float(text)
    if not math.isfinite(value):
        raise Skip(f"numeric answer {number}: {text!r} is too large")
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def snap_weight(weight: float) -> float:
    """A weight written with a few decimals (33.33333%) → the fraction it stands for (1/3)."""
    for parts in range(1, 21):
        share = round(weight * parts)
        if abs(share / parts - weight) < 5e-7:
            return share / parts
    return weight
