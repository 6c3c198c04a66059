"""`quiz generate ARTICLE`: a draft deck from an article, every card quoting its source sentence.

The article may be plain text, Markdown or simple HTML. With `-o`, the deck's
`[deck.source] article` points at the article so `quiz check` can verify every
quote: at the article itself when it sits in the deck's folder and the quotes
occur in it verbatim, otherwise at a plain-text copy written beside the deck
(`<deck name>.txt`). Without `-o` the deck goes to standard output.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from quiz.errors import DeckError, QuizError

_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "generate",
        description="Draft a deck of questions from an article, offline and rule-based. "
        "Every card quotes the sentence it was made from; review the draft before studying it.",
    )
    parser.add_argument("article", metavar="ARTICLE", help="the article file (.txt, .md or .html)")
    parser.add_argument(
        "-o", "--output", metavar="DECK.toml", help="where to write the deck (default: standard output)"
    )
    parser.add_argument("--title", help="the deck and source title (default: the article's heading or file name)")
    parser.add_argument("--url", help="where the article was published")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="when the article was published")
    parser.add_argument(
        "--id",
        dest="deck_id",
        metavar="ID",
        help="the deck id (default: a slug of the title, or the file name when the article has no heading)",
    )
    parser.add_argument("--seed", type=int, default=0, help="another seed draws other distractors (default: 0)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every card and every dropped candidate")


def run(args: argparse.Namespace) -> int:
    from quiz.generation import generate_deck, read_article
    from quiz.generation.saving import save_draft
    from quiz.loader import dump_deck, loads_deck

    if args.deck_id is not None and not (0 < len(args.deck_id) <= 64 and set(args.deck_id) <= _ID_CHARS):
        raise QuizError(f"--id {args.deck_id!r}: use 1 to 64 letters, digits, '.', '_' or '-'")
    published = _date(args.published)
    source = Path(args.article)
    article = read_article(source)
    title = args.title or article.title or _title_from_name(source.stem)
    deck_id = args.deck_id or (source.stem if not args.title and not article.title else "")
    result = generate_deck(
        article.text, title=title, url=args.url or "", published=published, deck_id=deck_id, seed=args.seed
    )
    if not result.deck.cards:
        raise QuizError(f"{source}: found nothing to ask about (no dates, figures, names or places)")
    if not args.deck_id:
        from quiz.commands.deck_lookup import refuse_bundled_id

        refuse_bundled_id(result.deck.id)
    output = Path(args.output) if args.output and args.output != "-" else None
    copy = None
    if output is None:
        text = dump_deck(result.deck)
        try:
            loads_deck(text)
        except DeckError as error:  # a generator bug, but say what is wrong rather than print a broken deck
            raise QuizError(f"the generated deck does not pass the deck checks:\n{error}") from None
        sys.stdout.write(text)
    else:
        copy = save_draft(result.deck, article_text=article.text, source=source, output=output).article_copy
    _report(result, output, copy, verbose=args.verbose)
    return 0


def _title_from_name(stem: str) -> str:
    """ "putin-china-state-visit" → "Putin china state visit"; capitals the name already has are kept."""
    words = " ".join(stem.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]


def _date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise QuizError(f"--published {text!r}: write the date as YYYY-MM-DD") from None


def _report(result, output: Path | None, copy: Path | None, *, verbose: bool) -> None:  # noqa: ANN001
    out = sys.stderr if output is None else sys.stdout
    if verbose:
        for card, note in zip(result.deck.cards, result.notes, strict=True):
            print(f"  {card.id}  [{card.type.value}, {note.template}]  {card.question}", file=out)
        for note in result.dropped:
            print(f"  dropped {note.card_id} ({note.template}): {', '.join(note.problems)}", file=out)
    kinds = Counter(card.type.value for card in result.deck.cards)
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    where = f"wrote {output}" if output else "generated"
    print(f"{where}: {len(result.deck.cards)} cards ({summary})", file=out)
    if copy is not None:
        print(f"the article's text is in {copy}, which the deck names as its source", file=out)
    if result.dropped:
        print(f"{len(result.dropped)} candidate card(s) left out by the defect checks (--verbose lists them)", file=out)
    print("this is a draft: review every card before studying it", file=out)
