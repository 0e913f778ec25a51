"""Checks the Bot Framework token on an incoming request, with PyJWT.

Why: botbuilder 4.17.1's inbound validation (`JwtTokenExtractor`, `ChannelValidation`)
answers HTTP 500 with a traceback for a self-signed, expired, not-yet-valid, unknown-key or
HS256 token (its errors are not all `PermissionError`, and an unknown key id is an
`IndexError`), and fetches keys blocking the loop (see signing_keys.py). This makes the
same checks as its channel path, for Teams through the Bot Connector, and names every refusal:
`Bearer` scheme; RS256 only (no HS256, no "none"); a known key id, endorsed for the activity's
channel when the key lists endorsements; a valid signature; issuer https://api.botframework.com;
audience = the bot's app id; `exp` required and, like `nbf`, checked with botbuilder's 5
minutes' leeway; and the `serviceurl` claim equal to the activity's serviceUrl. Emulator and
skill tokens, which botbuilder also accepts, are refused: this bot only talks to Teams.

When the signing keys cannot be fetched the answer is 401, not 503: the request could not be
authenticated, the Bot Connector handles both alike, and a 5xx would report the bot broken
because another service is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jwt

from bot.botframework.signing_keys import KeysUnavailable, SigningKeys

ISSUER = "https://api.botframework.com"
LEEWAY_SECONDS = 5 * 60
SERVICE_URL_CLAIM = "serviceurl"

_DECODE_REFUSALS: tuple[tuple[type[jwt.PyJWTError], str], ...] = (
    (jwt.ExpiredSignatureError, "expired token"),
    (jwt.ImmatureSignatureError, "token not yet valid"),
    (jwt.InvalidAudienceError, "wrong audience"),
    (jwt.InvalidIssuerError, "wrong issuer"),
    (jwt.InvalidSignatureError, "bad signature"),
    (jwt.MissingRequiredClaimError, "missing claim"),
)


class Unauthorized(PermissionError):
    """A request refused for authentication; `reason` is a category, never token content."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class InboundTokenValidator:
    """Validates `Authorization: Bearer …` for activities addressed to `app_id`."""

    app_id: str
    keys: SigningKeys

    async def claims(self, auth_header: str | None, channel_id: str, service_url: str) -> Any:
        """The token's claims, or `Unauthorized` naming what was wrong."""
        token = _bearer(auth_header)
        key_id = _unverified_key_id(token)
        try:
            key = await self.keys.get(key_id)
        except KeysUnavailable as error:
            raise Unauthorized("signing keys unavailable") from error
        if key is None:
            raise Unauthorized("unknown key")
        if key.endorsements and channel_id not in key.endorsements:
            raise Unauthorized("key not endorsed for channel")
        claims = self._decode(token, key.key)
        if claims.get(SERVICE_URL_CLAIM) != service_url:
            raise Unauthorized("service URL mismatch")
        return claims

    def _decode(self, token: str, key: Any) -> dict[str, Any]:
        try:
            claims: dict[str, Any] = jwt.decode(
                token, key, algorithms=["RS256"], audience=self.app_id, issuer=ISSUER,
                leeway=LEEWAY_SECONDS, options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            for kind, reason in _DECODE_REFUSALS:
                if isinstance(error, kind):
                    raise Unauthorized(reason) from error
            raise Unauthorized("malformed token") from error
        return claims


def _bearer(auth_header: str | None) -> str:
    if not auth_header:
        raise Unauthorized("missing token")
    scheme, _, token = auth_header.partition(" ")
    if scheme != "Bearer" or not token or " " in token:
        raise Unauthorized("malformed authorization header")
    return token


def _unverified_key_id(token: str) -> str:
    """The `kid` of an RS256 token; anything else is refused before any key is looked up."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise Unauthorized("malformed token") from error
    if header.get("alg") != "RS256":
        raise Unauthorized("algorithm not allowed")
    key_id = header.get("kid")
    if not isinstance(key_id, str) or not key_id:
        raise Unauthorized("malformed token")
    return key_id
