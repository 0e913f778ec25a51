"""TinyDB store specifics: leftovers cleaned on open, one process per directory, a cache
that never disagrees with the files, and file names that give no ids away."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import NoReturn

import pytest

from assessment.errors import ConcurrentUpdate
from storage.lockfile import StoreLocked
from storage.tinydb_store import StoreClosed, TinyDBStore
from tests.contract import records


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[TinyDBStore]:
    opened = TinyDBStore(tmp_path / "data")
    await opened.open()
    yield opened
    await opened.close()


def _failing_fsync(fd: int) -> NoReturn:
    raise OSError(5, "Input/output error")


async def test_open_removes_leftover_temp_files_and_loads(tmp_path: Path) -> None:
    first = TinyDBStore(tmp_path)
    await first.open()
    saved = await first.save_response(records.response())
    await first.close()
    leftover = tmp_path / "tmp" / "tmpab12cd.tmp"
    leftover.write_bytes(b'{"_default": {"1": {"revis')
    reopened = TinyDBStore(tmp_path)
    await reopened.open()
    try:
        assert not leftover.exists()
        assert await reopened.get_response("round-1", "aad-1") == saved
    finally:
        await reopened.close()


async def test_a_second_store_on_the_same_directory_is_refused(
    store: TinyDBStore,
) -> None:
    with pytest.raises(StoreLocked, match="in use by another process"):
        await TinyDBStore(store.data_dir).open()


async def test_the_directory_is_free_again_after_close(store: TinyDBStore) -> None:
    await store.close()
    again = TinyDBStore(store.data_dir)
    await again.open()
    await again.close()


async def test_a_save_that_fails_to_write_leaves_the_record_as_it_was(
    store: TinyDBStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = await store.save_response(records.response())
    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", _failing_fsync)
        with pytest.raises(OSError):
            await store.save_response(first.model_copy(update={"position": "C5"}))
    assert await store.get_response("round-1", "aad-1") == first
    again = await store.save_response(first.model_copy(update={"position": "C6"}))
    assert again.revision == 2


async def test_a_small_cache_gives_the_same_answers_as_the_files(tmp_path: Path) -> None:
    small = TinyDBStore(tmp_path, cache_size=2)
    await small.open()
    try:
        saved = [await small.save_response(records.response(respondent=f"p{i}")) for i in range(6)]
        changed = await small.save_response(saved[0].model_copy(update={"position": "C3"}))
        with pytest.raises(ConcurrentUpdate):
            await small.save_response(saved[0])
        assert await small.get_response("round-1", "p0") == changed
        assert len(await small.responses_of("round-1")) == 6
    finally:
        await small.close()


async def test_using_a_closed_store_fails_clearly(tmp_path: Path) -> None:
    closed = TinyDBStore(tmp_path)
    with pytest.raises(StoreClosed, match="not open"):
        await closed.get_round("round-1")


async def test_file_names_give_no_ids_away(store: TinyDBStore) -> None:
    await store.save_partnership(records.partnership("team-secret"))
    await store.add_members(records.partnership("team-secret").id, ["aad-secret"])
    await store.save_response(records.response("round-secret", "aad-secret"))
    await store.write_state({"conv-secret": {"x": 1}})
    names = [p.name for p in store.data_dir.rglob("*")]
    assert not [n for n in names if "secret" in n or "tenant" in n]


async def test_files_are_private_to_the_owner(store: TinyDBStore) -> None:
    await store.save_person(records.person())
    files = [p for p in store.data_dir.rglob("*.json") if p.name != "store.json"]
    assert files
    assert all(p.stat().st_mode & 0o077 == 0 for p in files)


async def test_a_store_whose_key_file_is_lost_refuses_to_open(tmp_path: Path) -> None:
    first = TinyDBStore(tmp_path)
    await first.open()
    await first.save_person(records.person())
    await first.close()
    (tmp_path / "store.json").unlink()
    with pytest.raises(FileNotFoundError, match="holds data"):
        await TinyDBStore(tmp_path).open()
