"""Follow-through cards (issue 11) for the checks every card must pass."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from assessment.action_status import ActionStatus, StatusChange
from assessment.model import Agency
from assessment.position import AgreedPosition, PositionFields
from assessment.progression import RoundPoint
from cards import build_detail_card, build_summary_card
from cards.agencies import build_agencies_card
from cards.reminders import (
    build_idle_reminder_card,
    build_review_card,
    build_start_reminder_card,
)
from tests.unit.assessment.summary_data import make_round, position
from tests.unit.cards.lead_samples import detail_of, summary_of, three_agencies
from tests.unit.cards.samples import CAT, FRAMEWORK

SAVED = datetime(2026, 11, 20, 16, 30, tzinfo=UTC)


def carried_detail() -> dict[str, Any]:
    carried = position("C4", PositionFields(score=3, action_plan="Joint audit")).model_copy(
        update={"carried_from": "Spring 2026"}
    )
    detail = detail_of(three_agencies(), positions={"C4": carried})
    return build_detail_card(CAT, FRAMEWORK, make_round(), detail, show_names=False)


def carried_status() -> AgreedPosition:
    step = StatusChange(
        status=ActionStatus.IMPLEMENTED, by="aad-sam", by_name="Sam Lead", at=SAVED
    )
    return position("C4", PositionFields(score=3)).model_copy(update={"status_history": (step,)})


def carried_summary() -> dict[str, Any]:
    """C4 carried forward from Spring 2026 and not yet confirmed."""
    carried = position("C4", PositionFields(score=3, action_plan="Joint audit")).model_copy(
        update={"carried_from": "Spring 2026"}
    )
    summary = summary_of(three_agencies(), positions={"C4": carried})
    return build_summary_card(CAT, FRAMEWORK, summary, report=True)


def followup_cards() -> dict[str, dict[str, Any]]:
    return {
        "summary carried forward": carried_summary(),
        "idle reminder": build_idle_reminder_card(
            CAT, make_round(), last_answered="2 November 2026", idle_days=7
        ),
        "detail carried forward": carried_detail(),
        "detail with progression": build_detail_card(
            CAT, FRAMEWORK, make_round(), detail_of(three_agencies()), show_names=False,
            progress=(
                RoundPoint("Spring 2026", 2, 2.0),
                RoundPoint("Autumn 2026", None, None),
                RoundPoint("Spring 2027", 3, 3.5),
            ),
        ),
        "agencies default": build_agencies_card(
            CAT, "a" * 32, [Agency.POLICE, Agency.HEALTH], default=True
        ),
        "agencies saved": build_agencies_card(
            CAT, "a" * 32, [Agency.HOUSING], default=False, notice="Saved."
        ),
        "start reminder": build_start_reminder_card(CAT, make_round()),
        "summary with progression": build_summary_card(
            CAT, FRAMEWORK, summary_of(three_agencies()),
            progress={
                "C1": (RoundPoint("Spring", 2, 2.0), RoundPoint("Autumn", 3, 3.5)),
                "C4": (RoundPoint("Spring", None, None), RoundPoint("Autumn", 1, 1.0)),
            },
        ),
        "review due, lead": build_review_card(
            CAT, FRAMEWORK, make_round(), position("C4", PositionFields(action_plan="Audit")),
            review="20 November 2026", owner=False,
        ),
        "review due, owner": build_review_card(
            CAT, FRAMEWORK, make_round(), carried_status(), review="1 March 2027", owner=True,
        ),
    }
