"""The study-session engine: plain Python that the TUI only displays.

    from quiz.session import start_session
    session = start_session(store, deck, mode="review", clock=clock, rng=random.Random(7))
    while (item := session.current) is not None:
        outcome = session.answer(response_for(item))   # graded, scheduled, committed
        session.rate(Rating.GOOD)                       # optional: change the suggested rating
    summary = session.summary()

Modes: review (due learning items, due reviews, new items within the daily
limits), quiz (a fixed set, scored, saved as a quiz attempt), learn (recognition
rounds, then typed recall, until each item is right twice) and cram (practice
without touching the schedule). docs/studying.md explains them to students.
"""

from __future__ import annotations

from quiz.session.engine import Session
from quiz.session.flow import LEARN_RIGHT, LEARN_ROUND, Mode
from quiz.session.items import Presentation, StudyItem
from quiz.session.queues import ReviewPlan, StudyDay, build_review_plan
from quiz.session.results import DeckChanges, Miss, Outcome, Progress, Summary
from quiz.session.starting import start_session, study_options

__all__ = [
    "LEARN_RIGHT",
    "LEARN_ROUND",
    "DeckChanges",
    "Miss",
    "Mode",
    "Outcome",
    "Presentation",
    "Progress",
    "ReviewPlan",
    "Session",
    "StudyDay",
    "StudyItem",
    "Summary",
    "build_review_plan",
    "start_session",
    "study_options",
]
