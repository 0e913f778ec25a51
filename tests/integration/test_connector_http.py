"""Outgoing Bot Connector calls on the shared aiohttp session
(bot/botframework/connector_http.py): signed when the bot has credentials, sent again
only when that cannot post a message twice, and never left hanging on a connector that does
not answer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager

import pytest
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.exceptions import ClientRequestError, HttpOperationError

from bot.botframework.connector_http import ConnectorSession
from bot.botframework.connector_retry import install_retry
from bot.botframework.retry_policy import RetryPolicy
from tests.support.connector_stub import Seen, recording_connector

MEMBER = {"id": "29:alex", "name": "Alex"}


class TokenCredentials(MicrosoftAppCredentials):  # type: ignore[misc]
    """A bot with an app id whose token is already known (no identity platform here)."""

    def get_access_token(self, force_refresh: bool = False) -> str:
        return "token-1"


def connector(statuses: list[int]) -> AbstractAsyncContextManager[tuple[str, list[Seen]]]:
    """A connector answering the statuses given in turn (the last one forever)."""
    return recording_connector(statuses, lambda method: MEMBER if method == "GET" else {"id": "m1"})


@pytest.fixture
async def session() -> AsyncIterator[ConnectorSession]:
    opened = ConnectorSession()
    yield opened
    await opened.close()


def client(
    url: str, session: ConnectorSession, credentials: MicrosoftAppCredentials
) -> ConnectorClient:
    return install_retry(ConnectorClient(credentials, base_url=url), RetryPolicy(), session)


async def look_up(url: str, session: ConnectorSession, credentials: MicrosoftAppCredentials) -> str:
    member = await client(url, session, credentials).conversations.get_conversation_member(
        "a:chat", "29:alex"
    )
    return str(member.name)


async def test_a_bot_with_credentials_sends_its_token(session: ConnectorSession) -> None:
    async with connector([200]) as (url, seen):
        await look_up(url, session, TokenCredentials("app-id", "secret"))
    assert seen[0].headers.get("Authorization") == "Bearer token-1"


async def test_the_call_carries_botbuilders_user_agent(session: ConnectorSession) -> None:
    credentials = MicrosoftAppCredentials.empty()
    async with connector([200]) as (url, seen):
        await look_up(url, session, credentials)
    expected = ConnectorClient(credentials, base_url=url).config.user_agent
    assert seen[0].headers.get("User-Agent") == expected


async def test_without_an_app_id_no_token_is_sent(session: ConnectorSession) -> None:
    async with connector([200]) as (url, seen):
        await look_up(url, session, MicrosoftAppCredentials.empty())
    assert "Authorization" not in seen[0].headers


async def test_a_look_up_the_service_failed_is_asked_again(session: ConnectorSession) -> None:
    async with connector([503, 200]) as (url, seen):
        name = await look_up(url, session, MicrosoftAppCredentials.empty())
    assert (name, [r.method for r in seen]) == ("Alex", ["GET", "GET"])


async def test_a_message_the_service_failed_is_not_sent_again(session: ConnectorSession) -> None:
    """A 503 may come after the message was posted: sending it again could post it twice."""
    async with connector([503, 200]) as (url, seen):
        with pytest.raises(HttpOperationError):
            sender = client(url, session, MicrosoftAppCredentials.empty())
            reply = Activity(type="message", text="hi")
            await sender.conversations.reply_to_activity("a:chat", "f:1", reply)
    assert [r.method for r in seen] == ["POST"]


async def test_a_connector_that_never_answers_fails_the_call() -> None:
    release = asyncio.Event()

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await release.wait()
        writer.close()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    session = ConnectorSession(answer_timeout_seconds=0.2)
    try:
        url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/"
        with pytest.raises(ClientRequestError):
            await look_up(url, session, MicrosoftAppCredentials.empty())
    finally:
        release.set()
        await session.close()
        server.close()
        await server.wait_closed()


async def test_calls_go_through_the_proxy_the_environment_names(
    session: ConnectorSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As with requests: a host behind a proxy reaches the connector only through it."""
    async with connector([200]) as (proxy, seen):
        for name in ("no_proxy", "NO_PROXY", "HTTP_PROXY"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("http_proxy", proxy)
        name = await look_up("http://connector.invalid/", session, MicrosoftAppCredentials.empty())
    assert (name, seen[0].host) == ("Alex", "connector.invalid")
