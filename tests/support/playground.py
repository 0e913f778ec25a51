"""The bot as a process, and Microsoft 365 Agents Playground talking to it, for end-to-end
tests through the Playground's API (tests.support.playground_client) or its web UI.

The practitioner of a test is the Playground's current user: only their 1:1 chat is shown.
Needs Node.js: without it the test is skipped, unless CI is set (then it fails).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest

from tests.support.playground_client import PlaygroundClient, Posted, with_button
from tests.support.server import free_port, start_server
from tools.node_setup import NodeMissing, ensure_node_packages
from tools.playground.config import load_partnership
from tools.playground.process import start_playground

__all__ = ["PlaygroundClient", "Posted", "bot_and_playground", "require_node", "with_button"]


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
    node = require_node()
    bot_port = free_port()
    bot = await start_server(tmp_path / "data", bot_port, tmp_path / "bot.log")
    config = load_partnership().as_person(person)
    config_path = config.write(tmp_path / "playground.json")
    endpoint = f"http://127.0.0.1:{bot_port}/api/messages"
    try:
        playground = await asyncio.to_thread(
            start_playground, node, free_port(), endpoint, config_path, tmp_path
        )
    except BaseException:
        bot.kill()
        bot.wait()
        raise
    try:
        async with aiohttp.ClientSession() as http:
            base = f"http://127.0.0.1:{playground.port}"
            client = PlaygroundClient(http, base, config)
            socket = await http.ws_connect(f"{base}/_ws_conversation/v1/conversations/stream")
            follower = asyncio.create_task(client.follow(socket))
            try:
                yield client
            finally:
                follower.cancel()
                await socket.close()
    finally:
        playground.stop()
        bot.terminate()
        bot.wait(10)
