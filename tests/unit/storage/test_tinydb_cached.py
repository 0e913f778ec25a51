"""Reads served from the store's cache on the event loop never see a half-done write."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.tinydb_cached import CachedFiles, NotCached
from storage.tinydb_files import DocumentFiles
from storage.tinydb_store import TinyDBStore
from tests.contract import records


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[TinyDBStore]:
    opened = TinyDBStore(tmp_path / "data")
    await opened.open()
    yield opened
    await opened.close()


def _files(store: TinyDBStore) -> DocumentFiles:
    files = store.records._files  # the store's own files, as its writers use them
    assert isinstance(files, DocumentFiles)
    return files


def _files_of(store: TinyDBStore) -> tuple[CachedFiles, Path]:
    path = store.records._layout.response("round-1", "p1")
    return CachedFiles(_files(store), store._cache), path


async def test_a_read_while_the_file_is_being_written_waits_for_the_write(
    store: TinyDBStore,
) -> None:
    saved = await store.save_response(records.response(respondent="p1"))
    cached, path = _files_of(store)
    files = _files(store)
    assert files.try_lock(path)  # as a writer would hold it, mid-write
    with pytest.raises(NotCached):
        cached.read(path)
    changed = saved.model_copy(update={"position": "C4", "revision": 2})
    reading = asyncio.ensure_future(store.get_response("round-1", "p1"))
    await asyncio.sleep(0.05)
    assert not reading.done()  # not answered from the cache while the lock is held

    def finish_the_write() -> None:
        files._write(path, changed.model_dump(mode="json"))
        store._cache.discard(path)
        files.unlock(path)

    await asyncio.get_running_loop().run_in_executor(None, finish_the_write)
    found = await reading
    assert found is not None and found.position == "C4" and found.revision == 2


async def test_a_record_the_store_has_not_cached_is_read_from_the_disk(tmp_path: Path) -> None:
    first = TinyDBStore(tmp_path)
    await first.open()
    saved = await first.save_response(records.response(respondent="p1"))
    await first.close()
    again = TinyDBStore(tmp_path)
    await again.open()
    try:
        cached, path = _files_of(again)
        with pytest.raises(NotCached):
            cached.read(path)
        assert await again.get_response("round-1", "p1") == saved
        assert cached.read_parsed(path, len) is not None  # cached by that read
    finally:
        await again.close()


def test_the_cached_view_never_writes(tmp_path: Path) -> None:
    class Files:
        def try_lock(self, path: Path) -> bool:
            raise AssertionError("a write must not even look")

    cached = CachedFiles(Files(), None)  # type: ignore[arg-type]
    for write in (lambda: cached.write(tmp_path, {}), lambda: cached.delete(tmp_path),
                  lambda: cached.change_ids(tmp_path, add=["x"]),
                  lambda: cached.listing(tmp_path)):
        with pytest.raises(NotCached):
            write()
