"""A bounded, thread-safe cache of file texts (and what they parse to), so reads skip work."""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path


class _Entry:
    __slots__ = ("parsed", "text")

    def __init__(self, text: str | None) -> None:
        self.text = text
        self.parsed: object | None = None


class TextCache:
    """Least-recently-used map from a file's path to its text (files the store owns).

    Beside a text it may keep the object parsed from exactly that text, so a round's
    responses are validated once, not on every summary. It also remembers files the store
    found missing: at an announcement most people have no record yet, and each of the five
    lookups of a Start went to a worker thread to find nothing (~5 % of a Start's CPU, py-spy).
    """

    def __init__(self, capacity: int = 20_000) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[str, _Entry] = OrderedDict()  # keyed by str: cheap hash
        self._lock = threading.Lock()

    def get(self, path: Path) -> str | None:
        """The file's text; None when it is not cached (or known to be missing)."""
        with self._lock:
            entry = self._entries.get(str(path))
            if entry is None:
                return None
            self._entries.move_to_end(str(path))
            return entry.text

    def known_missing(self, path: Path) -> bool:
        """Whether the store last found (or left) no file at `path`."""
        with self._lock:
            entry = self._entries.get(str(path))
            return entry is not None and entry.text is None

    def put_missing(self, path: Path) -> None:
        """Remember that there is no file at `path` until the store writes one."""
        self._store(path, None)

    def put(self, path: Path, text: str) -> None:
        self._store(path, text)

    def _store(self, path: Path, text: str | None) -> None:
        with self._lock:
            self._entries[str(path)] = _Entry(text)
            self._entries.move_to_end(str(path))
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)

    def parsed(self, path: Path, text: str) -> object | None:
        """What `text` parsed to, if it is still the cached text of `path`."""
        with self._lock:
            entry = self._entries.get(str(path))
            return entry.parsed if entry is not None and entry.text is text is not None else None

    def remember(self, path: Path, text: str, parsed: object) -> None:
        with self._lock:
            entry = self._entries.get(str(path))
            if entry is not None and entry.text is text:
                entry.parsed = parsed

    def discard(self, path: Path) -> None:
        with self._lock:
            self._entries.pop(str(path), None)

    def __len__(self) -> int:
        return len(self._entries)
