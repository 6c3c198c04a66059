"""`SessionDriver`: a real study session (quiz.session) seen through the StudyDriver interface.

Everything that is progress — the queue, grading, scheduling, commits, undo,
score and streak — is the session's. This adapter only renames, and decides
presentation the session leaves open: the order choices are listed in, the
scrambled start of an order card, and where a match card's partners appear
(seeded, so a fixed seed shows the same screen).
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from quiz.grading.verdict import Verdict
from quiz.model import ChoiceCard, Deck, MatchCard, MultiCard, OrderCard, Rating, split_item_key
from quiz.tui.driver import Miss, Shown, Status, Summary


class SessionDriver:
    """Adapts one quiz.session session for the study screen."""

    def __init__(self, backend: Any, session: Any, deck: Deck, mode: str, *, rng: random.Random) -> None:
        self.backend = backend
        self.session = session
        """The session; it owns every number this driver reports."""
        self.deck = deck
        self.deck_id = deck.id
        self.title = deck.title
        self.mode = mode
        self.rng = rng
        self._shown: Shown | None = None
        self._asked_at = time.monotonic()

    @classmethod
    def start(
        cls, backend: Any, deck: Deck, mode: str, options: Mapping[str, Any], *, rng: random.Random
    ) -> SessionDriver:
        """Open a session on `deck` in `mode` with the quiz options from the deck screen."""
        from quiz.session import start_session

        session = start_session(
            backend.store, deck, mode=mode, clock=backend.clock, rng=rng, **_session_options(mode, options)
        )
        return cls(backend, session, deck, mode, rng=rng)

    # --- the item being asked ----------------------------------------------------

    def current(self) -> Shown | None:
        item = self.session.current
        if item is None:
            self._shown = None
            return None
        if self._shown is not None and self._shown.key == item.key:
            return self._shown
        card = item.card
        _, sub = split_item_key(item.key)
        shown = Shown(
            card=card,
            key=item.key,
            reverse=sub == "reverse",
            gap=int(sub[3:]) if sub.startswith("gap") else None,
            choice_order=self._choice_order(card),
            order_start=self._order_start(card),
            match_rights=self._match_rights(card),
        )
        self._shown = shown
        self._asked_at = time.monotonic()
        return shown

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
        return self.session.answer(response, elapsed=time.monotonic() - self._asked_at)

    def rate(self, rating: Rating, *, overridden: bool = False) -> None:
        self.session.rate(rating)
        self._shown = None

    def was_right(self) -> None:
        self.session.override_correct()
        self._shown = None

    def intervals(self) -> Mapping[Rating, timedelta | None]:
        return self.session.intervals()

    def hint(self) -> str:
        shown = self._shown or self.current()
        if shown is None:
            return ""
        return shown.card.hint

    # --- around a question -----------------------------------------------------------

    def skip(self) -> None:
        self.session.skip()
        self._shown = None

    def undo(self) -> bool:
        undone = bool(self.session.undo())
        self._shown = None
        return undone

    def bury(self) -> None:
        self.session.bury()
        self._shown = None

    def suspend(self) -> None:
        self.session.suspend()
        self._shown = None

    def reload(self, deck: Deck) -> None:
        self.backend.forget_sync(deck.id)
        self.backend.sync(deck)
        self.session.reload(deck)
        self.deck = deck
        self._shown = None

    # --- numbers -------------------------------------------------------------------------

    def status(self) -> Status:
        progress = self.session.progress
        return Status(
            position=progress.position,
            total=progress.total,
            score=progress.score,
            streak=progress.streak,
            elapsed=progress.elapsed,
            saved=progress.saved,
            unsaved_reason=getattr(progress, "unsaved_reason", "") or "",
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
            ratings=dict(getattr(summary, "ratings", {}) or {}),
        )

    def retry_misses(self) -> SessionDriver | None:
        retry = self.session.retry_misses()
        if retry is None:
            return None
        return SessionDriver(self.backend, retry, self.deck, self.mode, rng=self.rng)


def _session_options(mode: str, options: Mapping[str, Any]) -> dict[str, Any]:
    if mode != "quiz":
        return {}
    return {key: value for key, value in options.items() if value is not None}
