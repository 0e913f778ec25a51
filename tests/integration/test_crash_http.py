"""SIGKILL the bot while practitioners answer: every acknowledged answer must survive."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer

from assessment.pseudonym import Pseudonymiser
from bench.fake_connector import STATE, create_fake_connector_app
from storage.tinydb_store import TinyDBStore
from tests.support.journey import button
from tests.support.server import free_port, pseudonym_key_file, start_server
from tests.support.teams import TEAM_ID, TENANT, Json, Person, Teams, person, team_member

PRACTITIONERS = [person(f"practitioner-{n}") for n in range(6)]
LEAD = person("crash-lead")
KILL_AFTER = 30


class Client:
    def __init__(self, session: aiohttp.ClientSession, port: int, teams: Teams) -> None:
        self.session, self.url, self.teams = session, f"http://127.0.0.1:{port}/api/messages", teams

    async def post(self, activity: Json) -> Any:
        async with self.session.post(self.url, json=activity) as response:
            assert response.status in (200, 201), await response.text()
            return await response.json() if response.content_length else None

    async def press(self, who: Person, verb: str, data: Json, *, channel: bool = False) -> Json:
        body = await self.post(self.teams.invoke(who, verb, data, channel=channel))
        card: Json = body["value"]
        return card


async def walk(
    client: Client,
    who: Person,
    card: Json,
    acknowledged: list[tuple[Person, str, str]],
    enough: asyncio.Event,
) -> None:
    """Answer C1..C12; an answer counts as acknowledged once the next card came back."""
    for n in range(1, 13):
        data = button(card, "answer")
        rating = str(1 + (n + len(who.name)) % 6)
        card = await client.press(
            who, "answer", {**data, "rating": rating, "evidence": f"{who.name} C{n}"}
        )
        assert "Saved" in str(card)
        acknowledged.append((who, data["componentId"], rating))
        if len(acknowledged) >= KILL_AFTER:
            enough.set()


async def test_every_acknowledged_answer_survives_a_kill_9(tmp_path: Path) -> None:
    connector_app = create_fake_connector_app()
    for member in (LEAD, *PRACTITIONERS):
        connector_app[STATE].add_member(TEAM_ID, team_member(member))
    data_dir, port = tmp_path / "data", free_port()
    async with (
        TestServer(connector_app, host="127.0.0.1") as connector,
        aiohttp.ClientSession() as session,
    ):
        teams = Teams(str(connector.make_url("/")).rstrip("/"))
        client = Client(session, port, teams)
        server = await start_server(data_dir, port, tmp_path / "server.log")
        try:
            await client.post(teams.channel_message(LEAD, "open round Crash drill"))
            announcement = connector_app[STATE].activities()[-1]["attachments"][0]["content"]
            first_cards = []
            for who in PRACTITIONERS:
                await client.press(who, "start", button(announcement, "start"), channel=True)
                agency_card = connector_app[STATE].activities(who.chat_id)[-1]["attachments"][0][
                    "content"
                ]
                first_cards.append(
                    await client.press(
                        who, "agency", {**button(agency_card, "agency"), "agency": "education"}
                    )
                )
            acknowledged: list[tuple[Person, str, str]] = []
            enough = asyncio.Event()
            walks = [
                asyncio.create_task(walk(client, who, card, acknowledged, enough))
                for who, card in zip(PRACTITIONERS, first_cards, strict=True)
            ]
            await asyncio.wait_for(enough.wait(), timeout=60)
            server.send_signal(signal.SIGKILL)
            server.wait()
            outcomes = await asyncio.gather(*walks, return_exceptions=True)
            assert any(isinstance(o, Exception) for o in outcomes)  # the kill cut walks short
        finally:
            server.kill()
            server.wait()
        round_id = button(announcement, "start")["roundId"]
        store = TinyDBStore(data_dir)
        keys = Pseudonymiser(pseudonym_key_file(data_dir).read_text().strip().encode())
        await store.open()
        try:
            for who, component, rating in acknowledged:
                response = await store.get_response(round_id, keys.respondent(TENANT, who.aad))
                assert response is not None, who.name
                assert response.answers[component].rating == int(rating), (who.name, component)
        finally:
            await store.close()
        restarted = await start_server(data_dir, port, tmp_path / "server.log")
        try:
            await client.post(teams.personal_message(PRACTITIONERS[0], "resume"))
            card = connector_app[STATE].activities(PRACTITIONERS[0].chat_id)[-1]["attachments"][0][
                "content"
            ]
            done = sum(1 for who, _, _ in acknowledged if who == PRACTITIONERS[0])
            expected = f"C{done + 1}" if done < 12 else None
            if expected:
                assert button(card, "answer")["componentId"] in (expected, f"C{done + 2}")
        finally:
            restarted.terminate()
            restarted.wait()
