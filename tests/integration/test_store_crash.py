"""A save the TinyDB store acknowledged survives `kill -9`, and the store opens afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from storage.tinydb_store import TinyDBStore

ROOT = Path(__file__).resolve().parents[2]
ACKS_BEFORE_KILL = 500
DEADLINE_S = 60


def _run_until_killed(data_dir: Path) -> list[str]:
    """Start a saving child, SIGKILL it after some hundreds of acks; return every ack line."""
    command = [sys.executable, "-m", "tests.integration.store_crash_child", str(data_dir)]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        acks: list[str] = []
        deadline = time.monotonic() + DEADLINE_S
        while len(acks) < ACKS_BEFORE_KILL and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            acks.append(line)
        os.kill(child.pid, signal.SIGKILL)
        acks.extend(child.stdout.readlines())
    assert len(acks) >= ACKS_BEFORE_KILL, "the child stopped saving before it was killed"
    return [line for line in acks if line.endswith("\n")]


def _latest(acks: list[str]) -> dict[str, int]:
    latest: dict[str, int] = {}
    for line in acks:
        respondent, revision = line.split()
        latest[respondent] = max(latest.get(respondent, 0), int(revision))
    return latest


async def _check(data_dir: Path, acked: dict[str, int]) -> None:
    store = TinyDBStore(data_dir)
    await store.open()
    try:
        assert list((data_dir / "tmp").iterdir()) == []
        for respondent, revision in acked.items():
            found = await store.get_response("round-1", respondent)
            assert found is not None, "an acknowledged response is missing"
            assert found.revision in (revision, revision + 1)
            assert len(found.answers) == min(found.revision, 12)
        assert len(await store.responses_of("round-1")) == len(acked)
    finally:
        await store.close()


async def test_every_acknowledged_save_survives_kill_9(tmp_path: Path) -> None:
    acked: dict[str, int] = {}
    for _ in range(3):
        acked.update(_latest(_run_until_killed(tmp_path)))
        await _check(tmp_path, acked)
