"""When the bot reminds a practitioner on its own: rules, no I/O.

An unfinished response gets a reminder `idle_days` after the person last answered, at most
one a week (`MIN_GAP`), only while the round is open. The reminder's key names the idle spell
(the response's `updated_at`), so answering again starts a new spell and the log tells a
restarted app what was already sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from assessment.followup_ports import ReminderKind, SentReminder
from assessment.model import Response, Round

DEFAULT_IDLE_DAYS = 7
"""Days after a practitioner last answered before the bot reminds them."""
MIN_GAP = timedelta(days=7)
"""No one gets two idle reminders for the same round within a week."""
LONDON = ZoneInfo("Europe/London")
"""Dates people see are in UK time."""


def idle_key(response: Response) -> str:
    """What one idle reminder is about: this round, this respondent, this idle spell."""
    spell = response.updated_at.strftime("%Y%m%dT%H%M%S")
    return f"{ReminderKind.IDLE.value}/{response.round_id}/{response.respondent}/{spell}"


def idle_reminder_due(
    round_: Round,
    response: Response,
    sent: Iterable[SentReminder],
    now: datetime,
    idle_days: int = DEFAULT_IDLE_DAYS,
) -> bool:
    """Whether `response`'s owner should get an idle reminder now (`sent`: the round's log)."""
    if not round_.is_open or response.is_complete:
        return False
    if now - response.updated_at < timedelta(days=idle_days):
        return False
    key = idle_key(response)
    mine = [s for s in sent if s.recipient == response.respondent and s.kind is ReminderKind.IDLE]
    if any(s.key == key for s in mine):
        return False
    return all(now - s.sent_at >= MIN_GAP for s in mine)


def idle_claim(response: Response, now: datetime) -> SentReminder:
    return SentReminder(
        key=idle_key(response),
        round_id=response.round_id,
        kind=ReminderKind.IDLE,
        recipient=response.respondent,
        sent_at=now,
    )


def local_date(moment: datetime) -> str:
    """A date as people in the UK read it, e.g. 29 November 2026."""
    return moment.astimezone(LONDON).strftime("%-d %B %Y")
