"""Reading articles: plain text, Markdown and HTML become the same clean paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.generation.reading import HTML, MARKDOWN, PLAIN, guess_kind, parse_article, read_article


def test_plain_text_keeps_one_paragraph_per_line() -> None:
    article = parse_article("First paragraph.\nSecond  paragraph,   spaced.\n\n")
    assert article.text == "First paragraph.\nSecond paragraph, spaced."


def test_plain_text_with_blank_lines_joins_wrapped_lines() -> None:
    article = parse_article("A wrapped\nparagraph here.\n\nAnother one\nwrapped.\n")
    assert article.text == "A wrapped paragraph here.\nAnother one wrapped."


def test_markdown_markup_is_removed_and_heading_is_the_title() -> None:
    raw = "# The Title\n\nSome **bold** and *italic* text with a [link](http://x.org).\n\n- a list item\n\n> a quote\n"
    article = parse_article(raw, kind=MARKDOWN)
    assert article.title == "The Title"
    assert article.text.split("\n") == [
        "The Title",
        "Some bold and italic text with a link.",
        "a list item",
        "a quote",
    ]


def test_html_keeps_visible_text_only() -> None:
    raw = (
        "<html><head><title>T</title><script>var x = 1;</script><style>p{}</style></head>"
        "<body><nav>Menu</nav><h1>Heading</h1><p>One &amp; two.</p><p>Three<br>four.</p></body></html>"
    )
    article = parse_article(raw, kind=HTML)
    assert article.title == "Heading"
    assert article.text == "Heading\nOne & two.\nThree\nfour."
    assert "var x" not in article.text and "Menu" not in article.text


def test_control_characters_are_made_visible() -> None:
    article = parse_article("Evil \x1b]52;c;AAAA\x07 text.")
    assert "\x1b" not in article.text and "\x07" not in article.text and "\ufffd" in article.text


@pytest.mark.parametrize(
    ("name", "raw", "kind"),
    [
        ("a.md", "text", MARKDOWN),
        ("a.HTML", "text", HTML),
        ("a.txt", "<!DOCTYPE html><p>x</p>", HTML),
        ("a.txt", "plain", PLAIN),
    ],
)
def test_kind_is_guessed_from_extension_then_content(name: str, raw: str, kind: str) -> None:
    assert guess_kind(name, raw) == kind


def test_unreadable_inputs_give_one_clear_message(tmp_path: Path) -> None:
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"caf\xe9 au lait")
    with pytest.raises(QuizError, match="not UTF-8"):
        read_article(binary)
    empty = tmp_path / "empty.md"
    empty.write_text("   \n\n", encoding="utf-8")
    with pytest.raises(QuizError, match="no text"):
        read_article(empty)
    with pytest.raises(QuizError, match="missing.txt: no such file"):
        read_article(tmp_path / "missing.txt")


def test_markdown_code_front_matter_tables_and_setext_headings() -> None:
    raw = (
        "---\nauthor: someone\n---\n"
        "Match Report\n============\n\n"
        "```python\nprint('not article text')\n```\n\n"
        "| Team | Goals |\n|---|---|\n| Rovers | 3 |\n\n"
        "Rovers won 3-2 at\nRiverside Stadium on Saturday.\n"
    )
    article = parse_article(raw, kind=MARKDOWN)
    assert "print" not in article.text and "author" not in article.text
    assert article.text.split("\n")[0] == "Match Report"
    assert "Rovers won 3-2 at Riverside Stadium on Saturday." in article.text.split("\n")
