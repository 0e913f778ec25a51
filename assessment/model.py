"""The self-assessment's records: partnerships, rounds, people, responses and answers.

Identities are Teams/Entra ids (tenant, AAD object id, team or group chat id) kept as plain
strings; conversation references are opaque dicts owned by the host adapter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

MAX_TEXT = 2000
"""Longest evidence or suggestion a practitioner may type (characters)."""
MAX_TITLE = 120
"""Longest round title."""

REVIEW = "review"
"""The response position after the last C: the review card."""


class Agency(StrEnum):
    POLICE = "police"
    HEALTH = "health"
    CHILDRENS_SERVICES = "childrens_services"
    ADULT_SOCIAL_CARE = "adult_social_care"
    EDUCATION = "education"
    PROBATION_YOUTH_JUSTICE = "probation_youth_justice"
    HOUSING = "housing"
    VOLUNTARY_SECTOR = "voluntary_sector"
    OTHER = "other"


class Language(StrEnum):
    """The languages the bot speaks (Welsh Language Standards: Welsh no less favourably)."""

    ENGLISH = "en"
    WELSH = "cy"


class PartnershipKind(StrEnum):
    TEAM = "team"
    GROUP_CHAT = "groupChat"


class Record(BaseModel):
    """A stored document: `revision` guards against lost updates (optimistic concurrency)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    revision: int = Field(default=0, ge=0)


class Partnership(Record):
    """A team or group chat that assesses itself together."""

    id: str
    tenant_id: str
    kind: PartnershipKind
    external_id: str
    name: str | None = None
    open_round_id: str | None = None
    welsh_first: bool = False
    """Shared posts (announcements, reminders) put Welsh first (issue 13)."""
    round_change: Round | None = None
    """The round as opening or closing it left it, committed here in the same compare-and-set
    as `open_round_id`, until it is in the round's own record too: a crash between the two
    writes is rolled forward by the next use case that reads the partnership."""
    # -- follow-through (issue 11) --
    agencies: tuple[Agency, ...] | None = None
    """The agencies taking part, as the leads set them (`agencies`); None: the default list."""

    @staticmethod
    def make_id(tenant_id: str, kind: PartnershipKind, external_id: str) -> str:
        return f"{tenant_id}/{kind.value}/{external_id}"


class Round(Record):
    """One assessment round of a partnership; whoever opens it leads it."""

    id: str
    partnership_id: str
    title: str = Field(min_length=1, max_length=MAX_TITLE)
    opened_by: str
    opened_at: datetime
    closed_at: datetime | None = None
    closed_by: str | None = None
    named: bool = False
    leads: list[str] = Field(default_factory=list)
    lead_names: dict[str, str] = Field(default_factory=dict)
    """Display names of the leads as Teams gave them, to tell others whom to ask."""
    conversation: dict[str, Any] | None = None
    announcement_id: str | None = None
    # -- follow-through (issue 11) --
    closes_on: date | None = None
    """`open round … --closes 2027-01-31`: the bot closes the round on that day (UK time)."""
    weekly_digest: bool = False
    """`--digest`: a weekly note of progress to the round's channel while it is open."""
    reminder_days: int | None = Field(default=None, ge=1, le=60)
    """`--remind-after 10`: idle days before a practitioner is reminded; None: the setting."""

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


Partnership.model_rebuild()  # `round_change` names Round, defined after it


class Person(Record):
    """What the bot remembers about a practitioner: their agency and their 1:1 chat."""

    tenant_id: str
    aad_object_id: str
    agency: Agency | None = None
    language: Language | None = None
    """Chosen with `language`/`iaith`, or taken from Teams at first contact (issue 13)."""
    conversation: dict[str, Any] | None = None
    # -- follow-through (issue 11): reminders the bot sends on its own --
    reminders_stopped: bool = False
    """The person typed `stop reminders`: the bot sends them no reminder of its own."""
    chat_dead: bool = False
    """Teams refused a message to the remembered 1:1 chat (403: bot removed or blocked);
    nothing more is sent there until the person writes to the bot again."""
    last_seen: date | None = None
    """The UK day the person last wrote to the bot (or pressed a button): the person record
    expires `TWELVECS_RETENTION_DAYS` after it. A day, not a time, so it is written at most once
    a day; None in records written before it was kept (the purge dates them when it meets them)."""

    def seen_since(self, day: date) -> bool:
        """Whether the record says the person was seen on `day` or later: the one rule for
        writing the day (a clock a little behind another instance's must not move it back)
        and for finding the records to expire (the stores list the others)."""
        return self.last_seen is not None and self.last_seen >= day


class Answer(BaseModel):
    """One C answered: `rating` None means "not sure"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    component_id: str
    rating: int | None = Field(default=None, ge=1, le=6)
    evidence: str = Field(default="", max_length=MAX_TEXT)
    suggestion: str = Field(default="", max_length=MAX_TEXT)
    answered_at: datetime


class Response(Record):
    """A practitioner's answers in one round, and where they are in the walk."""

    round_id: str
    partnership_id: str
    tenant_id: str
    respondent: str
    agency: Agency
    respondent_name: str | None = None
    started_at: datetime
    updated_at: datetime
    submitted_at: datetime | None = None
    position: str
    return_to_review: bool = False
    answers: dict[str, Answer] = Field(default_factory=dict)

    @property
    def is_complete(self) -> bool:
        return self.submitted_at is not None


# -- inputs to the use cases ------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """Who is asking: a person in a tenant, by AAD object id (never the per-bot `29:` id)."""

    tenant_id: str
    aad_object_id: str
    name: str | None = None


@dataclass(frozen=True)
class AnswerInput:
    """What a card submitted for one C, as typed: the rating arrives as a string."""

    component_id: str
    rating: str
    evidence: str = ""
    suggestion: str = ""
