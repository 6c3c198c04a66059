"""Editing a card in $EDITOR reloads the deck; a store that cannot open is a message, not a crash."""

from __future__ import annotations

import contextlib
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.clock import FixedClock
from quiz.errors import StoreLockedError
from quiz.loader import load_deck
from quiz.tui import editing
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen

from .fakes import FakeDriver

EDITOR_SCRIPT = """
import sys
path = sys.argv[-1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace("Capital of France?", "Capital of France, please?"))
"""


def test_editor_command_opens_the_card_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "vim -u NONE")
    monkeypatch.delenv("VISUAL", raising=False)
    assert editing.editor_command(Path("d.toml"), 12) == ["vim", "-u", "NONE", "+12", "d.toml"]
    monkeypatch.setenv("EDITOR", "code --wait")
    assert editing.editor_command(Path("d.toml"), 12) == ["code", "--wait", "d.toml"]


async def test_edit_reloads_the_deck_into_the_session(app_factory, decks, monkeypatch, tmp_path) -> None:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR_SCRIPT, encoding="utf-8")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    app = app_factory()
    monkeypatch.setattr(type(app), "suspend", lambda self: contextlib.nullcontext())
    path = decks / "all-types.toml"
    driver = FakeDriver(load_deck(path))
    async with app.run_test() as pilot:
        await app.push_screen(StudyScreen(driver, deck_path=path))
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
    assert ("reload", "tui-all-types") in driver.calls
    assert load_deck(path).cards[0].question == "Capital of France, please?"


async def test_an_edit_that_breaks_the_deck_keeps_the_old_one(app_factory, decks, monkeypatch, tmp_path) -> None:
    script = tmp_path / "editor.py"
    script.write_text("import sys; open(sys.argv[-1], 'a').write('[[cards]]\\nid = 1\\n')", encoding="utf-8")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    app = app_factory()
    monkeypatch.setattr(type(app), "suspend", lambda self: contextlib.nullcontext())
    path = decks / "all-types.toml"
    driver = FakeDriver(load_deck(path))
    async with app.run_test() as pilot:
        await app.push_screen(StudyScreen(driver, deck_path=path))
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
    assert not any(name == "reload" for name, _ in driver.calls)


async def test_a_locked_store_is_shown_as_a_banner(app_factory, decks, monkeypatch) -> None:
    def locked(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise StoreLockedError("Another quiz session is using your progress (pid 4242). Close it first.")

    monkeypatch.setattr("quiz.storage.open_store", locked)
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        banner = app.screen.query_one("#home-banner")
        assert banner.display and "pid 4242" in str(banner.render())
        assert app.screen.entries  # the decks are still listed


async def _ready(app, pilot) -> None:  # noqa: ANN001
    """Wait until the home screen has loaded its decks (they load in a worker thread)."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _review_one_saved(app, pilot) -> None:  # noqa: ANN001
    """Start a review from home, answer true, and see the answer saved."""
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, StudyScreen)
    await pilot.press("t")
    await pilot.pause()
    assert "✓ saved" in str(app.screen.query_one("#study-header").render())


async def _review_one_and_come_home(app, pilot) -> None:  # noqa: ANN001
    """Answer one review, see it saved, end the session and return home."""
    await _review_one_saved(app, pilot)
    await pilot.press("escape", "enter")
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)


async def _accept_the_backup(app, pilot) -> None:  # noqa: ANN001
    """Answer y to the offer of the newest good backup; the home screen then has working progress."""
    from quiz.tui.screens.confirm import ConfirmModal

    await _ready(app, pilot)
    assert isinstance(app.screen, ConfirmModal)
    await pilot.press("y")
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    assert app.backend.store_problem is None


def _damage_the_store(data_dir: Path, decks: Path) -> None:
    """A store with progress on one deck (and its daily backup), then its header overwritten."""
    from quiz.storage import open_store

    with open_store(data_dir) as store:
        store.sync_deck(load_deck(decks / "five-statements.toml"))
    with (data_dir / "progress.db").open("r+b") as handle:
        handle.write(b"\0" * 100)  # the header is gone: SQLite calls it not a database


async def test_a_damaged_database_offers_the_newest_backup(app_factory, decks, isolated_data_dir: Path) -> None:
    from quiz.storage import list_backups

    _damage_the_store(isolated_data_dir, decks)
    assert list_backups(isolated_data_dir), "the store keeps a daily backup"
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _accept_the_backup(app, pilot)
        assert not app.screen.query_one("#home-banner").display


async def test_studying_a_broken_deck_lists_its_problems(app_factory, decks) -> None:
    from quiz.tui.app import StartAt
    from quiz.tui.screens.problems import ProblemsScreen

    app = app_factory(decks / "broken.toml", start=StartAt(decks / "broken.toml", "review"))
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_read_only_data_folder_opens_for_reading(app_factory, decks, monkeypatch) -> None:
    from quiz import storage
    from quiz.storage import ReadOnlyStoreError

    real_open = storage.open_store

    def read_only_folder(data_dir, *, clock=None, read_only=False):  # noqa: ANN001, ANN202
        if not read_only:
            raise ReadOnlyStoreError("Your data folder is read-only; progress cannot be saved.")
        real_open(data_dir, clock=clock).close()  # a database to read, as a read-only folder would hold
        return real_open(data_dir, clock=clock, read_only=True)

    monkeypatch.setattr("quiz.storage.open_store", read_only_folder)
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        banner = str(app.screen.query_one("#home-banner").render())
        assert "read-only" in banner and "cannot be saved" in banner
        assert app.backend.store.read_only


async def test_quitting_with_an_answer_not_saved_says_so_in_the_terminal(
    app_factory, decks, isolated_data_dir, monkeypatch, capsys
) -> None:
    """The header's "not saved" vanishes with the app: the line left behind must say the answer was lost."""
    from quiz.storage import DiskFullError, Store, open_store
    from quiz.storage.db import DISK_FULL_MESSAGE
    from quiz.tui.app import StartAt

    def full(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise DiskFullError(DISK_FULL_MESSAGE)

    app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        monkeypatch.setattr(Store, "record_review", full)  # the disk fills up while the student studies
        await pilot.press("t")
        await pilot.pause()
        assert "not saved" in str(app.screen.query_one("#study-header").render())
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert "your last answer was not saved. Disk full" in capsys.readouterr().err
    with open_store(isolated_data_dir) as store:
        assert store.reviews("tui-five-statements") == []


async def test_quitting_after_every_answer_was_saved_says_nothing(app_factory, decks, capsys) -> None:
    from quiz.tui.app import StartAt

    app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert "not saved" not in capsys.readouterr().err


@contextlib.contextmanager
def _read_only(folder: Path):  # noqa: ANN202
    """Make `folder` a read-only bind mount of itself for the block (root ignores chmod)."""
    import subprocess

    done = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    assert done.returncode == 0, done.stderr
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


async def test_a_read_only_folder_is_explained_once_on_the_home_screen(app_factory, decks, isolated_data_dir) -> None:
    """A real read-only mount: the banner names the folder and says once what still works."""
    from quiz.storage import open_store

    with open_store(isolated_data_dir) as store:
        store.sync_deck(load_deck(decks / "five-statements.toml"))
    with _read_only(isolated_data_dir):
        app = app_factory(decks)
        async with app.run_test(size=(80, 24)) as pilot:
            await _ready(app, pilot)
            banner = str(app.screen.query_one("#home-banner").render())
            assert f"Your data folder {isolated_data_dir} is read-only" in banner
            assert banner.count("practise") == 1, banner
            assert "--data-dir" in banner


async def test_quitting_a_session_on_a_read_only_folder_says_nothing_was_saved(
    app_factory, decks, isolated_data_dir, capsys
) -> None:
    from quiz.storage import open_store
    from quiz.tui.app import StartAt

    with open_store(isolated_data_dir) as store:
        store.sync_deck(load_deck(decks / "five-statements.toml"))
    with _read_only(isolated_data_dir):
        app = app_factory(start=StartAt(decks / "five-statements.toml", "review"))
        async with app.run_test() as pilot:
            await pilot.pause()
            assert isinstance(app.screen, StudyScreen)
            await pilot.press("t")
            await pilot.pause()
            await pilot.press("ctrl+q")
            await pilot.pause()
    assert "quiz: nothing from this session was saved (read-only data folder)." in capsys.readouterr().err


async def test_closing_the_other_copy_is_enough_to_study_again(app_factory, decks, isolated_data_dir) -> None:
    """The second copy said "close it, then try again": trying again must work without a restart."""
    from quiz.storage import open_store

    holder = open_store(isolated_data_dir)  # the first copy, still open
    app = app_factory(decks / "five-statements.toml")
    try:
        async with app.run_test() as pilot:
            await _ready(app, pilot)
            banner = str(app.screen.query_one("#home-banner").render())
            assert "Another quiz is using your progress" in banner and "try again" in banner
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)  # still held: nothing starts
            holder.close()  # the student quits the first copy
            await _review_one_and_come_home(app, pilot)
            assert not app.screen.query_one("#home-banner").display
    finally:
        holder.close()
    with open_store(isolated_data_dir) as store:
        assert len(store.reviews("tui-five-statements")) == 1


async def test_damage_found_by_quiz_stats_is_offered_when_the_app_starts(
    app_factory, decks, isolated_data_dir: Path, clock
) -> None:
    """Without the offer, the app began an empty store and the student's history looked gone."""
    import subprocess

    from quiz.storage import list_backups, open_store

    deck = decks / "five-statements.toml"
    with open_store(isolated_data_dir, clock=clock) as store:
        store.sync_deck(load_deck(deck))
        key = min(store.item_keys("tui-five-statements"))
        store.suspend("tui-five-statements", [key])  # some progress the backup holds
    with open_store(isolated_data_dir, clock=FixedClock(clock.now() + timedelta(days=1))):
        pass  # the next day's backup
    assert len(list_backups(isolated_data_dir)) == 2
    with (isolated_data_dir / "progress.db").open("r+b") as handle:
        handle.write(b"\0" * 100)
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "--data-dir", str(isolated_data_dir), "stats", str(deck)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "copy that file to" in done.stderr
    app = app_factory(decks)
    async with app.run_test() as pilot:
        await _accept_the_backup(app, pilot)
    with open_store(isolated_data_dir) as store:
        assert store.get_item("tui-five-statements", key).suspended  # the progress is back


async def test_freeing_space_is_enough_to_study_again(app_factory, decks, monkeypatch) -> None:
    """The banner said "free some space and try again": trying again must work without a restart."""
    from quiz import storage
    from quiz.storage import DiskFullError
    from quiz.storage.db import DISK_FULL_MESSAGE

    real_open = storage.open_store
    disk = {"full": True}

    def open_store(data_dir, *, clock=None, read_only=False):  # noqa: ANN001, ANN202
        if disk["full"]:
            raise DiskFullError(DISK_FULL_MESSAGE)
        return real_open(data_dir, clock=clock, read_only=read_only)

    monkeypatch.setattr("quiz.storage.open_store", open_store)
    app = app_factory(decks / "five-statements.toml")
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        assert "Disk full" in str(app.screen.query_one("#home-banner").render())
        disk["full"] = False  # the student deletes a big file
        await _review_one_saved(app, pilot)


async def test_damage_without_a_backup_lets_the_student_start_afresh_at_once(
    app_factory, decks, isolated_data_dir: Path
) -> None:
    """With nothing to restore, the student was stuck ("cannot start") until quiz was restarted."""
    import shutil

    _damage_the_store(isolated_data_dir, decks)
    shutil.rmtree(isolated_data_dir / "backups")
    app = app_factory(decks / "five-statements.toml", decks / "all-types.toml")  # two decks: two tries to open
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        banner = str(app.screen.query_one("#home-banner").render())
        assert "moved aside" in banner and "no backup" in banner
        await _review_one_and_come_home(app, pilot)
        assert "moved aside" in str(app.screen.query_one("#home-banner").render())  # still says what happened


async def test_declining_the_backup_starts_afresh_at_once_and_is_not_asked_again(
    app_factory, decks, isolated_data_dir: Path
) -> None:
    """Answering n used to leave that run unable to save, and the offer came back at the next start."""
    from quiz.storage import list_backups, open_store
    from quiz.tui.screens.confirm import ConfirmModal

    _damage_the_store(isolated_data_dir, decks)
    kept = list_backups(isolated_data_dir)
    assert kept, "the store keeps a daily backup"
    app = app_factory(decks / "five-statements.toml")
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "start afresh" in str(app.screen.query_one("#home-banner").render())
        await _review_one_and_come_home(app, pilot)
    with open_store(isolated_data_dir) as store:
        assert len(store.reviews("tui-five-statements")) == 1  # the answer is in the new file
    assert set(kept) <= set(list_backups(isolated_data_dir))  # the backups are all still there
    app = app_factory(decks / "five-statements.toml")
    async with app.run_test() as pilot:
        await _ready(app, pilot)
        assert isinstance(app.screen, HomeScreen)  # no second offer
        assert not app.screen.query_one("#home-banner").display
