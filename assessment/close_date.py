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
