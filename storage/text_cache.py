"""A bounded, thread-safe cache of file texts, so repeated reads skip the disk."""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path


class TextCache:
    """Least-recently-used map from a file's path to its text (files the store owns)."""

    def __init__(self, capacity: int = 20_000) -> None:
        self._capacity = capacity
        self._texts: OrderedDict[Path, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, path: Path) -> str | None:
        with self._lock:
            text = self._texts.get(path)
            if text is not None:
                self._texts.move_to_end(path)
            return text

    def put(self, path: Path, text: str) -> None:
        with self._lock:
            self._texts[path] = text
            self._texts.move_to_end(path)
            while len(self._texts) > self._capacity:
                self._texts.popitem(last=False)

    def discard(self, path: Path) -> None:
        with self._lock:
            self._texts.pop(path, None)

    def __len__(self) -> int:
        return len(self._texts)
