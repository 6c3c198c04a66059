"""Whatever bytes an import file holds, the result is a deck and a report, or one DeckError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.errors import DeckError
from quiz.interchange import IMPORT_FORMATS, import_bytes
from quiz.loader import dump_deck, loads_deck

PIECES = st.sampled_from(
    [
        "{",
        "}",
        "=",
        "~",
        "#",
        "####",
        "->",
        "::",
        ":",
        "%50%",
        "%-100%",
        "\\",
        "\\n",
        "//",
        "$CATEGORY:",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        ",",
        ";",
        '"',
        '""',
        "A. ",
        "B) ",
        "ANSWER: A",
        "#separator:tab\n",
        "#html:true\n",
        "#notetype column:2\n",
        "{{c1::x}}",
        "{{",
        "}}",
        "|",
        "<b>",
        "&amp;",
        "[html]",
        "[plain]",
        "TRUE",
        "..",
        "1e999",
        "-0",
        "\x1b[2J",
        "\u202e",
        "\ue003",
        "question,answer\n",
        "T",
        "*",
        "x",
        "Li Qiang",
        "中",
        "type,question,answer,choices\n",
        "choice",
        "multi",
        "numeric",
        "cloze",
        "match",
        "order",
        "date",
        " x",
    ]  # fmt: skip
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(PIECES, max_size=40), junk=st.binary(max_size=16), fmt=st.sampled_from([None, *IMPORT_FORMATS]))
def test_any_input_gives_a_valid_deck_or_a_deck_error(parts: list[str], junk: bytes, fmt: str | None) -> None:
    data = "".join(parts).encode("utf-8") + junk
    try:
        result = import_bytes(data, name="input.txt", format=fmt)
    except DeckError as error:
        assert str(error).startswith("input.txt")
        return
    assert result.deck.cards
    for card in result.deck.cards:
        assert "\x1b" not in card.question and "\u202e" not in card.question
    loads_deck(dump_deck(result.deck), name="input.toml")


@pytest.mark.parametrize("fmt", IMPORT_FORMATS)
def test_an_empty_file_is_one_clear_error(fmt: str) -> None:
    with pytest.raises(DeckError, match="^input.txt: no card could be imported"):
        import_bytes(b"", name="input.txt", format=fmt)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("huge.csv", "question,answer\nq,a\nq2," + "x" * 200_000 + "\n"),
        ("huge.txt", "#separator:tab\nq\ta\nq\t" + "x" * 200_000 + "\n"),
    ],
)
def test_an_over_long_field_ends_the_import_with_a_located_message(name: str, text: str) -> None:
    from quiz.interchange import import_text

    result = import_text(text, name=name)
    assert len(result.deck.cards) == 1
    assert (
        result.report.lines()[-1]
        == f"{name}:3: skipped: the rest of the file is unreadable (field larger than field limit (131072))"
    )


def test_a_deeply_nested_quiz_comment_is_ignored_with_a_note() -> None:
    from quiz.interchange import import_text

    result = import_text("// quiz: " + "[" * 100_000 + "\nQ?{=a}", name="deep.gift")
    assert result.deck.cards[0].question == "Q?"
    assert "not a JSON object" in result.report.entries[0].message
