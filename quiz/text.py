"""Cleaning untrusted text: deck files come from strangers.

Rich and Textual strip only BEL, BS, VT, FF and CR; ESC, C1 controls and bidi
overrides would reach the terminal and could rewrite the clipboard (OSC 52),
the window title or the screen. Every string read from a deck or an import
passes through `clean_text` once, at load, and shows a visible U+FFFD where a
control character stood, so the teacher can find it.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 controls except tab and newline, DEL, and the C1 range."""
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidi embeddings, overrides and isolates: they can reverse what the student reads."""
REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """Return `text` with line endings normalised and control characters made visible."""
    text = text.replace("\r\n", "\n")
    return _BIDI.sub(REPLACEMENT, _CONTROL.sub(REPLACEMENT, text))


def one_line(text: str) -> str:
    """`clean_text`, then tabs and newlines folded to spaces: for titles, ids and table cells."""
    return " ".join(clean_text(text).split())
