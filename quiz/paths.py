"""Where the app keeps and finds things. Computed on call, never at import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "quiz"
DATA_DIR_ENV = "QUIZ_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding progress, backups and logs.

    Precedence: the `--data-dir` option, then `$QUIZ_DATA_DIR`, then the
    platform's user data folder (e.g. `~/.local/share/quiz`).
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only here: keeps `import quiz.paths` cheap

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_decks_dir(data: Path) -> Path:
    """The student's own deck folder, inside the data folder."""
    return data / "decks"


def bundled_decks_dir() -> Path:
    """The decks that ship with the app.

    In an installed wheel they live in `quiz/decks/`; in a source checkout
    (editable install or tests) they are the top-level `decks/` folder.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "decks"
    if packaged.is_dir():
        return packaged
    return here.parent / "decks"
