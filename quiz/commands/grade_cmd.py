"""`quiz grade DECK CARD_ID "ANSWER"`: how the app would grade an answer, and why.

Teachers use it to test a deck's `accept` lists before sharing it: every rule
that decided, the feedback the student would see, the character diff and the
suggested rating. `--json` prints the same for tools.
"""

from __future__ import annotations

import argparse
import json
import math

from quiz.errors import QuizError
from quiz.grading import Mark, Verdict, grade
from quiz.grading.verdict import DiffLine
from quiz.model import Deck, Rating, item_keys, split_item_key
from quiz.text import one_line

SYMBOLS = {"correct": "✓", "partial": "~", "wrong": "✗", "self_rated": "?"}


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "grade",
        description="Grade ANSWER to card CARD_ID of DECK exactly as a study session would, and explain the verdict."
        " Give several answers to test a card's accepted answers in one go.",
    )
    parser.add_argument("deck", metavar="DECK", help="a deck file, or the id of a bundled or imported deck")
    parser.add_argument("card", metavar="CARD_ID", help='the card\'s id, or a study item such as "my-cloze:gap2"')
    parser.add_argument(
        "answers", metavar="ANSWER", nargs="+", help="the answer as a student would type it (several: one verdict each)"
    )
    parser.add_argument("--item", metavar="KEY", help='the study item asked, e.g. "my-cloze:gap2" or "card:reverse"')
    parser.add_argument("--elapsed", metavar="SECONDS", type=float, help="answer time, for the suggested rating")
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")


def run(args: argparse.Namespace) -> int:
    from quiz.commands.deck_lookup import find_deck
    from quiz.loader import load_deck

    deck = load_deck(find_deck(args.deck, args.data_dir))
    card_id, sub = split_item_key(args.card)
    item = args.item or (args.card if sub else None)
    card = deck.card(card_id)
    if card is None:
        raise QuizError(f"{_name(deck, args.deck)}: no card with id {card_id!r}{_known(deck)}")
    if item is not None and item not in item_keys(card) and item != card.id:
        choices = ", ".join(item_keys(card))
        raise QuizError(f"{_name(deck, args.deck)}: {item!r} is not a study item of {card.id!r} (items: {choices})")
    elapsed = args.elapsed if args.elapsed is not None and math.isfinite(args.elapsed) else None
    verdicts = [(answer, grade(card, answer, item=item, elapsed=elapsed)) for answer in args.answers]
    if args.json:
        payloads = [
            {"deck": deck.id, "card": card.id, "item": item or card.id, "answer": answer} | verdict_to_dict(verdict)
            for answer, verdict in verdicts
        ]
        print(json.dumps(payloads[0] if len(payloads) == 1 else payloads, ensure_ascii=False, indent=2))
        return 0
    question = one_line(card.question)
    if question:
        print(f"question: {question}")
    for answer, verdict in verdicts:
        if len(verdicts) > 1:
            print(f"\n» {one_line(answer)}")
        print(_report(verdict))
    return 0


def verdict_to_dict(verdict: Verdict) -> dict[str, object]:
    """A verdict as plain JSON-ready data (enums as their text values)."""
    return {
        "correctness": verdict.correctness.value,
        "score": verdict.score,
        "rule": verdict.rule.value,
        "explanation": verdict.explanation,
        "expected": verdict.expected,
        "feedback": verdict.feedback,
        "rating": verdict.rating.name.lower(),
        "diff": None
        if verdict.diff is None
        else {
            "typed": [[char, mark.value] for char, mark in verdict.diff.typed],
            "expected": [[char, mark.value] for char, mark in verdict.diff.expected],
        },
        "parts": [
            {
                "label": part.label,
                "given": part.given,
                "expected": part.expected,
                "score": part.score,
                "correct": part.correct,
                "feedback": part.feedback,
            }
            for part in verdict.parts
        ],
    }


def _report(verdict: Verdict) -> str:
    score = "" if verdict.score is None else f" ({round(verdict.score * 100)}%)"
    lines = [
        f"{SYMBOLS[verdict.correctness.value]} {verdict.correctness.value.replace('_', '-')}{score}, "
        f"rule: {verdict.rule.value}",
        f"  why:      {one_line(verdict.explanation)}",
        f"  answer:   {one_line(verdict.expected)}",
    ]
    if verdict.feedback:
        lines.append(f"  feedback: {one_line(verdict.feedback)}")
    diff = verdict.diff
    if diff is not None and any(mark is not Mark.RIGHT for _, mark in diff.typed + diff.expected):
        lines.append(f"  typed:    {_marked(diff.typed)}")
        lines.append(f"  expected: {_marked(diff.expected)}   ([x] wrong, (x) missing)")
    for part in verdict.parts:
        mark = "✓" if part.correct else "✗"
        given = part.given or "—"
        detail = "" if part.correct or not part.expected else f" (expected {one_line(part.expected)})"
        lines.append(f"  {mark} {one_line(part.label)}: {one_line(given)}{detail}")
    lines.append(f"  suggested rating: {Rating(verdict.rating).name.capitalize()}")
    return "\n".join(lines)


def _marked(line: DiffLine) -> str:
    out = []
    for char, mark in line:
        char = " " if char in "\n\t" else char
        out.append(char if mark is Mark.RIGHT else f"[{char}]" if mark is Mark.WRONG else f"({char})")
    return one_line("".join(out).replace("][", "").replace(")(", ""))


def _name(deck: Deck, given: str) -> str:
    return deck.path.name if deck.path is not None else given


def _known(deck: Deck) -> str:
    ids = [card.id for card in deck.cards]
    shown = ", ".join(ids[:8]) + (", …" if len(ids) > 8 else "")
    return f" (cards: {shown})" if ids else ""
