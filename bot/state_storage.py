"""botbuilder `Storage` over our store, so dialog state survives a restart.

botbuilder keeps dialog state as Python objects and serializes them with jsonpickle. Decoding
jsonpickle can build any importable class, so we only accept documents whose type tags name
botbuilder's own dialog and schema classes; anything else is dropped (the dialog restarts).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import jsonpickle
from botbuilder.core import ConversationState, Storage, TurnContext

from assessment.ports import Store

log = logging.getLogger(__name__)

_ALLOWED_PREFIXES = ("botbuilder.dialogs.", "botbuilder.schema.", "dialogs.")
_TYPE_TAGS = ("py/object", "py/type")
_FORBIDDEN_TAGS = ("py/function", "py/repr", "py/reduce", "py/mod", "py/iterator")


def _tags(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from _tags(item)
    elif isinstance(value, list):
        for item in value:
            yield from _tags(item)


def is_safe(document: Any) -> bool:
    """Whether a jsonpickle document only names classes we trust to rebuild."""
    for key, item in _tags(document):
        if key in _FORBIDDEN_TAGS:
            return False
        if key in _TYPE_TAGS and not str(item).startswith(_ALLOWED_PREFIXES):
            return False
    return True


class StoreStorage(Storage):  # type: ignore[misc]
    """Reads and writes botbuilder state as JSON documents in the app's store."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store

    async def read(self, keys: list[str]) -> dict[str, Any]:
        documents = await self._store.read_state(keys)
        found: dict[str, Any] = {}
        for key, document in documents.items():
            if not is_safe(document):
                log.warning("dropped conversation state that names untrusted types")
                continue
            found[key] = jsonpickle.Unpickler(keys=True).restore(document)
        return found

    async def write(self, changes: dict[str, Any]) -> None:
        await self._store.write_state({key: _flatten(value) for key, value in changes.items()})

    async def delete(self, keys: list[str]) -> None:
        await self._store.delete_state(keys)


def _flatten(value: Any) -> Any:
    return jsonpickle.Pickler(keys=True).flatten(value)


class StoreConversationState(ConversationState):  # type: ignore[misc]
    """Conversation state in our store, flattened once per save instead of three times.

    Why: botbuilder's `BotState.save_changes` flattens the state with jsonpickle to see whether
    it changed, the storage flattens it again to write it, and `save_changes` flattens it once
    more after the write: ~30% of the CPU of a dialog turn such as choosing the agency (py-spy,
    `python -m bench`). Here one flatten is both the change check and the document written.
    For string-keyed state (all of ours) it equals botbuilder's own hash, so unchanged state is
    still not rewritten; were they ever to differ, the state would only be written once more.
    """

    def __init__(self, store: Store) -> None:
        super().__init__(StoreStorage(store))
        self._store = store

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        cached = self.get_cached_state(turn_context)
        if cached is None:
            return
        flat = _flatten(cached.state)
        digest = str(flat)
        if force or digest != cached.hash:
            await self._store.write_state({self.get_storage_key(turn_context): flat})
            cached.hash = digest
