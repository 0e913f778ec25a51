"""`twelvecs serve --workers N`: a pre-fork parent keeping N worker processes on one port.

Each worker is a whole `twelvecs serve` process listening with SO_REUSEPORT, so the kernel
spreads connections over them and nothing is shared but the PostgreSQL database. The parent
only starts workers, replaces one that dies (kill -9, out of memory), and on SIGTERM/SIGINT
passes the signal on and waits while each finishes its turns in flight and closes its pool.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import time
from types import FrameType

from bot.settings import Settings

log = logging.getLogger("twelvecs.workers")
POLL_SECONDS = 0.2
QUICK_EXIT_SECONDS = 3.0
QUICK_EXITS_ALLOWED = 5
"""A worker that dies this many times in a row within seconds of starting (a bad setting,
the port taken) stops the parent rather than restarting forever."""
TINYDB_REFUSAL = (
    "--workers {n} needs the PostgreSQL store: the embedded TinyDB store is a folder one"
    " process owns (its lock file refuses a second), so extra workers could not share it."
    " Run one worker with TinyDB, or move the data with `twelvecs db copy --from"
    " tinydb:./data --to postgresql://…` and set TWELVECS_STORE=postgres and"
    " TWELVECS_POSTGRES_DSN."
)


def worker_count(value: str) -> int:
    """`auto` (the cores this process may use) or a whole number from 1."""
    if value == "auto":
        return len(os.sched_getaffinity(0))
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError("expected a whole number from 1, or auto")
    return count


def add_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument(
        "--workers",
        type=worker_count,
        help="processes on one port (default 1; auto = cores; PostgreSQL only)",
    )
    serve.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)


def refusal(settings: Settings) -> str | None:
    """Why these settings cannot run several workers, or None if they can."""
    if settings.workers > 1 and settings.store != "postgres":
        return TINYDB_REFUSAL.format(n=settings.workers)
    return None


def worker_command(argv: list[str]) -> list[str]:
    """The `serve` command line a worker runs: the parent's, as one worker on a shared port."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--workers":
            skip = True
        elif not arg.startswith("--workers="):
            kept.append(arg)
    return [sys.executable, "-m", "bot.cli", *kept, "--workers", "1", "--worker"]


class Supervisor:
    """Keeps `count` workers running `command` until told to stop."""

    def __init__(self, command: list[str], count: int, grace_seconds: float) -> None:
        self._command = command
        self._count = count
        self._grace = grace_seconds
        self._workers: list[tuple[subprocess.Popen[bytes], float]] = []
        self._stopping = False
        self._quick_exits = 0

    def _start(self) -> tuple[subprocess.Popen[bytes], float]:
        return subprocess.Popen(self._command), time.monotonic()

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True

    def run(self) -> int:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_signal)
        self._workers = [self._start() for _ in range(self._count)]
        log.info("started %d workers", self._count)
        while not self._stopping:
            time.sleep(POLL_SECONDS)
            if not self._replace_dead():
                self._stop()
                return 1
        self._stop()
        return 0

    def _replace_dead(self) -> bool:
        """Restart exited workers; False when they keep dying at start (give up)."""
        for i, (process, started) in enumerate(self._workers):
            code = process.poll()
            if code is None or self._stopping:
                continue
            quick = time.monotonic() - started < QUICK_EXIT_SECONDS
            self._quick_exits = self._quick_exits + 1 if quick else 0
            if self._quick_exits >= QUICK_EXITS_ALLOWED:
                log.error("workers keep exiting at start (code %s): stopping", code)
                return False
            log.warning("a worker exited (code %s): starting a replacement", code)
            self._workers[i] = self._start()
        return True

    def _stop(self) -> None:
        """SIGTERM every worker, wait for their turns in flight, then kill what is left."""
        for process, _ in self._workers:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self._grace + 5
        for process, _ in self._workers:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.error("a worker did not stop in time: killing it")
                process.kill()
                process.wait()
        log.info("all workers stopped")


def supervise(settings: Settings, argv: list[str]) -> int:
    return Supervisor(worker_command(argv), settings.workers, settings.shutdown_grace_seconds).run()
