"""Lets `python -m quiz` behave exactly like the `quiz` command."""

from quiz.cli import main

raise SystemExit(main())
