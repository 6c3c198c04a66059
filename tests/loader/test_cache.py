"""The load cache: unchanged decks come from it, anything doubtful is parsed again, nothing breaks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quiz.errors import DeckError
from quiz.loader import cache, load_deck

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "loader" / "every-type.toml"


@pytest.fixture
def deck_path(tmp_path: Path) -> Path:
    path = tmp_path / "every-type.toml"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture
def cache_dir(isolated_data_dir: Path) -> Path:
    return isolated_data_dir / "cache"


def test_cached_deck_equals_the_parsed_one(deck_path: Path, cache_dir: Path) -> None:
    parsed = load_deck(deck_path)
    first = load_deck(deck_path, cache_dir=cache_dir)
    assert cache.entry_path(cache_dir, deck_path).is_file()
    second = load_deck(deck_path, cache_dir=cache_dir)
    assert first == parsed
    assert second == parsed
    assert second.path == deck_path


def test_unchanged_deck_is_not_parsed_again(deck_path: Path, cache_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    load_deck(deck_path, cache_dir=cache_dir)

    def fail(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("parsed although the deck did not change")

    monkeypatch.setattr("tomli.loads", fail)
    assert load_deck(deck_path, cache_dir=cache_dir).id == "example-every-type"


def test_changed_deck_is_parsed_again(deck_path: Path, cache_dir: Path) -> None:
    load_deck(deck_path, cache_dir=cache_dir)
    text = deck_path.read_text(encoding="utf-8").replace('title = "Every question type"', 'title = "Changed"')
    stat = deck_path.stat()
    deck_path.write_text(text, encoding="utf-8")
    os.utime(deck_path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: the content hash must notice
    assert load_deck(deck_path, cache_dir=cache_dir).title == "Changed"


def test_same_bytes_new_mtime_is_parsed_again_and_still_equal(deck_path: Path, cache_dir: Path) -> None:
    first = load_deck(deck_path, cache_dir=cache_dir)
    stat = deck_path.stat()
    os.utime(deck_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert load_deck(deck_path, cache_dir=cache_dir) == first


def test_a_deck_turned_bad_is_reported_not_served_from_the_cache(deck_path: Path, cache_dir: Path) -> None:
    load_deck(deck_path, cache_dir=cache_dir)
    deck_path.write_text(deck_path.read_text(encoding="utf-8").replace('answer = "Harbin"', 'answer = "Oslo"'))
    with pytest.raises(DeckError, match='"Oslo" is not one of the choices'):
        load_deck(deck_path, cache_dir=cache_dir)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",
        lambda raw: raw[: len(raw) // 2],
        lambda raw: raw[:60] + bytes(b ^ 0xFF for b in raw[60:100]) + raw[100:],
        lambda raw: b"garbage" * 100,
        lambda raw: raw[:8] + b"\x00" * 32 + raw[40:],
    ],
    ids=["empty", "truncated", "flipped-bytes", "garbage", "bad-checksum"],
)
def test_corrupt_entry_is_ignored_and_rebuilt(deck_path: Path, cache_dir: Path, damage) -> None:  # noqa: ANN001
    expected = load_deck(deck_path, cache_dir=cache_dir)
    entry = cache.entry_path(cache_dir, deck_path)
    entry.write_bytes(damage(entry.read_bytes()))
    assert load_deck(deck_path, cache_dir=cache_dir) == expected
    assert load_deck(deck_path, cache_dir=cache_dir) == expected  # rebuilt and usable again


def test_entry_from_another_cache_format_is_ignored(deck_path: Path, cache_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    expected = load_deck(deck_path, cache_dir=cache_dir)
    monkeypatch.setattr(cache, "CACHE_FORMAT", cache.CACHE_FORMAT + 1)
    assert cache.lookup(cache_dir, deck_path, deck_path.read_bytes()) is None
    assert load_deck(deck_path, cache_dir=cache_dir) == expected


def test_unusable_cache_folder_is_not_an_error(deck_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert load_deck(deck_path, cache_dir=blocker).id == "example-every-type"


def test_no_cache_without_a_cache_folder(deck_path: Path, isolated_data_dir: Path) -> None:
    load_deck(deck_path)
    assert not any(isolated_data_dir.rglob("*.deck"))


# --- an edited deck reuses its unchanged cards ------------------------------------------------


@pytest.fixture
def parsed_texts(monkeypatch) -> list[str]:  # noqa: ANN001
    """Every text tomli parses from now on."""
    import tomli

    seen: list[str] = []
    real = tomli.loads

    def spy(text: str, **kwargs):  # noqa: ANN003, ANN202
        seen.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr("tomli.loads", spy)
    return seen


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NEW_CARD = '[[cards]]\nid = "inserted"\ntype = "true_false"\nquestion = "New?"\nanswer = true\n\n'


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('answer = "Harbin"', 'answer = "Shanghai"'),  # one card changed
        ('[[cards]]\nid = "agenda"', NEW_CARD + '[[cards]]\nid = "agenda"'),  # a card inserted: lines shift
    ],
    ids=["changed", "inserted"],
)
def test_edited_deck_parses_only_changed_cards(  # noqa: ANN001
    deck_path: Path, cache_dir: Path, parsed_texts, old: str, new: str
) -> None:
    load_deck(deck_path, cache_dir=cache_dir)
    _edit(deck_path, old, new)
    expected = load_deck(deck_path)
    parsed_texts.clear()
    assert load_deck(deck_path, cache_dir=cache_dir) == expected
    assert parsed_texts and all(text.startswith("[[cards]]") and len(text) < 1000 for text in parsed_texts)


def test_deleting_a_card_reuses_the_rest(deck_path: Path, cache_dir: Path, parsed_texts) -> None:  # noqa: ANN001
    load_deck(deck_path, cache_dir=cache_dir)
    text = deck_path.read_text(encoding="utf-8")
    start = text.index('[[cards]]\nid = "first-trip"')
    deck_path.write_text(text[:start] + text[text.index("[[cards]]", start + 1) :], encoding="utf-8")
    parsed_texts.clear()
    deck = load_deck(deck_path, cache_dir=cache_dir)
    assert parsed_texts == []
    assert deck == load_deck(deck_path)
    assert "first-trip" not in [card.id for card in deck.cards]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('id = "expo-city"', 'id = "premier"', 'duplicate card id "premier"'),
        ('answer = "Harbin"', 'answer = "Oslo"', '"Oslo" is not one of the choices'),
        ('answer = "Harbin"', 'answer = "Harbin', "unterminated string"),
    ],
)
def test_edits_that_break_the_deck_are_reported_as_by_a_full_load(  # noqa: ANN001
    deck_path: Path, cache_dir: Path, old: str, new: str, message: str
) -> None:
    load_deck(deck_path, cache_dir=cache_dir)
    _edit(deck_path, old, new)
    with pytest.raises(DeckError) as full:
        load_deck(deck_path)
    with pytest.raises(DeckError) as cached:
        load_deck(deck_path, cache_dir=cache_dir)
    assert message in str(full.value)
    assert str(cached.value) == str(full.value)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('title = "Every question type"', 'title = "Renamed"'),  # the head changed
        ('distractors = ["Foreign Minister of China"]', 'distractors = ["X"]\n\n[deck.options.extra]\n'),
        ("leech_threshold = 6\n", ""),
        ('[[cards]]\nid = "first-trip"', '[[cardsX]]\nid = "first-trip"'),  # a stray table among the cards
    ],
    ids=["head", "table-after-cards", "option-removed", "stray-table"],
)
def test_other_edits_give_what_a_full_load_gives(deck_path: Path, cache_dir: Path, old: str, new: str) -> None:
    load_deck(deck_path, cache_dir=cache_dir)
    _edit(deck_path, old, new)
    try:
        expected = load_deck(deck_path)
    except DeckError as error:
        with pytest.raises(DeckError) as caught:
            load_deck(deck_path, cache_dir=cache_dir)
        assert str(caught.value) == str(error)
        return
    assert load_deck(deck_path, cache_dir=cache_dir) == expected


def test_options_written_after_the_cards_are_not_lost_when_a_card_is_edited(deck_path: Path, cache_dir: Path) -> None:
    text = deck_path.read_text(encoding="utf-8")
    options = text[text.index("[deck.options]") : text.index("[[cards]]")]
    deck_path.write_text(text.replace(options, "") + "\n" + options, encoding="utf-8")
    first = load_deck(deck_path, cache_dir=cache_dir)
    assert first.options.leech_threshold == 6
    _edit(deck_path, "leech_threshold = 6", "leech_threshold = 7")
    assert load_deck(deck_path, cache_dir=cache_dir).options.leech_threshold == 7
    _edit(deck_path, 'answer = "Harbin"', 'answer = "Shanghai"')
    assert load_deck(deck_path, cache_dir=cache_dir) == load_deck(deck_path)


def test_the_deck_digest_follows_the_bytes_with_or_without_the_cache(deck_path: Path, cache_dir: Path) -> None:
    parsed = load_deck(deck_path)
    assert len(parsed.digest) == 32
    assert load_deck(deck_path, cache_dir=cache_dir).digest == parsed.digest  # filling the cache
    assert load_deck(deck_path, cache_dir=cache_dir).digest == parsed.digest  # served from it
    deck_path.write_bytes(deck_path.read_bytes() + b"\n# a comment changes the file, not the deck\n")
    edited = load_deck(deck_path, cache_dir=cache_dir)
    assert edited.digest != parsed.digest
    assert edited == parsed  # the digest names the file; equality is about the deck


def test_entry_written_for_another_model_is_ignored(deck_path: Path, cache_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    """Cards are decoded only when used: an entry for a model with other fields must be refused when read."""
    expected = load_deck(deck_path, cache_dir=cache_dir)
    monkeypatch.setattr(cache, "_LAYOUT", "a-model-with-other-fields")
    assert cache.lookup(cache_dir, deck_path, deck_path.read_bytes()) is None
    assert load_deck(deck_path, cache_dir=cache_dir) == expected
