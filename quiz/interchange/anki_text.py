"""Anki's "Notes in Plain Text" → cards.

The file may start with Anki's headers: `#separator:` (a name such as
`tab`, `comma`, `semicolon`, `space`, `pipe`, `colon`, or the character
itself), `#html:true|false`, `#tags:` (tags for every note), `#deck:`,
`#notetype:`, and `#guid column:`, `#notetype column:`, `#deck column:`,
`#tags column:` (1-based). Fields follow CSV quoting: a quoted field may hold
the separator, line breaks and doubled quotes. HTML is reduced to text.

Note types map by name: "Cloze" → cloze (`{{c1::answer::hint}}` gaps),
"… (type in the answer)" → short answer, "… (and reversed card)" → a
flashcard with its reverse, "… (optional reversed card)" → reversed when its
third field is filled, anything else → a flashcard of its first two fields,
further fields kept in the explanation.
"""

from __future__ import annotations

import csv
import io
import re

from quiz.interchange.csv_deck import rows_with_lines
from quiz.interchange.draft import NO_BACK, Draft, clean, clean_tag
from quiz.interchange.markup import html_to_text, looks_like_html
from quiz.loader.syntax import SyntaxProblem, parse_cloze
from quiz.model import Answer, AnyCard, ClozeCard, FlashCard, ShortCard

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "space": " ", "pipe": "|", "colon": ":"}
_HEADER = re.compile(r"#([a-z ]+):(.*)\Z", re.IGNORECASE)
_ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_SOUND = re.compile(r"\[sound:[^\]]*\]")
GUID_PREFIX = "quiz:"
"""GUIDs this app writes: `quiz:<deck id>:<card id>`, so a card keeps its id through Anki and back."""


class _Settings:
    def __init__(self) -> None:
        self.separator = ""
        self.html: bool | None = None
        self.tags: list[str] = []
        self.deck = ""
        self.notetype = "Basic"
        self.columns: dict[str, int] = {}


def read_anki(text: str, draft: Draft, *, separator: str = "") -> None:
    """Add one card per note of an Anki plain-text export."""
    settings = _Settings()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        found = _HEADER.match(lines[start].lstrip("\ufeff").strip())
        if found:
            _header(settings, found.group(1).strip().lower(), found.group(2).strip(), draft, start + 1)
        start += 1
    settings.separator = separator or settings.separator or _guess_separator(lines[start:])
    draft.tags.extend(settings.tags)
    if settings.deck:
        draft.title = settings.deck
    body = "\n".join(lines[start:])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=settings.separator, quotechar='"')
    for line, row in rows_with_lines(reader, draft, start):
        if not any(field.strip() for field in row) or row[0].startswith("#"):
            continue
        try:
            card, notes = _note(row, settings, draft)
        except ValueError as reason:
            draft.report.skipped(line, str(reason))
            continue
        draft.add(card, line, notes)


_IMG_TAG = re.compile(r"<img\b", re.IGNORECASE)
_IMAGE_MARK = re.compile(r"\[image(?::[^\]]*)?\]")
_PICTURES = "pictures are not imported: each is shown as [image] (with its alt text, if any)"


def _header(settings: _Settings, key: str, value: str, draft: Draft, line: int) -> None:
    if key == "separator":
        settings.separator = SEPARATORS.get(value.lower(), value[:1] or "\t")
    elif key == "html":
        settings.html = value.lower() == "true"
    elif key == "tags":
        settings.tags = [clean_tag(tag) for tag in value.split()]
    elif key == "deck":
        settings.deck = clean(value)
    elif key == "notetype":
        settings.notetype = value
    elif key.endswith(" column"):
        name = key.removesuffix(" column")
        if not value.isdigit() or int(value) < 1:
            draft.report.note(line, f"#{key}: {value!r} is not a column number; ignored")
        else:
            settings.columns[name] = int(value) - 1
    elif key not in ("columns", "if matches", "match scope"):
        draft.report.note(line, f"unknown header #{key}: ignored")


def _guess_separator(lines: list[str]) -> str:
    sample = "\n".join(lines[:20])
    for candidate in ("\t", ";", ","):
        if candidate in sample:
            return candidate
    return "\t"


def _note(row: list[str], settings: _Settings, draft: Draft) -> tuple[AnyCard, list[str]]:
    special = settings.columns
    fields = [value for index, value in enumerate(row) if index not in special.values()]
    notes: list[str] = []

    def column(name: str) -> str:
        index = special.get(name)
        return row[index] if index is not None and index < len(row) else ""

    texts = [_field(value, settings, notes) for value in fields]
    while len(texts) < 2:
        texts.append("")
    tags = [clean_tag(tag) for tag in column("tags").split()]
    deck = clean(column("deck"))
    common = {"tags": tuple(dict.fromkeys(t for t in [*tags, deck] if t))}
    notetype = (column("notetype") or settings.notetype).lower()
    guid = column("guid").strip()
    explicit = guid.rsplit(":", 1)[-1] if guid.startswith(GUID_PREFIX) else guid
    if not texts[0]:
        raise ValueError("the first field is empty")
    if "cloze" in notetype:
        return _cloze(texts, explicit, common, notes, draft), notes
    card_id = draft.ids.make(explicit=explicit, text=texts[0])
    if not _IMAGE_MARK.sub("", texts[0]).strip():
        raise ValueError("the front is only a picture, and the app shows no pictures")
    if "type in" in notetype:  # "Basic (type in the answer)"; not any name that contains "type"
        if not texts[1]:
            raise ValueError("the answer field is empty")
        extra = [text for text in texts[2:] if text]
        if extra:
            notes.append("fields after the second were kept as the explanation")
        card = ShortCard(
            id=card_id, question=texts[0], answers=(Answer(texts[1]),), explanation="\n\n".join(extra), **common
        )
        return card, notes
    reverse = "reverse" in notetype and ("optional" not in notetype or bool(len(texts) > 2 and texts[2]))
    extra = [text for text in texts[2 if "optional" not in notetype else 3 :] if text]
    if extra:
        notes.append("fields after the second were kept as the explanation")
    back = texts[1]
    if not back:
        back = NO_BACK
        notes.append("the back is empty")
    explanation = "\n\n".join(extra)
    card = FlashCard(id=card_id, question=texts[0], back=back, reverse=reverse, explanation=explanation, **common)
    return card, notes


def _field(value: str, settings: _Settings, notes: list[str]) -> str:
    if _SOUND.search(value):
        value = _SOUND.sub("", value)
        if "sound files are not imported" not in notes:
            notes.append("sound files are not imported")
    if settings.html is True or (settings.html is None and looks_like_html(value)):
        if _IMG_TAG.search(value) and _PICTURES not in notes:
            notes.append(_PICTURES)
        value = html_to_text(value)
    return clean(value)


def _cloze(texts: list[str], explicit: str, common: dict[str, object], notes: list[str], draft: Draft) -> ClozeCard:
    numbers: list[str] = []

    def gap(found: re.Match[str]) -> str:
        numbers.append(found.group(1))
        answer = found.group(2).replace("|", "/").strip()
        hint = (found.group(3) or "").strip()
        return "{{" + answer + (f"::{hint}" if hint else "") + "}}"

    text = _ANKI_CLOZE.sub(gap, texts[0])
    if not numbers:
        raise ValueError("a cloze note without {{c1::…}} deletions")
    if len(set(numbers)) != len(numbers):
        notes.append("deletions that share a number are asked one at a time here")
    try:
        gaps = parse_cloze(text)
    except SyntaxProblem as problem:
        raise ValueError(f"cloze text: {problem}") from None
    card_id = draft.ids.make(explicit=explicit, text=texts[0])
    return ClozeCard(id=card_id, question="", text=text, gaps=gaps, explanation=texts[1], **common)
