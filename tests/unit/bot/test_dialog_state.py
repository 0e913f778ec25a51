"""Conversation state in our store: a change is written once, an unchanged state not at all."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from botbuilder.core import TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogInstance, DialogState
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount

from assessment.ports import JsonDoc
from bot.botframework.dialog_state import StoreConversationState
from storage.memory import MemoryStore


class CountingStore(MemoryStore):
    """The in-memory store, counting state writes (each is an fsync in the real store) and
    reads (each a query on PostgreSQL)."""

    def __init__(self) -> None:
        super().__init__()
        self.state_writes = 0
        self.state_reads = 0

    async def read_state(self, keys: Collection[str]) -> dict[str, JsonDoc]:
        self.state_reads += 1
        return await super().read_state(keys)

    async def write_state(self, items: Mapping[str, JsonDoc]) -> None:
        self.state_writes += 1
        await super().write_state(items)


def a_turn() -> TurnContext:
    activity = Activity(
        type="message", channel_id="msteams", text="hi",
        conversation=ConversationAccount(id="a:chat-1"),
        from_property=ChannelAccount(id="29:alex"), recipient=ChannelAccount(id="28:bot"),
    )
    return TurnContext(TestAdapter(), activity)


def a_dialog_state() -> DialogState:
    instance = DialogInstance("start.agency", {"retry": {"type": "AdaptiveCard", "body": []}})
    return DialogState([instance])


async def test_a_changed_state_is_written_once_and_reads_back() -> None:
    store = CountingStore()
    state = StoreConversationState(store)
    dialogs = state.create_property("DialogState")
    first = a_turn()
    await state.load(first)
    await dialogs.set(first, a_dialog_state())
    await state.save_changes(first)
    assert store.state_writes == 1
    later = a_turn()
    await state.load(later)
    restored = await dialogs.get(later)
    assert restored.dialog_stack[0].id == "start.agency"
    assert restored.dialog_stack[0].state["retry"]["type"] == "AdaptiveCard"


async def test_a_turn_that_changes_nothing_writes_nothing() -> None:
    store = CountingStore()
    state = StoreConversationState(store)
    dialogs = state.create_property("DialogState")
    first = a_turn()
    await state.load(first)
    await dialogs.set(first, a_dialog_state())
    await state.save_changes(first)
    for _ in range(3):
        again = a_turn()
        await state.load(again)
        await dialogs.get(again)
        await state.save_changes(again)
    assert store.state_writes == 1


async def test_a_new_chats_empty_state_is_read_once_a_turn() -> None:
    store = CountingStore()
    state = StoreConversationState(store)
    dialogs = state.create_property("DialogState")
    turn = a_turn()
    await state.load(turn)
    await state.load(turn)
    await dialogs.get(turn, DialogState)
    assert store.state_reads == 1
    await state.load(turn, force=True)
    assert store.state_reads == 2
