"""Requests Teams would never send get 400 with a short reason, and change nothing."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from tests.support.harness import Harness
from tests.support.journey import ALEX, button, open_round
from tests.support.teams import Json


def without(activity: Json, *path: str) -> Json:
    node = activity
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return activity


def with_value(activity: Json, value: Any, *path: str) -> Json:
    node = activity
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return activity


CASES: dict[str, tuple[Any, str]] = {
    # name: (how to spoil a message activity, the reason the answer gives)
    "no type": (lambda a: without(a, "type"), "type"),
    "no service URL": (lambda a: without(a, "serviceUrl"), "serviceUrl"),
    "a service URL that is not one": (lambda a: with_value(a, "x", "serviceUrl"), "serviceUrl"),
    "no channel id": (lambda a: without(a, "channelId"), "channelId"),
    "no conversation": (lambda a: without(a, "conversation"), "conversation"),
    "no conversation id": (lambda a: without(a, "conversation", "id"), "conversation.id"),
    "no sender": (lambda a: without(a, "from"), "from is required"),
    "a sender without id": (lambda a: without(a, "from", "id"), "from.id"),
    "no recipient": (lambda a: without(a, "recipient"), "recipient"),
    "text that is a number": (lambda a: with_value(a, 42, "text"), "text"),
    "a lone surrogate in an id": (
        lambda a: with_value(a, "a:\ud800", "conversation", "id"), "invalid Unicode"
    ),
    "a lone surrogate in a name": (
        lambda a: with_value(a, "Alex \udfff", "from", "name"), "invalid Unicode"
    ),
}


async def post(harness: Harness, body: bytes, content_type: str | None) -> tuple[int, str]:
    headers = {} if content_type is None else {"Content-Type": content_type}
    response = await harness.bot.post(
        "/api/messages", data=body, headers=headers, skip_auto_headers=["Content-Type"]
    )
    return response.status, await response.text()


@pytest.fixture
async def round_id(harness: Harness) -> str:
    return str(button(await open_round(harness), "start")["roundId"])


@pytest.mark.parametrize("case", CASES)
async def test_an_activity_missing_what_teams_always_sends(
    harness: Harness, round_id: str, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    spoil, reason = CASES[case]
    activity = spoil(harness.teams.personal_message(ALEX, "start"))
    before, mark = await harness.snapshot(round_id), harness.mark()
    with caplog.at_level(logging.INFO):
        status, body = await post(harness, json.dumps(activity).encode(), "application/json")
    assert (status, reason in body) == (400, True), body
    assert harness.since(mark) == [] and await harness.snapshot(round_id) == before
    assert not any(r.exc_info for r in caplog.records)


BODIES: dict[str, tuple[bytes, str | None, str]] = {
    "malformed JSON": (b'{"type": "message",', "application/json", "malformed JSON"),
    "a JSON list": (b"[]", "application/json", "JSON object"),
    "an empty body": (b"", "application/json", "empty body"),
    "an oversized body": (b"{" + b" " * 300_000 + b"}", "application/json", "too large"),
    "nesting 100 deep": (b'{"a":' * 100 + b"1" + b"}" * 100, "application/json", "nested"),
    "text/plain": (b'{"type": "message"}', "text/plain", "application/json"),
    "no content type": (b'{"type": "message"}', None, "application/json"),
    "invalid UTF-8": (b'{"type": "\xff"}', "application/json", "malformed JSON"),
}


@pytest.mark.parametrize("case", BODIES)
async def test_a_body_that_is_not_an_activity(harness: Harness, case: str) -> None:
    body, content_type, reason = BODIES[case]
    status, text = await post(harness, body, content_type)
    assert status == 400 and reason in text, text
    assert harness.activities() == []
