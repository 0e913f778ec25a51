"""Run `twelvecs serve` on PostgreSQL as real processes (with `--workers`), for scale-out tests."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import aiohttp

from tests.support.server import pseudonym_key_file


def spawn_pg_server(
    dsn: str, schema: str, port: int, workdir: Path, *extra: str
) -> subprocess.Popen[bytes]:
    """`twelvecs serve` on 127.0.0.1:`port` with the PostgreSQL store in `schema`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MicrosoftApp", "TWELVECS_"))}
    env.update(
        TWELVECS_STORE="postgres",
        TWELVECS_POSTGRES_DSN=dsn,
        TWELVECS_POSTGRES_SCHEMA=schema,
        TWELVECS_POSTGRES_POOL_SIZE="4",
        TWELVECS_PSEUDONYM_KEY_FILE=str(pseudonym_key_file(workdir / "data")),
        TWELVECS_SHUTDOWN_GRACE_SECONDS="5",
    )
    command = [sys.executable, "-m", "bot.cli", "serve", "--port", str(port), *extra]
    with (workdir / f"server-{port}.log").open("ab") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)


def children(parent: int) -> set[int]:
    """Process ids whose parent is `parent` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
            found.add(int(entry.name))
    return found


async def until_ready(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """Wait for `/readyz` to answer 200 (fail if the server exits first)."""
    async with aiohttp.ClientSession() as session:
        for _ in range(int(seconds / 0.05)):
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}")
            try:
                async with session.get(f"http://127.0.0.1:{port}/readyz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
    raise RuntimeError("server did not become ready")
