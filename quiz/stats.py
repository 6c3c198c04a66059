"""Study statistics, per deck and overall: what stands where, what was done, what is coming.

Everything is read from the progress store; days are the student's local study
days (starting at the deck's `day_starts_at`, 4 am by default), so "today",
the streak and the heatmap agree with the review queue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo

from quiz.clock import day_start, local_day
from quiz.model import Deck, cards_by_id, item_keys, split_item_key
from quiz.storage import ItemCounts, Store

HEATMAP_WEEKS = 12
"""Reviews per day are kept for this many weeks back (a heatmap of 12 columns)."""
FORECAST_DAYS = 30
RETENTION_DAYS = 30
"""True retention is measured over this many days of reviews."""
QUIZ_SCORES = 5
HARDEST = 10


@dataclass(frozen=True, slots=True)
class HardCard:
    """An item the student struggles with."""

    deck_id: str
    key: str
    question: str
    lapses: int
    reviews: int
    mean_score: float | None


@dataclass(frozen=True, slots=True)
class QuizScore:
    """A finished quiz attempt."""

    deck_id: str
    finished_at: datetime
    percent: float
    questions: int


@dataclass(frozen=True, slots=True)
class Stats:
    """Statistics for one deck, or for every deck together (`deck_id` None)."""

    deck_id: str | None
    title: str
    today: date
    counts: ItemCounts
    reviews_today: int
    reviews_total: int
    """Answers ever given (undone ones left out)."""
    retention: float | None
    """Share of reviews of learnt items not rated Again, over the last RETENTION_DAYS days."""
    retention_reviews: int
    streak: int
    """Consecutive study days with at least one answer, ending today (or yesterday, if not yet today)."""
    reviews_per_day: Sequence[tuple[date, int]]
    """Oldest first, HEATMAP_WEEKS weeks up to today."""
    forecast: Sequence[tuple[date, int]]
    """Items falling due on each of the next FORECAST_DAYS days, today first (today includes overdue ones)."""
    quiz_scores: Sequence[QuizScore] = ()
    """The latest finished quizzes, newest first."""
    hardest: Sequence[HardCard] = ()
    decks: Sequence[Stats] = field(default_factory=tuple)
    """Overall statistics: each deck's own."""

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form (dates as ISO text)."""
        counts = self.counts
        return {
            "deck": self.deck_id,
            "title": self.title,
            "today": self.today.isoformat(),
            "counts": {
                "new": counts.new,
                "learning": counts.learning,
                "review": counts.review,
                "due_today": counts.due_today,
                "suspended": counts.suspended,
                "buried": counts.buried,
                "leeches": counts.leeches,
                "changed": counts.changed,
                "total": counts.total,
            },
            "reviews_today": self.reviews_today,
            "reviews_total": self.reviews_total,
            "retention": self.retention,
            "retention_reviews": self.retention_reviews,
            "streak_days": self.streak,
            "reviews_per_day": {day.isoformat(): n for day, n in self.reviews_per_day},
            "forecast": {day.isoformat(): n for day, n in self.forecast},
            "quiz_scores": [
                {
                    "deck": s.deck_id,
                    "finished_at": s.finished_at.isoformat(),
                    "percent": round(s.percent, 1),
                    "questions": s.questions,
                }
                for s in self.quiz_scores
            ],
            "hardest": [
                {
                    "deck": h.deck_id,
                    "item": h.key,
                    "question": h.question,
                    "lapses": h.lapses,
                    "reviews": h.reviews,
                    "mean_score": h.mean_score,
                }
                for h in self.hardest
            ],
            "decks": [deck.as_dict() for deck in self.decks],
        }


def deck_stats(store: Store, deck: Deck, *, now: datetime, tz: tzinfo | None = None) -> Stats:
    """Statistics of one deck at `now`."""
    hour = deck.options.day_starts_at
    today = local_day(now, day_starts_at=hour, tz=tz)
    counts = _deck_counts(store, deck, now, today, hour, tz)
    per_day = _per_day(store, deck.id, today, hour, tz)
    retention = store.retention(
        deck.id, day_start(today - timedelta(days=RETENTION_DAYS - 1), day_starts_at=hour, tz=tz)
    )
    return Stats(
        deck_id=deck.id,
        title=deck.title,
        today=today,
        counts=counts,
        reviews_today=per_day[-1][1],
        reviews_total=_total(store, deck.id, now),
        retention=retention.rate,
        retention_reviews=retention.total,
        streak=_streak(per_day, today),
        reviews_per_day=per_day,
        forecast=_forecast(store, deck.id, today, hour, tz),
        quiz_scores=_quiz_scores(store, deck.id),
        hardest=_hardest(store, deck),
    )


def overall_stats(store: Store, decks: Sequence[Deck], *, now: datetime, tz: tzinfo | None = None) -> Stats:
    """Statistics over every deck the student has (days start at 4 am, the default)."""
    hour = 4
    today = local_day(now, day_starts_at=hour, tz=tz)
    per_deck = [deck_stats(store, deck, now=now, tz=tz) for deck in decks]
    per_day = _per_day(store, None, today, hour, tz)
    retention = store.retention(None, day_start(today - timedelta(days=RETENTION_DAYS - 1), day_starts_at=hour, tz=tz))
    total = ItemCounts(
        **{
            name: sum(getattr(s.counts, name) for s in per_deck)
            for name in ("new", "learning", "review", "due_today", "due_now", "suspended", "buried", "leeches")
            + ("hidden", "changed")
        }
    )
    hardest = sorted(
        (card for s in per_deck for card in s.hardest), key=lambda c: (-c.lapses, c.mean_score or 0.0, c.key)
    )[:HARDEST]
    return Stats(
        deck_id=None,
        title="All decks",
        today=today,
        counts=total,
        reviews_today=per_day[-1][1],
        reviews_total=_total(store, None, now),
        retention=retention.rate,
        retention_reviews=retention.total,
        streak=_streak(per_day, today),
        reviews_per_day=per_day,
        forecast=_forecast(store, None, today, hour, tz),
        quiz_scores=_quiz_scores(store, None),
        hardest=hardest,
        decks=tuple(per_deck),
    )


def _deck_counts(store: Store, deck: Deck, now: datetime, today: date, hour: int, tz: tzinfo | None) -> ItemCounts:
    """The store's counts, plus items of the deck the store has not seen yet (they are new)."""
    counts = store.counts(deck.id, now, day_start(today + timedelta(days=1), day_starts_at=hour, tz=tz))
    known = store.item_keys(deck.id, include_hidden=True)  # keys only, from an index: not a record per item
    unseen = sum(1 for card in deck.cards for key in item_keys(card) if key not in known)
    if not unseen:
        return counts
    values = {name: getattr(counts, name) for name in ItemCounts.__dataclass_fields__}
    values["new"] += unseen
    return ItemCounts(**values)


def _per_day(store: Store, deck_id: str | None, today: date, hour: int, tz: tzinfo | None) -> list[tuple[date, int]]:
    days = [today - timedelta(days=n) for n in range(HEATMAP_WEEKS * 7 - 1, -2, -1)]
    counts = store.review_counts(deck_id, [day_start(day, day_starts_at=hour, tz=tz) for day in days])
    return list(zip(days[:-1], counts, strict=True))


def _forecast(store: Store, deck_id: str | None, today: date, hour: int, tz: tzinfo | None) -> list[tuple[date, int]]:
    days = [today + timedelta(days=n) for n in range(FORECAST_DAYS + 1)]
    counts = store.forecast(deck_id, [day_start(day, day_starts_at=hour, tz=tz) for day in days])
    return list(zip(days[:-1], counts, strict=True))


def _total(store: Store, deck_id: str | None, now: datetime) -> int:
    return store.review_counts(deck_id, [datetime(1970, 1, 1, tzinfo=UTC), now + timedelta(days=1)])[0]


def _streak(per_day: Sequence[tuple[date, int]], today: date) -> int:
    """Study days in a row up to today; today not studied yet does not break the streak."""
    done = {day for day, n in per_day if n}
    day = today if today in done else today - timedelta(days=1)
    streak = 0
    while day in done:
        streak += 1
        day -= timedelta(days=1)
    return streak


def _quiz_scores(store: Store, deck_id: str | None) -> list[QuizScore]:
    scores = []
    for attempt in store.quiz_history(deck_id, limit=QUIZ_SCORES * 4):
        if attempt.finished_at is None or attempt.percent is None:
            continue
        scores.append(QuizScore(attempt.deck_id, attempt.finished_at, attempt.percent, int(attempt.max_score or 0)))
        if len(scores) == QUIZ_SCORES:
            break
    return scores


def _hardest(store: Store, deck: Deck) -> list[HardCard]:
    hardest = []
    cards = cards_by_id(deck.cards)  # one index for all of them, not one per card looked up
    for item in store.hardest_items(deck.id, limit=HARDEST):
        card = cards.get(split_item_key(item.item_key)[0])
        question = (card.question or card.title or card.id) if card is not None else item.item_key
        hardest.append(HardCard(deck.id, item.item_key, question, item.lapses, item.reviews, item.mean_score))
    return hardest


# --- plain text ------------------------------------------------------------------

BAR_WIDTH = 30
SHADES = " ░▒▓█"


def render_text(stats: Stats) -> str:
    """The statistics as plain text for a terminal: counts, retention, streak, quiz scores, charts."""
    c = stats.counts
    lines = [f"{stats.title} — {stats.today.isoformat()}", ""]
    lines.append(
        f"Study items: {c.total} ({c.new} new, {c.learning} learning, {c.review} review)"
        + (f", {c.suspended} suspended" if c.suspended else "")
        + (f", {c.leeches} leeches" if c.leeches else "")
    )
    lines.append(f"Due today: {c.due_today}    Answers today: {stats.reviews_today}    In all: {stats.reviews_total}")
    if stats.retention is None:
        lines.append(f"Retention: no reviews of learnt cards in the last {RETENTION_DAYS} days")
    else:
        lines.append(
            f"Retention: {stats.retention:.0%} of {_count(stats.retention_reviews, 'review')}"
            f" in the last {RETENTION_DAYS} days"
        )
    lines.append(f"Study streak: {stats.streak} day{'s' if stats.streak != 1 else ''}")
    if stats.quiz_scores:
        lines += ["", "Latest quizzes:"]
        for score in stats.quiz_scores:
            where = f"  {score.deck_id}" if stats.deck_id is None else ""
            lines.append(
                f"  {score.finished_at.astimezone().strftime('%Y-%m-%d %H:%M')}  {score.percent:5.1f}%"
                f"  ({_count(score.questions, 'question')}){where}"
            )
    lines += ["", f"Reviews, last {HEATMAP_WEEKS} weeks (one column a week, Monday at the top):"]
    lines += _heatmap(stats.reviews_per_day)
    lines += ["", f"Due in the next {FORECAST_DAYS} days:"]
    lines += _bars(stats.forecast)
    if stats.hardest:
        lines += ["", "Hardest cards:"]
        for card in stats.hardest:
            mean = f", mean score {card.mean_score:.0%}" if card.mean_score is not None else ""
            lines.append(
                f"  {_count(card.lapses, 'lapse')}, {_count(card.reviews, 'review')}{mean}: {_short(card.question)}"
            )
    if stats.decks:
        lines += ["", "Decks:"]
        width = max(len(deck.title) for deck in stats.decks)
        for deck in stats.decks:
            counts = deck.counts
            lines.append(
                f"  {_short(deck.title).ljust(min(width, 60))}  {counts.new:5} new {counts.learning:5} learning "
                f"{counts.review:5} review {counts.due_today:5} due"
            )
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    """Say "1 review" but "2 reviews", so every count label reads as English."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _heatmap(per_day: Sequence[tuple[date, int]]) -> list[str]:
    """Seven rows (Monday to Sunday), one column per week, shaded by the day's reviews."""
    if not per_day:
        return []
    peak = max(n for _, n in per_day) or 1
    # Start at the first Monday in the window: a partial leading week would leave a lone cell in the Sunday row
    # that reads as that row being shifted by one column.
    first = per_day[0][0] + timedelta(days=(7 - per_day[0][0].weekday()) % 7)
    by_day = dict(per_day)
    weeks = (per_day[-1][0] - first).days // 7 + 1
    rows = []
    for weekday, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        cells = []
        for week in range(weeks):
            day = first + timedelta(days=7 * week + weekday)
            n = by_day.get(day)
            if n is None:
                cells.append(" ")
            elif n == 0:
                cells.append("·")
            else:
                cells.append(SHADES[1 + min(3, (n * 4 - 1) // peak)])
        rows.append(f"  {name} {''.join(cells)}")
    rows.append(f"  (busiest day: {_count(peak if any(n for _, n in per_day) else 0, 'review')})")
    return rows


def _bars(days: Sequence[tuple[date, int]]) -> list[str]:
    """One line per day with a bar; days with nothing due are folded into a count."""
    peak = max((n for _, n in days), default=0)
    if not peak:
        return ["  nothing due"]
    lines = []
    for day, n in days:
        if not n:
            continue
        bar = "█" * max(1, round(BAR_WIDTH * n / peak))
        lines.append(f"  {day.strftime('%a %d %b')}  {n:5}  {bar}")
    return lines
