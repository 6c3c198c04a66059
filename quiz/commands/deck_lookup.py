"""Finding the deck a command names: a file, or a deck id in the student's or the bundled deck folder.

Shared by `quiz export` and `quiz grade`, so that a deck written by `quiz import`
(into the deck folder, as `<id>.toml`) can be named by its id in every command;
and by `quiz import` and `quiz generate`, which never give a new deck a bundled deck's id
unasked.
"""

from __future__ import annotations

from pathlib import Path

from quiz.errors import DeckError, QuizError


def find_deck(name: str, data_dir_option: str | None) -> Path:
    """A deck file as given, or the deck of that id in the user's or the bundled deck folder.

    Raises:
        QuizError: no file of that name and no deck with that id.
    """
    from quiz.loader import load_deck
    from quiz.paths import bundled_decks_dir, data_dir, user_decks_dir

    path = Path(name).expanduser()
    if path.exists() or "/" in name:
        return path
    folders = (user_decks_dir(data_dir(data_dir_option)), bundled_decks_dir())
    file_name = name if path.suffix == ".toml" else f"{name}.toml"
    for folder in folders:
        candidate = folder / file_name
        if candidate.is_file():
            return candidate
    if path.suffix == ".toml":
        return path  # a file name, not an id: loading it says "no such file"
    for folder in folders:  # a deck whose file is named differently from its id
        for candidate in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
            try:
                if load_deck(candidate).id == name:
                    return candidate
            except DeckError:
                continue
    raise QuizError(f"{name}: no such deck file, and no deck with that id in your deck folder")


def refuse_bundled_id(deck_id: str) -> None:
    """A deck id the command chose (from a file name or a title) must not be a bundled deck's id.

    Progress is kept by deck id, so the two decks would share one history.
    An explicit `--id` is left alone: it is the way to keep the bundled deck's
    progress for an edited copy of it.
    """
    from quiz.loader import load_deck
    from quiz.paths import bundled_decks_dir

    for path in sorted(bundled_decks_dir().glob("*.toml")):
        try:
            taken = load_deck(path).id == deck_id
        except DeckError:
            continue
        if taken:
            raise QuizError(
                f"the deck id {deck_id!r} is the id of a deck that comes with quiz, and progress is kept "
                "by deck id, so the two would share it; choose another with --id"
            )
