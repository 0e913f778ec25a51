"""A write that fails midway leaves the previous file whole, and nothing half-written."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any, NoReturn

import pytest

from storage.atomic import AtomicJSONStorage, write_atomic
from storage.text_cache import TextCache


def _failing_fsync(fd: int) -> NoReturn:
    raise OSError(28, "No space left on device")


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "tmp").mkdir()
    return tmp_path / "doc.json", tmp_path / "tmp"


def test_a_write_replaces_the_whole_file(dirs: tuple[Path, Path]) -> None:
    target, tmp = dirs
    write_atomic(target, b"old and longer", tmp)
    write_atomic(target, b"new", tmp)
    assert target.read_bytes() == b"new"
    assert list(tmp.iterdir()) == []


def test_a_write_failing_midway_keeps_the_old_file(
    dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, tmp = dirs
    write_atomic(target, b'{"v": 1}', tmp)
    monkeypatch.setattr(os, "fsync", _failing_fsync)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b'{"v": 2, "much": "more"}', tmp)
    assert target.read_bytes() == b'{"v": 1}'
    assert list(tmp.iterdir()) == []


class _HalfWriter(io.FileIO):
    """A file that writes the first half of what it is given, then fails (a full disk)."""

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        super().write(chunk[: len(chunk) // 2])
        raise OSError(28, "No space left on device")


def test_a_write_cut_off_halfway_keeps_the_old_file(
    dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, tmp = dirs
    write_atomic(target, b'{"v": 1}', tmp)
    monkeypatch.setattr(os, "fdopen", lambda fd, mode: _HalfWriter(fd, "wb"))
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b'{"v": 2, "much": "more"}', tmp)
    assert target.read_bytes() == b'{"v": 1}'
    assert list(tmp.iterdir()) == []


def test_a_failed_tinydb_write_leaves_reads_on_the_old_data(
    dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    target, tmp = dirs
    storage = AtomicJSONStorage(target, tmp, TextCache())
    storage.write({"_default": {"1": {"v": 1}}})
    monkeypatch.setattr(os, "fsync", _failing_fsync)
    with pytest.raises(OSError):
        storage.write({"_default": {"1": {"v": 2}}})
    assert storage.read() == {"_default": {"1": {"v": 1}}}
    assert AtomicJSONStorage(target, tmp, TextCache()).read() == {"_default": {"1": {"v": 1}}}


def test_reads_give_fresh_objects_so_callers_cannot_corrupt_the_cache(
    dirs: tuple[Path, Path],
) -> None:
    target, tmp = dirs
    storage = AtomicJSONStorage(target, tmp, TextCache())
    storage.write({"_default": {"1": {"v": 1}}})
    first = storage.read()
    assert first is not None
    first["_default"]["1"]["v"] = 99
    assert storage.read() == {"_default": {"1": {"v": 1}}}


def test_a_missing_file_reads_as_empty(dirs: tuple[Path, Path]) -> None:
    target, tmp = dirs
    assert AtomicJSONStorage(target, tmp, TextCache()).read() is None
