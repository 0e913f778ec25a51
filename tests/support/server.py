"""Run `twelvecs serve` as a real process, for crash and end-to-end tests."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def pseudonym_key_file(data_dir: Path) -> Path:
    """Where a test server keeps its pseudonym key: beside the test's data folder, not in it."""
    return data_dir.parent / "pseudonym.key"


def spawn_server(data_dir: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`twelvecs serve` on 127.0.0.1:`port`, without any credentials from this environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MicrosoftApp", "TWELVECS_"))}
    env["TWELVECS_PSEUDONYM_KEY_FILE"] = str(pseudonym_key_file(data_dir))
    command = [
        sys.executable,
        "-m",
        "bot.cli",
        "serve",
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
    ]
    with log.open("ab") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)


def _tail(log: Path) -> str:
    return log.read_text()[-2000:]


async def start_server(data_dir: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """Start the bot and wait until /healthz answers (or fail with the end of its log)."""
    process = spawn_server(data_dir, port, log)
    await wait_until_ready(process, port, log)
    return process


async def wait_until_ready(
    process: subprocess.Popen[bytes], port: int, log: Path, attempts: int = 200
) -> None:
    """Wait until the server's /healthz answers 200 (or fail with the end of its log)."""
    async with aiohttp.ClientSession() as session:
        for _ in range(attempts):
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {_tail(log)}")
            try:
                async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                await asyncio.sleep(0.05)
    process.kill()
    raise RuntimeError(f"server did not become ready: {_tail(log)}")
