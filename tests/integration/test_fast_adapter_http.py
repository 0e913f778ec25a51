"""Over HTTP, the echo bot behaves the same on the stock and the fast adapter."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bench.activities import message, simulated_user
from bench.echo_bot import create_echo_app
from bench.fake_connector import STATE, ConnectorState, create_fake_connector_app
from bench.load import Turn, UserSession, echo_scenario, run_load

BotClient = TestClient[web.Request, web.Application]


@asynccontextmanager
async def echo_and_connector(adapter: str) -> AsyncIterator[tuple[BotClient, TestServer]]:
    """The echo bot (as a test client) and a fake connector (as a server) on 127.0.0.1."""
    connector = TestServer(create_fake_connector_app())
    async with connector, TestClient(TestServer(create_echo_app(adapter))) as bot:
        yield bot, connector


def received(connector: TestServer) -> ConnectorState:
    return connector.app[STATE]


@pytest.mark.parametrize("adapter", ["stock", "fast"])
async def test_each_message_gets_its_echo_as_a_reply_in_the_users_chat(adapter: str) -> None:
    user = simulated_user(7)
    async with echo_and_connector(adapter) as (bot, connector):
        service_url = str(connector.make_url("/"))
        sent = [message(user, service_url, text) for text in ("hello", "again")]
        statuses = [(await bot.post("/api/messages", json=a)).status for a in sent]
        calls = list(received(connector).received)
    assert statuses == [201, 201]
    assert [(c.kind, c.conversation, c.activity_id) for c in calls] == [
        ("reply", user.conversation_id, sent[0]["id"]),
        ("reply", user.conversation_id, sent[1]["id"]),
    ]
    assert [c.body["text"] for c in calls] == ["Echo 1: hello", "Echo 2: again"]


async def test_load_run_times_every_turn_of_every_user() -> None:
    async with echo_and_connector("fast") as (bot, connector):
        endpoint = str(bot.make_url("/api/messages"))
        result = await run_load(endpoint, str(connector.make_url("/")), echo_scenario(3), 4)
        replies = received(connector).activities()
    assert (len(result.latencies), result.errors) == (12, [])
    assert sorted(r["text"] for r in replies if r["text"].startswith("Echo 3")) == [
        "Echo 3: hello 2"
    ] * 4


async def test_a_turn_returns_its_replies_with_the_ids_the_service_gave_them() -> None:
    turns: list[Turn] = []

    async def say_hi(session: UserSession) -> None:
        turns.append(await session.say("hi"))

    async with echo_and_connector("fast") as (bot, connector):
        endpoint = str(bot.make_url("/api/messages"))
        await run_load(endpoint, str(connector.make_url("/")), say_hi, 1)
        given = [r.assigned_id for r in received(connector).received]
    assert [(r["text"], r["id"]) for r in turns[0].replies] == [("Echo 1: hi", given[0])]
