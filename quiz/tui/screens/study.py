"""The study screen: one question at a time, the feedback after it, and the keys around it.

It shows what the session (through a `StudyDriver`) says and forwards the
student's keys; it keeps no progress. The header's saved mark is set only
after the session's call that commits the answer has returned.
"""

from __future__ import annotations

import random
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quiz.errors import DeckError, QuizError
from quiz.grading.verdict import Verdict
from quiz.model import (
    ChoiceCard,
    ClozeCard,
    Correctness,
    FlashCard,
    MatchCard,
    MultiCard,
    OrderCard,
    Rating,
    TrueFalseCard,
)
from quiz.tui import render
from quiz.tui.driver import Shown, StudyDriver
from quiz.tui.widgets.feedback import FeedbackPanel, GradeBar
from quiz.tui.widgets.header import HeaderState, StudyHeader
from quiz.tui.widgets.keybar import KeyBar
from quiz.tui.widgets.question import (
    Answered,
    FlashcardQuestion,
    QuestionWidget,
    Revealed,
    TypedQuestion,
    cloze_prompt,
    typed_placeholder,
)

ASKING, REVEALED, ANSWERED = "asking", "revealed", "answered"


def question_widget(shown: Shown) -> QuestionWidget:
    """The widget that asks `shown` the way its card type is answered."""
    card = shown.card
    if isinstance(card, FlashCard):
        return FlashcardQuestion(card, reverse=shown.reverse)
    # The picking and arranging widgets are imported when first asked for: a deck of
    # typed answers never pays for them.
    if isinstance(card, ChoiceCard | MultiCard | TrueFalseCard):
        from quiz.tui.widgets.choices import ChoiceQuestion, TrueFalseQuestion

        if isinstance(card, TrueFalseCard):
            return TrueFalseQuestion(card, prompt=render.deck_text(card.question))
        order = shown.choice_order or tuple(range(len(card.choices)))
        return ChoiceQuestion(card, [c.text for c in card.choices], order, multi=isinstance(card, MultiCard))
    if isinstance(card, OrderCard | MatchCard):
        from quiz.tui.widgets.arrange import MatchQuestion, OrderQuestion

        if isinstance(card, OrderCard):
            return OrderQuestion(card, card.items, shown.order_start or tuple(range(len(card.items))))
        rights = shown.match_rights or tuple(right for _, right in card.pairs) + card.distractors
        return MatchQuestion(card, [left for left, _ in card.pairs], rights)
    if isinstance(card, ClozeCard):
        whole = shown.gap is None
        return TypedQuestion(
            card, prompt=cloze_prompt(card, shown.gap), placeholder=typed_placeholder(card, whole=whole)
        )
    return TypedQuestion(card, prompt=render.deck_text(card.question), placeholder=typed_placeholder(card))


class StudyScreen(Screen[None]):
    """Asks, shows feedback, takes a rating, moves on; escape leaves with a summary."""

    BINDINGS = [
        Binding("space", "reveal", "Show", id="reveal"),
        Binding("enter", "accept", "Next", id="accept"),
        Binding("1", "rate(1)", "Again", show=False),
        Binding("2", "rate(2)", "Hard", show=False),
        Binding("3", "rate(3)", "Good", show=False),
        Binding("4", "rate(4)", "Easy", show=False),
        Binding("y", "was_right", "I was right", show=False),
        Binding("h", "hint", "Hint", show=False),
        Binding("ctrl+g", "hint", "Hint", priority=True, id="hint"),
        Binding("s", "skip", "Skip", show=False),
        Binding("ctrl+s", "skip", "Skip", priority=True, id="skip"),
        Binding("u", "undo", "Undo", show=False),
        Binding("ctrl+z", "undo", "Undo", priority=True, id="undo"),
        Binding("b", "bury", "Bury", show=False),
        Binding("ctrl+b", "bury", "Bury", priority=True, show=False),
        Binding("x", "suspend", "Suspend", show=False),
        Binding("ctrl+o", "suspend", "Suspend", priority=True, show=False),
        Binding("e", "edit", "Edit", show=False),
        Binding("ctrl+e", "edit", "Edit", priority=True, show=False),
        Binding("escape", "leave", "End", id="leave"),
        Binding("f1", "app.help", "Help", show=False),
    ]

    def __init__(self, driver: StudyDriver, *, deck_path: Path | None = None) -> None:
        super().__init__()
        self.driver = driver
        """The session, seen through the driver; all progress lives behind it."""
        self.deck_path = deck_path
        self.phase = ASKING
        self.shown: Shown | None = None
        self.verdict: Verdict | None = None
        self._question: QuestionWidget | None = None

    def compose(self) -> ComposeResult:
        yield StudyHeader(id="study-header")
        with VerticalScroll(id="stage"):
            yield Static(id="hint")
            yield FeedbackPanel(id="feedback")
        yield GradeBar(id="grade-bar")
        yield KeyBar(id="key-bar")

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        self.show_current()
        # after the first card is painted: reading what changed scans every item of a large deck
        self.call_after_refresh(self._mention_deck_changes)

    def _mention_deck_changes(self) -> None:
        """Say what changed in the deck since last time; offer to reset cards whose answer changed."""
        ask = getattr(self.driver, "answer_changes", None)
        if ask is None:
            return
        try:
            keys, notices = ask()
        except QuizError:
            return
        for notice in notices[:3]:
            self.notify(notice, markup=False, timeout=8)
        if not keys:
            return
        from quiz.tui.screens.confirm import ConfirmModal

        count = len(keys)
        question = render.lines(
            [
                render.label(f"The answer of {count} card{'s' * (count != 1)} changed since you studied it.", "bold"),
                render.label("Start them afresh? (n keeps your progress on them)"),
            ]
        )

        def settle(reset: bool | None) -> None:
            try:
                self.driver.settle_changes(keys, reset=bool(reset))  # type: ignore[attr-defined]
            except QuizError as error:
                self.notify(str(error), severity="error", markup=False)

        self.app.push_screen(ConfirmModal(question), callback=settle)

    # --- showing ---------------------------------------------------------------

    def show_current(self) -> None:
        """Ask the session's current item, or end with the summary when there is none."""
        self.shown = self.driver.current()
        self.verdict = None
        self.query_one("#feedback", FeedbackPanel).clear()
        self.query_one("#grade-bar", GradeBar).clear()
        hint = self.query_one("#hint", Static)
        hint.update("")
        hint.display = False
        stage = self.query_one("#stage", VerticalScroll)
        self._update_header()
        old = self._question
        if self.shown is None:
            if old is not None:
                old.remove()
                self._question = None
            self.finish()
            return
        self.phase = ASKING
        widget = question_widget(self.shown)
        if isinstance(old, TypedQuestion) and isinstance(widget, TypedQuestion):
            old.ask(widget.card, prompt=widget.prompt, placeholder=widget.placeholder)
            old.focus_input()
        else:
            if old is not None:
                old.remove()
            self._question = widget
            stage.mount(widget, before=self.query_one("#hint"))
            self.call_after_refresh(widget.focus_input)
        stage.scroll_home(animate=False)
        self._show_keys()

    @property
    def question(self) -> QuestionWidget | None:
        """The question on screen (a widget being removed no longer counts)."""
        return self._question

    def _update_header(self) -> None:
        status = self.driver.status()
        self.query_one("#study-header", StudyHeader).show(
            HeaderState(
                title=self.driver.title,
                mode=self.driver.mode,
                position=status.position,
                total=status.total,
                score=status.score,
                streak=status.streak,
                elapsed=status.elapsed,
                saved=status.saved,
                unsaved_reason=status.unsaved_reason,
                round=status.round,
            )
        )

    def _tick(self) -> None:
        self._update_header()

    def _show_keys(self) -> None:
        """The keys that do something now, in one line (a Footer recomposes itself on every change: too slow here)."""
        question = self.question
        typing = self.phase == ASKING and question is not None and question.uses_letters
        keys: list[tuple[str, str]] = []
        if self.phase == ASKING and isinstance(question, FlashcardQuestion):
            keys.append(("space", "show answer"))
        if self.phase == REVEALED:
            keys.append(("1-4", "rate"))
        can_undo = self.driver.mode != "quiz"  # a quiz answer stands once given
        if self.phase == ANSWERED:
            keys += [("⏎", "next"), ("1-4", "rate")]
            if self._can_claim_right():
                keys.append(("y", "I was right"))
            if can_undo:
                keys.append(("u", "undo"))
        elif self.shown is not None:
            if self.phase == ASKING:
                keys.append(("^g" if typing else "h", "hint"))
            keys.append(("^s" if typing else "s", "skip"))
            if can_undo:
                keys.append(("^z" if typing else "u", "undo"))
            keys += [("^b" if typing else "b", "bury"), ("^o" if typing else "x", "suspend")]
        keys += [("esc", "end"), ("f1" if typing else "?", "help"), ("^q", "quit")]
        self.query_one("#key-bar", KeyBar).show(keys, optional=("suspend", "bury"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show in the footer only the keys that do something now."""
        if action == "reveal":
            return self.phase == ASKING and isinstance(self.question, FlashcardQuestion)
        if action in ("accept",):
            return self.phase == ANSWERED
        if action in ("rate",):
            return self.phase in (REVEALED, ANSWERED)
        if action == "was_right":
            return self._can_claim_right()
        if action in ("hint", "skip", "bury", "suspend", "edit"):
            return self.phase != ANSWERED and self.shown is not None
        return True

    # --- answering -------------------------------------------------------------

    def action_reveal(self) -> None:
        question = self.question
        if self.phase == ASKING and isinstance(question, FlashcardQuestion):
            question.reveal()

    @on(Revealed)
    def _revealed(self) -> None:
        self.phase = REVEALED
        self.query_one("#grade-bar", GradeBar).show(self.driver.intervals(), suggested=None)
        self._show_keys()

    @on(Answered)
    def _answered(self, event: Answered) -> None:
        event.stop()
        if self.phase != ASKING or self.question is None:
            return
        try:
            verdict = self.driver.answer(event.response)
        except QuizError as error:
            # not saved (disk full, say): the question stays, the header says why, enter retries
            self.notify(str(error), severity="error", markup=False, timeout=8)
            self._update_header()
            return
        self.verdict = verdict
        self.phase = ANSWERED
        self._tell()
        self.question.close_input()
        self.question.mark_answer(event.response)
        self.query_one("#feedback", FeedbackPanel).show(self.question.card, verdict)
        self.query_one("#grade-bar", GradeBar).show(
            self.driver.intervals(),
            suggested=verdict.rating,
            right_key=self._can_claim_right(),
        )
        self._update_header()
        self.query_one("#stage", VerticalScroll).scroll_end(animate=False)
        self.set_focus(None)
        self._show_keys()

    def action_accept(self) -> None:
        if self.phase == ANSWERED and self.verdict is not None:
            self._commit(self.verdict.rating)

    def action_rate(self, rating: int) -> None:
        if self.phase in (REVEALED, ANSWERED):
            self._commit(Rating(rating), overridden=self.phase == ANSWERED)

    def _can_claim_right(self) -> bool:
        """ "I was right" is offered for typed answers the grader did not count fully right."""
        question = self.question
        return (
            self.phase == ANSWERED
            and self.verdict is not None
            and self.verdict.correctness is not Correctness.CORRECT
            and question is not None
            and question.typed
        )

    def action_was_right(self) -> None:
        if not self._can_claim_right():
            return
        try:
            self.driver.was_right()
        except QuizError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._next()

    def _commit(self, rating: Rating, *, overridden: bool = False) -> None:
        try:
            self.driver.rate(
                rating, overridden=overridden and self.verdict is not None and rating != self.verdict.rating
            )
        except QuizError as error:
            self.notify(str(error), severity="error", markup=False, timeout=8)
            self._update_header()
            return
        self._next()

    def _next(self) -> None:
        self._tell()
        self.show_current()

    def _tell(self) -> None:
        """Pass on what the session has to say (a card became a leech, say)."""
        notice = self.driver.notice
        if notice:
            self.driver.notice = ""
            self.notify(notice, markup=False, timeout=8)

    # --- around a question -----------------------------------------------------

    def action_hint(self) -> None:
        if self.shown is None or self.phase == ANSWERED:
            return
        text = self.driver.hint()
        hint = self.query_one("#hint", Static)
        if text:
            hint.update(render.join(("Hint: ", "bold $accent"), render.deck_text(text)))
        else:
            hint.update(render.label("No hint for this card.", "$text-muted"))
        hint.display = True

    def action_skip(self) -> None:
        if self.shown is not None and self.phase != ANSWERED:
            self.driver.skip()
            self.show_current()

    def action_undo(self) -> None:
        try:
            undone = self.driver.undo()
        except QuizError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if undone:
            self.notify("Last answer undone.", markup=False)
            self.show_current()
        else:
            self.notify("Nothing to undo.", markup=False)

    def action_bury(self) -> None:
        if self.shown is not None and self.phase != ANSWERED:
            self.driver.bury()
            self.notify("Buried until tomorrow.", markup=False)
            self.show_current()

    def action_suspend(self) -> None:
        if self.shown is not None and self.phase != ANSWERED:
            self.driver.suspend()
            self.notify(
                "Suspended: it stays out of every session until you bring it back (u on the deck screen).", markup=False
            )
            self.show_current()

    def action_edit(self) -> None:
        if self.shown is None or self.deck_path is None or self.phase == ANSWERED:
            return
        from quiz.tui.editing import edit_and_reload

        deck = edit_and_reload(self.app, self.deck_path, self.shown.card.line)
        if deck is None:
            return
        try:
            self.driver.reload(deck)
        except QuizError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.show_current()

    def action_leave(self) -> None:
        """End the session now; a quiz is scored on what was answered.

        Every answer was saved when it was given, unless the header says it could not be.
        """
        self.flush_pending()
        try:
            self.driver.close()
        except QuizError as error:
            self.notify(str(error), severity="error", markup=False)
        self.finish()

    def finish(self) -> None:
        from quiz.tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.driver, deck_path=self.deck_path))

    def flush_pending(self) -> None:
        """Record an answer still waiting for its rating (with the suggested one), before the app quits."""
        if self.phase == ANSWERED and self.verdict is not None:
            self.phase = ASKING
            try:
                self.driver.rate(self.verdict.rating)
            except QuizError:
                pass


def open_study(app: App, path: Path, mode: str, *, options: dict | None = None) -> bool:
    """Start a session on the deck at `path` and show it; a problem becomes a notice, never a crash.

    Returns:
        Whether the session started.
    """
    backend = app.backend  # type: ignore[attr-defined]
    try:
        driver = backend.start_session(path, mode, options or {}, rng=random.Random(backend.seed))
    except DeckError as error:
        from quiz.tui.screens.problems import ProblemsScreen

        app.call_later(app.push_screen, ProblemsScreen(path, error.problems))
        return False
    except QuizError as error:
        app.notify(str(error), title="Cannot start", severity="error", markup=False, timeout=10)
        return False
    app.push_screen(StudyScreen(driver, deck_path=path))
    return True
