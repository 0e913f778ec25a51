"""Crash-safe file writes, and the TinyDB storage built on them.

A file is written to a temporary file, flushed, fsynced, renamed over the target and the
directory fsynced, so after a crash the target holds either the old or the new text, never
half of it, and a write that returned survives a `kill -9` or a power cut.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from storage.text_cache import TextCache

TEMP_SUFFIX = ".tmp"


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new entry in `directory` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, tmp_dir: Path) -> None:
    """Replace `path` with `data` all at once; `tmp_dir` must be on the same filesystem."""
    fd, tmp_name = tempfile.mkstemp(dir=tmp_dir, suffix=TEMP_SUFFIX)
    tmp_path = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        tmp_path.replace(path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def remove_durably(path: Path) -> bool:
    """Delete `path` (if there) so that it stays deleted after a crash."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    fsync_dir(path.parent)
    return True


def load_text(path: Path, cache: TextCache) -> str | None:
    """The file's text, from the cache or else from disk (then cached); None if missing."""
    text = cache.get(path)
    if text is None:
        if cache.known_missing(path):
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            cache.put_missing(path)
            return None
        cache.put(path, text)
    return text


def clean_temp_files(tmp_dir: Path) -> int:
    """Remove what writes interrupted by a crash left behind; returns how many."""
    removed = 0
    for leftover in tmp_dir.glob(f"*{TEMP_SUFFIX}"):
        with suppress(FileNotFoundError):
            leftover.unlink()
            removed += 1
    return removed


class AtomicJSONStorage(Storage):
    """TinyDB storage for one small file: atomic durable writes, reads served from a cache.

    The store owns its directory, so the text it last wrote or read is the file's text;
    `read` parses it afresh, so TinyDB may mutate what it gets without touching the cache.
    """

    def __init__(self, path: Path, tmp_dir: Path, cache: TextCache) -> None:
        self._path = path
        self._tmp_dir = tmp_dir
        self._cache = cache

    def read(self) -> dict[str, dict[str, Any]] | None:
        text = load_text(self._path, self._cache)
        if text is None:
            return None
        parsed: dict[str, dict[str, Any]] = json.loads(text)
        return parsed

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        self._cache.discard(self._path)  # a write that fails part-way leaves the disk to say
        write_atomic(self._path, text.encode("utf-8"), self._tmp_dir)
        self._cache.put(self._path, text)

    def close(self) -> None:
        return None
