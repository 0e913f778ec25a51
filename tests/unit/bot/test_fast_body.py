"""Activities and create-conversation calls go out as msrest would serialize them, byte for byte."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from botbuilder.core import CardFactory, MessageFactory
from botbuilder.core.serializer_helper import DEPENDICIES_DICT
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    Entity,
    Mention,
)
from msrest.exceptions import SerializationError
from msrest.serialization import Model, Serializer

from bot.botframework import fast_body
from bot.botframework.fast_body import FastBodySerializer, install_fast_body, serialize_model
from bot.teams.presenter import card_activity
from tests.unit.cards.samples import sample_cards

CARDS = sample_cards()


def _bytes(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def _same(data: Model, data_type: str, planned: bool = True) -> None:
    if planned:  # the fast path itself, not its hand-over to msrest
        fast_body._model(data, DEPENDICIES_DICT)
    fast = FastBodySerializer(DEPENDICIES_DICT).body(data, data_type)  # first: msrest's
    stock = Serializer(DEPENDICIES_DICT).body(data, data_type)  # type: ignore[no-untyped-call]
    assert _bytes(fast) == _bytes(stock)


def _addressed(activity: Activity) -> Activity:
    """What TurnContext.send_activity adds before the connector sees it."""
    activity.channel_id = "msteams"
    activity.service_url = "https://smba.example/emea/"
    activity.conversation = ConversationAccount(
        id="a:1chat", tenant_id="t1", conversation_type="personal"
    )
    activity.from_property = ChannelAccount(id="28:bot", name="Twelve Cs")
    activity.recipient = ChannelAccount(
        id="29:user", name="Ann", aad_object_id="aad-1", role="user"
    )
    activity.reply_to_id = "1700000000000"
    activity.locale = "en-GB"
    return activity


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_card_message_is_sent_as_msrest_sends_it(name: str) -> None:
    _same(_addressed(card_activity(CARDS[name])), "Activity")


def test_the_plain_card_and_text_messages_too() -> None:
    card = next(iter(CARDS.values()))
    _same(_addressed(MessageFactory.attachment(CardFactory.adaptive_card(card))), "Activity")
    text = _addressed(MessageFactory.text("Sent to your chat ✓", input_hint="acceptingInput"))
    ann = ChannelAccount(id="29:user", name="Ann")
    text.entities = [
        Mention(mentioned=ann, text="<at>Ann</at>", type="mention"), Entity(type="clientInfo")
    ]
    text.channel_data = {"notification": {"alert": True}, "list": [1, 2.5, None, "x"]}
    text.timestamp = datetime(2026, 11, 29, 5, 0, 1, 123456, tzinfo=UTC)
    text.members_added = [ChannelAccount(id="29:a"), None]  # type: ignore[list-item]
    _same(text, "Activity")
    typing = Activity(type=ActivityTypes.typing)
    _same(typing, "Activity")


def test_create_conversation_parameters() -> None:
    parameters = ConversationParameters(
        is_group=False,
        bot=ChannelAccount(id="28:bot", name="Twelve Cs"),
        members=[ChannelAccount(id="29:user")],
        tenant_id="t1",
        channel_data={"tenant": {"id": "t1"}},
    )
    _same(parameters, "ConversationParameters")
    parameters.activity = _addressed(card_activity(next(iter(CARDS.values()))))
    _same(parameters, "ConversationParameters")


def test_what_it_does_not_know_goes_to_msrest() -> None:
    odd = Activity(type="message", value={"when": datetime(2026, 1, 1, tzinfo=UTC)},
                   attachments=[{"contentType": "x", "content": {"a": 1}}])  # type: ignore[list-item]
    odd.from_property = {"id": "29:dict", "name": "a dict, not a model"}  # type: ignore[assignment]
    with pytest.raises(fast_body._Fallback):
        fast_body._model(odd, DEPENDICIES_DICT)
    _same(odd, "Activity", planned=False)


def test_installed_on_the_conversations_operations() -> None:
    from botframework.connector.aio import ConnectorClient
    from botframework.connector.auth import MicrosoftAppCredentials

    client = ConnectorClient(MicrosoftAppCredentials("", ""), base_url="https://smba.example/")
    install_fast_body(client)
    assert isinstance(client.conversations._serialize, FastBodySerializer)


def test_a_conversation_reference_serializes_as_msrest_serializes_it() -> None:
    from botbuilder.core import TurnContext

    from bot.teams.membership import chat_reference

    activity = _addressed(MessageFactory.text("hello"))
    activity.id = "1700000000001"
    reference = TurnContext.get_conversation_reference(activity)
    assert _bytes(serialize_model(reference)) == _bytes(reference.serialize())
    plain = reference.serialize()
    plain.pop("activityId", None)
    assert _bytes(chat_reference(activity)) == _bytes(plain)
    reference.conversation = {"id": "a dict"}  # type: ignore[assignment]
    with pytest.raises(SerializationError):  # msrest's own refusal, not a different JSON
        serialize_model(reference)


def _inbound() -> dict[str, Any]:
    from bench.activities import execute_action, message, simulated_user
    from bench.channel import channel_action, channel_message
    from tests.support.teams import Teams, person

    user, url = simulated_user(7), "https://smba.example/emea/"
    teams, ann = Teams(url), person("Ann")
    full: dict[str, Any] = {
        **message(user, url, text="<at>Twelve Cs</at> start", reply_to_id="17"),
        "timestamp": "2026-11-29T05:00:01.1234567Z",
        "localTimestamp": "2026-11-29T06:00:01.123+01:00",
        "localTimezone": "Europe/London",
        "entities": [{"type": "mention", "text": "<at>Twelve Cs</at>",
                      "mentioned": {"id": "28:bot", "name": "Twelve Cs"}},
                     {"type": "clientInfo", "locale": "en-GB", "platform": "Web"}],
        "membersAdded": [{"id": "29:a", "aadObjectId": "aad-a"}],
        "attachments": [{"contentType": "text/html", "content": "<p>hi</p>"}],
        "channelData": {"tenant": {"id": "t1"}, "team": {"id": "19:t"}, "n": [1, 2.5, True]},
        "somethingNew": {"teams": "adds fields"},
        "historyDisclosed": False,
    }
    return {
        "full": full,
        "execute": execute_action(user, url, "answer", {"c": "C1", "rating": 3}, "17"),
        "channel action": channel_action(user, url, "start", {"round_id": "r1"}),
        "channel message": channel_message(user, url, "<at>Twelve Cs</at> open round X"),
        "teams personal": teams.personal_message(ann, "help"),
        "teams invoke": teams.invoke(ann, "agency", {"agency": "Police"}, channel=True),
        "teams install": teams.team_install([ann]),
        "null in a list (msrest's)": {**message(user, url, text="x"),
                                      "channelData": {"list": [1, None]}},
        "a number for a string (msrest's)": {**message(user, url, text="x"), "locale": 5},
    }


INBOUND = _inbound()


@pytest.mark.parametrize("name", sorted(INBOUND))
def test_an_inbound_activity_becomes_msrests_model(name: str) -> None:
    document = INBOUND[name]
    stock = Activity().deserialize(json.loads(json.dumps(document)))
    fast = fast_body.deserialize_model(Activity, document)
    if "msrest's" not in name:  # the planned path itself, not its hand-over to msrest
        assert fast_body._from_json(Activity, document, fast_body._models(Activity)) == stock
    else:
        with pytest.raises(fast_body._Fallback):
            fast_body._from_json(Activity, document, fast_body._models(Activity))
    assert fast == stock
    assert type(fast.from_property) is type(stock.from_property)
    assert _bytes(fast.serialize()) == _bytes(stock.serialize())
    assert fast.as_dict() == stock.as_dict()
    assert document == json.loads(json.dumps(INBOUND[name]))  # the JSON is left as it was
