"""`SessionDriver`: a real study session (quiz.session) seen through the StudyDriver interface.

Everything that is progress — the queue, grading, scheduling, commits, undo,
score and streak — is the session's. The session commits an answer and moves
on as soon as it is given, keeping its rating open until the next action;
the study screen keeps showing the answered item with its feedback until the
student rates it, so this adapter remembers what is on screen. It also
decides presentation the session leaves open: the order choices are listed
in, the scrambled start of an order card, and where a match card's partners
appear (seeded, so a fixed seed shows the same screen).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from quiz.grading.verdict import Verdict
from quiz.model import ChoiceCard, Deck, MatchCard, MultiCard, OrderCard, Rating, split_item_key
from quiz.tui.driver import Miss, Shown, Status, Summary


class SessionDriver:
    """Adapts one quiz.session.Session for the study screen."""

    def __init__(self, session: Any, deck: Deck, mode: str, *, rng: random.Random, timer: bool = True) -> None:
        self.session = session
        """The session; it owns every number this driver reports."""
        self.deck = deck
        self.deck_id = deck.id
        self.title = deck.title
        self.mode = mode
        self.rng = rng
        self.timer = timer
        """Show the running time in the header (a quiz option)."""
        self.notice = ""
        """A sentence from the session for the student (a new leech, say); the screen shows and clears it."""
        self._shown: Shown | None = None
        self._outcome: Any = None
        """The last answer's outcome while its rating is still open."""
        self._answered = False
        self._ended_early = False
        """The student ended the session with items still to ask."""

    @classmethod
    def start(
        cls,
        backend: Any,
        deck: Deck,
        mode: str,
        options: Mapping[str, Any],
        *,
        rng: random.Random,
        sync: bool = True,
    ) -> SessionDriver:
        """Open a session on `deck` in `mode` (the session syncs the deck with the store unless told it is synced)."""
        from quiz.session import start_session

        chosen = {key: options[key] for key in ("count", "types", "tags") if options.get(key) is not None}
        session = start_session(backend.store, deck, mode=mode, clock=backend.clock, rng=rng, sync=sync, **chosen)
        return cls(session, deck, mode, rng=rng, timer=bool(options.get("timer", True)))

    # --- the item being asked ----------------------------------------------------

    def current(self) -> Shown | None:
        if self._shown is not None:
            return self._shown
        item = self.session.current
        if item is None:
            return None
        card = item.card
        _, sub = split_item_key(item.key)
        self._shown = Shown(
            card=card,
            key=item.key,
            reverse=sub == "reverse",
            gap=int(sub[3:]) if sub.startswith("gap") and item.grade_key else None,
            choice_order=self._choice_order(card),
            order_start=self._order_start(card),
            match_rights=self._match_rights(card),
        )
        return self._shown

    def _choice_order(self, card: Any) -> tuple[int, ...]:
        if not isinstance(card, ChoiceCard | MultiCard):
            return ()
        order = list(range(len(card.choices)))
        if card.shuffle:
            self.rng.shuffle(order)
        return tuple(order)

    def _order_start(self, card: Any) -> tuple[int, ...]:
        if not isinstance(card, OrderCard):
            return ()
        order = list(range(len(card.items)))
        while len(order) > 1 and order == sorted(order):
            self.rng.shuffle(order)
        return tuple(order)

    def _match_rights(self, card: Any) -> tuple[str, ...]:
        if not isinstance(card, MatchCard):
            return ()
        rights = [right for _, right in card.pairs] + list(card.distractors)
        self.rng.shuffle(rights)
        return tuple(rights)

    # --- answering -----------------------------------------------------------------

    def answer(self, response: object) -> Verdict:
        """Hand the answer to the session, which grades and commits it before returning."""
        outcome = self.session.answer(response)
        self._outcome = outcome
        self._answered = True
        self.notice = outcome.message
        return outcome.verdict

    def rate(self, rating: Rating, *, overridden: bool = False) -> None:
        """Keep or change the rating of the answer on screen, or rate a revealed flashcard.

        The session keeps an answer's rating open until the next action, so the
        answer on screen is always closed here (the same rating writes nothing),
        and a flashcard is answered as itself: it must never reach back and
        re-rate the answer before it.
        """
        if self._outcome is None:
            outcome = self.session.answer(rating)
        else:
            outcome = self.session.rate(rating)
        self.notice = outcome.message or self.notice
        self._answered = True
        self._next()

    def was_right(self) -> None:
        outcome = self.session.override_correct()
        self.notice = outcome.message
        self._next()

    def _next(self) -> None:
        self._outcome = None
        self._shown = None

    def intervals(self) -> Mapping[Rating, timedelta | None]:
        return self.session.intervals()

    def hint(self) -> str:
        return self.session.hint()

    # --- around a question -----------------------------------------------------------

    def skip(self) -> None:
        self.session.skip()
        self._next()

    def undo(self) -> bool:
        """Take back the last answer (the one on screen, if its rating is still open)."""
        undone = self.session.undo() is not None
        if undone:
            self._next()
        return undone

    def bury(self) -> None:
        self.session.bury()
        self._next()

    def suspend(self) -> None:
        self.session.suspend()
        self._next()

    def reload(self, deck: Deck) -> None:
        self.session.reload(deck)
        self.deck = deck
        self.title = deck.title
        self._next()

    def answer_changes(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Items whose answer changed since last studied, and sentences about the deck's changes."""
        changes = self.session.changes()
        return tuple(changes.answer_changed), tuple(changes.notices)

    def settle_changes(self, keys: tuple[str, ...], *, reset: bool) -> None:
        """Start the changed items afresh, or keep their progress and stop flagging them."""
        if reset:
            self.session.reset_items(keys)
        else:
            self.session.keep_progress(keys)

    def close(self) -> None:
        """Record the end of the session (a quiz is scored on what was answered); safe to call twice."""
        self._ended_early = self._ended_early or self.session.current is not None
        self.session.close()

    # --- numbers -------------------------------------------------------------------------

    def status(self) -> Status:
        progress = self.session.progress
        return Status(
            position=max(1, min(progress.answered + (0 if self._outcome is not None else 1), progress.total))
            if progress.total
            else 0,
            total=progress.total,
            score=progress.score,
            streak=progress.streak,
            elapsed=progress.elapsed if self.timer else -1.0,
            saved=self._answered and progress.saved,
            unsaved_reason=progress.unsaved_reason,
            round=progress.round if self.mode == "learn" else 0,
        )

    def summary(self) -> Summary:
        summary = self.session.summary()
        return Summary(
            mode=self.mode,
            answered=summary.answered,
            score=summary.score,
            seconds=summary.seconds,
            by_tag=dict(summary.by_tag),
            by_type=dict(summary.by_type),
            misses=[Miss(m.question, m.given, m.expected, m.score) for m in summary.misses],
            ratings=dict(summary.ratings),
            complete=not self._ended_early and self.session.current is None,
        )

    def retry_misses(self) -> SessionDriver | None:
        retry = self.session.retry_misses()
        if retry is None:
            return None
        return SessionDriver(retry, self.deck, retry.mode.value, rng=self.rng, timer=self.timer)
