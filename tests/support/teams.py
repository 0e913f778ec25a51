"""Teams-shaped activities for HTTP tests: a tenant with one team, its channel, and people.

Shapes follow what Teams sends: `29:` ids with `aadObjectId`, `channelData.tenant/team`,
mention entities in channels, `adaptiveCard/action` invokes with `value.action.verb/data`,
and Action.Submit messages with `value` and `replyToId`.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

Json = dict[str, Any]

TENANT = "7a5c1f3e-0000-4000-8000-000000000001"
BOT_ID = "28:bot-app-id"
BOT_NAME = "twelvecs"
TEAM_ID = "19:partnership-team@thread.tacv2"
CHANNEL_ID = "19:general@thread.tacv2"


@dataclass(frozen=True)
class Person:
    name: str
    aad: str
    locale: str = "en-GB"
    """What their Teams client reports in `activity.locale` ("cy-GB" for Welsh)."""

    @property
    def user_id(self) -> str:
        return f"29:{self.aad}"

    @property
    def chat_id(self) -> str:
        """The 1:1 chat id the fake connector gives when the bot opens a chat with this person."""
        key = self.user_id
        return "a:fake-" + hashlib.sha256(key.encode()).hexdigest()[:24]


def person(name: str, locale: str = "en-GB") -> Person:
    return Person(name, str(uuid.uuid5(uuid.NAMESPACE_URL, f"twelvecs-test/{name}")), locale)


@dataclass
class Teams:
    """Builds activities as Teams would send them to the bot at `service_url`."""

    service_url: str
    tenant: str = TENANT

    def _base(self, who: Person | None, kind: str, conversation: Json, extra: Json) -> Json:
        activity: Json = {
            "type": kind,
            "id": f"f:{uuid.uuid4()}",
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "recipient": {"id": BOT_ID, "name": BOT_NAME},
            "conversation": {"tenantId": self.tenant, **conversation},
            "channelData": {"tenant": {"id": self.tenant}, **extra},
            "locale": who.locale if who is not None else "en-GB",
        }
        if who is not None:
            activity["from"] = {"id": who.user_id, "name": who.name, "aadObjectId": who.aad}
        return activity

    def _channel(self, who: Person | None, kind: str) -> Json:
        conversation = {
            "id": f"{CHANNEL_ID};messageid=1700000000000",
            "conversationType": "channel",
            "isGroup": True,
        }
        extra = {
            "team": {"id": TEAM_ID, "name": "Safeguarding Partnership"},
            "channel": {"id": CHANNEL_ID, "name": "General"},
        }
        return self._base(who, kind, conversation, extra)

    def _personal(self, who: Person, kind: str) -> Json:
        return self._base(who, kind, {"id": who.chat_id, "conversationType": "personal"}, {})

    def channel_message(
        self,
        who: Person,
        text: str,
        *,
        mention: bool = True,
        people: list[Person] = (),  # type: ignore[assignment]
    ) -> Json:
        """A channel post; `mention` addresses the bot, `people` are @mentioned after `text`."""
        activity = self._channel(who, "message")
        tags = " ".join(f"<at>{p.name}</at>" for p in people)
        activity["text"] = " ".join(
            part for part in (f"<at>{BOT_NAME}</at>" if mention else "", text, tags) if part
        )
        activity["textFormat"] = "plain"
        entities = [_mention(BOT_ID, BOT_NAME)] if mention else []
        activity["entities"] = entities + [_mention(p.user_id, p.name) for p in people]
        return activity

    def personal_message(self, who: Person, text: str, **fields: Any) -> Json:
        activity = self._personal(who, "message")
        activity["text"] = text
        activity["textFormat"] = "plain"
        activity.update(fields)
        return activity

    def invoke(self, who: Person, verb: str, data: Json, *, channel: bool = False) -> Json:
        activity = self._channel(who, "invoke") if channel else self._personal(who, "invoke")
        activity["name"] = "adaptiveCard/action"
        activity["value"] = {
            "action": {"type": "Action.Execute", "verb": verb, "data": data},
            "trigger": "manual",
        }
        return activity

    def submit(self, who: Person, verb: str, data: Json, reply_to: str) -> Json:
        """What an Action.Submit fallback sends: a message whose value carries the verb."""
        activity = self._personal(who, "message")
        activity["value"] = {**data, "verb": verb}
        activity["replyToId"] = reply_to
        return activity

    def team_install(self, members: list[Person] = ()) -> Json:  # type: ignore[assignment]
        activity = self._channel(None, "conversationUpdate")
        activity["conversation"]["id"] = CHANNEL_ID
        activity["from"] = {"id": "29:installer"}
        activity["membersAdded"] = [{"id": BOT_ID}] + [
            {"id": p.user_id, "aadObjectId": p.aad} for p in members
        ]
        activity["channelData"]["eventType"] = "teamMemberAdded"
        return activity


def _mention(account_id: str, name: str) -> Json:
    return {
        "type": "mention",
        "text": f"<at>{name}</at>",
        "mentioned": {"id": account_id, "name": name},
    }


def team_member(p: Person) -> Json:
    """The member record the connector returns for the team roster."""
    return {"id": p.user_id, "name": p.name, "aadObjectId": p.aad, "tenantId": TENANT}
