"""What comes next in a session: the queue of items, and the rules that put an answered item back in it.

Kept apart from the session so undo can copy it whole: each answer saves the
queue as it was, and undoing or re-rating the answer puts that copy back.
"""

from __future__ import annotations

import random
from bisect import insort
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from quiz.model import LearningState, MemoryState
from quiz.session.queues import LEARN_AHEAD

LEARN_ROUND = 7
"""Items per learn-mode round, as Quizlet does."""
LEARN_RIGHT = 2
"""Right answers each item needs in learn mode: one recognising, one recalling."""


class Mode(StrEnum):
    """What a session is for (the values are the store's StudyMode values)."""

    REVIEW = "review"
    QUIZ = "quiz"
    LEARN = "learn"
    CRAM = "cram"


@dataclass(slots=True)
class StudyQueue:
    """Everything about what comes next; copied before each answer so undo can put it back."""

    upcoming: list[str]
    later: list[tuple[datetime, str]] = field(default_factory=list)
    """Items coming due again within the session (learning steps), by due time."""
    waiting: list[str] = field(default_factory=list)
    """Learn mode: items not yet in a round."""
    next_round: list[str] = field(default_factory=list)
    right: dict[str, int] = field(default_factory=dict)
    """Learn mode: right answers so far per item."""
    round: int = 1
    """Learn mode: the round being asked (1 until a second round starts)."""
    rounds_started: int = 0

    def copy(self) -> StudyQueue:
        return StudyQueue(
            list(self.upcoming),
            list(self.later),
            list(self.waiting),
            list(self.next_round),
            dict(self.right),
            self.round,
            self.rounds_started,
        )

    def drop(self, keys: set[str]) -> None:
        self.upcoming = [key for key in self.upcoming if key not in keys]
        self.later = [(due, key) for due, key in self.later if key not in keys]
        self.waiting = [key for key in self.waiting if key not in keys]
        self.next_round = [key for key in self.next_round if key not in keys]

    def take(self, now: datetime, rng: random.Random, *, learn: bool) -> str | None:
        """The next item to ask, removed from the queue: learning items now due, the queue, then the next
        learn round, then learning items due within LEARN_AHEAD; None when nothing is left."""
        if self.later and self.later[0][0] <= now:
            return self.later.pop(0)[1]
        if self.upcoming:
            return self.upcoming.pop(0)
        if learn and (self.next_round or self.waiting):
            self._start_round(rng)
            return self.upcoming.pop(0) if self.upcoming else None
        if self.later and self.later[0][0] <= now + LEARN_AHEAD:
            return self.later.pop(0)[1]
        return None

    def _start_round(self, rng: random.Random) -> None:
        """Learn mode: the items still to get right, shuffled, topped up with fresh ones to LEARN_ROUND."""
        carried = self.next_round
        rng.shuffle(carried)
        room = max(LEARN_ROUND - len(carried), 0)
        fresh, self.waiting = self.waiting[:room], self.waiting[room:]
        self.upcoming = carried + fresh
        self.next_round = []
        self.rounds_started += 1
        self.round = max(self.rounds_started, 1)

    def requeue(self, mode: Mode, key: str, memory: MemoryState | None, *, right: bool, day_end: datetime) -> bool:
        """Put an answered item back if the mode asks it again; True if it comes back.

        Review: a (re)learning item due before the study day ends. Learn: until
        right LEARN_RIGHT times, in the next round. Cram: a miss, at the end.
        """
        if mode is Mode.REVIEW:
            if memory is not None and memory.state is not LearningState.REVIEW and memory.due < day_end:
                insort(self.later, (memory.due, key))
                return True
        elif mode is Mode.LEARN:
            if right:
                self.right[key] = self.right.get(key, 0) + 1
            if self.right.get(key, 0) < LEARN_RIGHT:
                self.next_round.append(key)
                return True
        elif mode is Mode.CRAM and not right:
            self.upcoming.append(key)
            return True
        return False

    def remaining(self, current: str | None, *, learn: bool) -> int:
        """Questions still to come, the current one included (in learn mode, the right answers still needed)."""
        if learn:
            keys = {*self.upcoming, *self.waiting, *self.next_round}
            if current is not None:
                keys.add(current)
            return sum(max(LEARN_RIGHT - self.right.get(key, 0), 1) for key in keys)
        return (current is not None) + len(self.upcoming) + len(self.later)
