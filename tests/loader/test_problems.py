# ruff: noqa: E501 - the expected messages are kept whole, one per line, to read like the output
"""Bad decks: every problem is reported once, located, and in plain words (RELIABILITY.md §3)."""

from __future__ import annotations

import pytest

from quiz.errors import DeckError, Severity
from quiz.loader import check_deck, loads_deck

NAME = "algebra.toml"
DECK = '[deck]\nid = "d"\ntitle = "T"\n'
HEAD = DECK + '\n[[cards]]\nid = "c"\n'
"""A deck whose only card's header is on line 5 and whose body starts on line 7."""
FLASH = 'type = "flashcard"\nfront = "f"\nback = "b"\n'


def problems(source: str | bytes) -> list[str]:
    """The error messages `load_deck` gives for this deck text."""
    with pytest.raises(DeckError) as caught:
        loads_deck(source, name=NAME)
    for problem in caught.value.problems:
        assert problem.severity is Severity.ERROR
        assert problem.path == NAME
    return [str(problem) for problem in caught.value.problems]


# --- the file as a whole: encoding, syntax, limits --------------------------------------------

FILE_CASES = [
    # (1) unterminated string
    (
        '[deck]\nquestion = "What is 2+2?\n',
        "algebra.toml:2:25: unterminated string (a line break comes before the closing quote)",
    ),
    # (2) duplicate key inside a card
    (HEAD + 'id = "a"\n', 'algebra.toml:7:9: key "id" is set twice in the same card'),
    # (3) [[cards]] then [cards]
    (HEAD + "[cards]\n", 'algebra.toml:7:7: "cards" must be written as [[cards]] each time'),
    ('cards = "x"\n[[cards]]\n', 'algebra.toml:2:8: "cards" must be written as [[cards]] each time'),
    # (4) invalid UTF-8, with the byte
    (b'[deck]\nq = "caf\xe9"\n', "algebra.toml:2:9: not valid UTF-8 (byte 0xE9); save the file as UTF-8"),
    # (5) UTF-16, with or without a BOM
    ((DECK).encode("utf-16"), "algebra.toml:1: not valid UTF-8: the file looks like UTF-16; save it as UTF-8"),
    ((DECK).encode("utf-16-le"), "algebra.toml:1: not valid UTF-8: the file looks like UTF-16; save it as UTF-8"),
    # (7) empty, or comments only
    ("", "algebra.toml: cards: no cards; add at least one [[cards]] section"),
    ("# nothing here\n" + DECK, "algebra.toml: cards: no cards; add at least one [[cards]] section"),
    # (8) cards of the wrong shape
    ('cards = "x"\n' + DECK, "algebra.toml:1: cards: must be a list of [[cards]] tables"),
    (DECK + "[cards]\nid = 1\n", "algebra.toml:4: cards: must be a list of [[cards]] tables"),
    ("cards = [1, 2]\n" + DECK, "algebra.toml:1: cards: must be a list of [[cards]] tables"),
    # (27) deep nesting; (28) huge integer
    (
        "a = " + "[" * 1000 + "]" * 1000 + "\n",
        "algebra.toml: nesting too deep (lists or tables inside each other more than 400 levels)",
    ),
    (
        "a = " + "{b = " * 500 + "1" + "}" * 500 + "\n",
        "algebra.toml: nesting too deep (lists or tables inside each other more than 400 levels)",
    ),
    ("a = " + "9" * 5000 + "\n", "algebra.toml: number too large"),
    # (29) dotted-key bomb
    ("[" + ".".join(["k"] * 100_000) + "]\n", "algebra.toml: a key has too many dotted parts"),
    # other syntax errors in plain words
    ('[deck]\nid "d"\n', 'algebra.toml:2:4: expected "=" after the key (write key = value)'),
    ("[deck]\nid = d\n", 'algebra.toml:2:6: invalid value (text needs quotes, like "this")'),
    ("[deck]\nday = 2023-02-30\n", "algebra.toml:2:7: invalid date or time (is the day past the end of the month?)"),
    ('[deck]\ntags = ["a", "b"\n', 'algebra.toml:3:1: unclosed list: a "]" or a "," is missing'),
    # curly quotes from a word processor; a multi-line string never closed
    (
        "[deck]\nid = “d”\n",
        'algebra.toml:2:6: curly quotes “…” are not TOML quotes; write straight quotes "…" (a word processor may have changed them)',
    ),
    (
        '[deck]\ntitle = """T\n\n[[cards]]\nid = "c"\n',
        'algebra.toml:6:1: unterminated string: the text opened with """ on line 2 is never closed',
    ),
    (
        "[deck]\ntitle = '''T\n\n[[cards]]\nid = 'c'\n",
        "algebra.toml:6:1: unterminated string: the text opened with ''' on line 2 is never closed",
    ),
    # a quote or apostrophe inside the text ends it early; two keys on one line
    (
        '[deck]\nquestion = "What\'s the "powerhouse" of the cell?"\n',
        'algebra.toml:2:25: the text ends early at a " inside it; write \\" for a quote inside "…", or enclose the whole text in \'…\'',
    ),
    (
        "[deck]\nanswer = 'it's'\n",
        'algebra.toml:2:14: the text ends early at an apostrophe inside it; enclose text that contains \' in double quotes "…"',
    ),
    (
        '[deck]\nid = "d" title = "T"\n',
        "algebra.toml:2:10: a second key = value starts on the same line; put each key = value on its own line",
    ),
    (
        "[deck]\nsize = 5 6\n",
        "algebra.toml:2:10: more follows the value on the same line; put each key = value on its own line (comments start with #)",
    ),
    (
        '[deck]\nq = "a\x1bb"\n',
        "algebra.toml:2:7: control character \\x1b is not allowed here; remove it or write it as an escape",
    ),
]


@pytest.mark.parametrize(("source", "expected"), FILE_CASES)
def test_file_level_problem(source: str | bytes, expected: str) -> None:
    assert expected in problems(source)


def test_bom_is_accepted() -> None:
    deck = loads_deck(b"\xef\xbb\xbf" + (HEAD + FLASH).encode())
    assert deck.cards[0].question == "f"


def test_size_is_capped_before_parsing(tmp_path) -> None:  # noqa: ANN001
    from quiz.loader import MAX_DECK_BYTES, load_deck

    path = tmp_path / "huge.toml"
    path.write_bytes(b"# " + b"x" * MAX_DECK_BYTES + b"\n")
    with pytest.raises(DeckError, match=r"huge.toml: file too large \(5.0 MB; the limit is 5 MB\)"):
        load_deck(path)


# --- [deck] -----------------------------------------------------------------------------

DECK_CASES = [
    (
        "[[cards]]\n" + 'id = "c"\n' + FLASH,
        'algebra.toml: deck: missing [deck] table (with at least id = "…" and title = "…")',
    ),
    (
        '[deck]\ntitle = "T"\n\n[[cards]]\nid = "c"\n' + FLASH,
        'algebra.toml:1: deck: missing "id" (progress is kept by id, so every deck needs its own)',
    ),
    (
        '[deck]\nid = "a b"\ntitle = "T"\n',
        'algebra.toml:2: deck.id: may use only letters A-Z a-z, digits, ".", "_" and "-"',
    ),
    ('[deck]\nid = "d"\ntitle = "  "\n', "algebra.toml:3: deck.title: must not be blank"),
    (
        DECK + "format = 3\n",
        "algebra.toml:4: deck.format: this deck needs a newer quiz app (format 3; this app reads format 1)",
    ),
    (DECK + 'format = "1"\n', "algebra.toml:4: deck.format: expected a whole number, got text"),
    (
        DECK + '\n[deck.source]\narticle = "../secret.txt"\n',
        'algebra.toml:6: deck.source.article: path leaves the deck folder (".." is not allowed)',
    ),
    (
        DECK + '\n[deck.source]\narticle = "/etc/passwd"\n',
        "algebra.toml:6: deck.source.article: path leaves the deck folder (absolute paths are not allowed; write it relative to the deck)",
    ),
    (
        DECK + '\n[deck.source]\narticle = "C:\\\\Windows\\\\win.ini"\n',
        "algebra.toml:6: deck.source.article: path leaves the deck folder (absolute paths are not allowed; write it relative to the deck)",
    ),
    (
        DECK + '\n[deck.source]\narticle = "a\\u0000b"\n',
        "algebra.toml:6: deck.source.article: path contains a NUL or control character",
    ),
    (
        DECK + '\n[deck.source]\nurl = "javascript:alert(1)"\n',
        "algebra.toml:6: deck.source.url: must start with https:// or http://",
    ),
    (
        DECK + '\n[deck.source]\npublished = "2024-02-30"\n',
        'algebra.toml:6: deck.source.published: "2024-02-30" is not a date; write it as 2024-05-14',
    ),
    (
        DECK + "\n[deck.options]\ndesired_retention = 1.0\n",
        "algebra.toml:6: deck.options.desired_retention: must be between 0 and 1, e.g. 0.9 (90% recall)",
    ),
    (
        DECK + "\n[deck.options]\ndesired_retention = true\n",
        "algebra.toml:6: deck.options.desired_retention: expected a number, got true/false",
    ),
    (
        DECK + "\n[deck.options]\nday_starts_at = 24\n",
        "algebra.toml:6: deck.options.day_starts_at: must be between 0 and 23",
    ),
    (
        DECK + '\n[deck.options]\nlearning_steps = ["1m", "10 minutes"]\n',
        'algebra.toml:6: deck.options.learning_steps[1]: "10 minutes" is not a step; write a number and a unit, like "1m", "10m", "1h" or "1d"',
    ),
    (
        DECK + "\n[deck.options]\nrelearning_steps = [10]\n",
        'algebra.toml:6: deck.options.relearning_steps[0]: expected a step such as "10m", got integer',
    ),
    (
        DECK + "\n[deck.options]\nnew_per_day = -1\n",
        "algebra.toml:6: deck.options.new_per_day: must be between 0 and 100000",
    ),
]


@pytest.mark.parametrize(("source", "expected"), DECK_CASES)
def test_deck_table_problem(source: str, expected: str) -> None:
    if "[[cards]]" not in source:
        source += '\n[[cards]]\nid = "c"\n' + FLASH
    assert problems(source)[0] == expected


# --- cards ------------------------------------------------------------------------------

C = 'algebra.toml:{line}: cards[0] (id "c"){field}: {message}'
CARD_CASES = [
    # (9) missing required field; (10) wrong type; (12) blank
    ('type = "short"\nanswer = "x"\n', 5, "", 'missing "question"'),
    ('type = "short"\nquestion = 42\nanswer = "x"\n', 8, ".question", "expected text, got integer"),
    (
        'type = "choice"\nquestion = "Q"\nchoices = "a,b"\nanswer = "a"\n',
        9,
        ".choices",
        "expected a list of choices, got text",
    ),
    ('type = "short"\nquestion = "   "\nanswer = "x"\n', 8, ".question", "must not be blank"),
    ('type = "short"\nquestion = "Q"\nanswer = ""\n', 9, ".answer", "must not be blank"),
    # (11) a bool is not a number
    (
        'type = "numeric"\nquestion = "Q"\nanswer = 1\ntolerance = true\n',
        10,
        ".tolerance",
        "expected a number, got true/false",
    ),
    ('type = "numeric"\nquestion = "Q"\nanswer = true\n', 9, ".answer", "expected a number, got true/false"),
    # (17) unknown type, with the list
    (
        'type = "essay"\nquestion = "Q"\n',
        7,
        ".type",
        'unknown "essay" (expected: flashcard, short, choice, multi, true_false, numeric, date, cloze, order, match)',
    ),
    (
        'question = "Q"\n',
        5,
        "",
        'missing "type" (one of: flashcard, short, choice, multi, true_false, numeric, date, cloze, order, match)',
    ),
    # (18) choice answer not among the choices; (19) fewer than 2, duplicates after trim + casefold
    (
        'type = "choice"\nquestion = "Q"\nchoices = ["a", "b"]\nanswer = "c"\n',
        10,
        ".answer",
        '"c" is not one of the choices',
    ),
    ('type = "choice"\nquestion = "Q"\nchoices = ["a"]\nanswer = "a"\n', 9, ".choices", "needs at least 2 choices"),
    (
        'type = "choice"\nquestion = "Q"\nchoices = ["Harbin", "harbin "]\nanswer = "Harbin"\n',
        9,
        ".choices[1]",
        '"harbin" appears twice (also choices[0])',
    ),
    (
        'type = "choice"\nquestion = "Q"\nchoices = ["a", "b"]\n',
        5,
        "",
        'missing "answer" (the text of the right choice, or weights on the choices)',
    ),
    (
        'type = "choice"\nquestion = "Q"\nchoices = [{ text = "a", weight = 0.5 }, "b"]\n',
        9,
        ".choices",
        "no choice earns full credit (one needs weight 1)",
    ),
    (
        'type = "choice"\nquestion = "Q"\nchoices = [{ text = "a", weight = 2 }, "b"]\nanswer = "b"\n',
        9,
        ".choices[0].weight",
        "weight must be between -1 and 1",
    ),
    (
        'type = "multi"\nquestion = "Q"\nchoices = ["a", "b"]\nanswer = []\n',
        5,
        "",
        'no right choice: list the right ones in "answer"',
    ),
    (
        'type = "multi"\nquestion = "Q"\nchoices = ["a", "b"]\nanswer = ["a", "z"]\n',
        10,
        ".answer[1]",
        '"z" is not one of the choices',
    ),
    # (20) negative tolerance; (21) nan and inf; (22) decimal comma
    ('type = "numeric"\nquestion = "Q"\nanswer = 3\ntolerance = -0.1\n', 10, ".tolerance", "must be ≥ 0"),
    (
        'type = "numeric"\nquestion = "Q"\nanswer = 3\ntolerance = nan\n',
        10,
        ".tolerance",
        "must be a finite number (not nan or inf)",
    ),
    ('type = "numeric"\nquestion = "Q"\nanswer = inf\n', 9, ".answer", "must be a finite number (not nan or inf)"),
    (
        'type = "numeric"\nquestion = "Q"\nanswer = "3,14"\n',
        9,
        ".answer",
        'expected a number, got text "3,14"; use 3.14',
    ),
    (
        'type = "numeric"\nquestion = "Q"\nanswer = "240.1"\n',
        9,
        ".answer",
        "expected a number, got text; write it without quotes: 240.1",
    ),
    ('type = "numeric"\nquestion = "Q"\nmin = 5\nmax = 1\n', 9, ".min", "min (5) is larger than max (1)"),
    (
        'type = "numeric"\nquestion = "Q"\nanswer = 1\nmin = 0\n',
        9,
        ".answer",
        'write either "answer" (with "tolerance") or "min"/"max", not both',
    ),
    (
        'type = "numeric"\nquestion = "Q"\nanswer = 1\nbound = "roughly"\n',
        10,
        ".bound",
        'unknown bound \'roughly\' (expected: "exact", "at_least", "at_most")',
    ),
    # (26) over-long field
    (
        'type = "short"\nquestion = "' + "x" * 10_001 + '"\nanswer = "a"\n',
        8,
        ".question",
        "too long (10,001 characters; the limit is 10,000)",
    ),
    # dates that are not dates
    ('type = "date"\nquestion = "Q"\nanswer = "2023-02-30"\n', 9, ".answer", '"2023-02-30": February has no day 30'),
    (
        'type = "date"\nquestion = "Q"\nanswer = "May 16"\n',
        9,
        ".answer",
        '"May 16" is not a date; write "1949", "2022-02", "2024-05-16", "--05-16" (no year), or a span "2024-05-16/17"',
    ),
    (
        'type = "date"\nquestion = "Q"\nanswer = "16/05/2024"\n',
        9,
        ".answer",
        '"16/05/2024" is not a date; write a day as year-month-day, like "2024-05-16"',
    ),
    (
        'type = "date"\nquestion = "Q"\nanswer = "2024-05-17/16"\n',
        9,
        ".answer",
        'the span "2024-05-17/16" must end after it starts',
    ),
    (
        'type = "date"\nquestion = "Q"\nanswer = 1949\n',
        9,
        ".answer",
        'expected a date written as text ("1949", "2022-02", "2024-05-16", "--05-16" (no year), or a span "2024-05-16/17"), got integer',
    ),
    # cloze without gaps, or with broken ones
    (
        'type = "cloze"\ntext = "No gaps here."\n',
        8,
        ".text",
        "no gaps: mark each answer as {{answer}} or {{answer::hint}}",
    ),
    (
        'type = "cloze"\ntext = "Putin met {{Li Qiang in Harbin."\n',
        8,
        ".text",
        'a gap is opened with "{{" but never closed with "}}"',
    ),
    (
        'type = "cloze"\ntext = "Putin met {{::a name}}."\n',
        8,
        ".text",
        "gap 1 has no answer: write {{answer}} or {{answer::hint}}",
    ),
    # order and match
    ('type = "order"\nquestion = "Q"\nitems = ["only"]\n', 9, ".items", "needs at least 2 items to put in order"),
    ('type = "order"\nquestion = "Q"\nitems = ["a", "A"]\n', 9, ".items[1]", '"A" appears twice (also items[0])'),
    ('type = "match"\nquestion = "Q"\npairs = [["a", "1"]]\n', 9, ".pairs", "needs at least 2 pairs"),
    (
        'type = "match"\nquestion = "Q"\npairs = [["a", "1"], ["a", "2"]]\n',
        9,
        ".pairs[1]",
        '"a" is matched twice (also pairs[0])',
    ),
    (
        'type = "match"\nquestion = "Q"\npairs = [["a", "1"], ["b"]]\n',
        9,
        ".pairs[1]",
        'each pair must be a list of two texts: ["left", "right"]',
    ),
    # true/false, flashcard, short
    (
        'type = "true_false"\nquestion = "S"\nanswer = "yes"\n',
        9,
        ".answer",
        "expected true or false (without quotes), got text",
    ),
    (
        'type = "flashcard"\nfront = "f"\nback = "b"\nreverse = "yes"\n',
        10,
        ".reverse",
        "expected true or false, got text",
    ),
    (
        'type = "short"\nquestion = "Q"\nanswer = { text = "x", weight = 0 }\n',
        9,
        ".answer",
        "the main answer must earn credit (weight above 0)",
    ),
    # previous ids
    (
        'type = "flashcard"\nfront = "f"\nback = "b"\nprevious_ids = ["c"]\n',
        10,
        ".previous_ids",
        "lists the card's own id",
    ),
    (
        'type = "flashcard"\nfront = "f"\nback = "b"\nprevious_ids = ["a/b"]\n',
        10,
        ".previous_ids[0]",
        'may use only letters A-Z a-z, digits, ".", "_" and "-"',
    ),
]


@pytest.mark.parametrize(("body", "line", "field", "message"), CARD_CASES)
def test_card_problem(body: str, line: int, field: str, message: str) -> None:
    assert problems(HEAD + body)[0] == C.format(line=line, field=field, message=message)


@pytest.mark.parametrize(
    ("card_id", "message"),
    [
        ("a/../b", 'may use only letters A-Z a-z, digits, ".", "_" and "-"'),
        ("x" * 5000, "too long (5000 characters; an id has at most 64)"),
        ("a\\u001bb", 'may use only letters A-Z a-z, digits, ".", "_" and "-"'),
        ("", "must not be empty"),
    ],
)
def test_bad_card_id(card_id: str, message: str) -> None:
    (found,) = problems(DECK + f'\n[[cards]]\nid = "{card_id}"\n' + FLASH)
    assert found.startswith("algebra.toml:6: cards[0]")
    assert found.endswith(f".id: {message}")


def test_missing_card_id() -> None:
    assert problems(DECK + "\n[[cards]]\n" + FLASH) == [
        'algebra.toml:5: cards[0]: missing "id" (progress is kept by id, so every card needs its own)'
    ]


def test_duplicate_ids_name_both_lines() -> None:
    source = DECK + '\n[[cards]]\nid = "q1"\n' + FLASH + '\n[[cards]]\nid = "q1"\n' + FLASH
    assert problems(source) == [
        'algebra.toml:12: cards[1] (id "q1").id: duplicate card id "q1" (also at line 6, cards[0])'
    ]


def test_every_problem_is_reported_not_just_the_first() -> None:
    source = (
        '[deck]\nid = "d"\ntitle = ""\nformat = 9\n'
        '\n[[cards]]\nid = "a"\ntype = "essay"\n'
        '\n[[cards]]\nid = "b"\ntype = "numeric"\nquestion = "Q"\nanswer = "3,14"\n'
        '\n[[cards]]\nid = "c"\ntype = "choice"\nquestion = ""\nchoices = ["x", "X"]\nanswer = "y"\n'
    )
    found = problems(source)
    assert [p.split(": ")[0] for p in found] == [
        "algebra.toml:3",
        "algebra.toml:4",
        "algebra.toml:8",
        "algebra.toml:14",
        "algebra.toml:19",
        "algebra.toml:20",
        "algebra.toml:21",
    ]


# --- unknown keys: warnings, or errors with --strict -----------------------------------

UNKNOWN = HEAD + 'type = "short"\nqeustion = "Q"\nquestion = "Q"\nanswer = "x"\n'


def test_unknown_key_is_a_warning(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "algebra.toml"
    path.write_text(UNKNOWN, encoding="utf-8")
    result = check_deck(path)
    assert result.ok
    assert [str(p) for p in result.problems] == [
        'algebra.toml:8: cards[0] (id "c"): warning: unknown key "qeustion" (did you mean "question"?)'
    ]
    assert loads_deck(UNKNOWN).cards[0].question == "Q"


def test_unknown_key_is_an_error_when_strict(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "algebra.toml"
    path.write_text(UNKNOWN, encoding="utf-8")
    result = check_deck(path, strict=True)
    assert not result.ok
    assert [str(p) for p in result.errors] == [
        'algebra.toml:8: cards[0] (id "c"): unknown key "qeustion" (did you mean "question"?)'
    ]


def test_unknown_keys_in_deck_and_choice_tables_are_warned_about(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "algebra.toml"
    path.write_text(
        DECK + 'author = "me"\n\n[[cards]]\nid = "c"\ntype = "choice"\nquestion = "Q"\n'
        'choices = [{ text = "a", points = 1 }, "b"]\nanswer = "a"\n',
        encoding="utf-8",
    )
    assert [str(p) for p in check_deck(path).warnings] == [
        'algebra.toml:4: deck: warning: unknown key "author"',
        'algebra.toml:10: cards[0] (id "c").choices[0]: warning: unknown key "points" (expected text, weight, feedback)',
    ]


def test_unknown_keys_are_listed_in_the_order_they_are_written(tmp_path) -> None:  # noqa: ANN001
    """A teacher reads the messages top to bottom beside the file, so they follow its lines."""
    path = tmp_path / "algebra.toml"
    path.write_text(UNKNOWN + 'explaination = "e"\nanser = "x"\n', encoding="utf-8")
    assert [problem.line for problem in check_deck(path).warnings] == [8, 11, 12]


def test_flashcard_question_key_gets_a_hint(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "algebra.toml"
    path.write_text(HEAD + 'type = "flashcard"\nquestion = "q"\nfront = "f"\nback = "b"\n', encoding="utf-8")
    (warning,) = check_deck(path).warnings
    assert warning.message == 'unknown key "question" (a flashcard has "front" and "back")'


def test_text_is_located_for_cards_written_with_indented_headers() -> None:
    source = DECK + '\n  [[ cards ]]\n  id = "c"\n  type = "short"\n  question = 1\n  answer = "x"\n'
    assert problems(source) == ['algebra.toml:8: cards[0] (id "c").question: expected text, got integer']


def test_markup_and_action_payloads_are_kept_as_plain_text() -> None:
    # RELIABILITY.md §3 entry 24: the loader keeps them literally; the TUI shows them as text.
    payload = "[@click=app.quit]hint[/] [/] [$accent] [link=file:///etc/passwd]x[/link]"
    card = loads_deck(HEAD + f'type = "flashcard"\nfront = "{payload}"\nback = "b"\n').cards[0]
    assert card.question == payload


def test_a_misspelt_cards_header_is_an_error_naming_the_fix(tmp_path) -> None:  # noqa: ANN001
    """A card under [[card]] would never be studied; a warning is too easy to miss for that."""
    path = tmp_path / "algebra.toml"
    path.write_text(HEAD + FLASH + '\n[[card]]\nid = "c2"\n' + FLASH, encoding="utf-8")
    assert [str(p) for p in check_deck(path).problems] == [
        "algebra.toml:11: card: unknown table [[card]]: did you mean [[cards]]? The cards under it are not read"
    ]


def test_other_unknown_top_level_keys_stay_warnings(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "algebra.toml"
    path.write_text('author = "me"\n' + HEAD + FLASH, encoding="utf-8")
    result = check_deck(path)
    assert result.ok and [p.severity for p in result.problems] == [Severity.WARNING]


def test_problems_are_listed_from_the_top_of_the_file_down(tmp_path) -> None:  # noqa: ANN001
    """An unknown top-level key at the bottom is found first but listed where it is."""
    path = tmp_path / "algebra.toml"
    path.write_text(
        '[deck]\nid = "d"\n\n[[cards]]\nid = "c"\ntype = "flashcard"\nfront = "f"\n\n[extra]\nx = 1\n', encoding="utf-8"
    )
    assert [p.line for p in check_deck(path).problems] == [1, 4, 9]


def test_a_gift_file_given_to_check_is_named_as_not_a_deck(tmp_path) -> None:  # noqa: ANN001
    """A teacher who runs `quiz check bank.gift` needs `quiz import`, not TOML syntax lessons."""
    path = tmp_path / "bank.gift"
    path.write_text("::Q1::What is 2+2?{=4 ~5}\n", encoding="utf-8")
    first, *rest = [str(p) for p in check_deck(path).errors]
    assert first.startswith('bank.gift: is not a deck file (a deck is TOML, named *.toml); make one from it with "quiz import"')
    assert rest and rest[0].startswith("bank.gift:1:")


def test_a_toml_deck_with_a_syntax_error_gets_no_such_hint(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "algebra.toml"
    path.write_text('[deck]\nid = "d" title = "T"\n', encoding="utf-8")
    assert "not a deck file" not in " ".join(str(p) for p in check_deck(path).problems)


def test_previous_ids_that_carry_nothing_over_are_warned_about(tmp_path) -> None:  # noqa: ANN001
    """Progress moves from an old id only if no card has it and only to the first card naming it."""
    path = tmp_path / "algebra.toml"
    path.write_text(
        DECK
        + '\n[[cards]]\nid = "a"\nprevious_ids = ["b", "old"]\n'
        + FLASH
        + '\n[[cards]]\nid = "b"\nprevious_ids = ["old"]\n'
        + FLASH,
        encoding="utf-8",
    )
    result = check_deck(path)
    assert result.ok
    assert [str(p) for p in result.warnings] == [
        'algebra.toml:7: cards[0] (id "a").previous_ids: warning: "b" is the id of another card (cards[1]), '
        "so no history is carried over from it",
        'algebra.toml:14: cards[1] (id "b").previous_ids: warning: "old" is also claimed by cards[0], '
        "which takes its history",
    ]
