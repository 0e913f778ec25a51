"""Reads served from the store's cache on the event loop never see a half-done write."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import atomic
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


async def test_a_record_found_missing_is_answered_on_the_loop_until_it_is_saved(
    store: TinyDBStore,
) -> None:
    cached, path = _files_of(store)
    assert await store.get_response("round-1", "p1") is None  # found missing on the disk
    assert cached.read(path) is None  # ...and now known missing, without a thread
    saved = await store.save_response(records.response(respondent="p1"))
    assert await store.get_response("round-1", "p1") == saved
    assert await store.delete_response("round-1", "p1")
    assert cached.read(path) is None
    assert await store.get_response("round-1", "p1") is None


async def test_a_write_that_fails_after_the_rename_leaves_the_disk_to_answer(
    store: TinyDBStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    await store.save_response(records.response(respondent="p0"))  # the round's folder exists
    assert await store.get_response("round-1", "p1") is None  # known missing
    _, path = _files_of(store)
    fsync_dir = atomic.fsync_dir

    def fail_for_the_response(directory: Path) -> None:
        if directory == path.parent:
            raise OSError("the folder's fsync failed")
        fsync_dir(directory)

    monkeypatch.setattr(atomic, "fsync_dir", fail_for_the_response)
    with pytest.raises(OSError):
        await store.save_response(records.response(respondent="p1"))
    monkeypatch.undo()
    found = await store.get_response("round-1", "p1")  # the file is there: say so
    assert found is not None and found.respondent == "p1"
