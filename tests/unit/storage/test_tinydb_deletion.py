"""TinyDB deletes: the record's file leaves the disk, its folder is fsynced, the cache forgets."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import atomic
from storage.tinydb_store import TinyDBStore
from tests.contract import records


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[TinyDBStore]:
    opened = TinyDBStore(tmp_path / "data")
    await opened.open()
    yield opened
    await opened.close()


def record_files(store: TinyDBStore, kind: str) -> list[Path]:
    return sorted((store.data_dir / kind).rglob("*.json"))


async def test_a_deleted_response_leaves_no_file_and_no_cached_copy(store: TinyDBStore) -> None:
    await store.save_response(records.response())
    assert await store.get_response("round-1", "aad-1") is not None  # now cached
    assert len(record_files(store, "responses")) == 1
    await store.delete_response("round-1", "aad-1")
    assert record_files(store, "responses") == []
    assert record_files(store, "answered") == []  # the person's index went with it
    assert await store.get_response("round-1", "aad-1") is None


async def test_a_deleted_person_leaves_no_file(store: TinyDBStore) -> None:
    await store.save_person(records.person())
    assert await store.get_person(records.TENANT, "aad-1") is not None
    await store.delete_person(records.TENANT, "aad-1")
    assert record_files(store, "people") == []
    assert await store.get_person(records.TENANT, "aad-1") is None


async def test_a_delete_fsyncs_the_folder_it_removed_from(
    store: TinyDBStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    await store.save_person(records.person())
    [path] = record_files(store, "people")
    synced: list[Path] = []
    real = atomic.fsync_dir

    def recording(directory: Path) -> None:
        synced.append(Path(directory))
        real(directory)

    monkeypatch.setattr(atomic, "fsync_dir", recording)
    await store.delete_person(records.TENANT, "aad-1")
    assert path.parent in synced and record_files(store, "people") == []
