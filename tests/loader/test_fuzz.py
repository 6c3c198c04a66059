"""Whatever the bytes, the loader returns a deck or raises DeckError (RELIABILITY.md §4)."""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.errors import DeckError
from quiz.loader import check_deck, load_deck
from quiz.text import clean_text

TOML_BITS = st.sampled_from(
    [
        "[deck]\n",
        'id = "d"\n',
        'title = "T"\n',
        "[[cards]]\n",
        "[cards]\n",
        'id = "a"\n',
        'type = "flashcard"\n',
        'type = "numeric"\n',
        'type = "choice"\n',
        'type = "cloze"\n',
        'type = "date"\n',
        'front = "f"\nback = "b"\n',
        'question = "q"\n',
        "answer = ",
        "tolerance = ",
        'choices = ["a", "b"]\n',
        'text = "{{x}}"\n',
        '"2024-02-30"',
        '"--05-16/17"',
        "nan",
        "-1",
        "1e999",
        "true",
        "[",
        "]",
        "{",
        "}",
        '"',
        "'''",
        '"\\u001b]52;c;x\\u0007"',
        '"\\u202e"',
        "\n",
        "\r\n",
        "\r",
        "a.b.c = 1\n",
        "\xff",
        "\ufeff",
        "\x85",
        "9" * 5000,
    ]
)


def _strings(value: object):  # noqa: ANN202 - yields every string inside a model object
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _strings(item)
    elif is_dataclass(value):
        for field in fields(value):
            yield from _strings(getattr(value, field.name))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(TOML_BITS, max_size=30), junk=st.binary(max_size=64))
def test_loader_only_raises_deck_error(tmp_path, parts: list[str], junk: bytes) -> None:  # noqa: ANN001
    path = tmp_path / "deck.toml"
    path.write_bytes("".join(parts).encode("utf-8", "surrogatepass") + junk)
    try:
        deck = load_deck(path)
    except DeckError as error:
        assert str(error).startswith("deck.toml")
        assert error.problems
    else:
        # Whatever got through is clean: no control character or bidi override reaches the app.
        for text in _strings(deck):
            assert clean_text(text) == text
    result = check_deck(path)
    assert all(problem.path == "deck.toml" for problem in result.problems)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_only_raise_deck_error(tmp_path, data: bytes) -> None:  # noqa: ANN001
    path = tmp_path / "deck.toml"
    path.write_bytes(data)
    try:
        load_deck(path)
    except DeckError as error:
        assert str(error).startswith("deck.toml")


@settings(max_examples=300, deadline=None)
@given(
    value=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        max_size=20,
    )
)
def test_any_string_value_is_cleaned(value: str) -> None:
    from quiz.loader import loads_deck

    escaped = "".join(f"\\U{ord(char):08x}" for char in value)
    source = (
        f'[deck]\nid = "d"\ntitle = "T"\n\n[[cards]]\nid = "c"\ntype = "flashcard"\nfront = "x{escaped}"\nback = "b"\n'
    )
    card = loads_deck(source).cards[0]
    assert card.question == clean_text("x" + value)
