"""Reads an incoming Bot Framework request into an Activity, or refuses it with a reason.

Why: botbuilder's `CloudAdapter.process` answers HTTP 500 for a missing Content-Type header,
malformed JSON, a JSON body that is not an object and fields of the wrong type, and the bot
then fails deep in a turn on an activity without a conversation, sender or service URL. Here
the body is checked once at the edge: JSON object, UTF-8 without lone surrogates, nested at
most `MAX_DEPTH` deep, and the fields the bot reads have the types Teams sends
(inbound_activity.py).
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web
from azure.core.exceptions import DeserializationError
from botbuilder.schema import Activity
from pydantic import ValidationError

from bot.botframework.fast_body import deserialize_model
from bot.botframework.inbound_activity import InboundActivity

MAX_BODY_BYTES = 256 * 1024
"""Teams caps a message at 100 KB; an activity carrying one stays well under this."""
MAX_DEPTH = 64
"""Activities nest a dozen levels at most (a card inside an invoke's value)."""

class BadRequest(Exception):
    """A request refused before authentication; `reason` is short, plain and safe to return."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def read_activity(request: web.Request) -> Activity:
    """The request's activity; `BadRequest` for anything Teams would not send."""
    if request.content_type != "application/json":
        raise BadRequest("expected application/json")
    document = _parse(await _body(request))
    try:
        InboundActivity.model_validate(document)
    except ValidationError as error:
        raise BadRequest(f"invalid activity: {_first_field(error)}") from error
    try:
        activity: Activity = deserialize_model(Activity, document)
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


PEOPLES_WORDS = frozenset({"text", "value"})
"""What people typed or entered on a card: invalid Unicode there is answered by the bot with
a message the person sees ("a character I cannot store"), so it is let through here."""


def _check_tree(root: dict[str, Any]) -> None:
    """No lone surrogates ("\\ud800" escapes) in any key or in any string outside what people
    typed, and bounded nesting everywhere."""
    stack: list[tuple[Any, int, bool]] = [
        (value, 2, key not in PEOPLES_WORDS) for key, value in root.items()
    ]
    for key in root:
        _check_text(key)
    while stack:
        node, depth, strict = stack.pop()
        if depth > MAX_DEPTH:
            raise BadRequest("nested too deeply")
        if isinstance(node, dict):
            for key, value in node.items():
                if strict:
                    _check_text(key)
                stack.append((value, depth + 1, strict))
        elif isinstance(node, list):
            stack.extend((item, depth + 1, strict) for item in node)
        elif strict and isinstance(node, str):
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
