"""The partnership's agreed position on one C: the fields of the 12Cs self-assessment template.

A lead records it per round and C; every save appends a `PositionChange` (who, when, which
fields, old -> new) so the history of the agreement is never lost. Validation of what a card
submitted, and stale-form detection, live in `assessment.position_edit`.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from assessment.action_status import ActionStatus, StatusChange
from assessment.model import Record

MAX_NARRATIVE = 4000
"""Longest evidence narrative (characters)."""
MAX_OWNER = 300
"""Longest accountability / ownership / governance entry (lead person or agency)."""
MAX_STAKEHOLDERS = 2000
"""Longest list of stakeholder partners and their roles."""
MAX_ACTION_PLAN = 4000
"""Longest specific action plan."""
MAX_REVIEW_DATES = 3
"""Most review points one C may carry."""

FieldValue = int | str | tuple[str, ...] | None
"""A field's value as kept in the history: its JSON form (dates as ISO strings)."""


class Timeframe(StrEnum):
    """Implementation timeframe, as the template offers it (police use Gold/Silver/Bronze)."""

    STRATEGIC = "strategic"
    OPERATIONAL = "operational"
    GOLD = "gold"
    SILVER = "silver"
    BRONZE = "bronze"


class PositionFields(BaseModel):
    """What the template asks per C; every field may be empty until the partnership agrees."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    score: int | None = Field(default=None, ge=1, le=6)
    evidence: str = Field(default="", max_length=MAX_NARRATIVE)
    accountability: str = Field(default="", max_length=MAX_OWNER)
    stakeholders: str = Field(default="", max_length=MAX_STAKEHOLDERS)
    action_plan: str = Field(default="", max_length=MAX_ACTION_PLAN)
    timeframe: Timeframe | None = None
    review_dates: tuple[date, ...] = Field(default=(), max_length=MAX_REVIEW_DATES)

    def value(self, name: str) -> FieldValue:
        """The JSON form of one field, as history records it."""
        raw: FieldValue | list[str] = self.model_dump(mode="json", include={name})[name]
        return tuple(raw) if isinstance(raw, list) else raw

    @property
    def is_started(self) -> bool:
        return self != PositionFields()

    @property
    def missing(self) -> tuple[str, ...]:
        """Which of owner, action plan and timeframe are still to be agreed, in that order."""
        wanted = {"accountability": self.accountability, "action_plan": self.action_plan}
        gaps = [name for name, text in wanted.items() if not text]
        return (*gaps, "timeframe") if self.timeframe is None else tuple(gaps)

    @property
    def in_hand(self) -> bool:
        """Whether someone owns the C with a plan and a timeframe: the action is under way."""
        return not self.missing

    def overdue_review(self, today: date) -> date | None:
        """The earliest review point before `today` (a review on `today` is not overdue)."""
        past = [d for d in self.review_dates if d < today]
        return min(past) if past else None


POSITION_FIELDS: tuple[str, ...] = tuple(PositionFields.model_fields)
"""Field names in template order; catalogue labels are `position.field.<name>`."""


class FieldChange(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    old: FieldValue = None
    new: FieldValue = None


class PositionChange(BaseModel):
    """One save: who made it, when, and the revision it produced."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    by: str
    by_name: str | None = None
    at: datetime
    revision: int = Field(ge=1)
    changes: tuple[FieldChange, ...]

    @property
    def field_names(self) -> frozenset[str]:
        return frozenset(c.field for c in self.changes)


class AgreedPosition(Record):
    """The stored document: one per round and C, guarded by `revision` like every record."""

    round_id: str
    partnership_id: str
    component_id: str
    agreed: PositionFields = Field(default_factory=PositionFields)
    changed_by: str | None = None
    changed_at: datetime | None = None
    history: tuple[PositionChange, ...] = ()
    # -- follow-through (issue 11) --
    carried_from: str | None = None
    """Title of the previous round this position was carried forward from, until a lead
    confirms or changes it (`assessment.carry_forward`)."""
    status_history: tuple[StatusChange, ...] = ()
    """The action's steps through the seed's cycle (`assessment.action_status`), oldest
    first; carried forward with the position, since the action spans rounds."""

    @property
    def action_status(self) -> ActionStatus | None:
        return self.status_history[-1].status if self.status_history else None

    @staticmethod
    def key(round_id: str, component_id: str) -> str:
        return f"{round_id}/{component_id}"

    def changes_since(self, revision: int) -> tuple[PositionChange, ...]:
        """The saves made after the form showing `revision` was opened."""
        return tuple(c for c in self.history if c.revision > revision)
