"""Invoke answers that botbuilder 4.17.1's CloudAdapter can send without an HTTP 500.

Why: `ActivityHandler.on_invoke_activity` turns the `AdaptiveCardInvokeResponse` returned by
`on_adaptive_card_invoke` (and TeamsActivityHandler its task-module answers) into a dict
with `serializer_helper`; `CloudAdapter.process` then calls `serializer_helper` on that body
again. msrest's `Serializer._serialize` only passes str/int/bool/float through, so on a dict
it calls `dict.is_xml_model()` and the turn ends in HTTP 500 ("'dict' object has no
attribute 'is_xml_model'"). Returning the *model* in an `InvokeResponse` from an overridden
`on_invoke_activity` gets it serialized exactly once, by the adapter (a `JsonBody` below,
which costs less to send):

    async def on_invoke_activity(self, turn_context):
        if turn_context.activity.name == "adaptiveCard/action":
            return card_invoke_response(build_card(...))
        return await super().on_invoke_activity(turn_context)

Universal Actions read the outcome from the body's `statusCode`; the HTTP status is 200.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import InvokeResponse
from msrest.serialization import Model

CARD_TYPE = "application/vnd.microsoft.card.adaptive"
ERROR_TYPE = "application/vnd.microsoft.error"


class JsonBody(Model):
    """An invoke body that is JSON already, which the adapter sends exactly as it is.

    Why not `AdaptiveCardInvokeResponse`: msrest serializes its `value` (typed `object`) by
    walking the card value by value, ~1.7 ms of the ~4.5 ms CPU of an answer turn (py-spy,
    `bench.journey_bench`). msrest copies a model's `additional_properties` (key "") into
    the output unchanged, so the body goes there and the HTTP answer is byte-for-byte the
    same. botbuilder also deep-copies every outgoing activity, this answer included; the body
    is built for one answer and never changed afterwards, so the copy may share it.
    """

    _attribute_map = {  # noqa: RUF012 (msrest reads it from the class)
        "additional_properties": {"key": "", "type": "{object}"}
    }

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.additional_properties = body

    def __deepcopy__(self, memo: dict[int, Any]) -> JsonBody:
        return self


def _answer(status_code: int, kind: str, value: dict[str, Any]) -> InvokeResponse:
    body = JsonBody({"statusCode": status_code, "type": kind, "value": value})
    return InvokeResponse(status=200, body=body)


def card_invoke_response(card: dict[str, Any]) -> InvokeResponse:
    """Answer an `adaptiveCard/action` invoke by replacing the card with `card` (JSON data)."""
    return _answer(200, CARD_TYPE, card)


def error_invoke_response(code: str, message: str, status_code: int = 400) -> InvokeResponse:
    """Answer an `adaptiveCard/action` invoke with an error the client shows to the user.

    `status_code` is the Universal Actions outcome in the body (4xx/5xx), not the HTTP status.
    """
    return _answer(status_code, ERROR_TYPE, {"code": code, "message": message})
