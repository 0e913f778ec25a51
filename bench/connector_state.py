"""What the fake Bot Connector received, and the live feed of it for benchmarks."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from bench.connector_faults import Faults

Json = dict[str, Any]


@dataclass(frozen=True)
class Received:
    """One call the bot made: what kind, to which conversation, with which body."""

    kind: str  # "send" | "reply" | "update" | "delete" | "create"
    conversation: str
    activity_id: str | None  # from the URL: replied-to, updated or deleted activity
    body: Json
    at: float
    assigned_id: str | None = None  # the id the service gave a sent activity or conversation


@dataclass
class ConnectorState:
    """Everything the fake service saw; members per conversation answer the member calls;
    `faults` plans the errors it answers instead (bench/connector_faults.py)."""

    received: deque[Received] = field(default_factory=deque)
    members: dict[str, list[Json]] = field(default_factory=dict)
    listeners: set[web.WebSocketResponse] = field(default_factory=set)
    faults: Faults = field(default_factory=Faults)

    def activities(self, conversation: str | None = None) -> list[Json]:
        """Bodies of the activities sent, replied or updated (optionally in one conversation)."""
        return [
            r.body for r in self.received
            if r.kind in {"send", "reply", "update"}
            and (conversation is None or r.conversation == conversation)
        ]

    def add_member(self, conversation: str, member: Json) -> None:
        """Make `member` (a ChannelAccount dict with `id`) a member of `conversation`."""
        self.members.setdefault(conversation, []).append(member)

    async def record(
        self, kind: str, conversation: str, activity_id: str | None, body: Json,
        assigned_id: str | None = None,
    ) -> Received:
        """Keep the call and push it to every `/_fake/events` listener."""
        item = Received(kind, conversation, activity_id, body, time.monotonic(), assigned_id)
        self.received.append(item)
        event = {"kind": kind, "conversation": conversation, "at": item.at, "activity": body,
                 "id": assigned_id or activity_id}
        for ws in list(self.listeners):
            await ws.send_json(event)
        return item


STATE = web.AppKey("fake_connector_state", ConnectorState)


async def events(request: web.Request) -> web.WebSocketResponse:
    """Push received activities; echo any text message (a barrier) after earlier events."""
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    listeners = request.app[STATE].listeners
    listeners.add(ws)
    try:
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                await ws.send_str(message.data)  # a barrier: echoed after earlier events
    finally:
        listeners.discard(ws)
    return ws
