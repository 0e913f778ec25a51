"""Which Bot Connector answers are retried, how long the bot waits, and when it gives up."""

from __future__ import annotations

import asyncio
import contextvars
import logging
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from botbuilder.schema import Activity
from msrest.pipeline import Request, Response
from msrest.pipeline.async_abc import AsyncHTTPSender
from msrest.universal_http import ClientRequest

from bot.botframework.cloud_adapter import create_cloud_adapter
from bot.botframework.connector_http import TransportError
from bot.botframework.connector_retry import RetryingSender, begin_turn
from bot.botframework.retry_policy import RETRY_METHODS, RetryPolicy, parse_retry_after

POLICY = RetryPolicy()
URL = "https://smba.trafficmanager.net/emea/v3/conversations/a:secret-chat/activities/f:1"
NOW = datetime(2026, 11, 26, 7, 30, 0, tzinfo=UTC)


def highest(low: float, high: float) -> float:
    return high


# -- the policy --------------------------------------------------------------------------


def test_exactly_the_statuses_teams_asks_for_are_retried_for_every_method() -> None:
    for method in RETRY_METHODS:
        retried = {code for code in range(100, 1000) if POLICY.retries(method, code)}
        assert retried == {412, 429, 502, 504}, method


def test_no_other_4xx_is_ever_retried() -> None:
    refused = [code for code in range(400, 500) if code not in {412, 429}]
    assert not any(POLICY.retries(m, code) for m in RETRY_METHODS for code in refused)


def test_backoff_ceilings_double_from_the_base_up_to_the_largest_wait() -> None:
    policy = RetryPolicy(base_seconds=1.0, max_wait_seconds=4.0, max_attempts=6)
    assert [policy.ceiling(retry) for retry in range(1, 6)] == [1.0, 2.0, 4.0, 4.0, 4.0]


def test_waits_are_full_jitter_between_zero_and_the_ceiling() -> None:
    draw = random.Random(7).uniform
    for retry in (1, 2, 3):
        waits = [POLICY.wait(retry, None, 60.0, draw) for _ in range(500)]
        assert all(w is not None and 0.0 <= w <= POLICY.ceiling(retry) for w in waits)
        assert min(w for w in waits if w is not None) < POLICY.ceiling(retry) / 4  # spread out


def test_the_longest_possible_waits_fit_the_budget() -> None:
    longest = [POLICY.wait(retry, None, 60.0, highest) for retry in range(1, POLICY.max_attempts)]
    assert None not in longest
    assert sum(w for w in longest if w is not None) <= POLICY.budget_seconds


def test_no_retry_after_the_last_attempt() -> None:
    assert POLICY.wait(POLICY.max_attempts, None, 60.0, highest) is None


def test_retry_after_is_honoured_as_asked_within_the_budget() -> None:
    assert POLICY.wait(1, 3.0, 8.0, highest) == 3.0


def test_retry_after_longer_than_what_is_left_gives_up_at_once() -> None:
    assert POLICY.wait(1, 9.0, 8.0, highest) is None


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("3", 3.0), (" 120 ", 120.0), ("0", 0.0), ("1.5", 1.5),
     ("Thu, 26 Nov 2026 07:30:05 GMT", 5.0), ("Thu, 26 Nov 2026 07:29:00 GMT", 0.0)],
)
def test_retry_after_in_seconds_or_as_an_http_date(value: str, seconds: float) -> None:
    assert parse_retry_after(value, NOW) == seconds


@pytest.mark.parametrize("value", [None, "", "-1", "soon", "inf", "nan", "Thu, 99 Nov 2026"])
def test_an_unusable_retry_after_is_ignored(value: str | None) -> None:
    assert parse_retry_after(value, NOW) is None


# -- the sender ---------------------------------------------------------------------------


@dataclass
class Answer:
    status_code: int
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Script(AsyncHTTPSender[Any, Any]):
    """Answers calls with the statuses given (the last one forever); waits on a fake clock."""

    statuses: list[tuple[int, dict[str, str]]]
    calls: int = 0
    now: float = 0.0
    waits: list[float] = field(default_factory=list)

    async def send(self, request: Request[Any], **config: Any) -> Response[Any, Any]:
        status, headers = self.statuses[min(self.calls, len(self.statuses) - 1)]
        self.calls += 1
        return Response(request, Answer(status, headers))

    async def __aexit__(self, *exc_details: Any) -> None:
        return None

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def sender(self, policy: RetryPolicy = POLICY) -> RetryingSender:
        return RetryingSender(self, policy, sleep=self.sleep, draw=highest, clock=lambda: self.now)


async def send(script: Script, method: str = "POST", policy: RetryPolicy = POLICY) -> int:
    response = await script.sender(policy).send(Request(ClientRequest(method, URL)))
    return int(response.http_response.status_code)


async def test_a_throttled_reply_is_sent_again_until_it_goes_through() -> None:
    script = Script([(429, {}), (429, {}), (201, {})])
    assert await send(script) == 201
    assert (script.calls, script.waits) == (3, [1.0, 2.0])


@pytest.mark.parametrize("status", [400, 401, 403, 404, 413, 500, 503])
async def test_other_errors_are_answered_at_once(status: int) -> None:
    script = Script([(status, {}), (201, {})])
    assert await send(script) == status
    assert (script.calls, script.waits) == (1, [])


async def test_throttled_forever_gives_up_after_the_last_attempt() -> None:
    script = Script([(429, {})])
    assert await send(script, "PUT") == 429
    assert (script.calls, script.waits) == (4, [1.0, 2.0, 4.0])


async def test_the_wait_teams_asks_for_is_the_wait() -> None:
    script = Script([(502, {"Retry-After": "3"}), (200, {})])
    assert await send(script, "GET") == 200
    assert script.waits == [3.0]


async def test_a_retry_after_beyond_the_budget_is_not_waited_for() -> None:
    script = Script([(429, {"Retry-After": "30"}), (201, {})])
    assert await send(script) == 429
    assert (script.calls, script.waits) == (1, [])


async def test_the_calls_of_one_turn_share_its_budget() -> None:
    """7.5 s into a turn a 1 s wait would end past the 8 s budget; outside a turn it would not."""
    in_turn, alone = (Script([(429, {"Retry-After": "1"}), (201, {})], now=7.5) for _ in "ab")

    async def turn() -> int:
        begin_turn(now=0.0)
        return await send(in_turn)

    assert await asyncio.create_task(turn(), context=contextvars.Context()) == 429
    assert await asyncio.create_task(send(alone), context=contextvars.Context()) == 201


async def test_an_arriving_activity_starts_the_budget_of_its_turn() -> None:
    """A minute after an activity arrived its turn has no time left to wait; a lone call has."""

    async def attempts(activity_arrived: bool) -> int:
        if activity_arrived:
            adapter = create_cloud_adapter(None, None, "SingleTenant", None)
            activity = Activity(type="message", channel_id="msteams", service_url=URL)
            await adapter.bot_framework_authentication.authenticate_request(activity, "")
        script = Script([(429, {"Retry-After": "1"}), (201, {})], now=time.monotonic() + 60)
        await send(script)
        return script.calls

    assert await asyncio.create_task(attempts(True), context=contextvars.Context()) == 1
    assert await asyncio.create_task(attempts(False), context=contextvars.Context()) == 2


async def test_a_retry_is_logged_with_status_and_attempt_only(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.botframework.connector_retry")
    await send(Script([(429, {}), (504, {}), (201, {})]))
    logged = [record.getMessage() for record in caplog.records]
    assert logged == [
        "Bot Connector answered 429 to attempt 1; retrying",
        "Bot Connector answered 504 to attempt 2; retrying",
    ]


@dataclass
class Flaky(Script):
    """Fails below HTTP first (`send_again` as the transport rule decided), then answers."""

    failures: list[bool] = field(default_factory=list)
    failed: int = 0

    async def send(self, request: Request[Any], **config: Any) -> Response[Any, Any]:
        if self.failures:
            self.failed += 1
            raise TransportError("Error occurred in request: X", send_again=self.failures.pop(0))
        return await super().send(request, **config)


async def test_a_lost_connection_and_a_throttle_are_retried_in_one_loop() -> None:
    script = Flaky([(429, {}), (201, {})], failures=[True])
    assert await send(script) == 201
    assert (script.failed, script.calls, script.waits) == (1, 2, [0.0, 1.0])


async def test_a_call_that_may_have_been_delivered_is_not_sent_again() -> None:
    script = Flaky([(201, {})], failures=[False])
    with pytest.raises(TransportError):
        await send(script)
    assert (script.failed, script.calls, script.waits) == (1, 0, [])


async def test_a_connection_that_keeps_failing_gives_up_after_two_more_tries() -> None:
    script = Flaky([(201, {})], failures=[True, True, True])
    with pytest.raises(TransportError):
        await send(script)
    assert (script.failed, script.calls, script.waits) == (3, 0, [0.0, 0.8])
