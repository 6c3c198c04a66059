"""A stand-in study session for driving the study screen without a progress store.

It follows the StudyDriver interface with the real grader, and records every
call, so tests can assert what the screen forwarded.
"""

from __future__ import annotations

from datetime import timedelta

from quiz.grading import grade
from quiz.grading.verdict import Verdict
from quiz.model import Deck, Rating, item_keys
from quiz.tui.driver import Miss, Shown, Status, Summary


class FakeDriver:
    """Asks each item of a deck once, in file order."""

    def __init__(self, deck: Deck, mode: str = "review") -> None:
        self.deck = deck
        self.title = deck.title
        self.mode = mode
        self.deck_id = deck.id
        self.queue = [(card, key) for card in deck.cards for key in item_keys(card)]
        self.index = 0
        self.calls: list[tuple[str, object]] = []
        self.committed: list[tuple[str, Rating, float | None]] = []
        self.pending: Verdict | None = None
        self.saved = False
        self.notice = ""
        self.closed = False

    def current(self) -> Shown | None:
        if self.index >= len(self.queue):
            return None
        card, key = self.queue[self.index]
        gap = int(key.rsplit("gap", 1)[1]) if ":gap" in key else None
        return Shown(card=card, key=key, reverse=key.endswith(":reverse"), gap=gap)

    def answer(self, response: object) -> Verdict:
        card, key = self.queue[self.index]
        self.calls.append(("answer", response))
        self.pending = grade(card, response, item=key)  # type: ignore[arg-type]
        self.saved = False
        return self.pending

    def rate(self, rating: Rating, *, overridden: bool = False) -> None:
        self.calls.append(("rate", (rating, overridden)))
        _, key = self.queue[self.index]
        score = self.pending.score if self.pending is not None else None
        self.committed.append((key, rating, score))
        self.pending = None
        self.saved = True
        self.index += 1

    def was_right(self) -> None:
        self.calls.append(("was_right", None))
        _, key = self.queue[self.index]
        self.committed.append((key, Rating.GOOD, 1.0))
        self.pending = None
        self.saved = True
        self.index += 1

    def intervals(self) -> dict[Rating, timedelta | None]:
        return {
            Rating.AGAIN: timedelta(minutes=1),
            Rating.HARD: timedelta(minutes=6),
            Rating.GOOD: timedelta(minutes=10),
            Rating.EASY: timedelta(days=4),
        }

    def hint(self) -> str:
        card, _ = self.queue[self.index]
        return card.hint

    def skip(self) -> None:
        self.calls.append(("skip", None))
        self.queue.append(self.queue.pop(self.index))

    def undo(self) -> bool:
        self.calls.append(("undo", None))
        if not self.committed:
            return False
        self.committed.pop()
        self.index -= 1
        return True

    def bury(self) -> None:
        self.calls.append(("bury", None))
        self.queue.pop(self.index)

    def suspend(self) -> None:
        self.calls.append(("suspend", None))
        self.queue.pop(self.index)

    def reload(self, deck: Deck) -> None:
        self.calls.append(("reload", deck.id))

    def status(self) -> Status:
        scores = [s for _, _, s in self.committed if s is not None]
        return Status(
            position=min(self.index + 1, len(self.queue)),
            total=len(self.queue),
            score=sum(scores) / len(scores) if scores else None,
            streak=0,
            elapsed=0.0,
            saved=self.saved,
        )

    def summary(self) -> Summary:
        scores = [s for _, _, s in self.committed if s is not None]
        misses = [Miss(key, "", "", s) for key, _, s in self.committed if s is not None and s < 1]
        return Summary(
            mode=self.mode,
            answered=len(self.committed),
            score=sum(scores) / len(scores) if scores else None,
            seconds=0.0,
            misses=misses,
        )

    def close(self) -> None:
        self.closed = True

    def retry_misses(self) -> FakeDriver | None:
        return None
