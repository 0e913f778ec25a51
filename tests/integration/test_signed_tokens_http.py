"""With credentials set, only a token the Bot Connector signed reaches the bot; all else: 401.

Tokens are signed with a local test key that a stub OpenID metadata endpoint on 127.0.0.1
publishes, as login.botframework.com publishes Microsoft's.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import jwt
import pytest
from botframework.connector.auth import MicrosoftAppCredentials

from tests.support.harness import Harness, running_bot
from tests.support.journey import ALEX
from tests.support.signed_tokens import APP_ID, KeyServer, key_server, metadata_url, new_key
from tests.support.teams import TENANT, Json

HOUR = 3600


@pytest.fixture(autouse=True)
def no_identity_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bot's own outbound token is not under test: no Entra ID here."""
    monkeypatch.setattr(MicrosoftAppCredentials, "get_access_token", lambda *_, **__: "bot-token")


@pytest.fixture
async def keys() -> AsyncIterator[KeyServer]:
    async with key_server() as served:
        yield served


def with_credentials(keys: KeyServer) -> dict[str, Any]:
    """Settings of a single-tenant bot whose tokens come from the stub key server."""
    return {
        "app_id": APP_ID, "app_password": "secret", "app_tenant_id": TENANT,
        "openid_metadata_url": metadata_url(keys), "signing_keys_timeout_seconds": 1.0,
    }


@pytest.fixture
async def harness(tmp_path: Path, keys: KeyServer) -> AsyncIterator[Harness]:
    async with running_bot(tmp_path / "data", **with_credentials(keys)) as running:
        yield running


async def post(harness: Harness, activity: Json, authorization: str | None) -> int:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await harness.bot.post("/api/messages", json=activity, headers=headers)
    return response.status


def a_message(harness: Harness) -> Json:
    return harness.teams.personal_message(ALEX, "help")


def unsigned(header: Json, claims: Json) -> str:
    def part(value: Json) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{part(header)}.{part(claims)}."


async def test_a_token_signed_by_the_bot_connector_reaches_the_bot(
    harness: Harness, keys: KeyServer
) -> None:
    activity = a_message(harness)
    status = await post(harness, activity, f"Bearer {keys.token(activity['serviceUrl'])}")
    assert status == 201
    assert "help" in str(harness.activities(ALEX.chat_id)).lower()


Forge = Callable[[KeyServer, str], str]

BAD_AUTHORIZATION: dict[str, Forge] = {
    "no token": lambda k, url: "",
    "another scheme": lambda k, url: "Basic " + k.token(url),
    "not a JWT": lambda k, url: "Bearer not-a-token",
    "self-signed": lambda k, url: "Bearer " + k.token(url, key=new_key()),
    "expired": lambda k, url: "Bearer " + k.token(url, exp=int(time.time()) - HOUR),
    "not yet valid": lambda k, url: "Bearer " + k.token(url, nbf=int(time.time()) + HOUR),
    "wrong audience": lambda k, url: "Bearer " + k.token(url, aud="another-bot"),
    "wrong issuer": lambda k, url: "Bearer " + k.token(url, iss="https://sts.windows.net/x/"),
    "unknown key": lambda k, url: "Bearer " + k.token(url, key=new_key(), kid="other-key"),
    "HS256": lambda k, url: "Bearer " + jwt.encode(
        {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": url,
         "exp": int(time.time()) + HOUR}, "secret-known-to-attacker-32-bytes!", algorithm="HS256",
        headers={"kid": k.kid}),
    "alg none": lambda k, url: "Bearer " + unsigned(
        {"alg": "none", "kid": k.kid},
        {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": url,
         "exp": int(time.time()) + HOUR}),
    "no expiry": lambda k, url: "Bearer " + k.token(url, exp=None),
    "another service URL": lambda k, url: "Bearer " + k.token("https://evil.example/"),
    "no service URL claim": lambda k, url: "Bearer " + k.token(url, serviceurl=None),
}


@pytest.mark.parametrize("case", BAD_AUTHORIZATION)
async def test_a_bad_token_is_refused_with_401_and_one_log_line(
    harness: Harness, keys: KeyServer, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    activity = a_message(harness)
    authorization = BAD_AUTHORIZATION[case](keys, activity["serviceUrl"])
    with caplog.at_level(logging.INFO):
        status = await post(harness, activity, authorization or None)
    assert status == 401
    assert harness.activities() == []  # the bot never saw it
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 1
    assert not any(r.exc_info for r in caplog.records)
    token = authorization.partition(" ")[2]
    assert not token or token not in caplog.text


async def test_a_key_not_endorsed_for_teams_is_refused(tmp_path: Path) -> None:
    async with key_server(KeyServer(endorsements=["webchat"])) as keys, running_bot(
        tmp_path / "data", **with_credentials(keys)
    ) as harness:
        activity = a_message(harness)
        status = await post(harness, activity, f"Bearer {keys.token(activity['serviceUrl'])}")
    assert status == 401


async def test_a_slow_key_endpoint_does_not_hold_other_requests(
    harness: Harness, keys: KeyServer
) -> None:
    keys.delay = 30
    activity = a_message(harness)
    waiting = asyncio.create_task(
        post(harness, activity, f"Bearer {keys.token(activity['serviceUrl'])}")
    )
    await asyncio.wait_for(keys.asked.wait(), 10)  # the validation now waits for the keys
    health = await harness.bot.get("/healthz")
    assert health.status == 200
    assert not waiting.done()  # the answer came while the key fetch was still pending
    assert await waiting == 401  # and the fetch gave up after its timeout


async def test_a_dead_key_endpoint_is_not_asked_again_for_every_request(
    harness: Harness, keys: KeyServer
) -> None:
    keys.dead = True
    activity = a_message(harness)
    token = f"Bearer {keys.token(activity['serviceUrl'])}"
    assert await post(harness, activity, token) == 401
    fetches = keys.fetches
    assert await post(harness, a_message(harness), token) == 401
    assert keys.fetches == fetches  # refused from the remembered failure, without waiting


async def test_keys_are_fetched_once_for_many_requests(harness: Harness, keys: KeyServer) -> None:
    for _ in range(3):
        activity = a_message(harness)
        assert await post(harness, activity, f"Bearer {keys.token(activity['serviceUrl'])}") == 201
    assert keys.fetches == 2  # the metadata, then the keys


async def test_without_credentials_a_token_is_neither_needed_nor_checked(tmp_path: Path) -> None:
    async with running_bot(tmp_path / "data") as harness:
        assert await post(harness, a_message(harness), None) == 201
        assert await post(harness, a_message(harness), "Bearer whatever") == 201


