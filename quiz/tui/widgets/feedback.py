"""What the student sees after an answer: the verdict, the diff, the right answer and why."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta

from textual.widgets import Static

from quiz.grading.verdict import Diff, DiffLine, Mark, Verdict
from quiz.model import AnyCard, ChoiceCard, Correctness, MultiCard, Rating, TrueFalseCard
from quiz.tui import render

CHOICE_LETTER = re.compile(r"^\([a-z]\)\s*")
"""The grader labels choices by their letter in the deck; the screen lists them shuffled."""
MARK_STYLE = {
    Mark.RIGHT: "$text-success",
    Mark.WRONG: "bold $text-error strike",
    Mark.MISSING: "bold $text-warning underline",
}
"""The student's line: what was wrong is struck through."""
EXPECTED_STYLE = {
    Mark.RIGHT: "$text-success",
    Mark.WRONG: "bold $text-success underline",
    Mark.MISSING: "bold $text-warning underline",
}
"""The deck's line is the right answer: where it differs it is underlined, never struck through."""
VERDICT_LOOK = {
    Correctness.CORRECT: ("✓ Correct", "bold $text-success"),
    Correctness.PARTIAL: ("◐ Partly right", "bold $text-warning"),
    Correctness.WRONG: ("✗ Not right", "bold $text-error"),
    Correctness.SELF_RATED: ("Rated by you", "bold $accent"),
}
RATING_NAMES = {Rating.AGAIN: "again", Rating.HARD: "hard", Rating.GOOD: "good", Rating.EASY: "easy"}


def diff_line(line: DiffLine, styles: Mapping[Mark, str] = MARK_STYLE) -> render.Content:
    """One line of a diff, each character styled by its mark (the text is the student's or the deck's)."""
    parts: list[render.Part] = []
    run, mark = "", None
    for char, char_mark in line:
        if char_mark is not mark and run:
            parts.append(render.deck_text(run, styles[mark]))  # type: ignore[index]
            run = ""
        run += char
        mark = char_mark
    if run:
        parts.append(render.deck_text(run, styles[mark]))  # type: ignore[index]
    return render.join(*parts)


def diff_block(diff: Diff) -> render.Content:
    return render.lines(
        [
            render.join(("you typed  ", "$text-muted"), diff_line(diff.typed)),
            render.join(("expected   ", "$text-muted"), diff_line(diff.expected, EXPECTED_STYLE)),
        ]
    )


def feedback_content(card: AnyCard, verdict: Verdict, *, overridden: bool = False) -> render.Content:
    """The whole feedback block for one answer."""
    title, style = VERDICT_LOOK[verdict.correctness]
    if overridden:
        title, style = "✓ Counted right (you said you were right)", "bold $text-success"
    head: list[render.Part] = [(title, style)]
    if verdict.score is not None and verdict.correctness is Correctness.PARTIAL:
        head.append(f"  {render.percent(verdict.score)}")
    picked_in_place = isinstance(card, ChoiceCard | MultiCard)
    explanation = choice_explanation(verdict.explanation) if picked_in_place else verdict.explanation
    if explanation:
        head.append(("  — ", "$text-muted"))
        head.append(render.deck_line(explanation, "$text-muted"))
    rows = [render.join(*head)]
    shows_diff = verdict.diff is not None and not verdict.correct
    if shows_diff:
        rows.append(diff_block(verdict.diff))  # type: ignore[arg-type]
    if not verdict.correct and verdict.expected and not _answer_shown_elsewhere(card, verdict, shows_diff):
        rows.append(render.join(("Answer: ", "bold"), render.deck_text(verdict.expected, "bold")))
    for part in verdict.parts:
        label = part.label
        if picked_in_place:
            # the choices are already marked right and wrong where they are listed (in shuffled
            # order, so the grader's letters would mislead); only their feedback is added here
            if not part.feedback:
                continue
            label = CHOICE_LETTER.sub("", label)
            rows.append(
                render.join(
                    ("» ", "$accent"), render.deck_line(label, "bold"), ": ", render.deck_line(part.feedback, "italic")
                )
            )
            continue
        mark = ("✓ ", "$text-success") if part.correct else ("✗ ", "$text-error")
        line: list[render.Part] = [mark, render.deck_line(label)]
        if part.given or part.expected:
            line.append(("  ", ""))
            if not part.correct:
                line += [render.deck_line(part.given or "—", "strike $text-error"), ("  → ", "$text-muted")]
            line.append(render.deck_line(part.expected or "(leave out)", "$text-success" if part.correct else "bold"))
        if part.feedback:
            line += [("  ", ""), render.deck_line(part.feedback, "italic")]
        rows.append(render.join(*line))
    if verdict.feedback:
        rows.append(render.join(("» ", "$accent"), render.deck_text(verdict.feedback, "italic")))
    if card.explanation:
        rows.append(render.join(("Why: ", "bold"), render.deck_text(card.explanation)))
    if card.source:
        rows.append(
            render.join(("Source: ", "$text-muted"), render.deck_text(f"“{card.source}”", "italic $text-muted"))
        )
    return render.lines(rows)


def choice_explanation(explanation: str) -> str:
    """The grader's explanation of a pick, without the deck's letter for it.

    The grader names a choice by its letter in the deck ("(d) “exactly one year” is
    not the right choice"), but the screen lists the choices shuffled, so that letter
    points at another line. What is left once the letter goes is kept when it names
    the choice; "is the right choice" only repeats the verdict and the ✓ beside it.
    """
    text = CHOICE_LETTER.sub("", explanation)
    return "" if text.startswith("is ") else text


def _answer_shown_elsewhere(card: AnyCard, verdict: Verdict, shows_diff: bool) -> bool:
    """Whether an "Answer:" line would only repeat what is already on screen.

    True/false and choices are marked ✓ in place; a diff's "expected" line already
    spells the answer; cloze, order and match parts each give their right answer.
    """
    if isinstance(card, TrueFalseCard):
        return True
    if shows_diff and verdict.diff is not None:
        if "".join(char for char, _ in verdict.diff.expected) == verdict.expected:
            return True
    return (
        not isinstance(card, ChoiceCard | MultiCard)
        and bool(verdict.parts)
        and all(part.expected for part in verdict.parts)
    )


def grade_keys(
    intervals: Mapping[Rating, timedelta | None],
    *,
    suggested: Rating | None,
    right_key: bool,
    width: int | None = None,
) -> render.Content:
    """The rating keys with the next interval for each; the suggested one is highlighted.

    With `width`, a line that would wrap drops its extras: first the "⏎ good" and "y I was
    right" reminders (the key bar below says both), then the gaps between the keys, so the
    four ratings and their intervals stay on one line down to 60 columns.
    """
    for extras, gap in ((True, "  "), (False, "  "), (False, " ")):
        content = _grade_line(intervals, suggested, right_key and extras, extras, gap)
        if width is None or content.cell_length <= width:
            return content
    return content


def _grade_line(
    intervals: Mapping[Rating, timedelta | None], suggested: Rating | None, right_key: bool, enter: bool, gap: str
) -> render.Content:
    parts: list[render.Part] = []
    for rating in Rating:
        style = "bold reverse $accent" if rating is suggested else "bold"
        parts.append((f" {int(rating)} ", style))
        when = f" {render.duration(intervals[rating])}" if rating in intervals else ""
        parts.append(f"{RATING_NAMES[rating]}{when}{gap}")
    if suggested is not None and enter:
        parts.append((" ⏎ ", "bold"))
        parts.append(RATING_NAMES[suggested])
    if right_key:
        parts.append(("  y ", "bold"))
        parts.append("I was right")
    return render.join(*parts)


class FeedbackPanel(Static):
    """Shows `feedback_content`; hidden while a question is being asked."""

    DEFAULT_CSS = """
    FeedbackPanel { max-width: 110; }
    """
    """In a wide terminal a source quote on one 190-column line is hard to read; the answer
    line stops at 80 columns, the feedback a little further."""

    def show(self, card: AnyCard, verdict: Verdict, *, overridden: bool = False) -> None:
        self.update(feedback_content(card, verdict, overridden=overridden))
        self.set_class(verdict.correct or overridden, "-correct")
        self.set_class(verdict.correctness is Correctness.WRONG and not overridden, "-wrong")
        self.set_class(verdict.correctness is Correctness.PARTIAL and not overridden, "-partial")
        self.display = True

    def clear(self) -> None:
        self.update("")
        self.display = False


class GradeBar(Static):
    """The rating keys 1–4 with their next intervals."""

    def show(
        self, intervals: Mapping[Rating, timedelta | None], *, suggested: Rating | None, right_key: bool = False
    ) -> None:
        self._keys = (intervals, suggested, right_key)
        self._fit()
        self.display = True

    _keys: tuple[Mapping[Rating, timedelta | None], Rating | None, bool] | None = None

    def _fit(self) -> None:
        if self._keys is not None:
            intervals, suggested, right_key = self._keys
            width = self.content_size.width or None
            self.update(grade_keys(intervals, suggested=suggested, right_key=right_key, width=width))

    def on_resize(self) -> None:
        self._fit()

    def clear(self) -> None:
        self.display = False
