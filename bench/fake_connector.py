"""A fake Bot Connector service on 127.0.0.1 that records what the bot sends.

It answers the Bot Framework REST calls a Teams bot makes the way the real service does
(`{"id": ...}` bodies), so benchmarks and tests can run a bot with no network. Only aiohttp
is needed, so tests can import it (`create_fake_connector_app`) or run it as a process
(`python -m bench.fake_connector --port 0`, which prints `READY <port>`).

Benchmarks follow it live on the `/_fake/events` WebSocket: every received activity is
pushed as `{"kind", "conversation", "at", "activity"}` (`at` is `time.monotonic()`, one
system-wide clock on Linux), and a `{"barrier": n}` message is answered `{"barrier": n}`
after every event pushed before it.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

Json = dict[str, Any]


@dataclass(frozen=True)
class Received:
    """One call the bot made: what kind, to which conversation, with which body."""

    kind: str  # "send" | "reply" | "update" | "delete" | "create"
    conversation: str
    activity_id: str | None
    body: Json
    at: float


@dataclass
class ConnectorState:
    """Everything the fake service saw; members per conversation answer the member calls."""

    received: deque[Received] = field(default_factory=deque)
    members: dict[str, list[Json]] = field(default_factory=dict)
    listeners: set[web.WebSocketResponse] = field(default_factory=set)

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


STATE = web.AppKey("fake_connector_state", ConnectorState)


async def _record(
    request: web.Request, kind: str, body: Json, conversation: str | None = None
) -> Received:
    state = request.app[STATE]
    conversation = conversation or request.match_info["conversation"]
    item = Received(kind, conversation, request.match_info.get("activity"), body, time.monotonic())
    state.received.append(item)
    event = {"kind": kind, "conversation": item.conversation, "at": item.at, "activity": body}
    for ws in list(state.listeners):
        await ws.send_json(event)
    return item


async def _send(request: web.Request) -> web.Response:
    body = await request.json()
    kind = "reply" if "activity" in request.match_info else "send"
    await _record(request, kind, body)
    return web.json_response({"id": str(uuid.uuid4())}, status=201)


async def _update(request: web.Request) -> web.Response:
    item = await _record(request, "update", await request.json())
    return web.json_response({"id": item.activity_id})


async def _delete(request: web.Request) -> web.Response:
    await _record(request, "delete", {})
    return web.Response(status=200)


async def _create(request: web.Request) -> web.Response:
    """Open (or reopen) a conversation; a 1:1 chat with the same member keeps its id."""
    body = await request.json()
    members = body.get("members") or []
    key = ",".join(sorted(str(m.get("id")) for m in members)) or str(uuid.uuid4())
    conversation = "a:fake-" + hashlib.sha256(key.encode()).hexdigest()[:24]
    request.app[STATE].members.setdefault(conversation, list(members))
    await _record(request, "create", body, conversation)
    return web.json_response({"id": conversation, "activityId": str(uuid.uuid4())}, status=201)


def _members_of(request: web.Request) -> list[Json]:
    return request.app[STATE].members.get(request.match_info["conversation"], [])


async def _members(request: web.Request) -> web.Response:
    return web.json_response(_members_of(request))


async def _paged_members(request: web.Request) -> web.Response:
    return web.json_response({"members": _members_of(request), "continuationToken": None})


async def _member(request: web.Request) -> web.Response:
    wanted = request.match_info["member"]
    for member in _members_of(request):
        if wanted in {member.get("id"), member.get("aadObjectId")}:
            return web.json_response(member)
    return web.json_response({"error": {"code": "MemberNotFoundInConversation"}}, status=404)


async def _events(request: web.Request) -> web.WebSocketResponse:
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


def create_fake_connector_app(state: ConnectorState | None = None) -> web.Application:
    """The fake connector as an aiohttp app; read what it received from `app[STATE]`."""
    app = web.Application()
    app[STATE] = state or ConnectorState()
    base = "/v3/conversations/{conversation}"
    app.router.add_post("/v3/conversations", _create)
    app.router.add_post(base + "/activities", _send)
    app.router.add_post(base + "/activities/{activity}", _send)
    app.router.add_put(base + "/activities/{activity}", _update)
    app.router.add_delete(base + "/activities/{activity}", _delete)
    app.router.add_get(base + "/members", _members)
    app.router.add_get(base + "/members/{member}", _member)
    app.router.add_get(base + "/pagedmembers", _paged_members)
    app.router.add_get("/_fake/events", _events)
    return app


async def _serve(port: int, keep: int) -> None:
    runner = web.AppRunner(create_fake_connector_app(ConnectorState(deque(maxlen=keep))))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    bound = runner.addresses[0][1]
    print(f"READY {bound}", flush=True)
    await asyncio.Event().wait()


def main() -> None:
    """Run the fake connector until killed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--keep", type=int, default=10_000, help="received calls kept")
    args = parser.parse_args()
    asyncio.run(_serve(args.port, args.keep))


if __name__ == "__main__":
    main()
