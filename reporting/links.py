"""Signed, expiring download links for the report: what the URL carries and how it is checked.

A link is `<payload>.<signature>`, both base64url: the payload holds the round id (an opaque
uuid), the format, the expiry, a random nonce and a keyed hash of the lead it was made for; the
signature is HMAC-SHA256 over the payload. So the link names no person and no partnership,
cannot be altered without the key, and dies after `LINK_LIFETIME`. Opened in a browser it
carries no Teams identity, so "for the asking lead only" means: made for one lead, shown only in
that lead's 1:1 chat, usable once (the caller refuses a nonce already used), and re-checked
against the round's current leads when opened (a lead removed meanwhile gets nothing).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from reporting.formats import ReportFormat

LINK_LIFETIME = timedelta(minutes=15)
MIN_KEY_BYTES = 16
_PURPOSE = b"twelvecs report link v1"


class BadLink(ValueError):
    """Tampered, malformed or expired: the route answers 403 and serves nothing."""


@dataclass(frozen=True, slots=True)
class Grant:
    """What a valid link allows: one format of one round's report, for one lead."""

    round_id: str
    fmt: ReportFormat
    lead: str
    """Keyed hash of the lead's AAD object id (see `LinkSigner.lead_tag`)."""
    expires: datetime
    nonce: str
    language: str = "en"
    """The language the lead reads (issue 13): the report is written in it."""

    def lead_among(self, signer: LinkSigner, aad_ids: Iterable[str]) -> str | None:
        """The AAD id, of those given, that the link was made for (None: none of them)."""
        return next((a for a in aad_ids if hmac.compare_digest(signer.lead_tag(a), self.lead)),
                    None)


class LinkSigner:
    """Makes and checks link tokens with one secret key (never stored beside the data)."""

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_BYTES:
            raise ValueError(f"the report link key must be at least {MIN_KEY_BYTES} bytes")
        self._key = hmac.new(key, _PURPOSE, hashlib.sha256).digest()

    def __repr__(self) -> str:
        return "LinkSigner(<key>)"

    def lead_tag(self, aad_object_id: str) -> str:
        digest = hmac.new(self._key, b"lead:" + aad_object_id.encode(), hashlib.sha256)
        return _b64(digest.digest()[:16])

    def issue(
        self, round_id: str, fmt: ReportFormat, lead: str, now: datetime, language: str = "en"
    ) -> str:
        """A token for `lead` (AAD object id), valid for `LINK_LIFETIME` from `now`."""
        payload = {
            "r": round_id,
            "f": fmt.value,
            "l": self.lead_tag(lead),
            "e": int((now + LINK_LIFETIME).timestamp()),
            "n": secrets.token_hex(12),
            "g": language,
        }
        body = _b64(json.dumps(payload, separators=(",", ":")).encode())
        return f"{body}.{self._sign(body)}"

    def check(self, token: str, now: datetime) -> Grant:
        """The grant a token carries, or `BadLink` (checked signature first, then expiry)."""
        grant = self._signed(token, now)
        if now >= grant.expires:
            raise BadLink("expired")
        return grant

    def signed_language(self, token: str, now: datetime) -> str | None:
        """The language of a link this signer made, expired or not; None for any other token.

        The refusal page of an expired link speaks the lead's language; a link whose
        signature fails says nothing trustworthy, not even its language."""
        try:
            return self._signed(token, now).language
        except BadLink:
            return None

    def _signed(self, token: str, now: datetime) -> Grant:
        body, dot, signature = token.partition(".")
        if not dot or not hmac.compare_digest(self._sign(body), signature):
            raise BadLink("signature")
        try:
            raw = json.loads(_unb64(body))
            grant = Grant(
                round_id=str(raw["r"]),
                fmt=ReportFormat(raw["f"]),
                lead=str(raw["l"]),
                expires=datetime.fromtimestamp(int(raw["e"]), tz=now.tzinfo),
                nonce=str(raw["n"]),
                language=_language(raw.get("g")),
            )
        except (ValueError, KeyError, TypeError, binascii.Error) as malformed:
            raise BadLink("payload") from malformed
        return grant

    def _sign(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())


def _language(value: object) -> str:
    """A link's language: a short tag such as "cy"; anything else reads as English."""
    text = str(value or "en")
    return text if text.isalpha() and len(text) <= 3 else "en"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
