"""Teams-shaped activities in a partnership's team channel, for simulated users.

A lead opens a round with an @mention of the bot; a practitioner presses Start on the
announcement card (an `adaptiveCard/action` invoke from the channel). Shapes follow what
Teams sends: `channelData.team/channel/tenant`, a `;messageid=` thread id, mention entities.
"""

from __future__ import annotations

from bench.activities import BOT_ID, Json, SimUser, _base

TEAM_ID = "19:sim-partnership-team@thread.tacv2"
CHANNEL_ID = "19:sim-general@thread.tacv2"
BOT_NAME = "twelvecs"


def _in_channel(user: SimUser, service_url: str, kind: str) -> Json:
    activity = _base(user, service_url, kind)
    activity["conversation"] = {
        "id": f"{CHANNEL_ID};messageid=1700000000000",
        "conversationType": "channel",
        "isGroup": True,
        "tenantId": user.tenant_id,
    }
    activity["channelData"] = {
        "tenant": {"id": user.tenant_id},
        "team": {"id": TEAM_ID, "name": "Safeguarding Partnership"},
        "channel": {"id": CHANNEL_ID, "name": "General"},
    }
    return activity


def channel_message(user: SimUser, service_url: str, text: str) -> Json:
    """A channel post addressed to the bot with an @mention."""
    activity = _in_channel(user, service_url, "message")
    activity["text"] = f"<at>{BOT_NAME}</at> {text}"
    activity["textFormat"] = "plain"
    activity["entities"] = [{
        "type": "mention", "text": f"<at>{BOT_NAME}</at>",
        "mentioned": {"id": BOT_ID, "name": BOT_NAME},
    }]
    return activity


def channel_action(user: SimUser, service_url: str, verb: str, data: Json) -> Json:
    """Pressing an Action.Execute button on a card posted in the channel."""
    activity = _in_channel(user, service_url, "invoke")
    activity["name"] = "adaptiveCard/action"
    activity["value"] = {
        "action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual",
    }
    return activity


def team_member(user: SimUser) -> Json:
    """The roster entry the connector returns for this user."""
    return {"id": user.user_id, "name": user.name, "aadObjectId": user.aad_object_id,
            "tenantId": user.tenant_id}
