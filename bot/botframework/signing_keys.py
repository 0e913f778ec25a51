"""The Bot Framework's token signing keys, fetched on the event loop and cached.

Why: botbuilder 4.17.1 (`jwt_token_extractor._OpenIdMetadata`) fetches the OpenID metadata
and its JWKS with `requests`, without a timeout, inside the event loop: one slow key endpoint
held every other request, `/healthz` included, for as long as it took. Here the fetch uses
aiohttp with a timeout; concurrent requests share one fetch; keys are kept a day (as
botbuilder does); an unknown key id refetches at most once per `refetch_after` (botbuilder:
an hour); and a failed fetch is remembered for `failure_ttl`, so a dead endpoint refuses
requests at once instead of making each one wait for the timeout. When a refresh fails the
keys already held stay in use: they are still Microsoft's.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import jwt

log = logging.getLogger(__name__)

KEYS_TTL = 24 * 3600.0
REFETCH_AFTER = 300.0
FAILURE_TTL = 30.0


class KeysUnavailable(Exception):
    """The signing keys could not be fetched (now, or within the last `failure_ttl`)."""


@dataclass(frozen=True)
class SigningKey:
    """One public key and the channels it is endorsed for (e.g. "msteams")."""

    key: Any
    endorsements: frozenset[str]


@dataclass
class SigningKeys:
    """Keys by id from an OpenID metadata document's `jwks_uri`."""

    metadata_url: str
    timeout: float = 5.0
    keys_ttl: float = KEYS_TTL
    refetch_after: float = REFETCH_AFTER
    failure_ttl: float = FAILURE_TTL
    clock: Callable[[], float] = time.monotonic
    _keys: dict[str, SigningKey] = field(default_factory=dict, init=False)
    _fetched_at: float | None = field(default=None, init=False)
    _tried_at: float | None = field(default=None, init=False)
    _failed_at: float | None = field(default=None, init=False)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False, repr=False)
    _session: aiohttp.ClientSession | None = field(default=None, init=False, repr=False)

    async def get(self, key_id: str) -> SigningKey | None:
        """The key `key_id`, refreshing when stale or unknown; None when no such key."""
        if self._stale() or (key_id not in self._keys and self._may_refetch()):
            async with self._lock:  # one fetch; the others wait for it and reuse it
                if self._stale() or (key_id not in self._keys and self._may_refetch()):
                    await self._refresh()
        return self._keys.get(key_id)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _stale(self) -> bool:
        return self._fetched_at is None or self.clock() - self._fetched_at > self.keys_ttl

    def _may_refetch(self) -> bool:
        return self._tried_at is None or self.clock() - self._tried_at > self.refetch_after

    async def _refresh(self) -> None:
        now = self.clock()
        if self._failed_at is not None and now - self._failed_at < self.failure_ttl:
            if self._keys:
                return
            raise KeysUnavailable("recent fetch failed")
        self._tried_at = now
        try:
            self._keys = await self._fetch()
        except (aiohttp.ClientError, TimeoutError, ValueError, KeyError, TypeError) as error:
            self._failed_at = self.clock()
            log.warning("signing key fetch failed: %s", type(error).__name__)
            if not self._keys:
                raise KeysUnavailable(type(error).__name__) from error
            return
        self._fetched_at, self._failed_at = self.clock(), None

    async def _fetch(self) -> dict[str, SigningKey]:
        session = self._session_for_loop()
        async with session.get(self.metadata_url) as response:
            response.raise_for_status()
            jwks_uri = (await response.json(content_type=None))["jwks_uri"]
        async with session.get(str(jwks_uri)) as response:
            response.raise_for_status()
            document = await response.json(content_type=None)
        keys = {jwk["kid"]: key for jwk in document["keys"] if (key := _parse(jwk)) is not None}
        if not keys:
            raise ValueError("no usable RSA keys")
        return keys

    def _session_for_loop(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout)
            )
        return self._session


def _parse(jwk: Any) -> SigningKey | None:
    """An RSA key with an id, or None for anything else (skipped, as one bad key is no reason
    to refuse every request)."""
    if not isinstance(jwk, dict) or jwk.get("kty") != "RSA" or not isinstance(jwk.get("kid"), str):
        return None
    endorsements = jwk.get("endorsements")
    try:
        key = jwt.PyJWK(jwk, algorithm="RS256").key
    except jwt.PyJWTError:
        return None
    named = endorsements if isinstance(endorsements, list) else []
    return SigningKey(key, frozenset(str(e) for e in named))
