"""`twelvecs serve --workers N`: N processes on one port; a killed worker is replaced;
SIGTERM stops them all; TinyDB refuses more than one worker with the reason."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.cli import main
from tests.contract.backends import POSTGRES_DSN, drop_schema, postgres_schema
from tests.support.pg_server import children, spawn_pg_server, until_ready
from tests.support.server import free_port


def test_more_than_one_worker_on_tinydb_is_refused_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWELVECS_PSEUDONYM_KEY_FILE", str(tmp_path / "pseudonym.key"))
    monkeypatch.delenv("TWELVECS_STORE", raising=False)
    assert main(["serve", "--workers", "2", "--data-dir", str(tmp_path / "data")]) == 2
    said = capsys.readouterr().err
    assert "PostgreSQL" in said and "twelvecs db copy" in said
    assert not (tmp_path / "data").exists()


def test_workers_must_be_a_number_or_auto(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--workers", "0"])
    assert "auto" in capsys.readouterr().err


def _alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


@pytest.fixture
async def schema() -> AsyncIterator[str]:
    name = await postgres_schema()
    yield name
    await drop_schema(name)


async def _until(condition: object, seconds: float = 20) -> bool:
    for _ in range(int(seconds / 0.1)):
        if callable(condition) and condition():
            return True
        await asyncio.sleep(0.1)
    return False


@pytest.mark.postgres
async def test_a_killed_worker_is_replaced_and_sigterm_stops_them_all(
    tmp_path: Path, schema: str
) -> None:
    port = free_port()
    parent = spawn_pg_server(POSTGRES_DSN, schema, port, tmp_path, "--workers", "2")
    try:
        await until_ready(port, parent)
        assert await _until(lambda: len(children(parent.pid)) == 2)
        first = children(parent.pid)
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        assert await _until(lambda: len(children(parent.pid) - first) == 1), "no replacement"
        assert victim not in children(parent.pid)
        async with aiohttp.ClientSession() as session:
            for _ in range(20):  # every answer 200: the survivor and the newcomer both serve
                await until_ready(port, parent)
                async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                    assert response.status == 200
        workers = children(parent.pid)
        parent.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(parent.wait, 20) == 0
        assert not any(_alive(pid) for pid in workers)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
