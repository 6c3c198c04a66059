"""`quiz check PATH...`: validate deck files and folders, listing every problem at once.

Problems print as `file:line[:col]: field: message`, the form editors and CI
understand; warnings say "warning:". A clean deck gets a one-line summary of
its cards by type. Exit status 0 when there is no error, 1 otherwise.
Output is plain text: deck text never goes through a markup renderer.
"""

from __future__ import annotations

import argparse
import json
import sys

from quiz.loader import check_decks


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        description="Check deck files (or folders of them) and report every problem with its file and line.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="deck files or folders (searched for *.toml)")
    parser.add_argument("--strict", action="store_true", help="treat unknown keys as errors, not warnings")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="json: one document for tools (default: text)"
    )


def run(args: argparse.Namespace) -> int:
    results = check_decks(args.paths, strict=args.strict)
    errors = sum(len(result.errors) for result in results)
    warnings = sum(len(result.warnings) for result in results)
    if args.format == "json":
        document = {
            "files": [
                {
                    "path": result.name,
                    "deck_id": result.deck.id if result.deck else None,
                    "cards": len(result.deck.cards) if result.deck else None,
                    "types": result.counts(),
                    "errors": len(result.errors),
                    "warnings": len(result.warnings),
                }
                for result in results
            ],
            "problems": [
                {
                    "path": problem.path,
                    "line": problem.line,
                    "column": problem.column,
                    "field": problem.field,
                    "severity": str(problem.severity),
                    "message": problem.message,
                }
                for result in results
                for problem in result.problems
            ],
            "errors": errors,
            "warnings": warnings,
        }
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 1 if errors else 0
    for result in results:
        for problem in result.problems:
            print(problem)
        if result.ok:
            print(result.summary())
    if not results:
        print(f"no deck files (*.toml) found in {', '.join(args.paths)}")
    elif errors or warnings or len(results) > 1:
        print(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(len(results), 'file')}")
    return 1 if errors else 0


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
