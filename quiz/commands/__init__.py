"""One module per `quiz` subcommand: `add_parser(subparsers)` and `run(args) -> int`."""
