"""Host conversation/dialog state: JSON documents by key."""

from __future__ import annotations

from assessment.ports import Store
from tests.contract.backends import Backend

DIALOG = {"dialogStack": [{"id": "walk", "state": {"step": 3}}], "note": "ŵ ŷ", "n": None}


async def test_written_state_reads_back(store: Store) -> None:
    await store.write_state({"conv/1": DIALOG, "user/1": {"lang": "cy"}})
    assert await store.read_state(["conv/1", "user/1"]) == {
        "conv/1": DIALOG,
        "user/1": {"lang": "cy"},
    }


async def test_missing_keys_are_left_out(store: Store) -> None:
    await store.write_state({"conv/1": DIALOG})
    assert await store.read_state(["conv/1", "conv/2"]) == {"conv/1": DIALOG}
    assert await store.read_state([]) == {}


async def test_writing_a_key_again_replaces_the_whole_document(store: Store) -> None:
    await store.write_state({"conv/1": DIALOG})
    await store.write_state({"conv/1": {"only": 1}})
    assert await store.read_state(["conv/1"]) == {"conv/1": {"only": 1}}


async def test_deleted_state_is_gone(store: Store) -> None:
    await store.write_state({"conv/1": DIALOG, "conv/2": {"x": 1}})
    await store.delete_state(["conv/1", "conv/never"])
    assert await store.read_state(["conv/1", "conv/2"]) == {"conv/2": {"x": 1}}


async def test_state_read_is_a_copy_the_caller_may_change(store: Store) -> None:
    await store.write_state({"conv/1": {"items": [1]}})
    read = await store.read_state(["conv/1"])
    read["conv/1"]["items"].append(2)
    assert await store.read_state(["conv/1"]) == {"conv/1": {"items": [1]}}


async def test_a_reopened_store_has_the_state(backend: Backend) -> None:
    await backend.store.write_state({"conv/1": DIALOG, "conv/2": {"x": 1}})
    await backend.store.delete_state(["conv/2"])
    reopened = await backend.reopen()
    assert await reopened.read_state(["conv/1", "conv/2"]) == {"conv/1": DIALOG}
