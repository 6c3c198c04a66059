"""Statistics, per deck or overall: reviews as a calendar heatmap, retention, forecast, hardest cards, quiz scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.errors import QuizError
from quiz.tui import render
from quiz.tui.widgets.charts import ForecastChart, Heatmap, meter


@dataclass(frozen=True, slots=True)
class HardCard:
    """A card the student struggles with."""

    question: str
    lapses: int
    detail: str = ""


@dataclass(frozen=True, slots=True)
class StatsView:
    """Everything the statistics screen draws; the backend fills it from quiz.stats."""

    title: str
    today: date
    reviews_per_day: dict[date, int] = field(default_factory=dict)
    retention: float | None = None
    """True retention: the share of review answers (not learning steps) recalled."""
    forecast: list[int] = field(default_factory=list)
    """Cards due on each of the next 30 days (index 0 is today)."""
    hardest: list[HardCard] = field(default_factory=list)
    quiz_scores: list[tuple[datetime, float]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    streak: int = 0


def overview(view: StatsView) -> render.Content:
    parts: list[render.Part] = []
    for name, value in view.counts.items():
        parts += [(f"{name} ", "$text-muted"), (f"{value}   ", "bold")]
    if parts:
        parts.append("\n")
    parts += [("streak ", "$text-muted"), (f"{view.streak} day{'s' * (view.streak != 1)}   ", "bold")]
    retention = view.retention
    parts += [("true retention ", "$text-muted")]
    if retention is None:
        parts.append(("—", "bold"))
    else:
        parts += [(meter(retention, width=10), "$success"), (f" {render.percent(retention)}", "bold")]
    return render.join(*parts)


def hardest_content(view: StatsView) -> render.Content:
    rows = [render.label("Hardest cards", "bold")]
    if not view.hardest:
        rows.append(render.label("none yet", "$text-muted"))
    for card in view.hardest[:8]:
        rows.append(
            render.join(
                (f"{card.lapses:>3}× ", "$error"),
                render.deck_line(card.question[:70]),
                (f"  {card.detail}" if card.detail else "", "$text-muted"),
            )
        )
    return render.lines(rows)


def scores_content(view: StatsView) -> render.Content:
    rows = [render.label("Quiz scores", "bold")]
    if not view.quiz_scores:
        rows.append(render.label("no quizzes yet", "$text-muted"))
    for when, score in view.quiz_scores[-8:]:
        style = "$success" if score >= 0.8 else "$warning" if score >= 0.5 else "$error"
        rows.append(
            render.join(
                (when.astimezone().strftime("%d %b %H:%M") + "  ", "$text-muted"),
                (meter(score, width=10), style),
                f" {render.percent(score)}",
            )
        )
    return render.lines(rows)


class StatsScreen(Screen[None]):
    """Charts and numbers for one deck (`deck_id`) or every deck (None)."""

    BINDINGS = [Binding("escape,q", "back", "Back", id="back")]

    def __init__(self, deck_id: str | None = None) -> None:
        super().__init__()
        self.deck_id = deck_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats"):
            yield Static(id="stats-title")
            yield Static(id="stats-overview")
            with Horizontal(id="stats-charts"):
                with Vertical(classes="chart"):
                    yield Static(render.label("Reviews, last 12 weeks", "bold"))
                    yield Heatmap(id="heatmap")
                with Vertical(classes="chart"):
                    yield Static(render.label("Due in the next 30 days", "bold"))
                    yield ForecastChart(id="forecast")
            with Horizontal(id="stats-lists"):
                yield Static(id="stats-hardest", classes="chart")
                yield Static(id="stats-scores", classes="chart")
        yield Footer()

    def on_mount(self) -> None:
        try:
            view = self.app.backend.stats(self.deck_id)  # type: ignore[attr-defined]
        except QuizError as error:
            self.query_one("#stats-title", Static).update(render.label(f"⚠ {error}", "bold $error"))
            return
        self.show(view)

    def show(self, view: StatsView) -> None:
        self.query_one("#stats-title", Static).update(
            render.join(("Statistics · ", "bold"), render.deck_line(view.title, "bold"))
        )
        self.query_one("#stats-overview", Static).update(overview(view))
        self.query_one(Heatmap).show(view.reviews_per_day, view.today)
        self.query_one(ForecastChart).show(view.forecast or [0] * 30)
        self.query_one("#stats-hardest", Static).update(hardest_content(view))
        self.query_one("#stats-scores", Static).update(scores_content(view))

    def action_back(self) -> None:
        self.app.pop_screen()
