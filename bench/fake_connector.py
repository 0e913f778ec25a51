"""A fake Bot Connector service on 127.0.0.1 that records what the bot sends.

It answers the Bot Framework REST calls a Teams bot makes the way the real service does
(`{"id": ...}` bodies), so benchmarks and tests can run a bot with no network. Only aiohttp
is needed, so tests can import it (`create_fake_connector_app`) or run it as a process
(`python -m bench.fake_connector --port 0`, which prints `READY <port>`).

Members come from `ConnectorState.add_member` (or `POST /_fake/conversations/{id}/members`);
opening a 1:1 chat with a member of an existing 1:1 chat returns that chat, as Teams does.
Benchmarks follow it live on the `/_fake/events` WebSocket: each received activity is pushed
as `{"kind", "conversation", "at", "activity"}` (`at`: `time.monotonic()`, one system-wide
clock on Linux); a `{"barrier": n}` message is echoed after every event pushed before it.
`state.faults` (or `POST /_fake/faults`) makes it refuse the next calls to a route with an
error such as 429 and `Retry-After` (bench/connector_faults.py).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import uuid
from collections import deque

from aiohttp import web

from bench.connector_faults import FAULTS, clear, plan, refuse_planned
from bench.connector_state import STATE, ConnectorState, Json, Received, events

__all__ = ["STATE", "ConnectorState", "Received", "create_fake_connector_app"]

async def _record(
    request: web.Request, kind: str, body: Json,
    conversation: str | None = None, assigned_id: str | None = None,
) -> Received:
    conversation = conversation or request.match_info["conversation"]
    activity_id = request.match_info.get("activity")
    return await request.app[STATE].record(kind, conversation, activity_id, body, assigned_id)


async def _send(request: web.Request) -> web.Response:
    body = await request.json()
    kind = "reply" if "activity" in request.match_info else "send"
    item = await _record(request, kind, body, assigned_id=str(uuid.uuid4()))
    return web.json_response({"id": item.assigned_id}, status=201)


async def _update(request: web.Request) -> web.Response:
    item = await _record(request, "update", await request.json())
    return web.json_response({"id": item.activity_id})


async def _delete(request: web.Request) -> web.Response:
    await _record(request, "delete", {})
    return web.Response(status=200)


def _same(a: Json, b: Json) -> bool:
    return bool({a.get("id"), a.get("aadObjectId")} & {b.get("id"), b.get("aadObjectId")} - {None})


def _conversation_for(state: ConnectorState, members: list[Json]) -> str:
    """The existing 1:1 chat with this one member, else a stable new id for these members."""
    if len(members) == 1:
        for conversation, present in state.members.items():
            if len(present) == 1 and _same(present[0], members[0]):
                return conversation
    key = ",".join(sorted(str(m.get("id")) for m in members)) or str(uuid.uuid4())
    return "a:fake-" + hashlib.sha256(key.encode()).hexdigest()[:24]


async def _create(request: web.Request) -> web.Response:
    """Open (or reopen) a conversation, as `POST /v3/conversations` does."""
    body = await request.json()
    members = body.get("members") or []
    conversation = _conversation_for(request.app[STATE], members)
    request.app[STATE].members.setdefault(conversation, list(members))
    await _record(request, "create", body, conversation, assigned_id=conversation)
    return web.json_response({"id": conversation, "activityId": str(uuid.uuid4())}, status=201)


def _members_of(request: web.Request) -> list[Json]:
    """Members of a conversation; a channel thread (`…;messageid=…`) has its channel's."""
    conversation = request.match_info["conversation"].split(";messageid=")[0]
    return request.app[STATE].members.get(conversation, [])


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


async def _add_member(request: web.Request) -> web.Response:
    request.app[STATE].add_member(request.match_info["conversation"], await request.json())
    return web.Response(status=204)


def create_fake_connector_app(state: ConnectorState | None = None) -> web.Application:
    """The fake connector as an aiohttp app; read what it received from `app[STATE]`."""
    app = web.Application(middlewares=[refuse_planned])
    app[STATE] = state or ConnectorState()
    app[FAULTS] = app[STATE].faults
    base = "/v3/conversations/{conversation}"
    app.router.add_post("/v3/conversations", _create, name="create")
    app.router.add_post(base + "/activities", _send, name="send")
    app.router.add_post(base + "/activities/{activity}", _send, name="reply")
    app.router.add_put(base + "/activities/{activity}", _update, name="update")
    app.router.add_delete(base + "/activities/{activity}", _delete, name="delete")
    app.router.add_get(base + "/members", _members, name="members")
    app.router.add_get(base + "/members/{member}", _member, name="member")
    app.router.add_get(base + "/pagedmembers", _paged_members, name="pagedmembers")
    app.router.add_post("/_fake/conversations/{conversation}/members", _add_member)
    app.router.add_post("/_fake/faults", plan)
    app.router.add_delete("/_fake/faults", clear)
    app.router.add_get("/_fake/events", events)
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
