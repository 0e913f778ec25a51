"""Who and where an activity comes from, read from Teams' `from` and `channelData`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from botbuilder.schema import Activity

from assessment.model import Actor, PartnershipKind

PERSONAL = "personal"
CHANNEL = "channel"
GROUP_CHAT = "groupChat"


@dataclass(frozen=True)
class Place:
    """The conversation: its scope, and the partnership (team or group chat) if any."""

    scope: str
    tenant_id: str
    kind: PartnershipKind | None = None
    external_id: str | None = None
    name: str | None = None


def _channel_data(activity: Activity) -> dict[str, Any]:
    data = activity.channel_data
    return data if isinstance(data, dict) else {}


def tenant_of(activity: Activity) -> str:
    tenant = _channel_data(activity).get("tenant") or {}
    conversation = activity.conversation
    return str(tenant.get("id") or getattr(conversation, "tenant_id", None) or "")


def actor_of(activity: Activity) -> Actor | None:
    """The person, by AAD object id and tenant; None if Teams did not say (then we refuse)."""
    sender = activity.from_property
    aad = getattr(sender, "aad_object_id", None) if sender else None
    tenant = tenant_of(activity)
    if not aad or not tenant:
        return None
    return Actor(tenant_id=tenant, aad_object_id=str(aad), name=getattr(sender, "name", None))


def place_of(activity: Activity) -> Place:
    conversation = activity.conversation
    scope = str(getattr(conversation, "conversation_type", None) or PERSONAL)
    tenant = tenant_of(activity)
    team = _channel_data(activity).get("team") or {}
    if scope == CHANNEL and team.get("id"):
        return Place(scope, tenant, PartnershipKind.TEAM, str(team["id"]), team.get("name"))
    if scope == GROUP_CHAT and conversation is not None:
        return Place(scope, tenant, PartnershipKind.GROUP_CHAT, str(conversation.id))
    return Place(PERSONAL if scope not in (CHANNEL, GROUP_CHAT) else scope, tenant)


_MENTION_TAG = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)


def mentions_bot(activity: Activity) -> bool:
    recipient = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        props = entity.additional_properties if hasattr(entity, "additional_properties") else {}
        if entity.type == "mention":
            mentioned = (props or {}).get("mentioned") or {}
            if mentioned.get("id") == recipient:
                return True
    return False


def text_without_mentions(activity: Activity) -> str:
    """The typed text with every `<at>…</at>` removed (Teams puts the bot's name there)."""
    return " ".join(_MENTION_TAG.sub(" ", activity.text or "").split())


def mentioned_people(activity: Activity) -> list[dict[str, Any]]:
    """Accounts @mentioned in the message other than the bot (for `add lead @name`)."""
    recipient = activity.recipient.id if activity.recipient else None
    found = []
    for entity in activity.entities or []:
        props = getattr(entity, "additional_properties", None) or {}
        mentioned = props.get("mentioned") or {}
        if entity.type == "mention" and mentioned.get("id") and mentioned.get("id") != recipient:
            found.append(mentioned)
    return found
