"""Dates written out in Welsh for Welsh readers (Babel's CLDR data, locale "cy").

Cards otherwise leave dates to Teams (`{{DATE(...)}}`), which formats them in the client's
locale: right for English, but a person who chose Welsh in an English Teams client would
read English month names.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from babel.dates import format_date

from messages.catalogue import WELSH, reader_language

WELSH_DAY = "d MMMM y"
"""29 Tachwedd 2026."""


def welsh_date(moment: datetime | date) -> str | None:
    """The date in Welsh when this turn's reader reads Welsh, else None (Teams formats it)."""
    if reader_language() != WELSH:
        return None
    day = moment.astimezone(UTC).date() if isinstance(moment, datetime) else moment
    return str(format_date(day, WELSH_DAY, locale=WELSH))
