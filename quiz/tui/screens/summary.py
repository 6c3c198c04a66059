"""The end of a session: score, by tag and by type, time, and every miss with its right answer."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.model import Rating
from quiz.tui import render
from quiz.tui.driver import Miss, StudyDriver, Summary
from quiz.tui.widgets.charts import meter
from quiz.tui.widgets.feedback import RATING_NAMES


def breakdown(title: str, rows: Mapping[str, tuple[int, float]]) -> render.Content:
    """A small table: name, answers, a bar and the score."""
    lines = [render.label(title, "bold")]
    if not rows:
        lines.append(render.label("—", "$text-muted"))
    width = min(24, max((len(name) for name in rows), default=4))
    for name, (count, score) in sorted(rows.items(), key=lambda kv: kv[1][1]):
        lines.append(
            render.join(
                render.deck_line(name[:width]),
                " " * (width - len(name[:width])),
                f" {count:>3}  ",
                (
                    meter(score, width=8),
                    "$text-success" if score >= 0.8 else "$text-warning" if score >= 0.5 else "$text-error",
                ),
                f" {render.percent(score):>4}",
            )
        )
    return render.lines(lines)


def summary_content(summary: Summary) -> render.Content:
    """The headline: score, answers and time."""
    score = summary.score
    style = "bold $text-success" if score is not None and score >= 0.8 else "bold $text-warning"
    if score is not None and score < 0.5:
        style = "bold $text-error"
    parts: list[render.Part] = [
        ("Score ", "bold"),
        (render.percent(score), style),
        f"   {summary.answered} answered   time {render.clock_time(summary.seconds)}",
    ]
    if summary.answered:
        # "4s a card", not "0:04": under a minute a clock reads "0:00" for quick answers
        parts.append(f"   {render.duration(summary.seconds / summary.answered)} a card")
    rows = [render.join(*parts)]
    if summary.ratings:
        rated = "   ".join(f"{RATING_NAMES[r]} {summary.ratings.get(r, 0)}" for r in Rating)
        rows.append(render.label(rated, "$text-muted"))
    return render.lines(rows)


TYPE_NAMES = {"true_false": "true/false"}
"""Card types as the summary names them (the rest read well as the deck writes them)."""


class MissRow(Horizontal):
    """One miss: a bullet, the question, then what the student gave and the right answer.

    Labels and answers are columns of their own, so a long answer wraps under itself
    rather than back under the bullet or the label.
    """

    def __init__(self, miss: Miss) -> None:
        super().__init__(classes="miss")
        self.miss = miss

    def compose(self) -> ComposeResult:
        yield Static(render.label("•", "$text-error"), classes="miss-bullet")
        with Vertical(classes="miss-text"):
            yield Static(render.deck_text(self.miss.question), classes="miss-question")
            for label, text, style in (
                ("you gave", self.miss.given or "—", "$text-error"),
                ("answer", self.miss.expected, "bold $text-success"),
            ):
                with Horizontal(classes="miss-answer"):
                    yield Static(render.label(label, "$text-muted"), classes="miss-label")
                    yield Static(render.deck_text(text, style), classes="miss-value")


class SummaryScreen(Screen[None]):
    """Shown when a session ends (or the student leaves it)."""

    DEFAULT_CSS = """
    SummaryScreen #summary-misses { height: auto; }
    SummaryScreen .miss { height: auto; margin-top: 1; }
    SummaryScreen .miss-bullet { width: 2; }
    SummaryScreen .miss-text { width: 1fr; height: auto; }
    SummaryScreen .miss-answer { height: auto; }
    SummaryScreen .miss-label { width: 10; }
    SummaryScreen .miss-value { width: 1fr; }
    """

    BINDINGS = [
        Binding("r", "retry", "Retry misses", id="retry"),
        Binding("enter,escape", "back", "Back", id="back"),
        Binding("s", "stats", "Stats", id="stats"),
    ]

    def __init__(self, driver: StudyDriver, *, deck_path: Path | None = None) -> None:
        super().__init__()
        self.driver = driver
        self.deck_path = deck_path
        self.summary = driver.summary()

    def compose(self) -> ComposeResult:
        ending = "finished" if self.summary.complete else "ended early"
        with VerticalScroll(id="summary"):
            yield Static(
                render.join(render.deck_line(self.driver.title, "bold"), (f" · {self.summary.mode} {ending}", "")),
                id="summary-title",
            )
            yield Static(summary_content(self.summary), id="summary-score")
            with Horizontal(id="summary-breakdown"):
                yield Static(breakdown("By tag", self.summary.by_tag), classes="breakdown")
                by_type = {TYPE_NAMES.get(name, name): row for name, row in self.summary.by_type.items()}
                yield Static(breakdown("By type", by_type), classes="breakdown")
            with Vertical(id="summary-misses"):
                if self.summary.misses:
                    yield Static(render.label(f"Misses ({len(self.summary.misses)})", "bold"))
                    for miss in self.summary.misses:
                        yield MissRow(miss)
                else:
                    yield Static(render.label("No misses. Well done!", "$text-success"))
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.summary.misses)
        return True

    def action_retry(self) -> None:
        retry = self.driver.retry_misses()
        if retry is None:
            self.notify("No misses to retry.", markup=False)
            return
        from quiz.tui.screens.study import StudyScreen

        self.app.switch_screen(StudyScreen(retry, deck_path=self.deck_path))

    def on_unmount(self) -> None:
        self.driver.close()

    def action_back(self) -> None:
        self.driver.close()
        if len(self.app.screen_stack) <= 2:  # started straight into the session: home comes next
            self.app.show_home()  # type: ignore[attr-defined]
        else:
            self.app.pop_screen()

    def action_stats(self) -> None:
        self.app.show_stats(getattr(self.driver, "deck_id", None))  # type: ignore[attr-defined]
