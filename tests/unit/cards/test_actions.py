import pytest

from cards.actions import InvalidPayload, PayloadTooLarge, StepData, action_of, validate

ROUND = "a" * 32


def test_an_execute_invoke_and_a_submit_message_read_the_same() -> None:
    data = {"roundId": ROUND, "componentId": "C3", "rev": 4, "rating": "2"}
    invoke = action_of({"action": {"verb": "answer", "data": data}}, invoke=True)
    submit = action_of({**data, "verb": "answer"}, invoke=False)
    assert invoke[0] == submit[0] == "answer"
    assert validate(StepData, invoke[1]) == validate(StepData, submit[1])
    parsed = validate(StepData, invoke[1])
    assert isinstance(parsed, StepData) and (parsed.component_id, parsed.rev) == ("C3", 4)


@pytest.mark.parametrize(
    "data",
    [
        {"roundId": ROUND, "componentId": "C3"},  # no rev
        {"roundId": ROUND, "componentId": "C3", "rev": 1, "owner": "x"},  # extra
        {"roundId": "../etc", "componentId": "C3", "rev": 1},
        {"roundId": ROUND, "componentId": "Z9", "rev": 1},
        {"roundId": ROUND, "componentId": "C3", "rev": -1},
    ],
)
def test_tampered_card_data_is_refused(data: dict[str, object]) -> None:
    with pytest.raises(InvalidPayload):
        validate(StepData, data)


def test_an_oversized_payload_is_refused_before_it_is_read() -> None:
    with pytest.raises(PayloadTooLarge):
        validate(StepData, {"roundId": ROUND, "componentId": "C3", "rev": 1,
                            "evidence": "x" * 20_000})


@pytest.mark.parametrize("value", [None, "text", {"action": "x"}, {"action": {"data": {}}}])
def test_a_value_without_a_verb_is_refused(value: object) -> None:
    with pytest.raises(InvalidPayload):
        action_of(value, invoke=True)
