"""What follow-through (issue 11) needs from a store: a log of the reminders the bot sent on its
own, and the members of a partnership (whom a reminder may reach).

Why a claim and not a plain save: the scheduler may run in several app instances at once.
`claim_reminder` records a reminder *before* it is sent and returns False to everyone but the
first caller, so each due reminder has exactly one sender, and a restarted app reads the log
and never sends it twice. A send that fails (not a refusal) is `release`d, so the next tick
retries it instead of skipping it.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict


class ReminderKind(StrEnum):
    IDLE = "idle"
    """A practitioner's unfinished response, some days after they last answered."""
    REVIEW = "review"
    """A C's review date has arrived (to the round's leads)."""
    AUTO_CLOSE = "auto_close"
    """The round's close date has come: closed by the bot, summary posted."""
    REMIND = "remind"
    """A lead pressed Remind <agency>: members who have not started are reminded 1:1."""
    DIGEST = "digest"
    """A weekly progress note to the round's channel (`--digest`)."""


class SentReminder(BaseModel):
    """One reminder claimed (and then sent); `key` says what it was, so it is never repeated.

    `recipient` is the respondent key of the round (a pseudonym in anonymous rounds) or a lead's
    id, never a name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    round_id: str
    kind: ReminderKind
    recipient: str = ""
    sent_at: datetime


class FollowUpStore(Protocol):
    async def claim_reminder(self, sent: SentReminder) -> bool:
        """Record `sent` unless a reminder with its key is recorded: True if this call did."""
        ...

    async def release_reminder(self, key: str) -> None:
        """Forget a claim whose send failed, so a later tick sends it."""

    async def reminders_of(self, round_id: str) -> list[SentReminder]:
        """Reminders recorded for the round, oldest first."""
        ...

    async def forget_reminders(self, round_id: str, recipient: str) -> int:
        """Erasure: drop the round's log entries about `recipient`; how many went."""
        ...

    async def members_of(self, partnership_id: str) -> list[str]:
        """AAD ids of the partnership's known members, sorted."""
        ...
