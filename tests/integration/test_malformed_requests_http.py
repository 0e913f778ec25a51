"""Hundreds of malformed requests against the real app: every answer is below 500, and the
log has no traceback. The table is generated (seeded, so a failure can be replayed)."""

from __future__ import annotations

import copy
import json
import logging
import random
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from botframework.connector.auth import MicrosoftAppCredentials

from tests.support.harness import Harness, running_bot
from tests.support.journey import ALEX, LEAD, open_round
from tests.support.signed_tokens import APP_ID, KeyServer, key_server, metadata_url
from tests.support.teams import TENANT, Json, Teams

SEED = 20261129
WRONG_VALUES: list[Any] = [
    None, 0, -1, 1.5, True, "", "x" * 5000, [], {}, [1, "a"], {"a": {"b": []}},
    "\ud800", {"id": "\udfff"}, ["\ud800"],
]


@dataclass(frozen=True)
class Payload:
    """One request: its body bytes (or a JSON document) and content type (None: no header)."""

    label: str
    body: bytes
    content_type: str | None = "application/json"


def encode(document: Any) -> bytes:
    return json.dumps(document).encode()  # keeps "\ud800" as an escape, as a sender could


def valid_activities(teams: Teams, round_id: str) -> dict[str, Json]:
    data = {"roundId": round_id, "componentId": "C1", "rev": 0, "rating": "3",
            "evidence": "", "suggestion": ""}
    return {
        "message": teams.personal_message(ALEX, "start"),
        "channel message": teams.channel_message(LEAD, "summary"),
        "invoke": teams.invoke(ALEX, "answer", data),
        "channel invoke": teams.invoke(ALEX, "start", {"roundId": round_id}, channel=True),
        "submit": teams.submit(ALEX, "answer", data, reply_to="m1"),
        "install": teams.team_install([ALEX]),
    }


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key and index path in a JSON document."""
    items = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, child in items:
        yield (*prefix, key)
        yield from paths(child, (*prefix, key))


def replaced(document: Json, path: tuple[Any, ...], value: Any, delete: bool = False) -> Json:
    changed = copy.deepcopy(document)
    parent = changed
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return changed


def field_mutations(name: str, activity: Json, rng: random.Random) -> Iterator[Payload]:
    """Each field deleted, and given a few wrong values (a sample, to keep the run short)."""
    for path in paths(activity):
        where = "/".join(map(str, path))
        yield Payload(f"{name}: no {where}", encode(replaced(activity, path, None, delete=True)))
        for value in rng.sample(WRONG_VALUES, 3):
            yield Payload(f"{name}: {where}={value!r:.20}", encode(replaced(activity, path, value)))


def card_values(name: str, activity: Json) -> Iterator[Payload]:
    shapes: list[Any] = [
        *WRONG_VALUES, {"action": None}, {"action": []}, {"action": {"verb": 1}},
        {"action": {"verb": "answer", "data": "x"}}, {"action": {"verb": "answer", "data": []}},
        {"action": {"verb": "answer", "data": {"roundId": ["x"], "rating": {}}}},
        {"action": {"verb": "agency", "data": {"agency": "\ud800"}}},
        {"action": {"verb": "start", "data": {"roundId": "\ud800" * 32}}},
        {"verb": None}, {"verb": "answer", "roundId": 5}, {"verb": "x" * 10000},
    ]
    for shape in shapes:
        yield Payload(f"{name}: value={shape!r:.30}", encode({**activity, "value": shape}))
    for name_ in (None, 7, "", "task/fetch", "adaptiveCard/action\ud800", "signin/verifyState"):
        yield Payload(f"{name}: name={name_!r}", encode({**activity, "name": name_}))


def raw_bodies(activity: Json, rng: random.Random) -> Iterator[Payload]:
    text = json.dumps(activity).encode()
    for cut in sorted(rng.sample(range(1, len(text)), 40)):
        yield Payload(f"truncated at {cut}", text[:cut])
    for size in (1, 16, 256, 4096):
        for _ in range(5):
            yield Payload(f"{size} random bytes", rng.randbytes(size))
    for body in (b"", b" ", b"null", b"[]", b"1", b'"text"', b"true", b"{}", b"NaN",
                 b'{"type": NaN}', b"\xef\xbb\xbf{}", b'{"type": "message"', b"{'type': 1}",
                 b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
                 b'{"type": "message", "text": "\xff\xfe"}', b"x" * 300_000,
                 encode({**activity, "text": "x" * 200_000})):
        yield Payload(f"body {body[:20]!r} ({len(body)} bytes)", body)
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "", None,
                         "multipart/form-data; boundary=x", "application/jsonx"):
        yield Payload(f"content type {content_type!r}", text, content_type)


def payloads(activities: dict[str, Json]) -> list[Payload]:
    rng = random.Random(SEED)
    table = list(raw_bodies(activities["message"], rng))
    for name, activity in activities.items():
        table += field_mutations(name, activity, rng)
        table += card_values(name, activity)
    return table


@dataclass
class SignedHarness(Harness):
    """The harness, sending every activity with the Bot Connector's token."""

    authorization: str = ""

    async def send(self, activity: Json) -> tuple[int, Any]:
        headers = {"Authorization": self.authorization}
        response = await self.bot.post("/api/messages", json=activity, headers=headers)
        body = await response.json() if response.content_length else None
        return response.status, body


async def send(harness: Harness, payload: Payload, authorization: str | None) -> int:
    headers = {} if authorization is None else {"Authorization": authorization}
    if payload.content_type is not None:
        headers["Content-Type"] = payload.content_type
    response = await harness.bot.post(
        "/api/messages", data=payload.body, headers=headers,
        skip_auto_headers=["Content-Type"],
    )
    return response.status


async def fuzz(harness: Harness, caplog: pytest.LogCaptureFixture, token: str | None) -> None:
    announcement = await open_round(harness)
    round_id = next(
        str(a["data"]["roundId"]) for a in announcement["actions"] if "roundId" in a["data"]
    )
    table = payloads(valid_activities(harness.teams, round_id))
    failures: list[tuple[str, int]] = []
    tracebacks: list[tuple[str, str]] = []
    for payload in table:
        seen = len(caplog.records)
        status = await send(harness, payload, token)
        if status >= 500:
            failures.append((payload.label, status))
        tracebacks += [(payload.label, f"{r.getMessage()}: {r.exc_info[1]!r:.200}")
                       for r in caplog.records[seen:] if r.exc_info]
    print(f"\n{len(table)} malformed requests, {len(failures)} answered 5xx", *tracebacks,
          sep="\n")
    assert len(table) >= 300
    assert failures == []
    assert tracebacks == []
    assert "Traceback" not in caplog.text


@pytest.fixture(autouse=True)
def no_identity_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MicrosoftAppCredentials, "get_access_token", lambda *_, **__: "bot-token")


@pytest.fixture
async def keys() -> AsyncIterator[KeyServer]:
    async with key_server() as served:
        yield served


async def test_malformed_requests_without_authentication(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        async with running_bot(tmp_path / "data") as harness:
            await fuzz(harness, caplog, None)


async def test_malformed_requests_with_authentication(
    tmp_path: Path, keys: KeyServer, caplog: pytest.LogCaptureFixture
) -> None:
    settings = {"app_id": APP_ID, "app_password": "secret", "app_tenant_id": TENANT,
                "openid_metadata_url": metadata_url(keys)}
    with caplog.at_level(logging.INFO):
        async with running_bot(tmp_path / "data", **settings) as harness:
            token = "Bearer " + keys.token(harness.teams.service_url)
            signed = SignedHarness(harness.bot, harness.connector, harness.teams, token)
            await fuzz(signed, caplog, token)
