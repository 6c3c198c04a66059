"""Any text in, a valid deck (or a clear error) out; and large articles stay fast enough to be usable."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.generation import generate_deck, parse_article
from quiz.loader import dump_deck, loads_deck

PIECES = st.sampled_from(
    [
        "President Ana Silva ",
        "visited Paris ",
        "on May 16-17, 2024",
        " in 1949",
        "more than 280 entities",
        "$240.1 billion",
        "“no limits”",
        " said Ana Silva",
        "the city of Harbin",
        "{{x}}",
        "|",
        "::",
        '"',
        "\\",
        "\x1b[2J",
        "\u202e",
        ". ",
        ", ",
        "\n",
        "3-1 win",
        "the 58th minute",
        "a trade and investment fair",
        "According to the Kremlin, ",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(PIECES, max_size=25), noise=st.text(max_size=40))
def test_any_text_gives_a_deck_that_loads(parts: list[str], noise: str) -> None:
    text = "".join(parts) + noise
    result = generate_deck(parse_article(text).text, title="Fuzz")
    if not result.deck.cards:  # the command reports "nothing to ask about"; a deck needs a card
        return
    deck = loads_deck(dump_deck(result.deck), name="fuzz.toml")
    assert len(deck.cards) == len(result.deck.cards)
    article = parse_article(text).text
    for card in result.deck.cards:
        assert "\x1b" not in card.question and "\u202e" not in card.question
        assert card.source in article


def test_a_long_article_generates(tmp_path: object) -> None:
    paragraph = (
        "Chinese Premier Li Qiang visited the northeastern city of Harbin on May 16-17, 2024. "
        "Trade reached $240.1 billion in 2023, and more than 280 entities were targeted. "
    )
    text = "\n".join(paragraph.replace("2024", str(1900 + i)) for i in range(120))
    result = generate_deck(text, title="Long")
    assert result.deck.cards
    loads_deck(dump_deck(result.deck))


def test_run_on_text_without_full_stops_is_not_quoted() -> None:
    """A 'sentence' of hundreds of words is a list or a table: no question can quote it."""
    run_on = " ".join(f"In {1000 + i} the city of Town{i} saw {i} goals" for i in range(40))
    assert generate_deck(run_on).deck.cards == ()
    assert generate_deck(run_on.replace(" goals", " goals.")).deck.cards
