"""Aiken, Anki plain text, Quizlet and CSV imports; format detection; Anki and CSV exports."""

from __future__ import annotations

import csv
import io

import pytest

from quiz.interchange import Outcome, export_deck, import_file, import_text
from quiz.interchange.detect import detect_format
from quiz.loader import dump_deck, load_deck, loads_deck
from quiz.model import Answer, ChoiceCard, ClozeCard, DateCard, FlashCard, NumericCard, ShortCard

from .conftest import BUNDLED_DECKS, DATA


def skipped(result) -> list[tuple[int | None, str]]:  # noqa: ANN001
    return [(e.line, e.message) for e in result.report.entries if e.outcome is Outcome.SKIPPED]


class TestAiken:
    def test_questions_become_choice_cards(self) -> None:
        result = import_file(DATA / "aiken.txt")
        first, second = result.deck.cards
        assert isinstance(first, ChoiceCard)
        assert [(c.text, c.weight) for c in first.choices] == [("Shanghai", 0), ("Harbin", 1), ("Chengdu", 0)]
        assert second.question == "In which year did the Soviet Union recognise\nthe People's Republic of China?"
        assert [c.text for c in second.choices if c.correct] == ["1949"]

    def test_bad_questions_are_reported_with_their_line(self) -> None:
        result = import_file(DATA / "aiken.txt")
        assert skipped(result) == [
            (14, "ANSWER: C is not one of the options (A to B)"),
            (19, "the question has no ANSWER: line"),
        ]
        loads_deck(dump_deck(result.deck), name="aiken.toml")


    def test_slips_are_named_in_the_report(self) -> None:
        """A teacher fixing the file needs to know which letter or which option is at fault."""
        text = "Lower?\na) one\nb) two\nANSWER: b\n\nSame?\nA. yes\nB. Yes\nANSWER: A\n\nOk?\nA. x\nB. y\nANSWER: A\n"
        result = import_text(text, name="quiz.txt", format="aiken")
        assert skipped(result) == [
            (
                1,
                "a question needs at least two options (A. …, B. …); "
                "option letters must be capitals, as Moodle reads them",
            ),
            (6, 'two options have the same text "Yes"'),
        ]


class TestAnki:
    def test_headers_columns_and_note_types(self) -> None:
        result = import_file(DATA / "anki_notes.txt")
        cards = {card.id: card for card in result.deck.cards}
        assert set(cards) == {"q1", "q2", "q3", "q4", "q5"}
        assert cards["q1"] == FlashCard(
            id="q1", question="Who is China's premier?", back="Li Qiang", tags=("people", "china", "Russia::Week 3")
        )
        assert cards["q2"].reverse is True and cards["q2"].back == "Capital of North Korea"
        assert result.deck.tags == ("imported",)

    def test_quoted_fields_hold_tabs_newlines_and_doubled_quotes(self) -> None:
        q3 = import_file(DATA / "anki_notes.txt").deck.card("q3")
        assert q3.question == 'A field with a tab\there, a "quoted" word\nand a second line'
        assert q3.back == "Back & forth\ntwo lines"

    def test_cloze_and_type_in_notes(self) -> None:
        deck = import_file(DATA / "anki_notes.txt").deck
        cloze = deck.card("q4")
        assert isinstance(cloze, ClozeCard)
        assert cloze.text == "Putin met {{Li Qiang}} in {{Harbin::a city}}."
        assert [(g.answer, g.hint) for g in cloze.gaps] == [("Li Qiang", ""), ("Harbin", "a city")]
        assert cloze.explanation == "From the article."
        typed = deck.card("q5")
        assert isinstance(typed, ShortCard) and typed.answers == (Answer("240.1"),)

    def test_empty_note_is_skipped_with_its_line(self) -> None:
        assert skipped(import_file(DATA / "anki_notes.txt")) == [(14, "the first field is empty")]

    def test_html_false_keeps_markup_as_text(self) -> None:
        deck = import_text("#html:false\nx<b>\ty &amp; z\n", name="notes.txt", format="anki").deck
        assert (deck.cards[0].question, deck.cards[0].back) == ("x<b>", "y &amp; z")

    def test_named_separators(self) -> None:
        deck = import_text("#separator:Semicolon\nfront;back\n", name="notes.txt").deck
        assert (deck.cards[0].question, deck.cards[0].back) == ("front", "back")


    def test_a_note_type_named_with_type_is_not_a_typed_answer(self) -> None:
        """Only Anki's "type in the answer" notes are typed; a custom "VocabType" keeps all its fields."""
        text = "#separator:tab\n#notetype column:1\nVocabType\tchat\tcat\tnoun\n"
        result = import_text(text, name="n.txt", format="anki")
        (card,) = result.deck.cards
        assert isinstance(card, FlashCard) and (card.back, card.explanation) == ("cat", "noun")

    def test_extra_fields_of_a_typed_answer_note_are_kept(self) -> None:
        text = "#separator:tab\n#notetype column:1\nBasic (type in the answer)\tCapital?\tParis\tOn the Seine\n"
        (card,) = import_text(text, name="n.txt", format="anki").deck.cards
        assert isinstance(card, ShortCard) and card.explanation == "On the Seine"

    def test_pictures_are_reported_and_a_picture_only_front_is_skipped(self) -> None:
        text = (
            "#separator:tab\n#html:true\n#notetype column:1\n"
            'Image Occlusion\t<img src="heart.png">\t\n'
            'Basic\t<img src="cell.png" alt="a cell"> What is this?\tA cell\n'
        )
        result = import_text(text, name="n.txt", format="anki")
        assert skipped(result) == [(4, "the front is only a picture, and the app shows no pictures")]
        (card,) = result.deck.cards
        assert card.question == "[image: a cell] What is this?"
        (entry,) = [e for e in result.report.entries if e.outcome is Outcome.CONVERTED]
        assert "pictures are not imported" in entry.message


class TestQuizlet:
    def test_tab_and_newline(self) -> None:
        result = import_file(DATA / "quizlet_tab.txt")
        assert [(c.question, c.back) for c in result.deck.cards] == [
            ("Harbin", "A city in north-east China"),
            ("Li Qiang", "Premier of China since 2023"),
            ("Xi Jinping", "President of China"),
        ]
        assert skipped(result) == [(3, '"no separator on this line": no tab between term and definition')]

    def test_custom_separators(self) -> None:
        options = {"separator": " - ", "card_separator": ";"}
        result = import_file(DATA / "quizlet_custom.txt", format="quizlet", options=options)
        assert [c.question for c in result.deck.cards] == ["Harbin", "Li Qiang", "Xi Jinping"]
        assert result.deck.cards[1].back == "Premier of China"

    def test_a_skipped_card_is_named_when_all_cards_share_a_line(self) -> None:
        """With ";" between cards every card is on line 1, so the message says which one was left out."""
        text = "Harbin - a city;lonely term;Beijing - the capital"
        options = {"separator": " - ", "card_separator": ";"}
        result = import_text(text, name="set.txt", format="quizlet", options=options)
        assert len(result.deck.cards) == 2
        assert skipped(result) == [(1, '"lonely term": no " - " between term and definition')]

    def test_separators_are_guessed_and_the_guess_reported(self) -> None:
        result = import_file(DATA / "quizlet_custom.txt", format="quizlet")
        assert len(result.deck.cards) == 3
        assert any("guessed" in entry.message for entry in result.report.entries)

    def test_comma_separated(self) -> None:
        deck = import_text("Harbin,a city\nBeijing,the capital\n", name="set.txt", format="quizlet").deck
        assert [(c.question, c.back) for c in deck.cards] == [("Harbin", "a city"), ("Beijing", "the capital")]


class TestCsv:
    def test_typed_rows(self) -> None:
        result = import_file(DATA / "cards.csv")
        deck = result.deck
        premier = deck.card("premier")
        assert isinstance(premier, ShortCard)
        assert [a.text for a in premier.answers] == ["Li Qiang", "Premier Li Qiang", "Li"]
        trade = deck.card("trade")
        assert isinstance(trade, NumericCard) and trade.unit == "billion USD" and trade.answers[0].tolerance == 0.05
        assert trade.tags == ("figures", "trade")
        assert isinstance(deck.card("harbin"), ChoiceCard)
        assert isinstance(deck.card("dates"), DateCard)
        assert any(isinstance(c, FlashCard) and c.question == 'What does "no limits" mean?' for c in deck.cards)
        assert skipped(result) == [(6, "not a number: 'many'")]

    def test_a_csv_without_question_and_answer_columns_is_refused(self) -> None:
        with pytest.raises(Exception, match="no card could be imported"):
            import_text("a,b\n1,2\n", name="x.csv", format="csv")

    def test_export_then_import_keeps_types_and_answers(self) -> None:
        deck = load_deck(BUNDLED_DECKS / "putin-china-state-visit.toml")
        text, warnings = export_deck(deck, "csv")
        assert text.startswith("id,type,title,question,answer")
        again = import_text(text, name="visit.csv", format="csv").deck
        assert [(c.id, c.type) for c in again.cards] == [(c.id, c.type) for c in deck.cards]
        for before, after in zip(deck.cards, again.cards, strict=True):
            assert (after.question, after.explanation, after.tags) == (before.question, before.explanation, before.tags)
        assert all(":" in warning for warning in warnings)


class TestAnkiExport:
    def test_headers_and_one_row_per_card(self) -> None:
        deck = load_deck(BUNDLED_DECKS / "putin-china-state-visit.toml")
        text, warnings = export_deck(deck, "anki")
        head = text.splitlines()[:6]
        assert head[:2] == ["#separator:tab", "#html:false"]
        assert {"#guid column:1", "#notetype column:2", "#tags column:5"} <= set(head)
        assert head[5] == "#deck:Putin’s state visit to China"
        body = "\n".join(text.splitlines()[6:])
        rows = list(csv.reader(io.StringIO(body), delimiter="\t"))
        assert len(rows) == len(deck.cards)
        assert {row[1] for row in rows} <= {"Basic", "Basic (and reversed card)", "Basic (type in the answer)", "Cloze"}
        assert all(len(row) == 5 for row in rows)
        assert warnings

    def test_cloze_gaps_become_anki_deletions(self) -> None:
        deck = import_text("#notetype:Cloze\nPutin met {{c1::Li Qiang}} in {{c2::Harbin::a city}}.\t\n", name="n.txt")
        text, _ = export_deck(deck.deck, "anki")
        assert "{{c1::Li Qiang}} in {{c2::Harbin::a city}}" in text

    def test_anki_export_imports_back_with_the_same_ids(self) -> None:
        deck = load_deck(BUNDLED_DECKS / "putin-china-state-visit.toml")
        text, _ = export_deck(deck, "anki")
        again = import_text(text, name="visit.txt").deck
        assert [c.id for c in again.cards] == [c.id for c in deck.cards]
        assert again.title == deck.title


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("bank.gift", "anything", "gift"),
        ("bank.txt", "::T::Q?{=a}", "gift"),
        ("bank.txt", "$CATEGORY: x\n\nQ?{=a}", "gift"),
        ("notes.txt", "#separator:tab\na\tb\n", "anki"),
        ("exam.txt", "Q?\nA. x\nB. y\nANSWER: A\n", "aiken"),
        ("cards.csv", "question,answer\nq,a\n", "csv"),
        ("cards.csv", "Front;Back\nq;a\n", "csv"),
        ("set.txt", "Harbin\ta city\nBeijing\tthe capital\n", "quizlet"),
        ("set.txt", "term\tdefinition\nHarbin\ta city\n", "csv"),
        ("notes.md", "Just some prose.\nNothing to see.\n", None),
    ],
)
def test_format_detection(name: str, text: str, expected: str | None) -> None:
    assert detect_format(name, text) == expected


def test_encodings(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "old.gift"
    path.write_bytes("Où est Pékin ?{=en Chine}".encode("cp1252"))
    result = import_file(path)
    assert result.deck.cards[0].question == "Où est Pékin ?"
    assert any("Windows-1252" in entry.message for entry in result.report.entries)
    path.write_bytes("Q?{=a}".encode("utf-16"))
    assert import_file(path).deck.cards[0].question == "Q?"
