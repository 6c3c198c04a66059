"""Where "now" comes from: injected everywhere so tests can fix or move time.

All instants are timezone-aware UTC. Local time is used only by `local_day`,
which decides what "today" means for a student (with a rollover hour, 4 am by
default, so a late-night session still counts as the evening's study day).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    """Anything that can tell the current UTC instant."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that only moves when told to; for tests and reproducible runs."""

    def __init__(self, start: datetime) -> None:
        require_utc(start)
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        """Move the clock by `delta` (negative deltas model a clock going back)."""
        self._now += delta

    def set(self, instant: datetime) -> None:
        require_utc(instant)
        self._now = instant


def require_utc(instant: datetime) -> datetime:
    """Return `instant` if it is timezone-aware UTC; raise ValueError otherwise."""
    if instant.tzinfo is None or instant.utcoffset() != timedelta(0):
        raise ValueError(f"expected a UTC-aware datetime, got {instant!r}")
    return instant


def local_day(instant: datetime, *, day_starts_at: int = 4, tz: tzinfo | None = None) -> date:
    """The study day `instant` belongs to, in local time.

    A study day runs from `day_starts_at` o'clock local time to the same hour
    the next day. This is the one place where local time is used for decisions.
    """
    local = instant.astimezone(tz)
    return (local - timedelta(hours=day_starts_at)).date()


def day_start(day: date, *, day_starts_at: int = 4, tz: tzinfo | None = None) -> datetime:
    """The UTC instant at which study day `day` begins."""
    naive = datetime(day.year, day.month, day.day, day_starts_at)
    local = naive.astimezone(tz) if tz is None else naive.replace(tzinfo=tz)
    return local.astimezone(UTC)
