"""A Bot Connector stand-in on loopback that answers given statuses and records each call."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

HEADERS = ("Accept", "Content-Type", "Content-Length", "User-Agent", "Authorization",
           "x-ms-conversation-id")
"""The request headers recorded (what the bot itself sets)."""


@dataclass
class Seen:
    """One call as the connector received it."""

    method: str
    host: str
    raw_path: str
    headers: dict[str, str]
    body: bytes


Answer = Callable[[str], Any]
"""The JSON a successful call gets back, by its method."""


@asynccontextmanager
async def recording_connector(
    statuses: list[int], answer: Answer
) -> AsyncIterator[tuple[str, list[Seen]]]:
    """A connector answering the statuses given in turn (the last one forever): `answer` for
    a success, an error body for a failure. Yields its base URL and the calls it received."""
    seen: list[Seen] = []

    async def reply(request: web.Request) -> web.Response:
        headers = {name: request.headers[name] for name in HEADERS if name in request.headers}
        seen.append(Seen(request.method, request.host, request.raw_path, headers,
                         await request.read()))
        status = statuses[min(len(seen), len(statuses)) - 1]
        if status >= 400:
            return web.json_response({"error": {"code": "x", "message": "no"}}, status=status)
        return web.json_response(answer(request.method), status=status)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", reply)
    async with TestServer(app, host="127.0.0.1") as server:
        yield str(server.make_url("/")), seen
