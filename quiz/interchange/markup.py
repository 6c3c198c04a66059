"""HTML in imported text, reduced to the plain text the app shows.

Moodle questions and Anki notes are often HTML. The app shows plain text
only, so tags become line breaks or disappear, entities become characters,
and images leave their alternative text behind. The standard library's
`html.parser` is enough: imported HTML is a few tags deep, and a real
browser engine would be a heavy dependency for no visible gain.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    {"p", "div", "br", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr"}
    | {"dd", "dt", "dl", "section", "article", "header", "footer", "figure", "figcaption", "address"}
)
_HIDDEN = frozenset({"script", "style", "head", "title", "template"})
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_MAYBE_HTML = re.compile(r"<[A-Za-z/!]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


class _TextCollector(HTMLParser):
    """Collects text in reading order, turning block tags into line breaks."""

    def __init__(self, *, keep_newlines: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.keep_newlines = keep_newlines
        self.hidden = 0
        self.pre = 0
        self.images = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "pre":
            self.pre += 1
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "img":
            self.images += 1
            alt = dict(attrs).get("alt") or ""
            self.parts.append(f"[image: {alt}]" if alt.strip() else "[image]")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
            self.parts.append("\n")
        elif tag in _BLOCK and tag not in ("br", "hr", "li"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if not self.pre and not self.keep_newlines:
            data = data.replace("\n", " ")
        self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """Whether `text` holds a tag or an entity (plain text is passed through untouched)."""
    return ("<" in text or "&" in text) and _MAYBE_HTML.search(text) is not None


def html_to_text(text: str, *, keep_newlines: bool = False) -> str:
    """Plain text from an HTML fragment.

    Args:
        text: The fragment; it need not be well-formed.
        keep_newlines: Treat line breaks in the source as line breaks (Moodle's
            own "moodle auto-format" and Anki's plain fields do); in real HTML
            they are just spaces.
    """
    if not looks_like_html(text):
        return text.strip()
    collector = _TextCollector(keep_newlines=keep_newlines)
    collector.feed(text)
    collector.close()
    joined = "".join(collector.parts).replace("\xa0", " ")
    lines = [_SPACES.sub(" ", line).strip() for line in joined.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
