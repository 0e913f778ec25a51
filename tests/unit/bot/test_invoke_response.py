"""An invoke answer goes out exactly as botbuilder's own card answer model would send it."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from botbuilder.core.serializer_helper import serializer_helper
from botbuilder.schema import AdaptiveCardInvokeResponse

from bot.botframework.invoke_response import (
    CARD_TYPE,
    ERROR_TYPE,
    card_invoke_response,
    error_invoke_response,
)
from tests.unit.cards.samples import sample_cards

CARDS = sample_cards()


def stock_body(status_code: int, kind: str, value: dict[str, Any]) -> Any:
    """What the adapter sends for botbuilder's `AdaptiveCardInvokeResponse`."""
    model = AdaptiveCardInvokeResponse(status_code=status_code, type=kind, value=value)
    return serializer_helper(model)


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_card_is_sent_as_the_stock_model_would_send_it(name: str) -> None:
    answer = card_invoke_response(CARDS[name])
    assert answer.status == 200
    assert serializer_helper(answer.body) == stock_body(200, CARD_TYPE, CARDS[name])


def test_an_error_is_sent_as_the_stock_model_would_send_it() -> None:
    answer = error_invoke_response("Gone", "That button no longer works.", 410)
    value = {"code": "Gone", "message": "That button no longer works."}
    expected = stock_body(410, ERROR_TYPE, value)
    assert serializer_helper(answer.body) == expected


def test_the_answer_survives_botbuilders_copy_of_outgoing_activities() -> None:
    answer = card_invoke_response(CARDS["review submitted"])
    assert serializer_helper(copy.deepcopy(answer).body) == serializer_helper(answer.body)
