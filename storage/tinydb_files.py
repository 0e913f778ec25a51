"""One JSON document per small TinyDB file: reads, compare-and-set writes, id-set indexes.

Runs in worker threads. Each file is guarded by a lock (striped by path) held for the whole
read-compare-write, so concurrent saves of one record serialize and exactly one of two saves
of the same revision wins; reads take the lock too, so the cache never goes stale.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any, TypeVar, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from assessment.errors import ConcurrentUpdate
from assessment.model import Record
from assessment.ports import JsonDoc
from storage.atomic import AtomicJSONStorage, fsync_dir, load_text, remove_durably
from storage.text_cache import TextCache

R = TypeVar("R", bound=Record)
T = TypeVar("T")
DOC_ID = 1
LOCK_STRIPES = 1024


def _replace_with(doc: JsonDoc) -> Callable[[MutableMapping[str, Any]], None]:
    def replace(stored: MutableMapping[str, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return replace


def document_of(text: str) -> JsonDoc | None:
    """The one document of a file's text (TinyDB's format), parsed; None if it holds none."""
    found = json.loads(text).get(TinyDB.default_table_name, {}).get(str(DOC_ID))
    return dict(found) if isinstance(found, dict) else None


def parse_id_set(text: str) -> frozenset[str]:
    """The ids of an index file's text, as a set (kept beside the cached text)."""
    found = document_of(text)
    return frozenset(found["ids"]) if found is not None else frozenset()


class DocumentFiles:
    """The files of one store directory; `root` and `tmp_dir` must share a filesystem."""

    def __init__(self, root: Path, tmp_dir: Path, cache: TextCache) -> None:
        self._root = root
        self._tmp_dir = tmp_dir
        self._cache = cache
        self._locks = [threading.Lock() for _ in range(LOCK_STRIPES)]
        self._known_dirs: set[Path] = set()

    def _lock(self, path: Path) -> threading.Lock:
        return self._locks[hash(str(path)) % LOCK_STRIPES]

    def _table(self, path: Path) -> Table:
        db = TinyDB(path, self._tmp_dir, self._cache, storage=AtomicJSONStorage)
        return db.table(TinyDB.default_table_name)

    def _read(self, path: Path) -> JsonDoc | None:
        found = self._table(path).get(doc_id=DOC_ID)
        return dict(found) if isinstance(found, Document) else None

    def _write(self, path: Path, doc: JsonDoc) -> None:
        self._ensure_dir(path.parent)
        table = self._table(path)
        if table.contains(doc_id=DOC_ID):
            table.update(_replace_with(doc), doc_ids=[DOC_ID])
        else:
            table.insert(Document(doc, doc_id=DOC_ID))

    def _ensure_dir(self, directory: Path) -> None:
        """Create `directory` and make its entry (and its parents') durable, once."""
        if directory in self._known_dirs:
            return
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        for level in (directory, *directory.parents):
            if level == self._root:
                break
            fsync_dir(level.parent)
        self._known_dirs.add(directory)

    def try_lock(self, path: Path) -> bool:
        """Take `path`'s lock only if it is free (release with `unlock`); never waits."""
        return self._lock(path).acquire(blocking=False)

    def unlock(self, path: Path) -> None:
        self._lock(path).release()

    def read(self, path: Path) -> JsonDoc | None:
        with self._lock(path):
            return self._read(path)

    def read_parsed(self, path: Path, parse: Callable[[str], T]) -> T | None:
        """The file parsed by `parse`, reused while the file is unchanged: treat as read-only."""
        with self._lock(path):
            text = load_text(path, self._cache)
            if text is None:
                return None
            found = self._cache.parsed(path, text)
            if found is None:
                found = parse(text)
                self._cache.remember(path, text, found)
            return cast(T, found)

    def write(self, path: Path, doc: JsonDoc) -> None:
        with self._lock(path):
            self._write(path, doc)

    def delete(self, path: Path) -> bool:
        """Remove the file durably (its folder is fsynced) and forget it; False if absent."""
        with self._lock(path):
            self._cache.discard(path)
            removed = remove_durably(path)
            self._cache.put_missing(path)
            return removed

    def compare_and_set(self, path: Path, record: R) -> R:
        """Store `record` if the file's revision is still `record.revision`."""
        with self._lock(path):
            stored = self._read(path)
            if (stored["revision"] if stored else 0) != record.revision:
                raise ConcurrentUpdate(type(record).__name__)
            saved = record.model_copy(update={"revision": record.revision + 1})
            self._write(path, saved.model_dump(mode="json"))
            return saved

    def ids(self, path: Path) -> list[str]:
        doc = self.read(path)
        return list(doc["ids"]) if doc else []

    def has_id(self, path: Path, item: str) -> bool:
        """Whether the index file lists `item`; its id set is parsed once per text."""
        found = self.read_parsed(path, parse_id_set)
        return found is not None and item in found

    def change_ids(self, path: Path, add: Iterable[str] = (), remove: Iterable[str] = ()) -> None:
        """Add and remove ids of an index file; writes only if the set changes."""
        with self._lock(path):
            doc = self._read(path)
            before = set(doc["ids"]) if doc else set()
            after = (before | set(add)) - set(remove)
            if after != before:
                self._write(path, {"ids": sorted(after)})

    def listing(self, directory: Path) -> list[Path]:
        """The documents in `directory` (a round's responses)."""
        try:
            found = list(directory.iterdir())
        except FileNotFoundError:
            return []
        return [path for path in found if path.name.endswith(".json")]
