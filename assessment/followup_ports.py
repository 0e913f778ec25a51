"""What follow-through (issue 11) needs from a store: a log of the reminders the bot sent on its
own, and the members of a partnership (whom a reminder may reach).

Why a claim and not a plain save: the scheduler may run in several app instances at once.
`claim_reminder` records a reminder *before* it is sent and returns False to everyone but the
first caller, so each due reminder has exactly one sender, and a restarted app reads the log
and never sends it twice. Once sent, the claim is `confirm`ed. A send that fails (not a
refusal) is `release`d, so the next tick retries it; a claim never confirmed (the instance
stopped between claim and send) may be taken over once it is older than `CLAIM_LEASE`, so a
crash does not skip the reminder either.
"""

from __future__ import annotations

from datetime import datetime, timedelta
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


CLAIM_LEASE = timedelta(minutes=10)
"""How long a claim not yet confirmed keeps others off: far longer than one send takes."""


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
    """When it was claimed (and then sent)."""
    confirmed: bool = False
    """Sent: set by `confirm_reminder` once Teams accepted it."""

    def holds(self, now: datetime) -> bool:
        """Whether this entry still stands: sent, or claimed within the lease."""
        return self.confirmed or now - self.sent_at < CLAIM_LEASE


class FollowUpStore(Protocol):
    async def claim_reminder(self, sent: SentReminder) -> bool:
        """Record `sent` unless a reminder with its key is recorded (confirmed, or claimed
        less than `CLAIM_LEASE` before `sent.sent_at`): True if this call did."""
        ...

    async def confirm_reminder(self, key: str) -> None:
        """The claimed reminder was sent: it stands for good."""

    async def release_reminder(self, key: str) -> None:
        """Forget a claim whose send failed, so a later tick sends it."""

    async def reminders_of(self, round_id: str) -> list[SentReminder]:
        """Reminders recorded for the round, oldest first."""
        ...

    async def forget_reminders(self, round_id: str, recipient: str) -> int:
        """Erasure: drop the round's log entries about `recipient`; how many went."""
        ...

    async def drop_reminders(self, round_id: str) -> int:
        """Retention: drop the round's whole log; how many entries went."""
        ...

    async def members_of(self, partnership_id: str) -> list[str]:
        """AAD ids of the partnership's known members, sorted."""
        ...
