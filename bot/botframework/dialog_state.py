"""botbuilder `Storage` over our store, so dialog state survives a restart.

Why: botbuilder 4.17.1 offers `MemoryStorage` (lost on restart) or cloud stores; ours keeps
dialog state beside everything else, in the one store the bot is configured with.

botbuilder keeps dialog state as Python objects and stores them with jsonpickle, whose decoder
can build any importable class. Here state is stored as plain JSON and rebuilt only from a
fixed table of types (dialog_state_codec.py); a document naming anything else is dropped and
the dialog starts again. jsonpickle is not used at all, on writing or on reading.
"""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import ConversationState, Storage, TurnContext
from botbuilder.core.bot_state import CachedBotState

from assessment.ports import Store
from bot.botframework.dialog_state_codec import StateCodec, UnsafeState
from dialogs.start_dialog import StartState

log = logging.getLogger(__name__)

DIALOG_VALUE_TYPES: tuple[type[Any], ...] = (StartState,)
"""The dataclasses our dialogs keep in their state: the only classes a document may name."""


class StoreStorage(Storage):  # type: ignore[misc]
    """Reads and writes botbuilder state as plain JSON documents in the app's store."""

    def __init__(self, store: Store, codec: StateCodec | None = None) -> None:
        super().__init__()
        self._store = store
        self.codec = codec or StateCodec(DIALOG_VALUE_TYPES)

    async def read(self, keys: list[str]) -> dict[str, Any]:
        documents = await self._store.read_state(keys)
        found: dict[str, Any] = {}
        for key, document in documents.items():
            try:
                found[key] = self.codec.decode(document)
            except UnsafeState:
                log.warning("dropped conversation state that names untrusted types")
        return found

    async def write(self, changes: dict[str, Any]) -> None:
        encode = self.codec.encode
        await self._store.write_state({key: encode(value) for key, value in changes.items()})

    async def delete(self, keys: list[str]) -> None:
        await self._store.delete_state(keys)


class _CachedState(CachedBotState):  # type: ignore[misc]
    """botbuilder's per-turn cache, with its change check made from our encoding."""

    def __init__(self, state: dict[str, Any] | None, codec: StateCodec) -> None:
        self.codec = codec
        self.state = state if state is not None else {}
        self.hash = self.compute_hash(self.state)

    def compute_hash(self, obj: object) -> str:
        return str(self.codec.encode(obj))


class StoreConversationState(ConversationState):  # type: ignore[misc]
    """Conversation state in our store, encoded once per save instead of three times.

    Why: botbuilder's `BotState` flattens the state with jsonpickle when it loads it (to hash
    it), again in `save_changes` to see whether it changed, in the storage to write it, and
    once more after the write: ~30% of the CPU of a dialog turn such as choosing the agency
    (py-spy, `python -m bench`). Here the load hashes our plain encoding and one encoding on
    save is both the change check and the document written, so unchanged state is still not
    rewritten. Measured on the state of a walk-in waiting for the agency: the state's share of
    a turn fell from ~900 µs (jsonpickle: check, restore, two flattens) to ~150 µs.
    """

    def __init__(self, store: Store) -> None:
        self._storage_of_store = StoreStorage(store)
        super().__init__(self._storage_of_store)
        self._store = store

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        """botbuilder's `BotState.load`, caching with our change check (see the class)."""
        cached = self.get_cached_state(turn_context)
        if force or cached is None:  # botbuilder re-reads an empty state at every load
            key = self.get_storage_key(turn_context)
            items = await self._storage_of_store.read([key])
            turn_context.turn_state[self._context_service_key] = _CachedState(
                items.get(key), self._storage_of_store.codec
            )

    async def save_changes(self, turn_context: TurnContext, force: bool = False) -> None:
        cached = self.get_cached_state(turn_context)
        if cached is None:
            return
        flat = self._storage_of_store.codec.encode(cached.state)
        digest = str(flat)
        if force or digest != cached.hash:
            await self._store.write_state({self.get_storage_key(turn_context): flat})
            cached.hash = digest
