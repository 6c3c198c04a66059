"""Statistics from a store filled by real sessions, and `quiz stats` in text and JSON."""

from __future__ import annotations

import json
import random
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from session_helpers import answer_all, capitals

from quiz.cli import main
from quiz.clock import FixedClock
from quiz.loader import dump_deck
from quiz.session import start_session
from quiz.stats import FORECAST_DAYS, HEATMAP_WEEKS, deck_stats, overall_stats, render_text
from quiz.storage import open_store


def _study_days(store, deck, clock, days: int) -> None:
    for day in range(days):
        session = start_session(store, deck, mode="review", clock=clock, rng=random.Random(day), fuzz=False)
        answer_all(session, wrong={"c1"} if day == days - 1 else set(), clock=clock, step_seconds=60)
        clock.advance(timedelta(days=1))


def test_counts_streak_heatmap_and_forecast(store, clock) -> None:
    deck = capitals(30)
    _study_days(store, deck, clock, 3)  # 20 new a day, limit 20: day 1 20 new, day 2 10 new + reviews
    clock.advance(timedelta(days=-1, hours=2))  # back to the last study day, later that day
    stats = deck_stats(store, deck, now=clock.now(), tz=UTC)
    assert stats.counts.new == 0 and stats.counts.total == 30
    assert stats.streak == 3
    assert len(stats.reviews_per_day) == HEATMAP_WEEKS * 7 and stats.reviews_per_day[-1][0] == stats.today
    assert [n for _, n in stats.reviews_per_day[-3:]] == [len(r) for r in _answers_per_day(store, deck.id, stats.today)]
    assert sum(n for _, n in stats.reviews_per_day) == len(store.reviews(deck.id))
    assert stats.reviews_total == len(store.reviews(deck.id))
    assert len(stats.forecast) == FORECAST_DAYS and stats.forecast[0][0] == stats.today
    assert sum(n for _, n in stats.forecast) == sum(
        1 for record in store.items(deck.id).values() if record.memory is not None
    ) - sum(1 for record in store.items(deck.id).values() if record.memory and record.memory.due >= _day_end(stats, 30))
    assert stats.hardest and stats.hardest[0].key == "c1"
    text = render_text(stats)
    assert "Study streak: 3 days" in text and "Hardest cards:" in text and "Capital of country 1?" in text


def _day_end(stats, days: int) -> datetime:
    from quiz.clock import day_start

    return day_start(stats.today + timedelta(days=days), tz=UTC)


def _answers_per_day(store, deck_id: str, today: date) -> list[list[object]]:
    from quiz.clock import local_day

    reviews = store.reviews(deck_id)
    return [
        [r for r in reviews if local_day(r.review.reviewed_at, tz=UTC) == today - timedelta(days=back)]
        for back in (2, 1, 0)
    ]


def test_retention_counts_reviews_of_learnt_items_only(store, clock) -> None:
    deck = capitals(4, options=None)
    _study_days(store, deck, clock, 1)
    assert deck_stats(store, deck, now=clock.now(), tz=UTC).retention is None  # only learning so far
    clock.advance(timedelta(days=3))
    session = start_session(store, deck, mode="review", clock=clock, rng=random.Random(1), fuzz=False)
    answer_all(session, wrong={"c0"}, clock=clock, step_seconds=60)
    stats = deck_stats(store, deck, now=clock.now(), tz=UTC)
    assert stats.retention_reviews == 4 and stats.retention == pytest.approx(0.75)


def test_quiz_scores_newest_first(store, clock) -> None:
    deck = capitals(4)
    for wrong in ({"c0"}, set()):
        session = start_session(store, deck, mode="quiz", clock=clock, rng=random.Random(2))
        answer_all(session, wrong=wrong)
        clock.advance(timedelta(minutes=5))
    stats = deck_stats(store, deck, now=clock.now(), tz=UTC)
    assert [s.percent for s in stats.quiz_scores] == [100.0, 75.0]


def test_a_deck_never_opened_counts_all_new(store, clock) -> None:
    stats = deck_stats(store, capitals(7), now=clock.now())
    assert stats.counts.new == 7 and stats.streak == 0 and stats.retention is None
    assert "nothing due" in render_text(stats)


def test_overall_adds_up_decks(store, clock) -> None:
    first, second = capitals(3), capitals(5, deck_id="more")
    _study_days(store, first, clock, 1)
    stats = overall_stats(store, [first, second], now=clock.now(), tz=UTC)
    assert stats.counts.new == 5 and stats.counts.total == 8
    assert [deck.deck_id for deck in stats.decks] == ["capitals", "more"]
    assert stats.as_dict()["decks"][1]["counts"]["new"] == 5


# --- the command ---------------------------------------------------------------------------


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "capitals.toml"
    path.write_text(dump_deck(capitals(3)), encoding="utf-8")
    return path


def test_quiz_stats_for_a_deck_file_in_json(deck_file, isolated_data_dir, capsys) -> None:
    clock = FixedClock(datetime.now(UTC))
    from quiz.loader import load_deck

    with open_store(isolated_data_dir, clock=clock) as store:
        answer_all(start_session(store, load_deck(deck_file), mode="review", clock=clock, rng=random.Random(1)))
    assert main(["stats", str(deck_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["deck"] == "capitals"
    assert data["counts"]["learning"] + data["counts"]["review"] == 3
    assert data["reviews_today"] >= 3 and data["streak_days"] == 1
    assert len(data["forecast"]) == FORECAST_DAYS


def test_quiz_stats_by_deck_id_from_the_student_folder(deck_file, isolated_data_dir, capsys) -> None:
    folder = isolated_data_dir / "decks"
    folder.mkdir()
    shutil.copy(deck_file, folder / "mine.toml")
    assert main(["stats", "capitals"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Capitals — ") and "3 new" in out


def test_quiz_stats_overall_skips_a_broken_deck(isolated_data_dir, capsys) -> None:
    folder = isolated_data_dir / "decks"
    folder.mkdir()
    (folder / "broken.toml").write_text("[deck\n", encoding="utf-8")
    assert main(["stats"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("All decks — ")
    assert "broken.toml" in captured.err


def test_quiz_stats_unknown_deck_is_one_clear_line(capsys) -> None:
    assert main(["stats", "no-such-deck"]) != 0
    err = capsys.readouterr().err
    assert "no-such-deck" in err and "Traceback" not in err


def test_count_labels_use_the_singular_for_one() -> None:
    from quiz.stats import _count

    assert _count(1, "review") == "1 review"
    assert _count(0, "review") == "0 reviews"
    assert _count(2, "lapse") == "2 lapses"


def test_heatmap_rows_start_in_the_same_column() -> None:
    from datetime import date, timedelta

    from quiz.stats import _heatmap

    today = date(2026, 11, 28)  # a Saturday: the 84-day window then starts on a Sunday
    rows = _heatmap([(today - timedelta(days=i), 1) for i in range(83, -1, -1)])
    starts = {len(row) - len(row[6:].lstrip(" ")) for row in rows[:7]}
    assert starts == {6}


def test_cards_the_store_has_not_seen_count_as_new_without_reading_every_item(store, clock, monkeypatch) -> None:
    store.sync_deck(capitals(6))
    store.sync_deck(capitals(4))  # c4 and c5 left the deck: hidden, their history kept

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the statistics read every item of the deck")

    monkeypatch.setattr(store, "items", refuse)
    stats = deck_stats(store, capitals(8), now=clock.now(), tz=UTC)  # edited: c4 to c7 are in it again, unsynced
    assert stats.counts.new == 6  # c0-c3 from the store, c6 and c7 never seen; c4 and c5 are known (hidden)
    assert stats.counts.hidden == 2
