"""Quizlet exports: term and definition per card, with the separators chosen when exporting.

Quizlet lets the user pick what goes between term and definition (tab,
comma, or any text) and between cards (newline, semicolon, or any text). It
does not quote fields, so the separators must be known; when they are not
given they are guessed from the text (tab, else " - ", else comma; newline,
else semicolon) and the guess is reported.
"""

from __future__ import annotations

from quiz.interchange.draft import Draft, clean
from quiz.model import FlashCard


def guess_separators(text: str) -> tuple[str, str]:
    """(term/definition separator, card separator) most likely used by `text`."""
    body = text.replace("\r\n", "\n").rstrip("\n")
    card = "\n" if "\n" in body or ";" not in body else ";"
    cards = [c for c in body.split(card) if c.strip()]
    for separator in ("\t", " - ", ","):
        if cards and sum(separator in c for c in cards) >= max(1, len(cards) * 0.8):
            return separator, card
    return "\t", card


def read_quizlet(text: str, draft: Draft, *, separator: str = "", card_separator: str = "") -> None:
    """Add one flashcard per term: the term is the front, the definition the back."""
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    guessed_term, guessed_card = guess_separators(body)
    if not separator or not card_separator:
        names = {"\t": "tab", "\n": "newline", ";": "semicolon", ",": "comma"}
        used = (separator or guessed_term, card_separator or guessed_card)
        shown = [names.get(s, repr(s)) for s in used]
        draft.report.note(None, f"separators guessed: {shown[0]} between term and definition, {shown[1]} between cards")
    separator = separator or guessed_term
    card_separator = card_separator or guessed_card
    position = 0
    for chunk in body.split(card_separator):
        line = body.count("\n", 0, position) + 1 + (len(chunk) - len(chunk.lstrip("\n")))
        position += len(chunk) + len(card_separator)
        if not chunk.strip():
            continue
        term, found, definition = chunk.partition(separator)
        term, definition = _unquote(term), _unquote(definition)
        if not found:
            # Name the card and the separator looked for: with ";" between cards every
            # card is on line 1, and the line alone does not say which one was left out.
            shown = {"\t": "tab", ",": "comma"}.get(separator, f'"{separator}"')
            draft.report.skipped(line, f'"{_excerpt(term)}": no {shown} between term and definition')
            continue
        if not term or not definition:
            draft.report.skipped(line, "the term or the definition is empty")
            continue
        card = FlashCard(id=draft.ids.make(text=term), question=term, back=definition)
        draft.add(card, line)


def _excerpt(text: str) -> str:
    """The start of a card's text, on one line, to name it in a message."""
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1].replace('""', '"')
    return clean(text)
