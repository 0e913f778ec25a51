"""`scripts/run`'s options; anything else is passed on to `twelvecs serve`."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from tools.playground.config import ROLES, load_partnership
from tools.playground.process import DEFAULT_PORT

DEFAULT_PEOPLE = "lead,police,health"
DESCRIPTION = """Run the bot and, where Node.js is available, Microsoft 365 Agents Playground
(a local Teams client) beside it: one Playground per person played, so one person can be the
lead and the practitioners in separate browser tabs. Ctrl-C stops everything."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scripts/run",
        description=DESCRIPTION,
        epilog="Other options go to `twelvecs serve` (see `.venv/bin/twelvecs serve --help`).",
    )
    parser.add_argument("--no-playground", action="store_true", help="run the bot only")
    parser.add_argument(
        "--as",
        dest="people",
        default=os.environ.get("TWELVECS_PLAYGROUND_AS", DEFAULT_PEOPLE),
        help="who to play, one Playground each (default %(default)s; also"
        f" {', '.join(k for k in ROLES if k not in DEFAULT_PEOPLE)})",
    )
    parser.add_argument(
        "--playground-port",
        type=int,
        default=int(os.environ.get("TWELVECS_PLAYGROUND_PORT", DEFAULT_PORT)),
        help="port of the first Playground; the next people get the next ports"
        " (default %(default)s)",
    )
    _bot_options(parser.add_argument_group("the bot (passed to `twelvecs serve`)"))
    return parser


def _bot_options(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--host",
        default=os.environ.get("TWELVECS_HOST", "127.0.0.1"),
        help="address to listen on (default %(default)s)",
    )
    group.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("TWELVECS_PORT", 3978)),
        help="port (default %(default)s)",
    )
    group.add_argument("--data-dir", help="embedded store folder (default ./data)")
    group.add_argument(
        "--allow-unauthenticated-public",
        action="store_true",
        help="listen on a non-loopback address without credentials (unsafe)",
    )


def _people(parser: argparse.ArgumentParser, value: str) -> list[str]:
    people = [key.strip() for key in value.split(",") if key.strip()]
    partnership = load_partnership()
    for key in people:
        try:
            partnership.person(key)
        except KeyError as unknown:
            parser.error(str(unknown.args[0]))
    return people


def parse_options(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, with `people` as a checked list of keys; and the rest for `serve`."""
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    args.people = _people(parser, args.people)
    return args, rest
