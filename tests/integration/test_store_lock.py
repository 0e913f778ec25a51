"""Two processes never share a TinyDB store directory, and a killed owner leaves no stale lock."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from storage.lockfile import StoreLocked
from storage.tinydb_store import TinyDBStore

ROOT = Path(__file__).resolve().parents[2]
HOLD_OPEN = """
import asyncio, sys
from pathlib import Path
from storage.tinydb_store import TinyDBStore

async def main() -> None:
    await TinyDBStore(Path(sys.argv[1])).open()
    print("open", flush=True)
    await asyncio.sleep(60)

asyncio.run(main())
"""


async def test_a_second_process_is_refused_until_the_owner_dies(tmp_path: Path) -> None:
    owner = await asyncio.create_subprocess_exec(
        sys.executable, "-c", HOLD_OPEN, str(tmp_path), cwd=ROOT, stdout=asyncio.subprocess.PIPE
    )
    assert owner.stdout is not None
    try:
        assert await asyncio.wait_for(owner.stdout.readline(), 30) == b"open\n"
        with pytest.raises(StoreLocked, match=f"pid {owner.pid}"):
            await TinyDBStore(tmp_path).open()
    finally:
        owner.kill()
        await owner.wait()
    store = TinyDBStore(tmp_path)
    await store.open()
    await store.close()
