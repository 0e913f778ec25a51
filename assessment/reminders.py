"""When the bot reminds a practitioner on its own: rules, no I/O.

An unfinished response gets a reminder `idle_days` after the person last answered, at most
one a week (`MIN_GAP`), only while the round is open. The reminder's key names the idle spell
(the response's `updated_at`), so answering again starts a new spell and the log tells a
restarted app what was already sent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
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


# -- review dates (issue 11): a card to the round's leads when a C's review date arrives -----

REVIEW_WINDOW = timedelta(days=7)
"""A review date older than this when first seen (e.g. set before the bot could send) is left to
the summary's overdue prompt rather than sent late."""


def review_key(round_id: str, component_id: str, review: date, recipient: str) -> str:
    return f"{ReminderKind.REVIEW.value}/{round_id}/{component_id}/{review.isoformat()}/{recipient}"


def reviews_arrived(review_dates: Iterable[date], today: date) -> list[date]:
    """The C's review dates that have arrived (today or in the last week)."""
    return sorted(d for d in review_dates if today - REVIEW_WINDOW < d <= today)


def london_today(now: datetime) -> date:
    return now.astimezone(LONDON).date()


def names_owner(accountability: str, name: str | None) -> bool:
    """Whether the accountability entry names this person (by their Teams display name)."""
    if not name or not name.strip():
        return False
    return re.search(rf"\b{re.escape(name.strip())}\b", accountability, re.IGNORECASE) is not None
