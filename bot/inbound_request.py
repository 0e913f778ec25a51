"""Reads an incoming Bot Framework request into an Activity, or refuses it with a reason.

Why: botbuilder's `CloudAdapter.process` answers HTTP 500 for a missing Content-Type header,
malformed JSON, a JSON body that is not an object and fields of the wrong type, and the bot
then fails deep in a turn on an activity without a conversation, sender or service URL. Here
the body is checked once at the edge: JSON object, UTF-8 without lone surrogates, nested at
most `MAX_DEPTH` deep, and the fields the bot reads have the types Teams sends.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from aiohttp import web
from azure.core.exceptions import DeserializationError
from botbuilder.schema import Activity
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic.alias_generators import to_camel

MAX_BODY_BYTES = 256 * 1024
"""Teams caps a message at 100 KB; an activity carrying one stays well under this."""
MAX_DEPTH = 64
"""Activities nest a dozen levels at most (a card inside an invoke's value)."""

NonEmpty = Annotated[StrictStr, StringConstraints(min_length=1)]


class BadRequest(Exception):
    """A request refused before authentication; `reason` is short, plain and safe to return."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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


class _InboundActivity(_Model):
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
    def _who_and_where(self) -> _InboundActivity:
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


async def read_activity(request: web.Request) -> Activity:
    """The request's activity; `BadRequest` for anything Teams would not send."""
    if request.content_type != "application/json":
        raise BadRequest("expected application/json")
    document = _parse(await _body(request))
    try:
        _InboundActivity.model_validate(document)
    except ValidationError as error:
        raise BadRequest(f"invalid activity: {_first_field(error)}") from error
    try:
        activity: Activity = Activity().deserialize(document)
    except (DeserializationError, ValueError, TypeError, AttributeError) as error:
        raise BadRequest("invalid activity") from error
    return activity


async def _body(request: web.Request) -> bytes:
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise BadRequest("body too large")
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge as error:
        raise BadRequest("body too large") from error
    if not body.strip():
        raise BadRequest("empty body")
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest("body too large")
    return body


def _parse(body: bytes) -> dict[str, Any]:
    try:
        document = json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise BadRequest("malformed JSON") from error
    if not isinstance(document, dict):
        raise BadRequest("expected a JSON object")
    _check_tree(document)
    return document


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _check_tree(root: Any) -> None:
    """No lone surrogates ("\\ud800" escapes) in any key or string, and bounded nesting."""
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadRequest("nested too deeply")
        if isinstance(node, dict):
            for key, value in node.items():
                _check_text(key)
                stack.append((value, depth + 1))
        elif isinstance(node, list):
            stack.extend((item, depth + 1) for item in node)
        elif isinstance(node, str):
            _check_text(node)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadRequest("invalid Unicode text") from error


def _first_field(error: ValidationError) -> str:
    """The path of the first bad field (its name only, never its value), or the rule broken."""
    first = error.errors()[0]
    path = ".".join(str(part) for part in first["loc"])
    return path or str(first.get("ctx", {}).get("error", "activity"))
