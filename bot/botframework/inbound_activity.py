"""The shape of an activity as Teams sends it: the fields the bot reads, with their types.

Why: botbuilder 4.17.1 deserializes an activity with msrest, which accepts fields of the
wrong type, and the bot then failed deep in a turn with HTTP 500 (see inbound_request.py,
whose 994 generated malformed requests now answer 400).

Everything else an activity carries is allowed and passed through to botbuilder unchecked.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    StringConstraints,
    model_validator,
)
from pydantic.alias_generators import to_camel

NonEmpty = Annotated[StrictStr, StringConstraints(min_length=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", alias_generator=to_camel, populate_by_name=True)


class _Account(_Model):
    id: NonEmpty
    name: StrictStr | None = None
    aad_object_id: StrictStr | None = None


class _Conversation(_Model):
    id: NonEmpty
    conversation_type: StrictStr | None = None
    name: StrictStr | None = None
    tenant_id: StrictStr | None = None
    is_group: StrictBool | None = None


class _Ref(_Model):
    id: StrictStr | None = None
    name: StrictStr | None = None


class _Entity(_Model):
    type: StrictStr | None = None
    mentioned: _Account | None = None
    text: StrictStr | None = None


class _ChannelData(_Model):
    tenant: _Ref | None = None
    team: _Ref | None = None
    channel: _Ref | None = None
    event_type: StrictStr | None = None


class InboundActivity(_Model):
    """What Teams always sends and the bot relies on; anything else is passed through."""

    type: NonEmpty
    id: StrictStr | None = None
    service_url: StrictStr = Field(pattern=r"^https?://[^\s/]+", max_length=2048)
    channel_id: NonEmpty
    conversation: _Conversation
    from_: _Account | None = Field(None, alias="from")
    recipient: _Account
    text: StrictStr | None = None
    name: StrictStr | None = None
    locale: StrictStr | None = None
    reply_to_id: StrictStr | None = None
    channel_data: _ChannelData | None = None
    entities: list[_Entity] | None = None
    attachments: list[dict[str, Any]] | None = None
    members_added: list[_Account] | None = None
    members_removed: list[_Account] | None = None

    @model_validator(mode="after")
    def _who_and_where(self) -> InboundActivity:
        """Messages and invokes are what people do: the bot needs to know who (events such as
        an install may come without a sender); Teams names the team of every channel."""
        if self.type in {"message", "invoke"} and self.from_ is None:
            raise ValueError("from is required")
        if self.conversation.conversation_type == "channel" and not self._team_id():
            raise ValueError("a channel conversation needs channelData.team.id")
        return self

    def _team_id(self) -> str | None:
        team = self.channel_data.team if self.channel_data else None
        return team.id if team else None
