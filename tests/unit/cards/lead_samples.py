"""A lead's summaries and C details, built with the real domain functions from responses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from assessment.detail import ComponentDetail, component_detail
from assessment.model import Agency, Response, Round
from assessment.position import AgreedPosition, FieldChange, PositionChange, PositionFields
from assessment.position_edit import apply_edit
from assessment.position_errors import StaleForm
from assessment.position_form import PositionForm, parse_form
from assessment.summary import summarise
from assessment.summary_model import PreviousRound, RoundSummary
from cards import build_detail_card, build_stale_position_card, build_summary_card
from tests.unit.assessment.summary_data import (
    EARLIER,
    OPENED,
    TODAY,
    earlier,
    everywhere,
    make_round,
    position,
    published,
    response,
)
from tests.unit.cards.samples import CAT, FRAMEWORK

SAVED_AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def summary_of(
    responses: Sequence[Response],
    *,
    positions: Mapping[str, AgreedPosition] | None = None,
    previous: Sequence[Response] | None = None,
    round_: Round | None = None,
) -> RoundSummary:
    round_ = round_ or make_round()
    return summarise(
        FRAMEWORK, round_, responses, positions or {}, _previous(previous), TODAY,
        publication=published(responses, round_),
    )


def detail_of(
    responses: Sequence[Response],
    component_id: str = "C4",
    *,
    positions: Mapping[str, AgreedPosition] | None = None,
    previous: Sequence[Response] | None = None,
    round_: Round | None = None,
) -> ComponentDetail:
    """As the bot asks for it: names revealed if the round recorded them."""
    round_ = round_ or make_round()
    return component_detail(
        FRAMEWORK,
        round_,
        responses,
        positions or {},
        _previous(previous),
        component_id,
        TODAY,
        reveal_names=True,
        publication=published(responses, round_),
    )


def _previous(responses: Sequence[Response] | None) -> PreviousRound | None:
    return None if responses is None else earlier(responses)


def rated(agency: Agency, overrides: Mapping[str, int | None], **extra: Any) -> Response:
    """A response rating every C 4 except the Cs in `overrides`."""
    return response(agency, {**everywhere(4), **overrides}, **extra)


def three_agencies() -> list[Response]:
    """C2 rated 1 by everyone (urgent); on C4 police and education say 2, health 5."""
    police = [rated(Agency.POLICE, {"C2": 1, "C4": 2}) for _ in range(3)]
    health = [rated(Agency.HEALTH, {"C2": 1, "C4": r}) for r in (4, 5, 5)]
    education = [rated(Agency.EDUCATION, {"C2": 1, "C4": r}) for r in (2, 2, 3)]
    return police + health + education


def last_round() -> list[Response]:
    """The previous round: C1 was rated 6, so it has fallen by 2."""
    return [
        response(Agency.POLICE, {**everywhere(4), "C1": 6}, round_id=EARLIER) for _ in range(3)
    ]


def said(agency: Agency, rating: int | None, evidence: str, **extra: Any) -> Response:
    return response(agency, {"C4": rating}, evidence={"C4": evidence}, **extra)


def saved_position(component_id: str = "C4", **fields: Any) -> AgreedPosition:
    """A position saved twice: by a named lead, then by one Teams gave no name for."""
    agreed = PositionFields.model_validate(fields)
    first = PositionChange(
        by="aad-sam", by_name="Sam Lead", at=SAVED_AT, revision=1,
        changes=(FieldChange(field="score", new=agreed.score),),
    )
    second = PositionChange(
        by="aad-kim", at=SAVED_AT, revision=2,
        changes=(FieldChange(field="action_plan", new=agreed.action_plan),
                 FieldChange(field="accountability", new=agreed.accountability)),
    )
    return position(component_id, agreed).model_copy(
        update={"revision": 2, "history": (first, second)}
    )


def a_stale_form() -> StaleForm:
    """Sam saved an action plan after this lead opened the form; this lead typed another
    action plan (a conflict), an owner and a review date (no conflict)."""
    theirs = PositionChange(
        by="aad-sam", by_name="Sam Lead", at=SAVED_AT, revision=1,
        changes=(FieldChange(field="action_plan", old="", new="Sam's plan: joint audit"),),
    )
    current = position("C4", PositionFields(action_plan="Sam's plan: joint audit"))
    current = current.model_copy(update={"revision": 1, "history": (theirs,)})
    form = PositionForm(
        opened_revision=0,
        action_plan="My plan: training",
        accountability="Jo",
        review_dates=["2026-12-01"],
    )
    try:
        apply_edit(current, parse_form(form, OPENED.date()), "aad-lead", SAVED_AT)
    except StaleForm as stale:
        return stale
    raise AssertionError("the form should have been stale")


def lead_cards() -> dict[str, dict[str, Any]]:
    """One card per lead builder and state, for the checks every card must pass."""
    responses, named = three_agencies(), make_round(named=True)
    unsure = [response(Agency.POLICE, everywhere(None)) for _ in range(3)]
    ann_bo_cy = [said(Agency.POLICE, 2, "Busy", name=n) for n in ("Ann", "Bo", "Cy")]
    detail = detail_of(responses, positions={"C4": saved_position(score=2, action_plan="x")})
    return {
        "summary empty round": build_summary_card(CAT, FRAMEWORK, summary_of([])),
        "summary three agencies": build_summary_card(
            CAT,
            FRAMEWORK,
            summary_of(responses, previous=last_round()),
            partnership_name="LSCP",
            report=True,
            notice="I've sent you the board's report links.",
        ),
        "summary all not sure": build_summary_card(
            CAT, FRAMEWORK, summary_of(unsure)
        ),
        "detail with position": build_detail_card(
            CAT, FRAMEWORK, make_round(), detail, show_names=False, notice="Saved C4."
        ),
        "detail named round": build_detail_card(
            CAT, FRAMEWORK, named,
            detail_of(ann_bo_cy, round_=named),
            show_names=True,
        ),
        "detail no responses": build_detail_card(
            CAT, FRAMEWORK, make_round(), detail_of([]), show_names=False
        ),
        "stale form": build_stale_position_card(
            CAT, FRAMEWORK, make_round(), detail_of(responses), a_stale_form()
        ),
    }

