"""A bounded, thread-safe cache of file texts (and what they parse to), so reads skip work."""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path


class _Entry:
    __slots__ = ("parsed", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.parsed: object | None = None


class TextCache:
    """Least-recently-used map from a file's path to its text (files the store owns).

    Beside a text it may keep the object parsed from exactly that text, so a round's
    responses are validated once, not on every summary.
    """

    def __init__(self, capacity: int = 20_000) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[str, _Entry] = OrderedDict()  # keyed by str: cheap hash
        self._lock = threading.Lock()

    def get(self, path: Path) -> str | None:
        with self._lock:
            entry = self._entries.get(str(path))
            if entry is None:
                return None
            self._entries.move_to_end(str(path))
            return entry.text

    def put(self, path: Path, text: str) -> None:
        with self._lock:
            self._entries[str(path)] = _Entry(text)
            self._entries.move_to_end(str(path))
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)

    def parsed(self, path: Path, text: str) -> object | None:
        """What `text` parsed to, if it is still the cached text of `path`."""
        with self._lock:
            entry = self._entries.get(str(path))
            return entry.parsed if entry is not None and entry.text is text else None

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
