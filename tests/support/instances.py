"""Several instances of the real app on one PostgreSQL schema, behind one fake Bot Connector:
what a load balancer in front of several machines looks like to the bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from bench.fake_connector import STATE, create_fake_connector_app
from bot.app import create_app
from bot.settings import Settings
from storage.postgres_store import PostgresStore
from tests.support.harness import Harness
from tests.support.teams import Teams


@asynccontextmanager
async def instances(
    tmp_path: Path, dsn: str, schema: str, count: int = 2, **settings: Any
) -> AsyncIterator[list[Harness]]:
    """`count` apps, each with its own pool on `schema` and the same pseudonym key."""
    connector_app = create_fake_connector_app()
    async with AsyncExitStack() as stack:
        connector = await stack.enter_async_context(TestServer(connector_app, host="127.0.0.1"))
        teams = Teams(str(connector.make_url("/")).rstrip("/"))
        settings.setdefault("pseudonym_key_file", tmp_path / "pseudonym.key")
        chosen = Settings(data_dir=tmp_path / "unused", **settings)
        running = []
        for _ in range(count):
            app = create_app(chosen, store=PostgresStore(dsn, schema=schema, pool_size=4))
            client = await stack.enter_async_context(TestClient(TestServer(app, host="127.0.0.1")))
            running.append(Harness(client, connector_app[STATE], teams))
        yield running
