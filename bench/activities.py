"""Teams-shaped inbound activities for simulated practitioners in a personal (1:1) chat.

The shape follows what Teams sends a bot: `channelId` msteams, a `29:` user id plus the
`aadObjectId`, a personal conversation carrying `tenantId`, `channelData.tenant.id` and a
`clientInfo` entity. Ids are derived from the user's index, so runs are reproducible and no
real person's identifiers are involved.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

Json = dict[str, Any]

TENANT_ID = "00000000-0000-4000-8000-00000000be11"
BOT_ID = "28:00000000-0000-4000-8000-0000000000b0"
_NAMESPACE = uuid.UUID("7b0c2a52-95a3-4bd1-9a8e-12c5c0000000")


@dataclass(frozen=True)
class SimUser:
    """A simulated practitioner and their personal chat with the bot."""

    index: int
    aad_object_id: str
    user_id: str
    name: str
    conversation_id: str
    tenant_id: str = TENANT_ID


def simulated_user(index: int, tenant_id: str = TENANT_ID) -> SimUser:
    """The `index`-th simulated user; the same index always gives the same ids."""
    aad = str(uuid.uuid5(_NAMESPACE, f"user-{index}"))
    return SimUser(
        index=index,
        aad_object_id=aad,
        user_id=f"29:sim-{aad}",
        name=f"Practitioner {index}",
        conversation_id=f"a:sim-personal-{aad}",
        tenant_id=tenant_id,
    )


def _base(user: SimUser, service_url: str, kind: str) -> Json:
    now = datetime.now(UTC).isoformat()
    return {
        "type": kind,
        "id": f"f:{uuid.uuid4()}",
        "timestamp": now,
        "localTimestamp": now,
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": user.user_id, "name": user.name, "aadObjectId": user.aad_object_id},
        "conversation": {
            "conversationType": "personal",
            "tenantId": user.tenant_id,
            "id": user.conversation_id,
        },
        "recipient": {"id": BOT_ID, "name": "twelvecs"},
        "locale": "en-GB",
        "channelData": {"tenant": {"id": user.tenant_id}},
        "entities": [{
            "type": "clientInfo", "locale": "en-GB", "country": "GB",
            "platform": "Web", "timezone": "Europe/London",
        }],
    }


def message(
    user: SimUser, service_url: str, text: str | None = None,
    value: Json | None = None, reply_to_id: str | None = None,
) -> Json:
    """A message; with `value` and `replyToId` it is what an Action.Submit sends."""
    activity = _base(user, service_url, "message")
    activity["textFormat"] = "plain"
    if text is not None:
        activity["text"] = text
    if value is not None:
        activity["value"] = value
    if reply_to_id is not None:
        activity["replyToId"] = reply_to_id
    return activity


def invoke(
    user: SimUser, service_url: str, name: str, value: Json, reply_to_id: str | None = None
) -> Json:
    """An invoke, e.g. `adaptiveCard/action` with `{"action": {"type": "Action.Execute", ...}}`."""
    activity = _base(user, service_url, "invoke")
    activity["name"] = name
    activity["value"] = value
    if reply_to_id is not None:
        activity["replyToId"] = reply_to_id
    return activity


def execute_action(
    user: SimUser, service_url: str, verb: str, data: Json, reply_to_id: str
) -> Json:
    """The invoke Teams sends when the user presses an Action.Execute button on a card."""
    value = {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"}
    return invoke(user, service_url, "adaptiveCard/action", value, reply_to_id)
