"""Start the bot and the fake connector as their own OS processes.

Each server runs in a separate process so the load generator's CPU never shares the bot's
event loop. Our bench servers print `READY <port>` once they listen (`python_server`); any
other command, such as `twelvecs serve`, is ready when its health URL answers 200
(`command_server`). Servers are stopped with SIGTERM.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import socket
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import aiohttp

READY_TIMEOUT = 30.0


class ServerProcess:
    """A running server: its port, and its process to stop."""

    def __init__(self, process: asyncio.subprocess.Process, port: int) -> None:
        self.process = process
        self.port = port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        """User + system CPU the process has used so far (Linux /proc; NaN elsewhere)."""
        stat = Path(f"/proc/{self.process.pid}/stat")
        if not stat.exists():
            return math.nan
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _await_ready(process: asyncio.subprocess.Process) -> int:
    assert process.stdout is not None
    while line := (await process.stdout.readline()).decode():
        if line.startswith("READY "):
            return int(line.split()[1])
    raise RuntimeError(f"server exited before it was ready (code {await process.wait()})")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _await_healthy(process: asyncio.subprocess.Process, url: str) -> None:
    async with aiohttp.ClientSession() as http:
        while process.returncode is None:
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(url) as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.01)
    raise RuntimeError(f"server exited before it was ready (code {process.returncode})")


@contextlib.asynccontextmanager
async def command_server(
    argv: Sequence[str], port: int, health_path: str = "/healthz",
    env: dict[str, str] | None = None, log: Path | None = None,
) -> AsyncIterator[ServerProcess]:
    """Run `argv` (which must listen on `port`), yield it once `health_path` answers 200;
    with `log`, the command's output goes to that file."""
    with contextlib.ExitStack() as files:
        out = files.enter_context(log.open("ab")) if log else None
        process = await asyncio.create_subprocess_exec(*argv, env=env, stdout=out, stderr=out)
    try:
        url = f"http://127.0.0.1:{port}{health_path}"
        await asyncio.wait_for(_await_healthy(process, url), READY_TIMEOUT)
        yield ServerProcess(process, port)
    finally:
        await _stop(process)


async def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        process.terminate()
    await process.wait()


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
        await _stop(process)
