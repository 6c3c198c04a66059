"""GIFT import: every construct Moodle's reader accepts becomes the right card, nothing mangled."""

from __future__ import annotations

import pytest

from quiz.errors import DeckError
from quiz.interchange import ImportResult, Outcome
from quiz.loader import dump_deck, loads_deck
from quiz.model import (
    Answer,
    Choice,
    ChoiceCard,
    ClozeCard,
    FlashCard,
    MatchCard,
    MultiCard,
    NumericAnswer,
    NumericCard,
    ShortCard,
    TrueFalseCard,
)

from .conftest import DATA, gift


def card(result: ImportResult, card_id: str):  # noqa: ANN201 - any card type
    found = result.deck.card(card_id)
    assert found is not None, f"no card {card_id!r}; have {[c.id for c in result.deck.cards]}"
    return found


class TestTheFixtureBank:
    def test_numeric_with_weighted_answers_feedback_and_general_feedback(self, bank: ImportResult) -> None:
        trade = card(bank, "trade-record")
        assert isinstance(trade, NumericCard)
        assert trade.answers == (
            NumericAnswer(value=240.1, tolerance=0.05, feedback="Exactly right."),
            NumericAnswer(value=240, tolerance=1, weight=0.5, feedback="Close: the figure was 240.1."),
        )
        assert trade.explanation == "The record was $240.1 billion."
        assert trade.title == "Record trade"

    def test_category_and_comment_tags_become_tags(self, bank: ImportResult) -> None:
        assert card(bank, "trade-record").tags == ("Russia-China/Trade", "figures", "trade")
        assert card(bank, "premier").tags == ("Russia-China/People",)

    def test_single_choice_keeps_weights_and_feedback(self, bank: ImportResult) -> None:
        crude = card(bank, "top-crude-supplier")
        assert isinstance(crude, ChoiceCard)
        assert crude.choices == (
            Choice("Russia", 1.0, "Yes: Russia overtook Saudi Arabia."),
            Choice("Saudi Arabia", 0.0, "It was second."),
            Choice("Iraq", 0.0, ""),
            Choice("Brazil", -0.5, "Brazil is far behind."),
        )

    def test_no_equals_sign_means_select_all_that_apply(self, bank: ImportResult) -> None:
        topics = card(bank, "summit-topics")
        assert isinstance(topics, MultiCard)
        assert [(c.text, c.weight) for c in topics.choices] == [("energy", 0.5), ("trade", 0.5), ("space tourism", -1)]
        assert topics.choices[2].feedback == "Not on the agenda."

    def test_missing_word_with_plain_answers_is_a_cloze(self, bank: ImportResult) -> None:
        cloze = next(c for c in bank.deck.cards if isinstance(c, ClozeCard))
        assert cloze.text == "Putin met Premier {{Li Qiang|Li}} in Beijing."
        assert cloze.gaps[0].answer == "Li Qiang" and cloze.gaps[0].accept == ("Li",)

    def test_missing_word_with_choices_is_a_choice_card_with_a_blank(self, bank: ImportResult) -> None:
        harbin = card(bank, "harbin")
        assert isinstance(harbin, ChoiceCard)
        assert harbin.question == "Putin visited the city of _____ for a trade exposition."
        assert [c.text for c in harbin.choices if c.correct] == ["Harbin"]

    def test_short_answer_with_partial_and_zero_weights(self, bank: ImportResult) -> None:
        premier = card(bank, "premier")
        assert isinstance(premier, ShortCard)
        assert premier.answers == (
            Answer("Li Qiang", 1.0, "Correct."),
            Answer("Li", 0.5, "Please give the full name."),
            Answer("Li Keqiang", 0.0, "He was premier until March 2023."),
        )

    def test_true_false_feedback_goes_wrong_then_right(self, bank: ImportResult) -> None:
        true = card(bank, "sanctions-true")
        assert isinstance(true, TrueFalseCard) and true.answer is True
        assert true.feedback_wrong == "No: the statement is true."
        assert true.feedback_correct == "Yes, more than 280."
        false = card(bank, "sanctions-false")
        assert isinstance(false, TrueFalseCard) and false.answer is False

    def test_matching_pairs_and_a_distractor(self, bank: ImportResult) -> None:
        match = card(bank, "match-people")
        assert isinstance(match, MatchCard)
        assert match.pairs[0] == ("Xi Jinping", "President of China")
        assert len(match.pairs) == 3
        assert match.distractors == ("Prime Minister of Russia",)

    def test_numeric_range(self, bank: ImportResult) -> None:
        assert card(bank, "range").answers == (NumericAnswer(low=2, high=5),)

    def test_numeric_catch_all_feedback_is_kept_and_reported(self, bank: ImportResult) -> None:
        other = card(bank, "any-other")
        assert other.answers == (NumericAnswer(value=20),)
        assert "Read the sentence about the 280 entities again." in other.explanation
        entry = next(e for e in bank.report.entries if e.card_id == "any-other")
        assert entry.outcome is Outcome.CONVERTED

    def test_essay_and_description_become_flashcards_with_a_warning(self, bank: ImportResult) -> None:
        essay, note = card(bank, "essay"), card(bank, "note")
        assert isinstance(essay, FlashCard) and essay.back == "A good answer mentions sanctions and trade."
        assert isinstance(note, FlashCard)
        assert note.question == "The next questions are about the joint statement."
        outcomes = {e.card_id: e for e in bank.report.entries}
        assert outcomes["essay"].outcome is Outcome.CONVERTED and "essay" in outcomes["essay"].message
        assert outcomes["note"].outcome is Outcome.CONVERTED and "description" in outcomes["note"].message

    def test_text_formats(self, bank: ImportResult) -> None:
        markdown = next(c for c in bank.deck.cards if c.question.startswith("What does **no limits**"))
        assert markdown.question == "What does **no limits** mean here?"
        assert card(bank, "plain").question == "Is <b> a tag here?"

    def test_every_escape(self, bank: ImportResult) -> None:
        escapes = card(bank, "escapes")
        assert escapes.question == "Escaped: {braces}, = equals, ~ tilde, # hash, a \\ backslash\nand a new line."
        assert escapes.answers[0].text == "ok#1"

    def test_non_ascii_text(self, bank: ImportResult) -> None:
        unicode = card(bank, "unicode")
        assert unicode.question == "Как называется столица Китая? 中国的首都是哪里?"
        assert [a.text for a in unicode.answers] == ["Пекин", "北京", "Beijing"]

    def test_missing_final_newline(self, bank: ImportResult) -> None:
        assert card(bank, "last").answers[0].text == "true answer"

    def test_unsupported_constructs_are_skipped_with_their_line(self, bank: ImportResult) -> None:
        skipped = [e for e in bank.report.entries if e.outcome is Outcome.SKIPPED]
        assert [(e.line, "embedded" in e.message.lower()) for e in skipped] == [(72, True), (74, False)]
        assert "unbalanced braces" in skipped[1].message
        assert not any("SHORTANSWER" in c.question or "oops" in c.question for c in bank.deck.cards)

    def test_report_lines_name_file_and_line(self, bank: ImportResult) -> None:
        lines = bank.report.lines()
        assert lines[0] == "moodle_bank.gift:7: imported: numeric card 'trade-record'"
        assert bank.report.summary() == "moodle_bank.gift: 18 cards imported (15 as written, 3 converted), 2 skipped"

    def test_the_imported_deck_is_a_valid_deck(self, bank: ImportResult) -> None:
        reloaded = loads_deck(dump_deck(bank.deck), name="moodle_bank.toml")
        assert reloaded.id == "moodle-bank"
        assert [c.id for c in reloaded.cards] == [c.id for c in bank.deck.cards]

    def test_crlf_line_endings_give_the_same_deck(self, bank: ImportResult) -> None:
        text = (DATA / "moodle_bank.gift").read_text(encoding="utf-8").replace("\n", "\r\n")
        assert gift(text).deck.cards == bank.deck.cards


class TestIds:
    def test_ids_are_stable_across_imports(self) -> None:
        text = "Who is premier?{=Li Qiang}\n\nWhat is 2+2?{#4}\n"
        first, second = gift(text), gift(text)
        assert [c.id for c in first.deck.cards] == [c.id for c in second.deck.cards]

    def test_changing_an_answer_keeps_the_id(self) -> None:
        before = gift("Who is premier?{=Li Qiang}").deck.cards[0].id
        after = gift("Who is premier?{=Li Qiang =Premier Li}").deck.cards[0].id
        assert before == after

    def test_moving_a_question_keeps_its_id(self) -> None:
        one = gift("Q one?{=a}\n\nQ two?{=b}").deck
        two = gift("Q two?{=b}\n\nQ one?{=a}").deck
        assert {c.question: c.id for c in one.cards} == {c.question: c.id for c in two.cards}

    def test_title_gives_the_id_and_duplicates_get_a_suffix(self) -> None:
        deck = gift("::Capital::Of France?{=Paris}\n\n::Capital::Of Italy?{=Rome}").deck
        assert [c.id for c in deck.cards] == ["capital", "capital-2"]

    def test_a_title_is_joined_onto_one_line_but_its_spaces_are_kept(self) -> None:
        """Export writes a title as it is; collapsing its spaces on import would change it each round trip."""
        titles = [c.title for c in gift("::Cells  and  DNA::Q?{=a}\n\n::Two\nlines::Q2?{=b}").deck.cards]
        assert titles == ["Cells  and  DNA", "Two lines"]

    def test_moodle_idnumber_wins(self) -> None:
        assert gift("// [id:q-17]\n::T::Q?{=a}").deck.cards[0].id == "q-17"

    def test_non_latin_question_still_gets_an_id(self) -> None:
        card_id = gift("中国的首都是哪里?{=北京}").deck.cards[0].id
        assert card_id.startswith("q-") and len(card_id) == 8

    def test_deck_id_from_file_name_or_given(self) -> None:
        assert gift("Q?{=a}").deck.id == "bank"
        assert gift("Q?{=a}", deck_id="my-deck").deck.id == "my-deck"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[html]<p>A&nbsp;<i>b</i></p><ul><li>one</li><li>two</li></ul>{=x}", "A b\n\n- one\n- two"),
        ("[html]<script>alert(1)</script>Safe?{=x}", "Safe?"),
        ("Line one<br>line two{=x}", "Line one\nline two"),
        ("[html]Pic: <img src='a.png' alt='a map'>{=x}", "Pic: [image: a map]"),
        ("Tom &amp; Jerry{=x}", "Tom & Jerry"),
        ("[plain]Tom &amp; Jerry{=x}", "Tom &amp; Jerry"),
        ("[unknown]text{=x}", "[unknown]text"),
    ],
)
def test_html_is_reduced_to_clean_text(text: str, expected: str) -> None:
    assert gift(text).deck.cards[0].question == expected


def test_control_characters_and_bidi_overrides_are_made_visible() -> None:
    question = gift("Evil \x1b]52;c;AAAA\x07 \u202egnp.exe?{=x}").deck.cards[0].question
    assert "\x1b" not in question and "\u202e" not in question and "\ufffd" in question


def test_private_use_placeholders_in_the_input_cannot_forge_escapes() -> None:
    assert gift("A \ue001 B?{=x}").deck.cards[0].question == "A \ufffd B?"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Q?{~only one}", "at least two choices"),
        ("Q?{~a ~b}", "no choice earns any credit"),
        ("Q?{#abc}", "is not a number"),
        ("Q?{=a -> b}", "at least two pairs"),
        ("Q?{=a}{=b}", "more than one answer block"),
        ("Q?}", "unbalanced braces"),
        ("The capital is {:MULTICHOICE:~Rome~=Paris}.", "embedded-answer"),
        ("Q?{=%0%wrong}", "no answer earns any credit"),
        ("{=answer without a question}", "the question text is empty"),
        ("::Title only::[html]<p> </p>{=x}", "the question text is empty"),
    ],
)
def test_questions_that_cannot_be_imported_are_reported(text: str, reason: str) -> None:
    result = gift(f"Good?{{=yes}}\n\n{text}")
    skipped = [e for e in result.report.entries if e.outcome is Outcome.SKIPPED]
    assert len(skipped) == 1 and reason in skipped[0].message and skipped[0].line == 3
    assert len(result.deck.cards) == 1


def test_a_file_with_no_question_is_an_error() -> None:
    with pytest.raises(DeckError, match="no card could be imported"):
        gift("// only a comment\n")


def test_weights_written_with_decimals_become_exact_fractions() -> None:
    deck = gift("Q?{~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-100%d}").deck
    assert [c.weight for c in deck.cards[0].choices] == [1 / 3, 1 / 3, 1 / 3, -1]


def test_out_of_range_weights_are_limited_and_reported() -> None:
    result = gift("Q?{=%150%a =b}")
    assert result.deck.cards[0].answers[0].weight == 1
    assert result.report.entries[0].outcome is Outcome.CONVERTED


def test_true_and_false_are_case_sensitive_as_in_moodle() -> None:
    assert isinstance(gift("Q?{true}").deck.cards[0], ShortCard)
    assert isinstance(gift("Q?{TRUE}").deck.cards[0], TrueFalseCard)


def test_comment_paragraph_on_its_own_does_not_tag_the_next_question() -> None:
    deck = gift("// [tag:header]\n\n// [tag:mine]\nQ?{=a}").deck
    assert deck.cards[0].tags == ("mine",)


def test_a_question_right_under_category_is_imported_and_the_slip_reported() -> None:
    """Without the blank line Moodle wants, the question would vanish into the category's name."""
    result = gift("$CATEGORY: $course$/top/Unit 2\n::Ratio::Write 1\\:2 as a fraction{=1/2 ~2/1}\n\nNext?{=yes}")
    first, second = result.deck.cards
    assert (first.title, first.question, first.tags) == ("Ratio", "Write 1:2 as a fraction", ("Unit 2",))
    assert second.tags == ("Unit 2",)
    (converted,) = [e for e in result.report.entries if e.outcome is Outcome.CONVERTED]
    assert converted.line == 2 and "a blank line is missing after the $CATEGORY line" in converted.message


def test_two_questions_without_a_blank_line_suggest_the_missing_line() -> None:
    result = gift("Good?{=yes}\n\nA?{=a ~b}\nB?{=c ~d}")
    (skipped,) = [e for e in result.report.entries if e.outcome is Outcome.SKIPPED]
    assert "is the blank line between two questions missing?" in skipped.message


def test_a_picture_in_html_is_reported_not_silently_dropped() -> None:
    result = gift('[html]<p>Which organelle is this? <img src="@@PLUGINFILE@@/m.png" alt="mito"></p>{=mitochondrion}')
    (card,) = result.deck.cards
    assert card.question == "Which organelle is this? [image: mito]"
    (entry,) = result.report.entries
    assert entry.outcome is Outcome.CONVERTED and "pictures are not imported" in entry.message


def test_img_written_as_plain_text_is_kept_and_not_reported() -> None:
    result = gift("[plain]Is <img> an HTML tag?{TRUE}")
    assert result.deck.cards[0].question == "Is <img> an HTML tag?"
    assert [e.outcome for e in result.report.entries] == [Outcome.IMPORTED]
