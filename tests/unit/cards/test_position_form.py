"""The agreed-position form on the C detail card: the template's fields, prefilled, and Save."""

from __future__ import annotations

from typing import Any

from assessment.position import MAX_ACTION_PLAN, MAX_OWNER, Timeframe
from assessment.position_form import PositionForm, parse_form
from cards import build_detail_card, verbs
from tests.unit.assessment.summary_data import OPENED, make_round
from tests.unit.cards.lead_samples import detail_of, saved_position, three_agencies
from tests.unit.cards.samples import CAT, FRAMEWORK
from tests.unit.cards.walk import by_verb, inputs, shows

FORM_IDS = {
    "score", "evidence", "accountability", "stakeholders", "actionPlan", "timeframe",
    "reviewDate1", "reviewDate2", "reviewDate3",
}


def form(**kwargs: Any) -> dict[str, Any]:
    positions = kwargs.pop("positions", None)
    detail = detail_of(three_agencies(), positions=positions)
    return build_detail_card(CAT, FRAMEWORK, make_round(), detail, show_names=False, **kwargs)


def submitted(card: dict[str, Any]) -> PositionForm:
    """What the bot would read back if the lead pressed Save without changing anything."""
    fields = inputs(card)
    value = {i: str(f.get("value", "")) for i, f in fields.items()}
    [save] = by_verb(card, verbs.POSITION)
    return PositionForm(
        opened_revision=save["data"]["rev"],
        score=value["score"],
        evidence=value["evidence"],
        accountability=value["accountability"],
        stakeholders=value["stakeholders"],
        action_plan=value["actionPlan"],
        timeframe=value["timeframe"],
        review_dates=[value[i] for i in verbs.INPUT_REVIEW_DATES],
    )


def test_the_form_has_every_field_of_the_template() -> None:
    fields = inputs(form())
    assert set(fields) == FORM_IDS
    assert [fields[i]["label"] for i in ("score", "evidence", "accountability")] == [
        "Agreed score",
        "Evidence narrative",
        "Accountability, ownership and governance",
    ]
    assert fields["actionPlan"]["maxLength"] == MAX_ACTION_PLAN
    assert fields["accountability"]["maxLength"] == MAX_OWNER
    assert fields["reviewDate2"]["type"] == "Input.Date"


def test_each_field_carries_the_templates_guidance() -> None:
    card = form()
    assert shows(card, "Who is the lead person/people/agency responsible for coordinating")
    assert shows(card, "Which stakeholders/partners are part of the delivery")
    assert shows(card, "What is required to implement, improve, or sustain work")
    assert shows(card, "Gold (strategic, long-term), Silver (tactical, mid-term)")


def test_score_and_timeframe_offer_the_scale_and_the_templates_timeframes() -> None:
    fields = inputs(form())
    score = fields["score"]["choices"]
    assert [c["value"].strip() for c in score] == ["", "1", "2", "3", "4", "5", "6"]
    assert score[0]["title"] == "Not agreed yet" and score[2]["title"] == "2 · Weak"
    timeframe = fields["timeframe"]["choices"]
    assert [c["value"].strip() for c in timeframe] == ["", *(t.value for t in Timeframe)]
    assert timeframe[3]["title"] == "Police Gold (strategic, long-term)"


def test_a_blank_form_saved_as_it_is_records_nothing() -> None:
    edit = parse_form(submitted(form()), OPENED.date())
    assert not edit.values.is_started
    assert submitted(form()).opened_revision == 0


def test_the_form_shows_the_stored_position_and_sends_its_revision() -> None:
    stored = saved_position(
        score=2, accountability="Board manager", action_plan="Audit", timeframe="gold",
        review_dates=["2026-12-01", "2027-03-01"],
    )
    card = form(positions={"C4": stored})
    fields = inputs(card)
    assert fields["score"]["value"] == "2"
    assert fields["accountability"]["value"] == "Board manager"
    assert fields["timeframe"]["value"] == "gold"
    assert [fields[i].get("value") for i in verbs.INPUT_REVIEW_DATES] == [
        "2026-12-01", "2027-03-01", None,
    ]
    assert parse_form(submitted(card), OPENED.date()).values == stored.agreed
    [save] = by_verb(card, verbs.POSITION)
    assert save["data"] == {"roundId": "round-2", "componentId": "C4", "rev": 2}


def test_a_refused_submission_comes_back_as_typed_with_the_revision_it_was_opened_at() -> None:
    draft = {"score": "2", "evidence": "Typed", "reviewDate1": "2020-01-01"}
    card = form(positions={"C4": saved_position(score=4)}, draft=draft, opened_revision=1,
                notice="A review date must be a date")
    fields = inputs(card)
    assert fields["score"]["value"] == "2"
    assert fields["evidence"]["value"] == "Typed"
    assert fields["reviewDate1"]["value"] == "2020-01-01"
    assert by_verb(card, verbs.POSITION)[0]["data"]["rev"] == 1


def test_review_dates_cannot_be_picked_before_the_round_opened() -> None:
    fields = inputs(form())
    assert {fields[i]["min"] for i in verbs.INPUT_REVIEW_DATES} == {"2026-11-02"}


def test_save_sends_the_inputs_and_back_returns_to_the_summary_without_them() -> None:
    card = form()
    [save] = by_verb(card, verbs.POSITION)
    [back] = by_verb(card, verbs.SUMMARY)
    assert (save["title"], save["associatedInputs"], save["style"]) == (
        "Save agreed position", "auto", "positive",
    )
    assert (back["title"], back["associatedInputs"], back["data"]) == (
        "Back to summary", "none", {"roundId": "round-2"},
    )


def test_no_input_is_required_so_a_partial_position_can_be_saved() -> None:
    assert [i for i, f in inputs(form()).items() if f.get("isRequired")] == []
