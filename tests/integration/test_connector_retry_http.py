"""The real app when Teams throttles it or its gateway fails: replies arrive once, in the end.

The fake Bot Connector refuses the next calls to a route (bench/connector_faults.py); waits
are shortened with `connector_retry_base_seconds`, so no test sleeps for seconds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.exceptions import ClientRequestError

from bot.botframework.connector_http import ConnectorSession
from bot.botframework.connector_retry import install_retry
from bot.botframework.retry_policy import RetryPolicy
from messages import load_catalogue
from tests.support.harness import Harness, running_bot
from tests.support.journey import ALEX, button, open_round, start_from_announcement

BUSY = load_catalogue().text("reply.busy")
ATTEMPTS = RetryPolicy().max_attempts


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running_bot(tmp_path / "data", connector_retry_base_seconds=0.001) as running:
        yield running


def help_cards(bot: Harness) -> int:
    return sum("my answers" in str(card).lower() for card in bot.cards(ALEX.chat_id))


@pytest.mark.parametrize("status", [429, 412, 502, 504])
async def test_a_refused_reply_is_sent_again_and_arrives_once(bot: Harness, status: int) -> None:
    bot.connector.faults.fail_next("reply", status, times=2)
    await bot.send(bot.teams.personal_message(ALEX, "help"))
    assert help_cards(bot) == 1
    assert bot.connector.faults.refusals("reply") == 2


async def test_a_throttled_reply_waits_as_long_as_teams_asks(bot: Harness) -> None:
    bot.connector.faults.fail_next("reply", 429, retry_after="0")
    await bot.send(bot.teams.personal_message(ALEX, "help"))
    assert help_cards(bot) == 1


async def test_a_bad_request_is_not_sent_again_and_the_person_hears_something_failed(
    bot: Harness,
) -> None:
    bot.connector.faults.fail_next("reply", 400)
    await bot.send(bot.teams.personal_message(ALEX, "help"))
    assert bot.connector.faults.refusals("reply") == 1
    assert (help_cards(bot), bot.texts(ALEX.chat_id)) == (0, [BUSY])


async def test_throttled_forever_a_card_button_still_gets_an_answer_in_place(
    bot: Harness,
) -> None:
    """Start in the channel opens the person's 1:1 chat, which Teams keeps refusing."""
    announcement = await open_round(bot)
    bot.connector.faults.fail_next("create", 429, times=None)
    status, body = await bot.send(
        bot.teams.invoke(ALEX, "start", button(announcement, "start"), channel=True)
    )
    assert status == 200 and BUSY in str(body["value"])
    assert bot.connector.faults.refusals("create") == ATTEMPTS
    assert bot.cards(ALEX.chat_id) == []


async def test_throttled_forever_an_answer_already_saved_stays_saved(bot: Harness) -> None:
    """A Submit-fallback answer is saved before the card is replaced; Teams then refuses
    every message, so the person cannot be told, but the answer is kept and the walk goes on."""
    announcement = await open_round(bot)
    card = await start_from_announcement(bot, ALEX, announcement)
    round_id = button(card, "answer")["roundId"]
    data = {**button(card, "answer"), "rating": "4", "evidence": "", "suggestion": ""}
    for route in ("update", "reply", "send"):
        bot.connector.faults.fail_next(route, 429, times=None)
    await bot.send(bot.teams.submit(ALEX, "answer", data, reply_to="msg-1"))
    assert bot.connector.faults.refusals("update") == ATTEMPTS
    stored = await bot.response_of(round_id, ALEX)
    assert stored is not None and stored.answers["C1"].rating == 4
    bot.connector.faults.clear()
    resumed = await bot.press(ALEX, "start", button(announcement, "start"), channel=True)
    assert button(resumed, "start") == button(announcement, "start")
    assert "I've messaged you" in str(resumed)
    assert button(bot.cards(ALEX.chat_id)[-1], "answer")["componentId"] == "C2"


# -- connections that drop before an answer ------------------------------------------------

MEMBER = b'{"id": "29:alex", "name": "Alex"}'
ANSWER = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
    b"Content-Length: %d\r\n\r\n%s" % (len(MEMBER), MEMBER)
)


@asynccontextmanager
async def dropping_first_connection() -> AsyncIterator[tuple[str, list[bytes]]]:
    """A server that closes its first connection unanswered, then answers every request."""
    requests: list[bytes] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        requests.append(head.split(b" ", 1)[0])
        if len(requests) > 1:
            writer.write(ANSWER)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    async with server:
        port = server.sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}/", requests


@pytest.fixture
async def session() -> AsyncIterator[ConnectorSession]:
    opened = ConnectorSession()
    yield opened
    await opened.close()


def client_for(url: str, session: ConnectorSession) -> ConnectorClient:
    client = ConnectorClient(MicrosoftAppCredentials.empty(), base_url=url)
    return install_retry(client, RetryPolicy(), session)


async def test_a_look_up_is_sent_again_when_the_connection_drops_before_an_answer(
    session: ConnectorSession,
) -> None:
    async with dropping_first_connection() as (url, requests):
        client = client_for(url, session)
        member = await client.conversations.get_conversation_member("a:chat", "29:alex")
    assert (member.name, requests) == ("Alex", [b"GET", b"GET"])


async def test_a_message_is_not_sent_again_when_the_connection_drops_after_sending(
    session: ConnectorSession,
) -> None:
    """The service may have delivered it: sending it again could post it twice."""
    async with dropping_first_connection() as (url, requests):
        with pytest.raises(ClientRequestError):
            reply = Activity(type="message", text="hi")
            await client_for(url, session).conversations.reply_to_activity("a:chat", "f:1", reply)
    assert requests == [b"POST"]
