"""Cards made of several facts: timelines, true/false statements, cloze passages, people and roles."""

from __future__ import annotations

from quiz.generation import generate_deck
from quiz.model import CardType, ClozeCard, OrderCard, TrueFalseCard


def timeline(text: str) -> OrderCard | None:
    cards = [c for c in generate_deck(text).deck.cards if isinstance(c, OrderCard)]
    return cards[0] if cards else None


def test_a_timeline_needs_three_dated_events_and_orders_them() -> None:
    text = (
        "The bridge opened to traffic in 1932 after years of work.\n"
        "The old ferry service had closed in 1911 for good.\n"
        "Engineers repainted the whole bridge in 1989 with new steel.\n"
    )
    card = timeline(text)
    assert card is not None
    assert card.items == (
        "The old ferry service had closed",
        "The bridge opened to traffic",
        "Engineers repainted the whole bridge",
    )
    assert timeline("\n".join(text.split("\n")[:2])) is None


def test_a_timeline_skips_dates_whose_order_is_unknown() -> None:
    text = (
        "The bridge opened to traffic in 1932 after years of work.\n"
        "The old ferry service had closed in 1911 for good.\n"
        "The storms of 1932 were the worst on record in the region.\n"
        "Losses grew between 1990 and 1999 across the network.\n"
    )
    assert timeline(text) is None  # 1932 twice, and a period, leave two events


def test_false_statements_change_one_fact_and_say_what_the_article_says() -> None:
    text = "Trade reached $240.1 billion in 2023 after a long rise.\nExports reached $120.5 billion in 2021 overall.\n"
    for seed in range(6):
        for card in generate_deck(text, seed=seed).deck.cards:
            if isinstance(card, TrueFalseCard) and not card.answer:
                assert card.source not in card.question
                assert card.feedback_wrong.startswith("The article says “")
                return
    raise AssertionError("no false statement in six seeds")


def test_places_named_with_the_are_swapped_only_for_places_named_with_the() -> None:
    text = (
        "Glaciers in the Alps are shrinking faster than expected this decade.\n"
        "Records were also set in Europe and in Asia during the summer.\n"
        "Scientists in the Himalayas reported similar losses last year.\n"
    )
    for seed in range(10):
        for card in generate_deck(text, seed=seed).deck.cards:
            if isinstance(card, TrueFalseCard) and "the Alps" in card.source and not card.answer:
                assert "the Europe" not in card.question and "the Asia" not in card.question


def test_cloze_gaps_are_hinted_and_never_repeat_elsewhere_in_the_text() -> None:
    text = "Chinese Premier Li Qiang met officials in the northeastern city of Harbin in February 2022."
    (cloze,) = [c for c in generate_deck(text).deck.cards if isinstance(c, ClozeCard)]
    assert len(cloze.gaps) >= 2 and all(gap.hint for gap in cloze.gaps)
    assert cloze.type is CardType.CLOZE


def test_a_date_without_a_year_joins_the_timeline_when_the_publication_date_is_known() -> None:
    from datetime import date

    text = (
        "The ferry service closed in 1911 for good.\n"
        "The bridge opened to traffic in 1932 after years of work.\n"
        "The anniversary gala, set for May 16-17, will fill the old bridge.\n"
        "Engineers repainted the whole bridge in 1989 with new steel.\n"
    )
    assert timeline(text).items[-1] == "Engineers repainted the whole bridge"  # type: ignore[union-attr]
    with_year = [c for c in generate_deck(text, published=date(2024, 5, 1)).deck.cards if isinstance(c, OrderCard)]
    assert with_year[0].items[-1] == "The anniversary gala will fill the old bridge"


def test_a_date_that_ends_a_period_is_not_an_event() -> None:
    text = (
        "The ferry service closed in 1911 for good.\n"
        "The bridge opened to traffic in 1932 after years of work.\n"
        "It stayed the longest bridge in the country until 1950, when a rival opened.\n"
    )
    assert timeline(text) is None


def test_hedged_figures_allow_five_percent_and_shares_stay_below_100_percent() -> None:
    from quiz.model import ChoiceCard, NumericCard

    text = (
        "The tower welcomes nearly 7 million visitors a year.\nAbout 75% of them come from abroad, officials said.\n"
        "Some 12% of them are children, and 40% are students on school trips.\n"
    )
    cards = generate_deck(text).deck.cards
    visitors = next(c for c in cards if isinstance(c, NumericCard) and c.unit == "million visitors")
    assert visitors.answers[0].tolerance == 0.35
    shares = [card for card in cards if isinstance(card, ChoiceCard) and "%" in card.choices[0].text]
    assert shares
    for card in shares:
        assert all(float(ch.text.rstrip("%")) <= 100 for ch in card.choices)


def test_an_nth_anniversary_is_asked_by_its_event() -> None:
    from quiz.model import ShortCard

    text = "The visit will mark the 75th anniversary of diplomatic relations between the two countries, officials said."
    cards = [c for c in generate_deck(text).deck.cards if isinstance(c, ShortCard)]
    question = (
        "According to the article, which anniversary of diplomatic relations between the two countries is being marked?"
    )
    (card,) = [c for c in cards if c.question == question]
    assert [a.text for a in card.answers] == ["75th", "75"]
