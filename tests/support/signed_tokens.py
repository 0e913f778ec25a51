"""Bot Framework tokens signed with a local test key, and a stub OpenID metadata/JWKS server.

Nothing here reaches the network: the stub listens on 127.0.0.1 and the key is made per run.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from aiohttp.test_utils import TestServer
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

APP_ID = "00000000-0000-4000-8000-00000000b07a"
ISSUER = "https://api.botframework.com"
KEY_ID = "test-key-1"


def new_key() -> RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_jwk(key: RSAPrivateKey, kid: str, endorsements: list[str]) -> dict[str, Any]:
    jwk: dict[str, Any] = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    return {**jwk, "kid": kid, "use": "sig", "endorsements": endorsements}


@dataclass
class KeyServer:
    """What the stub serves, and how: `delay` before answering, `dead` answers 500."""

    key: RSAPrivateKey = field(default_factory=new_key)
    kid: str = KEY_ID
    endorsements: list[str] = field(default_factory=lambda: ["msteams"])
    delay: float = 0.0
    dead: bool = False
    fetches: int = 0
    url: str = ""
    asked: asyncio.Event = field(default_factory=asyncio.Event)

    def token(self, service_url: str, *, key: RSAPrivateKey | None = None, kid: str | None = None,
              headers: dict[str, Any] | None = None, **claims: Any) -> str:
        """A token as the Bot Connector signs it; keyword claims override (None removes)."""
        now = int(time.time())
        body = {"iss": ISSUER, "aud": APP_ID, "serviceurl": service_url,
                "nbf": now - 60, "exp": now + 3600, **claims}
        body = {name: value for name, value in body.items() if value is not None}
        return jwt.encode(body, key or self.key, algorithm="RS256",
                          headers={"kid": kid or self.kid, **(headers or {})})

    def jwks(self) -> dict[str, Any]:
        return {"keys": [public_jwk(self.key, self.kid, self.endorsements)]}


@asynccontextmanager
async def key_server(state: KeyServer | None = None) -> AsyncIterator[KeyServer]:
    """Serves `/metadata` (pointing at `/keys`) and `/keys` on 127.0.0.1."""
    served = state or KeyServer()

    async def answer(request: web.Request) -> web.Response:
        served.fetches += 1
        served.asked.set()
        if served.delay:
            await asyncio.sleep(served.delay)
        if served.dead:
            return web.Response(status=500)
        if request.path == "/metadata":
            return web.json_response({"issuer": ISSUER, "jwks_uri": served.url + "/keys"})
        return web.json_response(served.jwks())

    app = web.Application()
    app.router.add_get("/metadata", answer)
    app.router.add_get("/keys", answer)
    async with TestServer(app, host="127.0.0.1") as server:
        served.url = str(server.make_url("")).rstrip("/")
        yield served


def metadata_url(server: KeyServer) -> str:
    """The metadata address the bot is configured with."""
    return server.url + "/metadata"
