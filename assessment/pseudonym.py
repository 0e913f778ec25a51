"""Pseudonymous respondent keys, and the parts of a chat reference worth keeping.

Why: in anonymous rounds a response must not carry the person's AAD object id, yet the person
must find their own answers again. A keyed hash (HMAC-SHA-256 of tenant and AAD object id)
gives a stable key that nobody without the key can link back to a person. That is
pseudonymisation in UK GDPR terms (the key is kept apart from the data), not anonymisation.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

PREFIX = "p1:"
"""Marks a keyed respondent (`p1:` + 64 hex digits); plain AAD ids never start with it."""
UNLINKED_PREFIX = "x:"
"""Marks a respondent key that was replaced by a random one (erasure): linked to nobody."""
MIN_KEY_BYTES = 16

_CHAT_KEYS = ("channelId", "serviceUrl")
_CONVERSATION_KEYS = ("id", "tenantId", "conversationType")


class Pseudonymiser:
    """Turns (tenant, AAD object id) into a respondent key with a secret key."""

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_BYTES:
            raise ValueError(f"the pseudonym key must be at least {MIN_KEY_BYTES} bytes")
        self._key = key

    def __repr__(self) -> str:
        return "Pseudonymiser(<key hidden>)"

    def respondent(self, tenant_id: str, aad_object_id: str) -> str:
        message = f"{tenant_id}\x1f{aad_object_id}".encode()
        return PREFIX + hmac.new(self._key, message, hashlib.sha256).hexdigest()


def is_pseudonym(respondent: str) -> bool:
    return respondent.startswith((PREFIX, UNLINKED_PREFIX))


def unlinked_respondent() -> str:
    """A random respondent key for a response kept for aggregates but tied to no one."""
    return UNLINKED_PREFIX + secrets.token_hex(16)


def minimal_chat_reference(reference: dict[str, Any]) -> dict[str, Any]:
    """Only what a proactive message needs: service URL, channel, conversation, tenant, bot.

    The user's name, their per-bot id and any other profile fields are dropped (data
    minimisation); the host adapter needs none of them to continue a 1:1 conversation.
    """
    kept: dict[str, Any] = {k: reference[k] for k in _CHAT_KEYS if reference.get(k)}
    conversation = reference.get("conversation") or {}
    if isinstance(conversation, dict):
        kept["conversation"] = {k: conversation[k] for k in _CONVERSATION_KEYS if k in conversation}
    bot = reference.get("bot") or {}
    if isinstance(bot, dict) and bot.get("id"):
        kept["bot"] = {"id": bot["id"]}
    return kept
