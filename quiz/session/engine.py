"""`Session`: one sitting of review, quiz, learn or cram, driven by a UI that only displays it.

Each answer is graded, scheduled and written to the store in its own committed
transaction before `answer` returns, so what the student saw acknowledged
survives a crash. The rating stays open until the next action: `rate` changes it
(and "I was right" counts the answer right), which the store records as an undo
of the first answer plus a new one, so the log shows both.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TypeVar

from quiz.clock import Clock
from quiz.errors import QuizError, StorageError
from quiz.grading import Verdict
from quiz.grading.verdict import Rule
from quiz.model import (
    AnyCard,
    ClozeCard,
    Correctness,
    Deck,
    MemoryState,
    Rating,
    StudyOptions,
    cards_by_id,
    item_keys,
    split_item_key,
)
from quiz.scheduling import Scheduler, preview
from quiz.session.answers import Preview, Step, expected_text
from quiz.session.flow import Mode, StudyQueue
from quiz.session.items import (
    Presentation,
    StudyItem,
    pool_entries,
    recall_question,
    recognition_item,
    response_text,
)
from quiz.session.queues import StudyDay
from quiz.session.results import AnswerResult, DeckChanges, Outcome, Progress, Summary, credit, summarise
from quiz.session.saving import Recorder
from quiz.storage import Store, StudyMode, SyncReport

_T = TypeVar("_T")

POOL_CARDS = 5000
"""Distractors for recognition questions come from at most this many of the deck's cards, drawn at random."""

READ_ONLY_NOTICE = "read-only data folder"
"""What a session on a read-only store says about saving, short enough for the study header."""


class Session:
    """A study session over one deck. Build it with `quiz.session.start_session`."""

    def __init__(
        self,
        store: Store,
        deck: Deck,
        *,
        mode: Mode,
        clock: Clock,
        rng: random.Random,
        scheduler: Scheduler,
        options: StudyOptions,
        queue: StudyQueue,
        memory: dict[str, MemoryState | None],
        new_keys: set[str],
        update_schedule: bool = False,
        quiz_settings: Mapping[str, object] | None = None,
        sync: SyncReport | None = None,
        cards: Mapping[str, AnyCard] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.deck = deck
        self.mode = mode
        self.clock = clock
        self.rng = rng
        self.scheduler = scheduler
        self.options = options
        self.update_schedule = update_schedule or mode in (Mode.REVIEW, Mode.LEARN)
        """Answers move the schedule (always in review and learn, on request in a quiz, never in cram)."""
        self.sync = sync
        """What changed in the deck since the store last saw it, when the session opened it."""
        self._cards = cards if cards is not None else cards_by_id(deck.cards)
        self._queue = queue
        self._memory = memory
        self._new = new_keys
        self._monotonic = monotonic
        self._started = monotonic()
        self._asked_at: float | None = None
        """When the current item was first read (`current`): a question's time starts when it is shown."""
        self._results: list[AnswerResult] = []
        self._history: list[Step] = []
        self._pending: Step | None = None
        self._current: StudyItem | None = None
        self._removed: set[str] = set()
        self._streak = 0
        self._best_streak = 0
        self._skipped = 0
        self._hint_used = False
        self._leeches: list[str] = []
        self.saves_answers = not store.read_only
        """False when the store cannot be written (a read-only data folder): answers are graded and
        scheduled within the session, and nothing is saved. The UI should say so (`not_saved_notice`)."""
        self.not_saved_notice = "" if self.saves_answers else READ_ONLY_NOTICE
        """Why nothing is saved, for the UI to show from the start ("" when answers are saved)."""
        self._saved = self.saves_answers
        self._unsaved_reason = self.not_saved_notice
        self._closed = False
        self._answer_pool: dict[str, list[str]] | None = None
        self.session_id = store.start_session(deck.id, StudyMode(mode.value)) if self.saves_answers else None
        self.quiz_id = (
            store.start_quiz(deck.id, dict(quiz_settings or {})) if mode is Mode.QUIZ and self.saves_answers else None
        )
        self._recorder = Recorder(
            store,
            deck.id,
            StudyMode(mode.value),
            self.session_id,
            scheduler,
            options,
            self.update_schedule,
            quiz_id=self.quiz_id,
            log_reviews=mode is not Mode.QUIZ or self.update_schedule,
            saving=self.saves_answers,
        )
        self._advance()

    # --- what is asked -----------------------------------------------------------

    @property
    def current(self) -> StudyItem | None:
        """The item to ask now, or None when the session is over."""
        if self._current is None and not self._closed:
            self._advance()
        if self._current is not None and self._asked_at is None:
            self._asked_at = self._monotonic()
        return self._current

    @property
    def finished(self) -> bool:
        return self.current is None

    def hint(self) -> str:
        """The current item's hint ("" if it has none); using it caps the suggested rating at Hard."""
        item = self.current
        if item is None:
            return ""
        self._hint_used = True
        return item.hint

    def intervals(self) -> dict[Rating, timedelta]:
        """When the item would come back for each rating: the answered item while its rating is open, else the current.

        Empty when answers do not move the schedule (cram, a quiz without update_schedule).
        """
        if not self.update_schedule:
            return {}
        if self._pending is not None:
            step = self._pending
            return preview(step.memory_before.get(step.item.key), now=step.at, scheduler=self.scheduler)
        item = self.current
        if item is None:
            return {}
        return preview(self._memory.get(item.key), now=self.clock.now(), scheduler=self.scheduler)

    @property
    def progress(self) -> Progress:
        answered = len(self._results)
        remaining = self._remaining()
        total = answered + remaining
        points = sum(result.score for result in self._results)
        return Progress(
            position=answered + (1 if self._current is not None else 0),
            total=total,
            answered=answered,
            score=points / answered if answered else None,
            streak=self._streak,
            best_streak=self._best_streak,
            elapsed=self._monotonic() - self._started,
            on_card=self._monotonic() - self._asked_at
            if self._current is not None and self._asked_at is not None
            else 0.0,
            saved=self._saved,
            unsaved_reason=self._unsaved_reason,
            round=self._queue.round,
        )

    def _remaining(self) -> int:
        current = self._current.key if self._current is not None else None
        return self._queue.remaining(current, learn=self.mode is Mode.LEARN)

    # --- answering -----------------------------------------------------------------

    def answer(self, response: object, *, elapsed: float | None = None) -> Outcome:
        """Grade, schedule and save an answer to the current item, then move on to the next one.

        The answer is committed before this returns. Its rating (the grader's
        suggestion) stays open: `rate` or `override_correct` may change it until the
        next answer or action.

        Args:
            response: What the student gave (see `quiz.grading.grade`); a `Rating` rates a flashcard.
            elapsed: Seconds the student took; measured from when the item was first asked if None.

        Raises:
            QuizError: nothing to answer, or the answer could not be saved (then nothing changed).
        """
        item = self._require_current()
        if elapsed is not None:
            seconds = elapsed
        else:
            seconds = self._monotonic() - self._asked_at if self._asked_at is not None else 0.0
        from quiz.grading.grader import grade  # loaded with the first answer, not before the first question

        try:
            verdict = grade(item.card, response, item=item.grade_key, elapsed=seconds)  # type: ignore[arg-type]
        except ValueError as error:
            raise QuizError(f"That answer cannot be read: {error}") from error
        rating = verdict.rating
        if verdict.correctness is not Correctness.SELF_RATED:
            if self._hint_used and rating > Rating.HARD:
                rating = Rating.HARD
            if item.presentation is not Presentation.AS_WRITTEN and rating == Rating.EASY:
                rating = Rating.GOOD
        step = self._apply(item, verdict, rating, response_text(item.card, response), seconds, self.clock.now())
        return self._outcome(step)

    def rate(self, rating: Rating) -> Outcome:
        """Rate the answer just given (changing the suggestion), or rate a flashcard not yet answered.

        Changing a saved rating undoes the saved answer in the store and saves it
        again with the new rating, in two short commits.
        """
        rating = Rating(rating)
        step = self._pending
        if step is None:
            return self.answer(rating)
        if rating == step.result.rating:
            self._pending = None
            return self._outcome(step)
        return self._outcome(self._redo(step, rating, overridden=step.result.overridden))

    def override_correct(self) -> Outcome:
        """ "I was right": count the answer just given as right (rated Good); the override is kept in the log."""
        step = self._pending
        if step is None:
            raise QuizError("There is no answer to count as right.")
        verdict = replace(
            step.verdict,
            correctness=Correctness.CORRECT,
            score=1.0,
            rule=Rule.EXACT,
            explanation="counted right at the student's word",
            rating=Rating.GOOD,
        )
        step.verdict = verdict
        return self._outcome(self._redo(step, Rating.GOOD, overridden=True))

    def skip(self) -> None:
        """Put the current item off to the end of the session."""
        item = self._require_current()
        self._pending = None
        self._skipped += 1
        self._queue.upcoming.append(item.key)
        self._current = None
        self._advance()

    def bury(self) -> None:
        """Hide the current card (all its items) until the next study day."""
        item = self._require_current()
        keys = self._card_keys(item)
        day = StudyDay.of(self.clock.now(), self.options)
        self._store_write(lambda: self.store.bury(self.deck.id, keys, day.end))
        self._drop(keys)

    def suspend(self) -> None:
        """Keep the current card (all its items) out of every review until the student unsuspends it."""
        item = self._require_current()
        keys = self._card_keys(item)
        self._store_write(lambda: self.store.suspend(self.deck.id, keys))
        self._drop(keys)

    def undo(self) -> StudyItem | None:
        """Take back the last answer: the store restores the item's state and the item is asked again.

        Returns the item asked again, or None when there is nothing to undo.

        Raises:
            QuizError: in a quiz (a quiz answer stands once given), or the store refused.
        """
        if not self._history:
            return None
        if self.mode is Mode.QUIZ:
            raise QuizError("Quiz answers cannot be taken back.")
        step = self._history[-1]
        self._store_call(lambda: self._recorder.take_back(step.review_ids))
        self._history.pop()
        self._results.pop()
        self._forget_step(step)
        self._current = step.item
        self._asked_at = None
        return step.item

    def reload(self, deck: Deck) -> SyncReport:
        """Carry on with an edited deck: sync the store, drop removed cards, show edited ones as they now are."""
        report = self._store_write(lambda: self.store.sync_deck(deck)) or SyncReport(deck_id=deck.id)
        self.deck = deck
        self._cards = cards_by_id(deck.cards)
        self.sync = report
        self._answer_pool = None
        valid = {key for card in deck.cards for key in item_keys(card)} | set(self._cards)
        queued = {*self._queue.upcoming, *self._queue.waiting, *self._queue.next_round}
        queued |= {key for _, key in self._queue.later}
        self._queue.drop({key for key in queued if key not in valid})
        self._pending = None
        if self._current is not None:
            if self._current.key not in valid:
                self._current = None
                self._advance()
            else:
                self._current = self._make_item(self._current.key)
        return report

    # --- deck edits ---------------------------------------------------------------

    def changes(self) -> DeckChanges:
        """Edited cards and leeches of this deck, for the UI to mention when the session opens."""
        records = self.store.flagged_items(self.deck.id)  # through indexes of flagged items: no pass over the deck
        return DeckChanges(
            changed=tuple(record.item_key for record in records if record.changed and not record.answer_changed),
            answer_changed=tuple(record.item_key for record in records if record.answer_changed),
            leeches=tuple(record.item_key for record in records if record.leech),
            notices=self.sync.notices if self.sync is not None else (),
        )

    def reset_items(self, keys: Sequence[str]) -> None:
        """Start these items afresh (e.g. after their answer changed); their history is kept."""
        keys = list(keys)
        self._store_write(lambda: self.store.reset(self.deck.id, keys))
        for key in keys:
            self._memory[key] = None
            self._new.add(key)

    def keep_progress(self, keys: Sequence[str]) -> None:
        """Keep the progress of edited items and stop flagging them."""
        keys = list(keys)
        self._store_write(lambda: self.store.acknowledge_change(self.deck.id, keys))

    # --- end -------------------------------------------------------------------------

    def summary(self) -> Summary:
        """The session's results, and its end: the session (and a quiz attempt) is closed in the store.

        A session left early ends here too, scored on what was answered; watch
        `progress` for the numbers while it runs.
        """
        summary = summarise(
            self.mode.value,
            self._results,
            seconds=self._monotonic() - self._started,
            skipped=self._skipped,
            leeches=self._leeches,
            best_streak=self._best_streak,
        )
        self.close()
        return summary

    def close(self) -> None:
        """Record the end of the session (and of a quiz attempt, scored on what was answered); safe to call twice."""
        if self._closed:
            return
        self._closed = True
        unanswered = len(self._queue.upcoming) + (1 if self._current is not None else 0)
        self._current = None
        summary = summarise(self.mode.value, self._results, seconds=self._monotonic() - self._started)
        if self.quiz_id is not None:
            quiz_id = self.quiz_id
            asked = len(self._results) + unanswered
            self._store_call(lambda: self.store.finish_quiz(quiz_id, score=summary.points, max_score=float(asked)))
        session_id = self.session_id
        if session_id is not None:
            self._store_call(lambda: self.store.finish_session(session_id, summary.as_dict()))

    def retry_misses(self) -> Session | None:
        """A new session over the items missed here: a quiz again for a quiz, cram otherwise; None if none."""
        from quiz.session.starting import start_session

        keys = [miss.key for miss in summarise(self.mode.value, self._results, seconds=0).misses]
        if not keys:
            return None
        self.close()
        mode = Mode.QUIZ if self.mode is Mode.QUIZ else Mode.CRAM
        return start_session(
            self.store, self.deck, mode=mode, clock=self.clock, rng=self.rng, keys=keys, monotonic=self._monotonic
        )

    # --- inside ------------------------------------------------------------------------

    def _require_current(self) -> StudyItem:
        item = self.current
        if item is None:
            raise QuizError("The session is over: there is nothing left to answer.")
        return item

    def _store_call(self, work: Callable[[], _T]) -> _T:
        """Run a store write; a failure is remembered for the header and passed on as a QuizError."""
        try:
            result = work()
        except StorageError as error:
            self._saved = False
            self._unsaved_reason = str(error)
            raise
        self._saved = self.saves_answers
        self._unsaved_reason = self.not_saved_notice
        return result

    def _store_write(self, work: Callable[[], _T]) -> _T | None:
        """A change the student asked of the store; a read-only store is left alone (None), the session goes on."""
        if not self.saves_answers:
            return None
        return self._store_call(work)

    def _card_keys(self, item: StudyItem) -> list[str]:
        card = self._cards.get(item.card_id)
        return list(item_keys(card)) if card is not None else [item.key]

    def _drop(self, keys: Sequence[str]) -> None:
        self._pending = None
        self._removed.update(keys)
        self._queue.drop(set(keys))
        if self._current is not None and self._current.key in keys:
            self._current = None
        self._advance()

    def _schedule_keys(self, item: StudyItem) -> list[str]:
        """The study items one answer schedules: the item, or every item of a card a quiz asked whole."""
        if item.key == item.deck_card.id and isinstance(item.deck_card, ClozeCard):
            return list(item_keys(item.deck_card))
        return [item.key]

    def _apply(
        self,
        item: StudyItem,
        verdict: Verdict,
        rating: Rating,
        given: str,
        seconds: float,
        at: datetime,
        *,
        overridden: bool = False,
        queue_before: StudyQueue | None = None,
        streak_before: int | None = None,
        quiz_answer: bool = True,
    ) -> Step:
        """Save one answer and move on; nothing in the session changes unless the store accepted it."""
        keys = self._schedule_keys(item)
        memory_before = {key: self._memory.get(key) for key in keys}
        score = credit(verdict, rating)
        saved = self._store_call(
            lambda: self._recorder.save(
                item.key, keys, verdict, rating, score=score, given=given, duration_ms=int(max(seconds, 0.0) * 1000),
                at=at, memory_before=memory_before, quiz_answer=quiz_answer,
            )
        )  # fmt: skip
        review_ids, memory_after, leech = list(saved.review_ids), saved.memory_after, saved.leech
        result = AnswerResult(
            key=item.key,
            card_type=str(item.deck_card.type),
            tags=item.deck_card.tags,
            question=recall_question(item.deck_card, item.key),
            given=given,
            expected=verdict.expected if item.presentation is Presentation.AS_WRITTEN else expected_text(item),
            verdict=verdict,
            rating=rating,
            score=score,
            seconds=seconds,
            overridden=overridden,
        )
        step = Step(
            item=item,
            verdict=verdict,
            given=given,
            seconds=seconds,
            at=at,
            queue_before=queue_before if queue_before is not None else self._queue.copy(),
            memory_before=memory_before,
            streak_before=self._streak if streak_before is None else streak_before,
            result=result,
            review_ids=review_ids,
            memory_after=memory_after,
            leech=leech,
        )
        self._memory.update(memory_after)
        self._results.append(result)
        self._history.append(step)
        self._streak = self._streak + 1 if result.right else 0
        self._best_streak = max(self._best_streak, self._streak)
        self._pending = step
        self._hint_used = False
        step.again = self._queue.requeue(
            self.mode,
            item.key,
            memory_after.get(item.key),
            right=result.right,
            day_end=StudyDay.of(at, self.options).end,
        )
        if leech:
            self._leeches.append(item.key)
            self._removed.update(keys)
            self._queue.drop(set(keys))
        self._current = None
        self._advance()
        if self._current is None and not self._queue.later:
            self.close()
        return step

    def _redo(self, step: Step, rating: Rating, *, overridden: bool) -> Step:
        """Replace the pending answer with the same answer rated differently (re-opening a finished session)."""
        self._closed = False
        self._store_call(lambda: self._recorder.take_back(step.review_ids))
        self._history.pop()
        self._results.pop()
        self._forget_step(step)
        return self._apply(
            step.item,
            step.verdict,
            rating,
            step.given,
            step.seconds,
            step.at,
            overridden=overridden,
            queue_before=step.queue_before,
            streak_before=step.streak_before,
            quiz_answer=credit(step.verdict, rating) != step.result.score,
        )

    def _forget_step(self, step: Step) -> None:
        """Put the session back as it was before `step` (the store was already told)."""
        self._memory.update(step.memory_before)
        self._queue = step.queue_before.copy()
        self._queue.drop(self._removed - set(step.memory_after) - {step.item.key})
        if step.leech:
            self._leeches = [key for key in self._leeches if key != step.item.key]
            self._removed.difference_update(step.memory_after)
        self._streak = step.streak_before
        self._best_streak = max([0, *self._running_streaks()])
        self._pending = None
        self._current = None

    def _running_streaks(self) -> list[int]:
        streaks, run = [], 0
        for result in self._results:
            run = run + 1 if result.right else 0
            streaks.append(run)
        return streaks

    def _advance(self) -> None:
        """Pick the next item: learning items now due, then the queue, then learning items due soon."""
        if self._current is not None:
            return
        key = self._queue.take(self.clock.now(), self.rng, learn=self.mode is Mode.LEARN)
        if key is None:
            return
        item = self._make_item(key)
        if item is None:
            self._advance()
            return
        self._current = item
        self._asked_at = None
        self._hint_used = False

    def _make_item(self, key: str) -> StudyItem | None:
        card = self._cards.get(split_item_key(key)[0])
        if card is None:
            return None
        item = StudyItem(key, card, card, Presentation.AS_WRITTEN, key in self._new)
        if self.mode is Mode.LEARN and self._queue.right.get(key, 0) == 0:
            true_false = self.rng.random() < 0.25
            return recognition_item(item, self._pool(), self.rng, true_false=true_false) or item
        return item

    def _pool(self) -> dict[str, list[str]]:
        """Answers the deck offers as distractors (`pool_entries`), for `recognition_item` to pick the right kind."""
        if self._answer_pool is None:
            pool: dict[str, list[str]] = {}
            ids = list(self._cards)
            if len(ids) > POOL_CARDS:  # a large deck: a random share of it is plenty, and 20 times quicker
                ids = self.rng.sample(ids, POOL_CARDS)
            for other in (self._cards[card_id] for card_id in ids):
                for group, answer in pool_entries(other):
                    pool.setdefault(group, []).append(answer)
            self._answer_pool = pool
        return self._answer_pool

    def _outcome(self, step: Step) -> Outcome:
        memory = step.memory_after.get(step.item.key)
        schedules = self.update_schedule and memory is not None
        message = ""
        if step.leech:
            message = (
                f"This card has been forgotten {memory.lapses if memory else self.options.leech_threshold} times: "
                "it is now tagged a leech and suspended. Rewrite it, or unsuspend it when you are ready."
            )
        return Outcome(
            key=step.item.key,
            verdict=step.verdict,
            rating=step.result.rating,
            intervals=Preview(self.scheduler, step) if self._pending is step and self.update_schedule else {},
            progress=self.progress,
            saved=True,
            due=memory.due if schedules and memory else None,
            memory=memory if schedules else None,
            leech=step.leech,
            message=message,
            again_in_session=step.again,
            seconds=step.seconds,
        )
