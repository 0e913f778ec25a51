import pytest

from cards.actions import InvalidPayload, PayloadTooLarge, StepData, action_of, parse

ROUND = "a" * 32


def test_an_execute_invoke_and_a_submit_message_read_the_same() -> None:
    data = {"roundId": ROUND, "componentId": "C3", "rev": 4, "rating": "2"}
    invoke = action_of({"action": {"verb": "answer", "data": data}}, invoke=True)
    submit = action_of({**data, "verb": "answer"}, invoke=False)
    assert parse(*invoke) == parse(*submit)
    parsed = parse(*invoke)
    assert isinstance(parsed, StepData) and (parsed.component_id, parsed.rev) == ("C3", 4)


@pytest.mark.parametrize(
    "verb, data",
    [
        ("answer", {"roundId": ROUND, "componentId": "C3"}),  # no rev
        ("answer", {"roundId": ROUND, "componentId": "C3", "rev": 1, "owner": "x"}),  # extra
        ("answer", {"roundId": "../etc", "componentId": "C3", "rev": 1}),
        ("answer", {"roundId": ROUND, "componentId": "Z9", "rev": 1}),
        ("answer", {"roundId": ROUND, "componentId": "C3", "rev": -1}),
        ("nonsense", {"roundId": ROUND}),
    ],
)
def test_tampered_card_data_is_refused(verb: str, data: dict[str, object]) -> None:
    with pytest.raises(InvalidPayload):
        parse(verb, data)


def test_an_oversized_payload_is_refused_before_it_is_read() -> None:
    with pytest.raises(PayloadTooLarge):
        parse("answer", {"roundId": ROUND, "componentId": "C3", "rev": 1, "evidence": "x" * 20_000})


@pytest.mark.parametrize("value", [None, "text", {"action": "x"}, {"action": {"data": {}}}])
def test_a_value_without_a_verb_is_refused(value: object) -> None:
    with pytest.raises(InvalidPayload):
        action_of(value, invoke=True)
