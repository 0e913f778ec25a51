"""Start the bot and the fake connector as their own OS processes.

Each server runs in a separate process so the load generator's CPU never shares the bot's
event loop. A server prints `READY <port>` once it listens; it is stopped with SIGTERM.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Sequence

READY_TIMEOUT = 30.0


class ServerProcess:
    """A running server: its port, and its process to stop."""

    def __init__(self, process: asyncio.subprocess.Process, port: int) -> None:
        self.process = process
        self.port = port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


async def _await_ready(process: asyncio.subprocess.Process) -> int:
    assert process.stdout is not None
    while line := (await process.stdout.readline()).decode():
        if line.startswith("READY "):
            return int(line.split()[1])
    raise RuntimeError(f"server exited before it was ready (code {await process.wait()})")


@contextlib.asynccontextmanager
async def python_server(module: str, args: Sequence[str] = ()) -> AsyncIterator[ServerProcess]:
    """Run `python -m module --port 0 *args`, yield it once ready, then stop it."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", module, "--port", "0", *args, stdout=asyncio.subprocess.PIPE
    )
    try:
        port = await asyncio.wait_for(_await_ready(process), READY_TIMEOUT)
        yield ServerProcess(process, port)
    finally:
        if process.returncode is None:
            process.terminate()
        await process.wait()
