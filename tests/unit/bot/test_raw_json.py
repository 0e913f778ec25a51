"""Card messages go out exactly as botbuilder would send the plain card, and still read as dicts."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from botbuilder.core import CardFactory, MessageFactory
from botbuilder.core.serializer_helper import DEPENDICIES_DICT
from botbuilder.schema import Activity
from msrest.serialization import Serializer

from bot.botframework.raw_json import RawJson
from bot.teams.presenter import card_activity
from tests.unit.cards.samples import sample_cards

CARDS = sample_cards()


def sent(activity: Activity) -> Any:
    """The JSON botbuilder's connector client posts for `activity` (msrest's `body`)."""
    return Serializer(DEPENDICIES_DICT).body(activity, "Activity")  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_card_message_is_sent_as_the_plain_card_would_be(name: str) -> None:
    plain = MessageFactory.attachment(CardFactory.adaptive_card(CARDS[name]))
    assert sent(card_activity(CARDS[name])) == sent(plain)


def test_a_card_reads_prints_and_copies_like_the_dict_it_is() -> None:
    card = RawJson({"type": "AdaptiveCard", "body": [{"text": "C1 Clarity"}]})
    assert card == {"type": "AdaptiveCard", "body": [{"text": "C1 Clarity"}]}
    assert "C1 Clarity" in str(card) and card["body"][0]["text"] == "C1 Clarity"
    assert copy.deepcopy(card) == card
