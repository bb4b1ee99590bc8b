"""The ``briefing`` command: parses arguments and hands each subcommand to ``briefing.commands``.

Heavy imports (spaCy, Textual) happen inside the commands that need them, so that
``briefing --help`` and the reader's cold start stay fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from briefing import __version__
from briefing.commands import COMMAND_MODULES
from briefing.errors import BriefingError, InvalidValue
from briefing.textsafety import printable


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description=(
            "A terminal reader that turns news articles into a briefing. "
            "Without a command, opens the reader on your library."
        ),
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=_DATA_DIR_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    # `briefing list --data-dir D` works as well as `briefing --data-dir D list`. SUPPRESS: a
    # subcommand given no --data-dir leaves the one given before it in place.
    for subparser in dict.fromkeys(subparsers.choices.values()):
        subparser.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=_DATA_DIR_HELP
        )
    return parser


_DATA_DIR_HELP = (
    "library directory for this command (default: $BRIEFING_DATA_DIR or the platform's user "
    "data directory)"
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir:
        # One place decides where the library lives (briefing.store.paths); the flag feeds it.
        os.environ["BRIEFING_DATA_DIR"] = args.data_dir
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        default = default_command()
        if default is None:
            parser.print_help()
            return 0
        handler = default
    try:
        return int(handler(args) or 0)
    except BriefingError as error:
        # Messages quote paths and values the user gave: an ESC in one must not reach the
        # terminal, and the message stays one line.
        print(f"briefing: {printable(str(error))}", file=sys.stderr)
        return 2 if isinstance(error, InvalidValue) else 1
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `briefing list | head` closes the pipe early; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


Handler = Callable[[argparse.Namespace], int]


def default_command() -> Handler | None:
    """The handler run by a bare ``briefing``: the reader, once it exists."""
    for module in COMMAND_MODULES:
        handler: Handler | None = getattr(module, "DEFAULT_HANDLER", None)
        if handler is not None:
            return handler
    return None


if __name__ == "__main__":
    raise SystemExit(main())
