"""The three connector calls sent without msrest's layers (bot/botframework/
direct_conversations.py) reach the connector exactly as botbuilder's stock operations send
them, read its answers the same way, and fail the same way."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from typing import Any

import pytest
from botbuilder.schema import (
    Activity,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
)
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.exceptions import HttpOperationError

from bot.botframework.connector_http import ConnectorSession
from bot.botframework.connector_retry import install_retry
from bot.botframework.direct_conversations import DirectConversations, install_direct_conversations
from bot.botframework.fast_body import install_fast_body
from bot.botframework.raw_json import RawJson
from bot.botframework.refusals import refused_status
from bot.botframework.retry_policy import RetryPolicy
from tests.support.connector_stub import Seen, recording_connector

CHANNEL_THREAD = "19:abc@thread.tacv2;messageid=1700000000000"


class TokenCredentials(MicrosoftAppCredentials):  # type: ignore[misc]
    """A bot with an app id whose token is already known (no identity platform here)."""

    def get_access_token(self, force_refresh: bool = False) -> str:
        return "token-1"


def connector(statuses: list[int], answer: Any) -> AbstractAsyncContextManager[
    tuple[str, list[Seen]]
]:
    """A connector answering the statuses given in turn with `answer` (errors: an error body)."""
    return recording_connector(statuses, lambda method: answer)


@pytest.fixture
async def session() -> AsyncIterator[ConnectorSession]:
    opened = ConnectorSession()
    yield opened
    await opened.close()


def stock_client(url: str, session: ConnectorSession, credentials: Any) -> ConnectorClient:
    return install_fast_body(install_retry(ConnectorClient(credentials, base_url=url),
                                           RetryPolicy(base_seconds=0.01), session))


def direct_client(url: str, session: ConnectorSession, credentials: Any) -> ConnectorClient:
    client = install_direct_conversations(stock_client(url, session, credentials))
    assert isinstance(client.conversations, DirectConversations)
    return client


def card_message() -> Activity:
    card = RawJson({"type": "AdaptiveCard", "version": "1.5",
                    "body": [{"type": "TextBlock", "text": "Which agency? Pa asiantaeth?"}]})
    return Activity(
        type="message",
        attachments=[Attachment(content_type="application/vnd.microsoft.card.adaptive",
                                content=card)],
        conversation=ConversationAccount(id=CHANNEL_THREAD),
        from_property=ChannelAccount(id="28:bot"), recipient=ChannelAccount(id="29:alex"),
        channel_id="msteams", service_url="https://smba.example/uk/",
    )


Call = Callable[[ConnectorClient], Awaitable[Any]]
CALLS: dict[str, tuple[Call, Any]] = {
    "open a 1:1 chat": (
        lambda c: c.conversations.create_conversation(ConversationParameters(
            is_group=False, bot=ChannelAccount(id="28:bot"),
            members=[ChannelAccount(id="29:alex")], tenant_id="t-1",
            channel_data={"tenant": {"id": "t-1"}},
        )),
        {"id": "a:1chat", "serviceUrl": "https://smba.example/uk/", "activityId": "1"},
    ),
    "send a card": (
        lambda c: c.conversations.send_to_conversation(CHANNEL_THREAD, card_message()),
        {"id": "1700000000001"},
    ),
    "reply with a card": (
        lambda c: c.conversations.reply_to_activity(CHANNEL_THREAD, "f:1;x", card_message()),
        {"id": "1700000000002"},
    ),
}


@pytest.mark.parametrize("credentials", [TokenCredentials("app-id", "secret"),
                                         MicrosoftAppCredentials.empty()], ids=["token", "none"])
@pytest.mark.parametrize("call", list(CALLS))
async def test_each_call_reaches_the_connector_as_botbuilder_sends_it(
    session: ConnectorSession, call: str, credentials: Any
) -> None:
    send, answer = CALLS[call]
    async with connector([200], answer) as (url, stock_seen):
        stock = await send(stock_client(url, session, credentials))
    async with connector([200], answer) as (url, direct_seen):
        direct = await send(direct_client(url, session, credentials))
    assert _on_any_port(direct_seen) == _on_any_port(stock_seen)  # method, path, headers, body
    assert type(direct) is type(stock) and direct.as_dict() == stock.as_dict()
    assert direct.id == answer["id"]


def _on_any_port(calls: list[Seen]) -> list[Seen]:
    """The calls as sent, but for the host (each comparison uses two connectors)."""
    return [replace(call, host="") for call in calls]


@pytest.mark.parametrize("call", list(CALLS))
async def test_a_refusal_raises_what_botbuilder_raised(
    session: ConnectorSession, call: str
) -> None:
    """A 403 (the bot removed from the chat) must still be told apart: the chat is dead."""
    send, answer = CALLS[call]
    raised = []
    for build in (stock_client, direct_client):
        async with connector([403], answer) as (url, _):
            with pytest.raises(HttpOperationError) as refused:
                await send(build(url, session, MicrosoftAppCredentials.empty()))
        raised.append(refused.value)
    stock, direct = raised
    assert type(direct) is type(stock)
    assert refused_status(direct) == refused_status(stock) == 403
    assert str(direct) == str(stock)


async def test_a_call_teams_asks_to_retry_is_sent_again(session: ConnectorSession) -> None:
    send, answer = CALLS["send a card"]
    async with connector([429, 200], answer) as (url, seen):
        sent = await send(direct_client(url, session, MicrosoftAppCredentials.empty()))
    assert sent.id == answer["id"] and [s.method for s in seen] == ["POST", "POST"]


async def test_an_answer_without_a_body_is_no_model(session: ConnectorSession) -> None:
    send, _ = CALLS["reply with a card"]
    async with connector([200], None) as (url, _):
        stock = await send(stock_client(url, session, MicrosoftAppCredentials.empty()))
    async with connector([200], None) as (url, _):
        direct = await send(direct_client(url, session, MicrosoftAppCredentials.empty()))
    assert stock is None and direct is None
