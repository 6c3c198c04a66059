"""Reading an article: plain text, Markdown or simple HTML in, clean plain text out.

Teachers paste articles from anywhere. We keep only the words and the paragraph
breaks, because every card quotes its source sentence and `quiz check` looks that
quote up in the article text: the text we extract is the text cards must quote.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from quiz.errors import QuizError
from quiz.text import clean_text, one_line

MAX_ARTICLE_BYTES = 5_000_000
"""Larger inputs are refused: an article is text a person reads, not a data dump."""

PLAIN, MARKDOWN, HTML = "text", "markdown", "html"


@dataclass(frozen=True, slots=True)
class Article:
    """An article's words, paragraphs separated by one newline, and the title it gives itself."""

    text: str
    kind: str
    """How the input was written: "text", "markdown" or "html"."""
    title: str = ""


def read_article(path: Path) -> Article:
    """Read an article file, guessing its kind from the extension and then the content.

    Raises:
        QuizError: the file cannot be read, is not UTF-8, is too large, or holds no text.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise QuizError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise QuizError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise QuizError(f"{path}: cannot read ({error.strerror or error})") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise QuizError(f"{path}: too large for an article ({len(data):,} bytes; the limit is {MAX_ARTICLE_BYTES:,})")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise QuizError(f"{path}: not UTF-8 text (bad byte at offset {error.start})") from None
    article = parse_article(raw, kind=guess_kind(path.name, raw))
    if not article.text.strip():
        raise QuizError(f"{path}: no text to make questions from")
    return article


def guess_kind(name: str, raw: str) -> str:
    """The input's kind: the extension decides; otherwise a leading HTML tag means HTML."""
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return HTML
    if suffix in (".md", ".markdown", ".mdown"):
        return MARKDOWN
    if suffix in (".txt", ".text", ""):
        head = raw.lstrip()[:200].lower()
        if head.startswith(("<!doctype html", "<html", "<body", "<article", "<p>", "<h1")):
            return HTML
    return PLAIN


def parse_article(raw: str, *, kind: str = PLAIN) -> Article:
    """Turn raw input of the given kind into an Article (text cleaned, paragraphs one per line)."""
    if kind == HTML:
        text, title = _html_text(raw)
    elif kind == MARKDOWN:
        text, title = _markdown_text(raw)
    else:
        text, title = _plain_text(raw), ""
    return Article(text=_tidy(clean_text(text)), kind=kind, title=one_line(title))


def _tidy(text: str) -> str:
    """Collapse runs of spaces inside lines and drop blank lines, keeping paragraph order."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _plain_text(raw: str) -> str:
    """Plain text: with blank lines between paragraphs, lines inside a paragraph are joined."""
    raw = raw.replace("\r\n", "\n")
    if re.search(r"\n[ \t]*\n", raw.strip()):
        return "\n".join(" ".join(block.split("\n")) for block in re.split(r"\n[ \t]*\n", raw))
    return raw


# --- Markdown -------------------------------------------------------------------

_MD_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_MD_SETEXT = re.compile(r"^(.+)\n(=+|-+)[ \t]*$", re.M)
_MD_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_MD_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.M)
_MD_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
_MD_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def _markdown_text(raw: str) -> tuple[str, str]:
    """Markdown → paragraphs: markup removed, headings kept as their own lines."""
    raw = raw.replace("\r\n", "\n")
    raw = _MD_FRONT_MATTER.sub("", raw)
    raw = _MD_FENCE.sub("", raw)
    heading = _MD_HEADING.search(raw)
    title = heading.group(1) if heading else ""
    raw = _MD_SETEXT.sub(r"\1", raw)
    raw = _MD_HEADING.sub(r"\1", raw)
    raw = _MD_RULE.sub("", raw)
    raw = _MD_REF_DEF.sub("", raw)
    raw = _MD_IMAGE.sub(r"\1", raw)
    raw = _MD_LINK.sub(r"\1", raw)
    raw = _MD_REF_LINK.sub(r"\1", raw)
    raw = _MD_CODE.sub(r"\1", raw)
    for _ in range(2):  # nested emphasis such as ***word***
        raw = _MD_EMPHASIS.sub(r"\2", raw)
    raw = _MD_QUOTE_MARK.sub("", raw)
    raw = _MD_LIST_MARK.sub("\n", raw)  # each list item is a paragraph of its own
    raw = re.sub(r"<[^>\n]+>", "", raw)  # inline HTML tags
    # A Markdown paragraph may be wrapped over several lines: join them.
    paragraphs = [" ".join(block.split("\n")) for block in re.split(r"\n\s*\n", raw)]
    return html.unescape("\n".join(paragraphs)), title


# --- HTML -----------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header hr li main nav "
    "ol p pre section table td th tr ul".split()
)
_SKIPPED_TAGS = frozenset("script style noscript template svg head iframe object form button nav footer".split())


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML page, a newline at each block boundary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.heading: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _SKIPPED_TAGS:
            self._skip += 1
        if tag == "h1":
            self._in_h1 = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIPPED_TAGS and self._skip:
            self._skip -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
            return
        if self._skip:
            return
        if self._in_h1:
            self.heading.append(data)
        self.parts.append(data.replace("\n", " "))


def _html_text(raw: str) -> tuple[str, str]:
    """HTML → paragraphs; the title is the first <h1>, else the <title>."""
    collector = _TextCollector()
    collector.feed(raw)
    collector.close()
    title = "".join(collector.heading) or "".join(collector.title)
    return "".join(collector.parts), title
