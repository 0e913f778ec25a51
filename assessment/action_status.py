"""Where a C's action stands in the seed's cycle: identified → implemented → reviewed →
refined, then implemented again (the next turn of the cycle).

Out-of-order changes are refused, not silently allowed: marking an action refined before it
was implemented and reviewed would tell the board a review happened that did not. A lead may
only move one step along the cycle (the card offers just that step and says why); a wrong
status set by mistake is corrected by moving on through the cycle, and the history keeps
who changed what when either way.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from assessment.errors import AssessmentError


class ActionStatus(StrEnum):
    IDENTIFIED = "identified"
    IMPLEMENTED = "implemented"
    REVIEWED = "reviewed"
    REFINED = "refined"


NEXT: dict[ActionStatus | None, ActionStatus] = {
    None: ActionStatus.IDENTIFIED,
    ActionStatus.IDENTIFIED: ActionStatus.IMPLEMENTED,
    ActionStatus.IMPLEMENTED: ActionStatus.REVIEWED,
    ActionStatus.REVIEWED: ActionStatus.REFINED,
    ActionStatus.REFINED: ActionStatus.IMPLEMENTED,
}
"""The one step a status may take; refined starts the next turn of the cycle."""


class StatusChange(BaseModel):
    """One step: which status, who set it (their Teams name if given) and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    status: ActionStatus
    by: str
    by_name: str | None = None
    at: datetime


class UnknownStatus(AssessmentError):
    message_id = "error.unknown_action_status"


class StatusOutOfOrder(AssessmentError):
    """E.g. refined before implemented: params `current`, `wanted`, `next` are status values."""

    message_id = "error.action_status_out_of_order"


def parse_status(raw: str) -> ActionStatus:
    try:
        return ActionStatus(raw.strip().lower())
    except ValueError:
        raise UnknownStatus() from None


def check_step(current: ActionStatus | None, wanted: ActionStatus) -> None:
    """Refuse anything but the next step of the cycle (the store stays unchanged)."""
    expected = NEXT[current]
    if wanted is not expected:
        raise StatusOutOfOrder(
            current=current.value if current else "none", wanted=wanted.value, next=expected.value
        )
