"""`scripts/run`: the bot, and beside it the Agents Playground (a local Teams client) with one
browser tab per person, so one person can play the lead and the practitioners.

Ctrl-C stops everything. `--no-playground` (or TWELVECS_NO_PLAYGROUND=1) runs the bot alone;
so does a machine without Node.js, with a note saying how to get the Playground.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from tools.node_setup import NodeMissing, ensure_node_packages
from tools.playground.config import ROLES, load_partnership
from tools.playground.options import parse_options
from tools.playground.process import (
    Playground,
    PlaygroundFailed,
    port_is_free,
    start_playground,
)

BOT_READY_TIMEOUT_S = 30.0


def _serve_command(args: argparse.Namespace, rest: Sequence[str]) -> list[str]:
    command = [sys.executable, "-m", "bot.cli", "serve", "--host", args.host]
    command += ["--port", str(args.port)]
    if args.data_dir:
        command += ["--data-dir", args.data_dir]
    if args.allow_unauthenticated_public:
        command.append("--allow-unauthenticated-public")
    return [*command, *rest]


def _wait_for_bot(bot: subprocess.Popen[bytes], host: str, port: int) -> bool:
    """True once /healthz answers; False if the bot exited first."""
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/healthz"
    deadline = time.monotonic() + BOT_READY_TIMEOUT_S
    while time.monotonic() < deadline and bot.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def _start_playgrounds(
    args: argparse.Namespace, bot_endpoint: str, work_dir: Path, started: list[Playground]
) -> None:
    """Start one Playground per person into `started` (so a failure can stop the others)."""
    try:
        node = ensure_node_packages()
    except NodeMissing as missing:
        print(
            f"note: {missing}: running the bot without the local Teams client"
            " (install Debian's nodejs and npm to get it)",
            file=sys.stderr,
        )
        return
    partnership = load_partnership()
    for offset, key in enumerate(args.people):
        config = partnership.as_person(key).write(work_dir / f"{key}.json")
        port = args.playground_port + offset
        if not port_is_free(port):
            print(f"warning: port {port} is taken (a Playground left running?)", file=sys.stderr)
        started.append(start_playground(node, port, bot_endpoint, config, work_dir))


def _announce(bot_endpoint: str, people: list[str], playgrounds: list[Playground]) -> None:
    partnership = load_partnership()
    print(f"\ntwelvecs is listening on {bot_endpoint}")
    if not playgrounds:
        return
    print("Local Teams client (Microsoft 365 Agents Playground): open one tab per person")
    for key, playground in zip(people, playgrounds, strict=True):
        person = partnership.person(key)
        line = f"  {person.name:<14} {ROLES.get(key, key):<38} {playground.url}"
        if playground.moved:
            line += f"   <- port {playground.requested_port} was taken: use this address"
        print(line)
    print(f"Team: {partnership.team.name}. Ctrl-C stops the bot and the Playground.\n")
    sys.stdout.flush()  # also when the output goes to a pipe or a log


def _stop(bot: subprocess.Popen[bytes], playgrounds: list[Playground]) -> int:
    for playground in playgrounds:
        playground.stop()
    if bot.poll() is None:
        bot.send_signal(signal.SIGINT)
        try:
            bot.wait(10)
        except subprocess.TimeoutExpired:
            bot.kill()
    return bot.wait()


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _run_beside_bot(args: argparse.Namespace, bot: subprocess.Popen[bytes]) -> int:
    """Start the Playgrounds once the bot answers; wait for the bot; stop them all."""
    playgrounds: list[Playground] = []
    signal.signal(signal.SIGTERM, _raise_interrupt)
    with tempfile.TemporaryDirectory(prefix="twelvecs-playground-") as work_dir:
        try:
            if _wait_for_bot(bot, args.host, args.port):
                bot_endpoint = f"http://127.0.0.1:{args.port}/api/messages"
                _start_playgrounds(args, bot_endpoint, Path(work_dir), playgrounds)
                _announce(bot_endpoint, args.people, playgrounds)
                bot.wait()
        except PlaygroundFailed as failed:
            print(f"error: {failed}", file=sys.stderr)
        except KeyboardInterrupt:
            pass
        return _stop(bot, playgrounds)


def main(argv: Sequence[str] | None = None) -> int:
    args, rest = parse_options(argv)
    command = _serve_command(args, rest)
    if args.no_playground or os.environ.get("TWELVECS_NO_PLAYGROUND"):
        os.execv(command[0], command)  # the bot alone, as if run directly
    if not port_is_free(args.port, "127.0.0.1" if args.host == "localhost" else args.host):
        print(f"error: port {args.port} is taken (is twelvecs already running?)", file=sys.stderr)
        return 1
    return _run_beside_bot(args, subprocess.Popen(command))


if __name__ == "__main__":
    sys.exit(main())
