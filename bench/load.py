"""HTTP load generator: simulated users run a scenario against a bot endpoint concurrently.

A *scenario* is an async callable given one user's `UserSession`; it sends that user's
activities in order (`session.say(...)`, `session.send(activity)`) and may read each turn's
replies to decide what to send next, as a real user reading the cards would. Every turn is
timed from the POST until the bot's last reply reached the fake connector (or, for an
invoke or a turn without replies, until the HTTP answer). Replies are followed on the fake
connector's `/_fake/events` WebSocket; a barrier after each HTTP answer makes sure every
reply of the turn has been seen (the bot sends them before it answers the POST).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bench.activities import Json, SimUser, message, simulated_user


@dataclass(frozen=True)
class Turn:
    """What one activity produced: the HTTP answer, the replies, and the latency."""

    status: int
    body: Any
    replies: list[Json]
    latency: float


class ReplyFeed:
    """Routes the fake connector's events to the conversation that is waiting for them."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self._ws = ws
        self._events: dict[str, list[tuple[float, Json]]] = {}
        self._barriers: dict[int, asyncio.Future[None]] = {}
        self._numbers = itertools.count()

    async def pump(self) -> None:
        """Read events until the WebSocket closes; then fail whoever still waits."""
        async for msg in self._ws:
            data = msg.json()
            if "barrier" in data:
                self._barriers.pop(data["barrier"]).set_result(None)
            elif data["conversation"] in self._events and data["kind"] != "create":
                activity = {**data["activity"], "id": data["id"]}  # as the service assigned it
                self._events[data["conversation"]].append((data["at"], activity))
        for waiting in self._barriers.values():
            waiting.set_exception(ConnectionError("the fake connector's event feed closed"))

    def watch(self, conversation: str) -> None:
        self._events[conversation] = []

    def take(self, conversation: str) -> list[tuple[float, Json]]:
        return self._events.pop(conversation, [])

    async def barrier(self) -> None:
        """Return once every event the connector pushed before now has been read."""
        number = next(self._numbers)
        self._barriers[number] = asyncio.get_running_loop().create_future()
        await self._ws.send_json({"barrier": number})
        await self._barriers[number]


@dataclass
class UserSession:
    """One simulated user's side of the conversation; records every turn's latency."""

    user: SimUser
    http: aiohttp.ClientSession
    feed: ReplyFeed
    bot_url: str
    service_url: str
    latencies: list[float] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # what each timed turn was, for breakdowns
    errors: list[str] = field(default_factory=list)

    async def join(self) -> None:
        """Tell the fake connector this user is the member of their personal chat."""
        member = {"id": self.user.user_id, "name": self.user.name,
                  "aadObjectId": self.user.aad_object_id, "tenantId": self.user.tenant_id}
        url = f"{self.service_url.rstrip('/')}/_fake/conversations/{self.user.conversation_id}"
        async with self.http.post(url + "/members", json=member) as response:
            response.raise_for_status()

    async def say(self, text: str) -> Turn:
        return await self.send(message(self.user, self.service_url, text))

    async def send(self, activity: Json, kind: str = "turn") -> Turn:
        """POST the activity; wait for its answer and replies; record the latency as `kind`."""
        conversation = self.user.conversation_id
        self.feed.watch(conversation)
        started = time.monotonic()
        async with self.http.post(self.bot_url, json=activity) as response:
            body = await _body(response)
            answered = time.monotonic()
        await self.feed.barrier()
        events = self.feed.take(conversation)
        ended = answered if activity["type"] == "invoke" or not events else events[-1][0]
        turn = Turn(response.status, body, [a for _, a in events], ended - started)
        self.latencies.append(turn.latency)
        self.kinds.append(kind)
        if response.status >= 400:
            self.errors.append(f"{activity['type']} -> HTTP {response.status}")
        return turn


async def _body(response: aiohttp.ClientResponse) -> Any:
    if response.content_type == "application/json":
        return await response.json()
    return await response.text() or None


Scenario = Callable[[UserSession], Awaitable[None]]


def echo_scenario(turns: int) -> Scenario:
    """Say `turns` short messages, each after the previous one's reply."""

    async def run(session: UserSession) -> None:
        for number in range(turns):
            await session.say(f"hello {number}")

    return run


@dataclass(frozen=True)
class LoadResult:
    """Latencies (seconds) of all turns, the wall time they took, and failed turns."""

    users: int
    latencies: list[float]
    wall: float
    errors: list[str]
    kinds: list[str] = field(default_factory=list)


@contextlib.asynccontextmanager
async def connected(connector_url: str) -> AsyncIterator[tuple[aiohttp.ClientSession, ReplyFeed]]:
    """An HTTP client and the fake connector's reply feed, pumped while the block runs."""
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http, \
            http.ws_connect(connector_url.rstrip("/") + "/_fake/events") as ws:
        feed = ReplyFeed(ws)
        pump = asyncio.create_task(feed.pump())
        try:
            yield http, feed
        finally:
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump


async def run_load(
    bot_url: str, connector_url: str, scenario: Scenario, users: int, first_user: int = 0
) -> LoadResult:
    """Run `scenario` for `users` simulated users at once; users are numbered from `first_user`."""
    async with connected(connector_url) as (http, feed):
        sessions = [
            UserSession(simulated_user(first_user + i), http, feed, bot_url, connector_url)
            for i in range(users)
        ]
        await asyncio.gather(*(s.join() for s in sessions))
        started = time.monotonic()
        await asyncio.gather(*(scenario(s) for s in sessions))
        wall = time.monotonic() - started
    latencies = [x for s in sessions for x in s.latencies]
    kinds = [k for s in sessions for k in s.kinds]
    return LoadResult(users, latencies, wall, [e for s in sessions for e in s.errors], kinds)
