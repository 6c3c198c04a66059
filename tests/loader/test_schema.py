"""The JSON Schema editors use: valid JSON, in step with the loader, and accepting every good deck.

`jsonschema` is not a dependency, so a small validator below covers the
keywords the schema uses (draft-07 subset: type, properties, required,
additionalProperties, items, enum, const, pattern, min/max, anyOf, allOf,
if/then).
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from quiz.loader.cards import ALLOWED_KEYS
from quiz.loader.validate import DECK_KEYS, OPTION_KEYS, SOURCE_KEYS
from quiz.model import CardType
from quiz.paths import bundled_decks_dir

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "quiz" / "loader" / "deck.schema.json"
DATA = Path(__file__).resolve().parents[1] / "data" / "loader"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}


def errors(schema: dict[str, Any], value: Any, where: str = "") -> list[str]:  # noqa: C901 - one keyword per branch
    """Why `value` does not match `schema` (empty when it does)."""
    found: list[str] = []
    if isinstance(value, date):  # editors see a TOML date as its ISO text
        value = value.isoformat()
    if "type" in schema and not _TYPES[schema["type"]](value):
        return [f"{where}: expected {schema['type']}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{where}: must be {schema['const']!r}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{where}: does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 10**9):
            found.append(f"{where}: wrong length")
    if _TYPES["number"](value):
        if value < schema.get("minimum", -(10**18)) or value > schema.get("maximum", 10**18):
            found.append(f"{where}: out of range")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            found.append(f"{where}: out of range")
        if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
            found.append(f"{where}: out of range")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                found.append(f"{where}: missing {key}")
        for key, item in value.items():
            if key in properties:
                found += errors(properties[key], item, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{where}: unknown key {key}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 10**9):
            found.append(f"{where}: wrong number of items")
        if "items" in schema:
            for index, item in enumerate(value):
                found += errors(schema["items"], item, f"{where}[{index}]")
    if "anyOf" in schema and all(errors(option, value, where) for option in schema["anyOf"]):
        found.append(f"{where}: matches none of the allowed forms")
    for part in schema.get("allOf", []):
        if "if" in part:
            if not errors(part["if"], value, where):
                found += errors(part["then"], value, where)
        else:
            found += errors(part, value, where)
    return found


def test_schema_declares_its_draft_and_describes_every_key() -> None:
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    card = SCHEMA["properties"]["cards"]["items"]
    for key, spec in card["properties"].items():
        assert spec.get("description"), key


def test_schema_knows_exactly_the_keys_the_loader_knows() -> None:
    deck = SCHEMA["properties"]["deck"]["properties"]
    assert set(deck) == DECK_KEYS
    assert set(deck["source"]["properties"]) == SOURCE_KEYS
    assert set(deck["options"]["properties"]) == OPTION_KEYS
    card = SCHEMA["properties"]["cards"]["items"]
    assert set(card["properties"]) == set().union(*ALLOWED_KEYS.values()) | {"question"}
    assert card["properties"]["type"]["enum"] == [str(kind) for kind in CardType]
    assert sorted(part["if"]["properties"]["type"]["const"] for part in card["allOf"]) == sorted(CardType)


@pytest.mark.parametrize(
    "path",
    [*sorted(bundled_decks_dir().glob("*.toml")), DATA / "every-type.toml"],
    ids=lambda path: path.name,
)
def test_schema_accepts_good_decks(path: Path) -> None:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    assert errors(SCHEMA, document) == []


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        ({"id": "a", "type": "essay"}, ".cards[0].type: not one of"),
        ({"id": "a/b", "type": "flashcard", "front": "f", "back": "b"}, ".cards[0].id: does not match"),
        ({"id": "a", "type": "flashcard", "front": "f"}, ".cards[0]: missing back"),
        ({"id": "a", "type": "short", "qeustion": "q", "answer": "x"}, ".cards[0]: unknown key qeustion"),
        ({"id": "a", "type": "true_false", "question": "q", "answer": "yes"}, ".cards[0].answer: expected boolean"),
        ({"id": "a", "type": "date", "question": "q", "answer": "May 16"}, ".cards[0].answer: does not match"),
        ({"id": "a", "type": "numeric", "question": "q", "answer": 1, "tolerance": -1}, ".cards[0].tolerance: out of"),
    ],
)
def test_schema_rejects_bad_cards(card: dict[str, Any], expected: str) -> None:
    document = {"deck": {"id": "d", "title": "T"}, "cards": [card]}
    assert any(problem.startswith(expected) for problem in errors(SCHEMA, document)), errors(SCHEMA, document)


def test_schema_ships_inside_the_package() -> None:
    import quiz.loader

    assert (Path(quiz.loader.__file__).parent / "deck.schema.json").is_file()
