"""The bot as a process, and Microsoft 365 Agents Playground talking to it, for end-to-end
tests through the Playground's API (tests.support.playground_client) or its web UI.

The practitioner of a test is the Playground's current user: only their 1:1 chat is shown.
Needs Node.js: without it the test is skipped, unless CI is set (then it fails).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from tests.support.playground_client import PlaygroundClient, Posted, with_button
from tests.support.server import free_port, start_server
from tools.node_setup import NodeMissing, ensure_node_packages
from tools.playground.config import load_partnership
from tools.playground.process import start_playground

__all__ = [
    "PlaygroundClient",
    "Posted",
    "bot_and_playground",
    "bot_and_playgrounds",
    "require_node",
    "with_button",
]


def require_node() -> str:
    """node's path after `npm ci`; skip (or fail in CI) when Node.js is missing."""
    try:
        return ensure_node_packages()
    except NodeMissing as missing:
        reason = f"{missing}: the Agents Playground cannot run"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@asynccontextmanager
async def bot_and_playground(tmp_path: Path, person: str) -> AsyncIterator[PlaygroundClient]:
    """The bot (a real `twelvecs serve`) and a Playground where `person` is the current user."""
    async with bot_and_playgrounds(tmp_path, person) as (client,):
        yield client


@asynccontextmanager
async def bot_and_playgrounds(
    tmp_path: Path, *people: str
) -> AsyncIterator[tuple[PlaygroundClient, ...]]:
    """The bot and one Playground per person, as `scripts/run` starts them."""
    node = require_node()
    bot_port = free_port()
    bot = await start_server(tmp_path / "data", bot_port, tmp_path / "bot.log")
    endpoint = f"http://127.0.0.1:{bot_port}/api/messages"
    try:
        async with AsyncExitStack() as stack, aiohttp.ClientSession() as http:
            clients = [
                await stack.enter_async_context(_playground(http, node, endpoint, tmp_path, who))
                for who in people
            ]
            yield tuple(clients)
    finally:
        bot.terminate()
        bot.wait(10)


@asynccontextmanager
async def _playground(
    http: aiohttp.ClientSession, node: str, endpoint: str, tmp_path: Path, person: str
) -> AsyncIterator[PlaygroundClient]:
    config = load_partnership().as_person(person)
    path = config.write(tmp_path / f"playground-{person}.json")
    playground = await asyncio.to_thread(
        start_playground, node, free_port(), endpoint, path, tmp_path
    )
    try:
        client = PlaygroundClient(http, f"http://127.0.0.1:{playground.port}", config)
        socket = await http.ws_connect(f"{client.base}/_ws_conversation/v1/conversations/stream")
        follower = asyncio.create_task(client.follow(socket))
        try:
            yield client
        finally:
            follower.cancel()
            await socket.close()
    finally:
        playground.stop()
