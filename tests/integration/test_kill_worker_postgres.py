"""kill -9 one of two `--workers` under load: turns it had in flight may fail (Teams retries
them), nothing acknowledged is lost, the other worker keeps serving, the parent replaces it."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from assessment.pseudonym import Pseudonymiser
from bench.fake_connector import STATE, create_fake_connector_app
from storage.postgres_store import PostgresStore
from tests.contract.backends import POSTGRES_DSN, drop_schema, postgres_schema
from tests.support.journey import button, has_button
from tests.support.pg_server import children, spawn_pg_server, until_ready
from tests.support.server import free_port
from tests.support.teams import TEAM_ID, TENANT, Json, Person, Teams, person, team_member

pytestmark = pytest.mark.postgres
PRACTITIONERS = [person(f"worker-load-{n}") for n in range(12)]
LEAD = person("worker-lead")
KILL_AFTER = 40
Acknowledged = list[tuple[Person, str, str, bool]]


class Client:
    """Posts activities; a request cut by the kill is sent again, as the connector would."""

    def __init__(self, session: aiohttp.ClientSession, port: int, teams: Teams) -> None:
        self.session, self.url, self.teams = session, f"http://127.0.0.1:{port}/api/messages", teams

    async def post(self, activity: Json) -> Any:
        for _ in range(20):
            try:
                async with self.session.post(self.url, json=activity) as response:
                    if response.status < 500:
                        assert response.status in (200, 201), await response.text()
                        return await response.json() if response.content_length else None
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
        raise AssertionError("no worker answered")

    async def press(self, who: Person, verb: str, data: Json, *, channel: bool = False) -> Json:
        body = await self.post(self.teams.invoke(who, verb, data, channel=channel))
        card: Json = body["value"]
        return card


async def walk(
    client: Client,
    who: Person,
    card: Json,
    acked: Acknowledged,
    killed: asyncio.Event,
    enough: asyncio.Event,
) -> None:
    for n in range(1, 13):
        if not has_button(card, "answer"):
            return  # a retried turn came back as a different card: this walk stops here
        data = button(card, "answer")
        rating = str(1 + (n + len(who.name)) % 6)
        card = await client.press(who, "answer", {**data, "rating": rating, "evidence": f"C{n}"})
        if "Saved" in str(card):
            acked.append((who, data["componentId"], rating, killed.is_set()))
        if len(acked) >= KILL_AFTER:
            enough.set()


@pytest.fixture
async def schema() -> AsyncIterator[str]:
    name = await postgres_schema()
    yield name
    await drop_schema(name)


async def test_a_worker_killed_under_load_loses_nothing_acknowledged_and_is_replaced(
    tmp_path: Path, schema: str
) -> None:
    connector_app = create_fake_connector_app()
    for member in (LEAD, *PRACTITIONERS):
        connector_app[STATE].add_member(TEAM_ID, team_member(member))
    port = free_port()
    async with (
        TestServer(connector_app, host="127.0.0.1") as connector,
        aiohttp.ClientSession() as session,
    ):
        teams = Teams(str(connector.make_url("/")).rstrip("/"))
        client = Client(session, port, teams)
        parent = spawn_pg_server(POSTGRES_DSN, schema, port, tmp_path, "--workers", "2")
        try:
            await until_ready(port, parent)
            await client.post(teams.channel_message(LEAD, "open round Kill drill"))
            announcement = connector_app[STATE].activities()[-1]["attachments"][0]["content"]
            first = []
            for who in PRACTITIONERS:
                await client.press(who, "start", button(announcement, "start"), channel=True)
                agency = connector_app[STATE].activities(who.chat_id)[-1]["attachments"][0]
                data = {**button(agency["content"], "agency"), "agency": "housing"}
                first.append(await client.press(who, "agency", data))
            acked: Acknowledged = []
            killed, enough = asyncio.Event(), asyncio.Event()
            walks = [
                asyncio.create_task(walk(client, who, card, acked, killed, enough))
                for who, card in zip(PRACTITIONERS, first, strict=True)
            ]
            await asyncio.wait_for(enough.wait(), timeout=60)
            before = children(parent.pid)
            os.kill(min(before), signal.SIGKILL)
            killed.set()
            await asyncio.gather(*walks)
            assert any(after_kill for *_, after_kill in acked), "nobody was served after it"
            for _ in range(100):
                if len(children(parent.pid) - before) == 1:
                    break
                await asyncio.sleep(0.1)
            assert len(children(parent.pid) - before) == 1, "the parent replaced the worker"
        finally:
            parent.send_signal(signal.SIGTERM)
            await asyncio.to_thread(parent.wait, 30)
    round_id = button(announcement, "start")["roundId"]
    keys = Pseudonymiser((tmp_path / "pseudonym.key").read_text().strip().encode())
    store = PostgresStore(POSTGRES_DSN, schema=schema, pool_size=2)
    await store.open()
    try:
        for who, component, rating, _ in acked:
            response = await store.get_response(round_id, keys.respondent(TENANT, who.aad))
            assert response is not None, who.name
            assert response.answers[component].rating == int(rating), (who.name, component)
    finally:
        await store.close()
