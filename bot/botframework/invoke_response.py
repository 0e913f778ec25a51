"""Invoke answers that botbuilder 4.17.1's CloudAdapter can send without an HTTP 500.

Why: `ActivityHandler.on_invoke_activity` turns the `AdaptiveCardInvokeResponse` returned by
`on_adaptive_card_invoke` (and TeamsActivityHandler its task-module answers) into a dict
with `serializer_helper`; `CloudAdapter.process` then calls `serializer_helper` on that body
again. msrest's `Serializer._serialize` only passes str/int/bool/float through, so on a dict
it calls `dict.is_xml_model()` and the turn ends in HTTP 500 ("'dict' object has no
attribute 'is_xml_model'"). Returning the *model* in an `InvokeResponse` from an overridden
`on_invoke_activity` gets it serialized exactly once, by the adapter (a `RawJson`, which
msrest sends without walking it: see raw_json.py):

    async def on_invoke_activity(self, turn_context):
        if turn_context.activity.name == "adaptiveCard/action":
            return card_invoke_response(build_card(...))
        return await super().on_invoke_activity(turn_context)

Universal Actions read the outcome from the body's `statusCode`; the HTTP status is 200.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import InvokeResponse

from bot.botframework.raw_json import RawJson

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
ERROR_TYPE = "application/vnd.microsoft.error"


def _answer(status_code: int, kind: str, value: dict[str, Any]) -> InvokeResponse:
    body = RawJson({"statusCode": status_code, "type": kind, "value": value})
    return InvokeResponse(status=200, body=body)


def card_invoke_response(card: dict[str, Any]) -> InvokeResponse:
    """Answer an `adaptiveCard/action` invoke by replacing the card with `card` (JSON data)."""
    return _answer(200, CARD_TYPE, card)


def error_invoke_response(code: str, message: str, status_code: int = 400) -> InvokeResponse:
    """Answer an `adaptiveCard/action` invoke with an error the client shows to the user.

    `status_code` is the Universal Actions outcome in the body (4xx/5xx), not the HTTP status.
    """
    return _answer(status_code, ERROR_TYPE, {"code": code, "message": message})
