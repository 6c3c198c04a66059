"""Statistics, per deck or overall: reviews as a calendar heatmap, retention, forecast, hardest cards, quiz scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.errors import QuizError
from quiz.text import one_line
from quiz.tui import render
from quiz.tui.widgets.charts import Fitted, ForecastChart, Heatmap, meter

QUESTION_WIDTH = 70
"""The most cells a hardest card's question takes, however wide the screen."""


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
    retention_days: int = 30
    """The days of answers `retention` is measured over."""
    forecast: list[int] = field(default_factory=list)
    """Cards due on each of the next 30 days (index 0 is today)."""
    hardest: list[HardCard] = field(default_factory=list)
    quiz_scores: list[tuple[datetime, float]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    streak: int = 0


def overview(view: StatsView) -> render.Content:
    """Counts, streak and true retention."""
    parts: list[render.Part] = []
    for name, value in view.counts.items():
        parts += [(f"{name} ", "$text-muted"), (f"{value:,}   ", "bold")]
    if parts:
        parts.append("\n")
    parts += [("streak ", "$text-muted"), (f"{view.streak} day{'s' * (view.streak != 1)}   ", "bold")]
    retention = view.retention
    parts += [(f"true retention ({view.retention_days} days) ", "$text-muted")]
    if retention is None:
        parts.append(("—", "bold"))
    else:
        parts += [(meter(retention, width=10), "$text-success"), (f" {render.percent(retention)}", "bold")]
    return render.join(*parts)


def shorten(text: str, width: int) -> str:
    """`text` on one line in at most `width` cells, cut after a whole word and marked with "…".

    A single word longer than the space is cut inside it, since showing part of it
    beats showing nothing.
    """
    text = one_line(text)
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = set_cell_size(text, width - 1).rstrip()
    if " " in cut and not text[len(cut) : len(cut) + 1].isspace():
        cut = cut[: cut.rindex(" ")].rstrip()
    return cut + "…"


def hardest_content(view: StatsView, width: int | None = None) -> render.Content:
    """The hardest cards, one line each: the question gives way to fit `width`, the numbers never do.

    Questions are padded to one width so the details after them line up in a column.
    """
    rows = [render.label("Hardest cards", "bold")]
    if not view.hardest:
        rows.append(render.label("none yet", "$text-muted"))
    cards = view.hardest[:8]
    lapses = [f"{card.lapses:>3}× " for card in cards]
    details = [f"  {card.detail}" if card.detail else "" for card in cards]
    room = QUESTION_WIDTH
    if width is not None and cards:
        widest = max(cell_len(a) + cell_len(b) for a, b in zip(lapses, details, strict=True))
        room = max(8, min(room, width - widest))
    questions = [shorten(card.question, room) for card in cards]
    column = max((cell_len(q) for q in questions), default=0)
    for count, question, detail in zip(lapses, questions, details, strict=True):
        rows.append(
            render.join(
                (count, "$text-error"),
                render.deck_line(question),
                " " * (column - cell_len(question)),
                (detail, "$text-muted"),
            )
        )
    return render.lines(rows)


def scores_content(view: StatsView, width: int | None = None) -> render.Content:
    """The last quiz scores, oldest first, with a meter coloured by how well each went."""
    rows = [render.label("Quiz scores", "bold")]
    if not view.quiz_scores:
        rows.append(render.label("no quizzes yet", "$text-muted"))
    for when, score in view.quiz_scores[-8:]:
        style = "$text-success" if score >= 0.8 else "$text-warning" if score >= 0.5 else "$text-error"
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
                yield Fitted(id="stats-hardest", classes="chart")
                yield Fitted(id="stats-scores", classes="chart")
        yield Footer()

    def on_mount(self) -> None:
        try:
            view = self.app.backend.stats(self.deck_id)  # type: ignore[attr-defined]
        except QuizError as error:
            self.query_one("#stats-title", Static).update(render.label(f"⚠ {error}", "bold $text-error"))
            return
        self.show(view)

    def show(self, view: StatsView) -> None:
        self.query_one("#stats-title", Static).update(
            render.join(("Statistics · ", "bold"), render.deck_line(view.title, "bold"))
        )
        self.query_one("#stats-overview", Static).update(overview(view))
        self.query_one(Heatmap).show(view.reviews_per_day, view.today)
        self.query_one(ForecastChart).show(view.forecast or [0] * 30)
        self.query_one("#stats-hardest", Fitted).show_content(lambda width: hardest_content(view, width))
        self.query_one("#stats-scores", Fitted).show_content(lambda width: scores_content(view, width))

    def action_back(self) -> None:
        self.app.pop_screen()
