"""The TinyDB layout is versioned in `store.json`: a newer layout is refused, untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.tinydb_layout import FORMAT, LayoutTooNew
from storage.tinydb_store import TinyDBStore
from tests.contract import records


def _contents(root: Path) -> list[tuple[Path, bytes]]:
    return sorted((p, p.read_bytes()) for p in root.rglob("*.json"))


async def test_a_new_store_records_its_layout_version(tmp_path: Path) -> None:
    store = TinyDBStore(tmp_path)
    await store.open()
    await store.close()
    assert json.loads((tmp_path / "store.json").read_text())["format"] == FORMAT


async def test_a_store_written_by_a_newer_layout_is_refused_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    store = TinyDBStore(tmp_path)
    await store.open()
    await store.save_person(records.person())
    await store.close()
    meta = tmp_path / "store.json"
    newer = {**json.loads(meta.read_text()), "format": FORMAT + 1}
    meta.write_text(json.dumps(newer))
    before = _contents(tmp_path)

    with pytest.raises(LayoutTooNew, match="upgrade twelvecs"):
        await TinyDBStore(tmp_path).open()

    assert _contents(tmp_path) == before
    reopened = TinyDBStore(tmp_path)  # the refusal released the folder's lock
    meta.write_text(json.dumps({**newer, "format": FORMAT}))
    await reopened.open()
    assert await reopened.get_person(records.TENANT, "aad-1") is not None
    await reopened.close()
