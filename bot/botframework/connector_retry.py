"""Outgoing Bot Connector calls retry as Teams asks: 429, 412, 502 and 504, backing off.

Why: botbuilder 4.17.1 leaves retries to msrest's urllib3 `Retry`, which never retries a POST
(sending and replying are POSTs), treats 412 as final, retries 429 only on GET/PUT/DELETE and
only with a Retry-After (then sleeping as long as asked, up to six hours, in an executor
thread), and retries 408, a 4xx we must not repeat. The policy itself is in retry_policy.py.

Where: msrest sends each call through an `AsyncPipeline` (user agent, credentials, raw
deserializer, HTTP logger) ending in a sender; `install_retry` makes that sender our
`AiohttpSender` on the shared session (connector_http.py) wrapped in `RetryingSender`, so
every call of the clients cloud_adapter.py builds retries (replies, updates, proactive
create/continue, TeamsInfo member look-ups) while credentials and deserializer run once, on
the final answer. It waits with `asyncio.sleep`, never blocking the loop. Its one loop also
keeps what urllib3 did under the stock sender, by the rules in connector_http.py (connection
errors before an answer: any method if the request never left, idempotent ones only after
that; 500/503/506+ for idempotent methods); 408 is retried nowhere.

How long: an inbound turn's calls share one budget (`begin_turn`, called as an activity
arrives): no wait ends later than 8 s after the turn began. Teams shows an error on an
Action.Execute after ~10 s and drops the bot's answer after 15 s, so a throttled invoke still
answers in time, with "something went wrong" instead of a Teams error (measured: Start with
the 1:1 chat refused forever answers in 3–5 s after 4 attempts). The budget bounds waits, not
a slow answer (an attempt may take up to 10 s, connector_http.py). Calls outside a turn
get a budget each.
A POST retried after 502/504 may arrive twice if the gateway failed after delivering it;
Teams asks for the retry all the same, and a rare duplicate beats a lost reply.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from botframework.connector.aio import ConnectorClient
from msrest.pipeline import Request, Response
from msrest.pipeline.async_abc import AsyncHTTPSender, AsyncPipeline

from bot.botframework.connector_http import (
    BACKOFF_SECONDS,
    MAX_RETRIES,
    AiohttpSender,
    ConnectorSession,
    TransportError,
    retries_status,
)
from bot.botframework.retry_policy import Draw, RetryPolicy, parse_retry_after

__all__ = [
    "RetryPolicy", "RetryingSender", "begin_turn", "install_retry", "installed_policy",
    "installed_sender",
]

log = logging.getLogger(__name__)
Sleep = Callable[[float], Awaitable[None]]
Answer = Response[Any, Any]

_turn_started: ContextVar[float | None] = ContextVar("connector_turn_started", default=None)


def begin_turn(now: float | None = None) -> None:
    """Start the retry budget that every connector call of this inbound turn shares."""
    _turn_started.set(time.monotonic() if now is None else now)


class RetryingSender(AsyncHTTPSender[Any, Any]):
    """msrest's sender, sending again while the policy says so; waits never block the loop."""

    def __init__(
        self, inner: AsyncHTTPSender[Any, Any], policy: RetryPolicy,
        *, sleep: Sleep = asyncio.sleep, draw: Draw = random.uniform,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._inner, self._policy = inner, policy
        self._sleep, self._draw, self._clock = sleep, draw, clock

    async def __aenter__(self) -> RetryingSender:
        await self._inner.__aenter__()
        return self

    async def __aexit__(self, *exc_details: Any) -> None:
        await self._inner.__aexit__(*exc_details)

    @property
    def policy(self) -> RetryPolicy:
        return self._policy

    def build_context(self) -> Any:
        return self._inner.build_context()

    async def send(self, request: Request[Any], **config: Any) -> Answer:
        """The one retry loop: a transport failure or 5xx is sent again as urllib3 did
        (connector_http.py: at most twice, soon), a status Teams asks bots to retry by the
        policy, within the turn's budget."""
        started = _turn_started.get()
        deadline = (self._clock() if started is None else started) + self._policy.budget_seconds
        method = request.http_request.method.upper()
        attempt, resent = 1, 0
        while True:
            try:
                response = await self._inner.send(request, **config)
            except TransportError as failure:
                if not failure.send_again or resent == MAX_RETRIES:
                    raise
                await self._sleep(BACKOFF_SECONDS[resent])
                resent += 1
                continue
            if resent < MAX_RETRIES and retries_status(method, _status(response)):
                _release(response)
                await self._sleep(BACKOFF_SECONDS[resent])
                resent += 1
                continue
            wait = self._wait(request.http_request.method, response, attempt, deadline)
            if wait is None:
                return response
            log.warning("Bot Connector answered %d to attempt %d; retrying",
                        _status(response), attempt)
            _release(response)
            await self._sleep(wait)
            attempt += 1

    def _wait(self, method: str, response: Answer, attempt: int, deadline: float) -> float | None:
        status = _status(response)
        if not self._policy.retries(method, status):
            return None
        retry_after = parse_retry_after(response.http_response.headers.get("Retry-After"))
        wait = self._policy.wait(attempt, retry_after, deadline - self._clock(), self._draw)
        if wait is None:
            log.warning("Bot Connector answered %d to attempt %d; giving up", status, attempt)
        return wait


def _status(response: Answer) -> int:
    return int(response.http_response.status_code)


def _release(response: Answer) -> None:
    """Give the pooled connection back if a body we discard was left unread (streamed)."""
    close = getattr(getattr(response.http_response, "internal_response", None), "close", None)
    if callable(close):
        close()


def installed_policy(client: ConnectorClient) -> RetryPolicy | None:
    """The policy `install_retry` gave `client`, if any (for checks and diagnostics)."""
    sender = getattr(client.config.pipeline, "_sender", None)
    return sender.policy if isinstance(sender, RetryingSender) else None


def installed_sender(client: ConnectorClient) -> AsyncHTTPSender[Any, Any] | None:
    """The sender `install_retry` put under the retries of `client`, if any."""
    sender = getattr(client.config.pipeline, "_sender", None)
    return sender._inner if isinstance(sender, RetryingSender) else None


def install_retry(
    client: ConnectorClient, policy: RetryPolicy, session: ConnectorSession
) -> ConnectorClient:
    """Make a freshly built `client` send through `session` and retry by `policy`.

    The stock pipeline's policies stay; its requests sender (and the urllib3 retry and 100 s
    timeout configured for it) is no longer used.
    """
    pipeline = client.config.pipeline
    retrying = RetryingSender(AiohttpSender(session), policy)
    client.config.pipeline = AsyncPipeline(pipeline._impl_policies, retrying)
    return client
