"""Signing keys: kept a day, refetched for a new key id at most every few minutes, a failed
fetch remembered briefly, and the keys already held kept when a refresh fails."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.botframework.signing_keys import (
    FAILURE_TTL,
    KEYS_TTL,
    REFETCH_AFTER,
    KeysUnavailable,
    SigningKeys,
)
from tests.support.signed_tokens import KeyServer, key_server, metadata_url, new_key


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def served() -> AsyncIterator[KeyServer]:
    async with key_server() as server:
        yield server


@pytest.fixture
async def keys(served: KeyServer) -> AsyncIterator[tuple[SigningKeys, Clock]]:
    clock = Clock()
    fetched = SigningKeys(metadata_url(served), timeout=2, clock=clock)
    yield fetched, clock
    await fetched.close()


def rotate(served: KeyServer, kid: str) -> None:
    served.key, served.kid = new_key(), kid


async def test_a_known_key_carries_its_endorsements(
    keys: tuple[SigningKeys, Clock], served: KeyServer
) -> None:
    key = await keys[0].get(served.kid)
    assert key is not None and key.endorsements == {"msteams"}


async def test_a_new_key_id_is_looked_up_at_most_every_few_minutes(
    keys: tuple[SigningKeys, Clock], served: KeyServer
) -> None:
    signing, clock = keys
    await signing.get(served.kid)
    rotate(served, "rotated")
    assert await signing.get("rotated") is None  # just fetched: not asked again yet
    fetches = served.fetches
    assert await signing.get("rotated") is None
    assert served.fetches == fetches
    clock.now += REFETCH_AFTER + 1
    assert await signing.get("rotated") is not None


async def test_keys_are_refreshed_after_a_day(
    keys: tuple[SigningKeys, Clock], served: KeyServer
) -> None:
    signing, clock = keys
    await signing.get(served.kid)
    fetches = served.fetches
    clock.now += KEYS_TTL - 1
    await signing.get(served.kid)
    assert served.fetches == fetches
    clock.now += 2
    await signing.get(served.kid)
    assert served.fetches > fetches


async def test_a_failed_refresh_keeps_the_keys_already_held(
    keys: tuple[SigningKeys, Clock], served: KeyServer
) -> None:
    signing, clock = keys
    kid = served.kid
    await signing.get(kid)
    served.dead = True
    clock.now += KEYS_TTL + 1
    assert await signing.get(kid) is not None


async def test_a_failed_fetch_is_remembered_then_tried_again(
    keys: tuple[SigningKeys, Clock], served: KeyServer
) -> None:
    signing, clock = keys
    served.dead = True
    with pytest.raises(KeysUnavailable):
        await signing.get(served.kid)
    fetches = served.fetches
    served.dead = False
    with pytest.raises(KeysUnavailable):
        await signing.get(served.kid)
    assert served.fetches == fetches
    clock.now += FAILURE_TTL + 1
    assert await signing.get(served.kid) is not None


async def test_keys_that_are_not_rsa_or_unreadable_are_skipped(served: KeyServer) -> None:
    good = served.jwks()["keys"][0]
    served_jwks = {"keys": [{"kty": "oct", "kid": "hmac", "k": "c2VjcmV0"},
                            {"kty": "RSA", "kid": "broken", "n": "!!", "e": "AQAB"}, good]}
    served.jwks = lambda: served_jwks  # type: ignore[method-assign]
    signing = SigningKeys(metadata_url(served))
    try:
        assert await signing.get("hmac") is None
        assert await signing.get("broken") is None
        assert await signing.get(served.kid) is not None
    finally:
        await signing.close()
