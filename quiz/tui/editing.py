"""Editing a card in the student's $EDITOR: suspend the app, open the deck at the card, reload it."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.app import App

from quiz.errors import DeckError
from quiz.loader import load_deck
from quiz.model import Deck


def editor_command(path: Path, line: int) -> list[str]:
    """$VISUAL or $EDITOR (default `vi`), with `+LINE` for the editors that understand it."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    argv = shlex.split(editor)
    name = Path(argv[0]).name if argv else ""
    if line > 0 and name in {"vi", "vim", "nvim", "nano", "emacs", "micro", "kak", "hx", "joe", "ne", "mg"}:
        argv.append(f"+{line}")
    return [*argv, str(path)]


def edit_and_reload(app: App, path: Path, line: int) -> Deck | None:
    """Open the deck in the editor with the app suspended; return the reloaded deck, or None.

    A deck the edit broke is not loaded: the student is told the first
    problem and keeps studying the version already in memory.
    """
    command = editor_command(path, line)
    try:
        with app.suspend():
            subprocess.run(command, check=False)
    except (OSError, Exception) as error:  # SuspendNotSupported in tests and on some platforms
        app.notify(f"Cannot open the editor: {error}", severity="error", markup=False)
        return None
    try:
        return load_deck(path)
    except DeckError as error:
        first = error.problems[0] if error.problems else error
        app.notify(f"The deck has errors now; keeping the old version.\n{first}", severity="error", markup=False)
        return None
