"""botbuilder's own ConnectorClient gets the answers it expects from the fake connector."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from botbuilder.schema import Activity, ChannelAccount, ConversationParameters
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.exceptions import HttpOperationError

from bench.fake_connector import STATE, ConnectorState, create_fake_connector_app

CHAT = "a:personal-chat-1"
ALEX = {"id": "29:alex", "name": "Alex", "aadObjectId": "aad-alex"}


@asynccontextmanager
async def connector() -> AsyncIterator[tuple[Any, ConnectorState]]:
    """A stock ConnectorClient pointed at a fake connector where Alex has a personal chat."""
    server = TestServer(create_fake_connector_app())
    async with server:
        state = server.app[STATE]
        state.add_member(CHAT, ALEX)
        url = str(server.make_url("/"))
        yield ConnectorClient(MicrosoftAppCredentials.empty(), base_url=url), state


async def test_opening_a_chat_with_alex_returns_the_existing_personal_chat() -> None:
    async with connector() as (client, _):
        params = ConversationParameters(members=[ChannelAccount(id="29:alex")], tenant_id="t")
        created = await client.conversations.create_conversation(params)
    assert created.id == CHAT


async def test_members_are_answered_one_by_one_and_paged() -> None:
    async with connector() as (client, _):
        member = await client.conversations.get_conversation_member(CHAT, "29:alex")
        paged = await client.conversations.get_conversation_paged_members(CHAT)
    assert (member.name, [m.id for m in paged.members]) == ("Alex", ["29:alex"])


async def test_an_unknown_member_is_not_found() -> None:
    async with connector() as (client, _):
        with pytest.raises(HttpOperationError):
            await client.conversations.get_conversation_member(CHAT, "29:nobody")


async def test_replies_and_card_updates_are_recorded_with_their_ids() -> None:
    async with connector() as (client, state):
        reply = Activity(type="message", text="hi", conversation=None)
        sent = await client.conversations.reply_to_activity(CHAT, "f:1", reply)
        update = Activity(type="message", id="card-7", text="updated")
        await client.conversations.update_activity(CHAT, "card-7", update)
    assert sent.id == state.received[0].assigned_id
    assert [(r.kind, r.activity_id, r.body["text"]) for r in state.received] == [
        ("reply", "f:1", "hi"), ("update", "card-7", "updated")
    ]


async def test_planned_refusals_answer_with_the_status_until_used_up() -> None:
    async with connector() as (client, state):
        state.faults.fail_next("reply", 429, times=1, retry_after="2")
        with pytest.raises(HttpOperationError) as refused:
            await client.conversations.reply_to_activity(CHAT, "f:1", Activity(type="message"))
        await client.conversations.reply_to_activity(CHAT, "f:1", Activity(type="message"))
    answer = refused.value.response
    assert (answer.status_code, answer.headers["Retry-After"]) == (429, "2")
    assert (len(state.received), state.faults.refused) == (1, [("reply", 429)])


async def test_refusals_are_planned_and_cleared_over_http() -> None:
    server = TestServer(create_fake_connector_app())
    async with server, TestClient(server) as http:
        plan = {"route": "create", "status": 502, "times": None}
        assert (await http.post("/_fake/faults", json=plan)).status == 204
        assert (await http.post("/v3/conversations", json={})).status == 502
        assert (await http.post("/v3/conversations", json={})).status == 502
        assert (await http.delete("/_fake/faults")).status == 204
        assert (await http.post("/v3/conversations", json={})).status == 201
        assert (await http.post("/_fake/faults", json={"status": 429})).status == 400
