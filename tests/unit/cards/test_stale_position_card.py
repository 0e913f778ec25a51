"""Another lead saved the C while this lead was typing: both sides shown, neither lost."""

from __future__ import annotations

from typing import Any

from assessment.position_edit import apply_edit
from assessment.position_form import PositionForm, parse_form
from cards import build_stale_position_card, verbs
from tests.unit.assessment.summary_data import OPENED, make_round
from tests.unit.cards.lead_samples import SAVED_AT, a_stale_form, detail_of, three_agencies
from tests.unit.cards.samples import CAT, FRAMEWORK
from tests.unit.cards.walk import by_verb, inputs, visible_text


def stale_card() -> dict[str, Any]:
    detail = detail_of(three_agencies())
    return build_stale_position_card(CAT, FRAMEWORK, make_round(), detail, a_stale_form())


def test_it_says_nothing_was_saved_and_who_saved_what_meanwhile() -> None:
    lines = visible_text(stale_card())
    assert lines[0] == CAT.text("error.stale_position")
    assert "C4 · Capacity" in lines
    assert (
        "Sam Lead saved Specific action plan on 20 Nov 2026, 10:00." in lines
    )


def test_a_conflicting_field_shows_what_is_saved_and_what_this_lead_typed() -> None:
    lines = visible_text(stale_card())
    start = lines.index("Specific action plan")
    assert lines[start : start + 5] == [
        "Specific action plan",
        "Saved now:",
        "Sam's plan: joint audit",
        "What you entered:",
        "My plan: training",
    ]
    assert lines.count("Saved now:") == 1, "the owner was no clash: nobody else set it"


def test_the_form_keeps_the_saved_value_where_they_clash_and_yours_elsewhere() -> None:
    fields = inputs(stale_card())
    assert fields[verbs.INPUT_ACTION_PLAN]["value"] == "Sam's plan: joint audit"
    assert fields[verbs.INPUT_ACCOUNTABILITY]["value"] == "Jo"
    assert [fields[i].get("value") for i in verbs.INPUT_REVIEW_DATES] == ["2026-12-01", None, None]


def test_saving_the_form_again_keeps_both_leads_work() -> None:
    stale = a_stale_form()
    card = build_stale_position_card(
        CAT, FRAMEWORK, make_round(), detail_of(three_agencies()), stale
    )
    fields = inputs(card)
    [save] = by_verb(card, verbs.POSITION)
    assert save["data"]["rev"] == stale.current.revision == 1
    form = PositionForm(
        opened_revision=save["data"]["rev"],
        action_plan=fields[verbs.INPUT_ACTION_PLAN].get("value", ""),
        accountability=fields[verbs.INPUT_ACCOUNTABILITY].get("value", ""),
        score=fields[verbs.INPUT_SCORE]["value"],
        review_dates=[fields[i].get("value", "") for i in verbs.INPUT_REVIEW_DATES],
    )
    outcome = apply_edit(stale.current, parse_form(form, OPENED.date()), "aad-lead", SAVED_AT)
    assert outcome.position.agreed.action_plan == "Sam's plan: joint audit"
    assert outcome.position.agreed.accountability == "Jo"
    assert [d.isoformat() for d in outcome.position.agreed.review_dates] == ["2026-12-01"]
