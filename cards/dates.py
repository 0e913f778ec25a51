"""Dates and times on cards: `assessment.dates`, shared with the board's report so both write
a date the same way."""

from __future__ import annotations

from assessment.dates import (
    TIME_ZONE,
    babel_locale,
    card_calendar_day,
    card_moment,
    card_short_moment,
    long_day,
)

__all__ = [
    "TIME_ZONE", "babel_locale", "card_calendar_day", "card_moment", "card_short_moment",
    "long_day",
]
