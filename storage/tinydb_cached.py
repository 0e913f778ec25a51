"""Reads the store answers from its cache on the event loop, without a worker-thread hop.

Why: a read through the thread pool costs ~100 µs of CPU in hand-offs on top of ~12 µs of
work (a cached `get_round`, measured); a practitioner's answer makes about ten reads, nearly
all of records the store has just read or written. `CachedFiles` serves a read only when the
file's text is in the cache, or the cache knows the file is missing, and the file's lock is
free at once (so no write is under way); anything else (a miss, a locked file, a directory
listing, any write) raises `NotCached` and the store runs the whole operation in the thread
pool as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar, cast

from assessment.model import Record
from assessment.ports import JsonDoc
from storage.text_cache import TextCache
from storage.tinydb_files import DocumentFiles, document_of, parse_id_set

R = TypeVar("R", bound=Record)
T = TypeVar("T")


class NotCached(Exception):
    """This operation needs the disk, a lock someone holds, or a write: use the threads."""


class CachedFiles:
    """The read side of `DocumentFiles`, from the cache only; every other call refuses."""

    def __init__(self, files: DocumentFiles, cache: TextCache) -> None:
        self._files = files
        self._cache = cache

    @contextmanager
    def _cached_text(self, path: Path) -> Iterator[str | None]:
        """The cached text, or None if the file is known to be missing."""
        if not self._files.try_lock(path):
            raise NotCached()
        try:
            text = self._cache.get(path)
            if text is None and not self._cache.known_missing(path):
                raise NotCached()
            yield text
        finally:
            self._files.unlock(path)

    def read(self, path: Path) -> JsonDoc | None:
        with self._cached_text(path) as text:
            if text is None:
                return None
            return document_of(text)

    def read_parsed(self, path: Path, parse: Callable[[str], T]) -> T | None:
        with self._cached_text(path) as text:
            if text is None:
                return None
            found = self._cache.parsed(path, text)
            if found is None:
                found = parse(text)
                self._cache.remember(path, text, found)
            return cast(T, found)

    def ids(self, path: Path) -> list[str]:
        doc = self.read(path)
        return list(doc["ids"]) if doc else []

    def has_id(self, path: Path, item: str) -> bool:
        """Membership from the id set parsed once per cached text: `is_member` parsed the
        whole members index (one id per practitioner) on every call, three times a Start."""
        found = self.read_parsed(path, parse_id_set)
        return found is not None and item in found

    def listing(self, directory: Path) -> list[Path]:
        raise NotCached()

    def write(self, path: Path, doc: JsonDoc) -> None:
        raise NotCached()

    def delete(self, path: Path) -> bool:
        raise NotCached()

    def compare_and_set(self, path: Path, record: R) -> R:
        raise NotCached()

    def change_ids(self, path: Path, add: Iterable[str] = (), remove: Iterable[str] = ()) -> None:
        raise NotCached()
