"""`--closes 2027-01-31`: the day the bot closes a round by itself (issue 11).

The round closes at the start of that day, UK time, so the date must be after today: a date
today or earlier would close the round as it opens. Refused before anything is stored.
"""

from __future__ import annotations

from datetime import date

from assessment.errors import AssessmentError

LONGEST = 366 * 2
"""A round that closes more than two years ahead is a typo, not a plan."""


class InvalidCloseDate(AssessmentError):
    message_id = "error.close_date_invalid"


class CloseDateNotAhead(AssessmentError):
    message_id = "error.close_date_not_ahead"


def parse_close_date(raw: str, today: date) -> date:
    try:
        day = date.fromisoformat(raw.strip())
    except ValueError:
        raise InvalidCloseDate(typed=raw.strip()[:20]) from None
    if day <= today:
        raise CloseDateNotAhead(date=day.isoformat(), today=today.isoformat())
    if (day - today).days > LONGEST:
        raise InvalidCloseDate(typed=day.isoformat())
    return day


# -- `--remind-after N` (issue 11): the round's own idle days before a reminder ---------------

MAX_REMINDER_DAYS = 60


class InvalidReminderDays(AssessmentError):
    message_id = "error.reminder_days_invalid"


def parse_reminder_days(raw: str) -> int:
    """Whole days from 1 to 60; anything else is refused before a round is opened."""
    text = raw.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_REMINDER_DAYS:
        raise InvalidReminderDays(typed=text[:20], most=MAX_REMINDER_DAYS)
    return int(text)
