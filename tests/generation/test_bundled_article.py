"""The quality bar on the bundled article: coverage of the hand-made deck, few defects, sensible questions."""

from __future__ import annotations

from collections import Counter

from conftest import BUNDLED_ARTICLE, BUNDLED_DECK

from quiz.generation import GenerationResult, defects, generate_deck, read_article
from quiz.generation.coverage import coverage
from quiz.generation.pipeline import make_drafts
from quiz.generation.quality import card_answers
from quiz.loader import dump_deck, load_deck, loads_deck
from quiz.model import (
    CardType,
    ChoiceCard,
    DateAnswer,
    DateCard,
    NumericBound,
    NumericCard,
    PartialDate,
    ShortCard,
    TrueFalseCard,
)


def test_covers_at_least_80_percent_of_the_hand_made_decks_facts(bundled: GenerationResult) -> None:
    result = coverage(load_deck(BUNDLED_DECK), bundled.deck)
    assert result.share >= 0.8, f"missing: {result.missing}"


def test_fewer_than_10_percent_of_cards_fail_the_defect_checks(bundled: GenerationResult) -> None:
    cards = bundled.deck.cards
    assert len(defects(cards)) < 0.1 * len(cards)


def test_fewer_than_10_percent_of_candidates_fail_before_filtering(bundled: GenerationResult) -> None:
    """The templates themselves are sound: the filter is a safety net, not what makes the bar."""
    assert len(bundled.dropped) < 0.1 * bundled.candidate_count
    from quiz.generation.sentences import split_sentences

    sentences = split_sentences(read_article(BUNDLED_ARTICLE).text)
    drafts = make_drafts(sentences, list(bundled.facts), 0)
    assert len(defects([d.card for d in drafts])) == len(bundled.dropped)


def test_asks_about_the_visit_dates_the_trade_volume_and_the_anniversary(bundled: GenerationResult) -> None:
    cards = bundled.deck.cards
    dates = {card.answer for card in cards if isinstance(card, DateCard)}
    assert DateAnswer(PartialDate(None, 5, 16), PartialDate(None, 5, 17)) in dates
    assert DateAnswer(PartialDate(2022, 2)) in dates
    assert DateAnswer(PartialDate(1949)) in dates
    trade = [c for c in cards if isinstance(c, NumericCard) and c.unit == "billion USD"]
    assert [c.answers[0].value for c in trade] == [240.1]
    assert "record-breaking bilateral trade volume of ___ in 2023" in trade[0].question
    years = [c for c in cards if isinstance(c, NumericCard) and c.unit == "years"]
    assert [c.answers[0].value for c in years] == [75]
    assert "since the Soviet Union’s recognition of the People’s Republic of China" in years[0].question


def test_precision_and_bounds_follow_the_article(bundled: GenerationResult) -> None:
    numeric = {c.answers[0].value: c for c in bundled.deck.cards if isinstance(c, NumericCard)}
    assert numeric[280].bound is NumericBound.AT_LEAST and numeric[280].unit == "entities"
    assert numeric[240.1].answers[0].tolerance == 0.05 and numeric[240.1].unit == "billion USD"
    assert numeric[75].bound is NumericBound.EXACT and numeric[75].answers[0].tolerance == 0


def test_people_and_roles(bundled: GenerationResult) -> None:
    short = {c.question: c.answers[0].text for c in bundled.deck.cards if isinstance(c, ShortCard)}
    assert short["According to the article, who is the Chinese Premier?"] == "Li Qiang"
    assert short["According to the article, what office or role does Li Qiang hold?"] == "Chinese Premier"
    match = next(c for c in bundled.deck.cards if c.type is CardType.MATCH)
    assert ("Xi Jinping", "Chinese President") in match.pairs  # type: ignore[attr-defined]


def test_every_question_kind_the_article_supports_is_used(bundled: GenerationResult) -> None:
    kinds = Counter(card.type for card in bundled.deck.cards)
    for kind in (
        CardType.NUMERIC,
        CardType.DATE,
        CardType.SHORT,
        CardType.CHOICE,
        CardType.TRUE_FALSE,
        CardType.CLOZE,
        CardType.ORDER,
        CardType.MATCH,
    ):
        assert kinds[kind] >= 1, kind
    assert any(isinstance(c, TrueFalseCard) and not c.answer for c in bundled.deck.cards)


def test_choice_distractors_are_of_the_same_kind_and_from_the_article_first(bundled: GenerationResult) -> None:
    harbin = next(
        c
        for c in bundled.deck.cards
        if isinstance(c, ChoiceCard) and any(ch.correct and ch.text == "Harbin" for ch in c.choices)
    )
    wrong = [ch.text for ch in harbin.choices if not ch.correct]
    assert "Beijing" in wrong  # the article's other city comes first
    assert len(wrong) == 3


def test_every_card_quotes_a_sentence_of_the_article(bundled: GenerationResult) -> None:
    text = BUNDLED_ARTICLE.read_text(encoding="utf-8")
    for card in bundled.deck.cards:
        assert card.source and card.source in text, card.id


def test_questions_never_contain_their_answers(bundled: GenerationResult) -> None:
    for card in bundled.deck.cards:
        if isinstance(card, TrueFalseCard):
            continue
        shown = card.question.casefold()
        for answer in card_answers(card):
            assert answer.casefold() not in shown, card.id


def test_ids_are_unique_valid_and_stable(bundled: GenerationResult) -> None:
    ids = [card.id for card in bundled.deck.cards]
    assert len(set(ids)) == len(ids)
    assert all(0 < len(i) <= 64 and all(ch.isalnum() or ch in "._-" for ch in i) for i in ids)
    again = generate_deck(read_article(BUNDLED_ARTICLE).text, title="Putin’s state visit to China")
    assert dump_deck(again.deck) == dump_deck(bundled.deck)


def test_the_seed_changes_distractors_but_not_what_is_asked(bundled: GenerationResult) -> None:
    other = generate_deck(read_article(BUNDLED_ARTICLE).text, title="Putin’s state visit to China", seed=7)
    assert dump_deck(other.deck) != dump_deck(bundled.deck)
    asked = {c.question for c in bundled.deck.cards if c.type is not CardType.TRUE_FALSE}
    asked_other = {c.question for c in other.deck.cards if c.type is not CardType.TRUE_FALSE}
    assert len(asked & asked_other) >= 0.8 * len(asked)


def test_the_draft_loads_as_a_valid_deck(bundled: GenerationResult) -> None:
    deck = loads_deck(dump_deck(bundled.deck), name="draft.toml")
    assert len(deck.cards) == len(bundled.deck.cards)
    assert [card.id for card in deck.cards] == [card.id for card in bundled.deck.cards]


def test_notes_explain_every_card(bundled: GenerationResult) -> None:
    assert [note.card_id for note in bundled.notes] == [card.id for card in bundled.deck.cards]
    assert all(note.template and note.fact for note in bundled.notes)


def test_the_timeline_orders_the_dated_events(bundled: GenerationResult) -> None:
    timeline = next(c for c in bundled.deck.cards if c.type is CardType.ORDER)
    assert timeline.items[:2] == (  # type: ignore[attr-defined]
        "The Soviet Union’s recognition of the People’s Republic of China",
        "The declaration of a “no limits” partnership between China and Russia",
    )
    assert "$240.1 billion" in timeline.items[2]  # type: ignore[attr-defined]


def test_a_name_opening_its_sentence_is_asked_plainly(bundled: GenerationResult) -> None:
    short = {c.question: c.answers[0].text for c in bundled.deck.cards if isinstance(c, ShortCard)}
    choice = {
        c.question: next(ch.text for ch in c.choices if ch.correct)
        for c in bundled.deck.cards
        if isinstance(c, ChoiceCard)
    }
    question = "According to the article, which country has emerged as China’s top crude oil supplier?"
    assert {**short, **choice}[question] == "Russia"
