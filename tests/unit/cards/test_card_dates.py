"""Dates on cards read as people in the UK write them, in UK time, with the time of day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from assessment.dates import long_day, long_local_day
from cards.dates import card_calendar_day, card_moment, card_short_moment
from messages import load_catalogue
from messages.formatting import when


def test_a_moment_reads_day_month_year_and_24_hour_time() -> None:
    assert card_moment(datetime(2026, 11, 29, 14, 2, tzinfo=UTC)) == "29 Nov 2026, 14:02"


def test_summer_times_are_shown_in_british_summer_time() -> None:
    assert card_moment(datetime(2026, 7, 1, 8, 30, tzinfo=UTC)) == "1 Jul 2026, 09:30"


def test_a_stored_naive_time_is_taken_as_utc() -> None:
    assert card_moment(datetime(2026, 7, 1, 8, 30)) == "1 Jul 2026, 09:30"


def test_a_confirmation_says_day_and_time() -> None:
    assert card_short_moment(datetime(2026, 11, 29, 14, 2, tzinfo=UTC)) == "29 Nov 14:02"


def test_a_calendar_day_has_no_time() -> None:
    assert card_calendar_day(date(2026, 11, 29)) == "29 Nov 2026"


def test_welsh_uses_welsh_month_names() -> None:
    assert card_moment(datetime(2026, 11, 29, 14, 2, tzinfo=UTC), "cy") == "29 Tach 2026, 14:02"


def test_dates_in_sentences_are_written_in_the_readers_language() -> None:
    """Reminders, digests and refusals say "on 30 November 2026"; a Welsh text must not."""
    assert long_day(date(2026, 11, 30)) == "30 November 2026"
    assert long_day(date(2026, 11, 30), "cy") == "30 Tachwedd 2026"
    late_evening = datetime(2026, 7, 31, 23, 30, tzinfo=UTC)  # 1 August in UK time
    assert long_local_day(late_evening, "cy") == "1 Awst 2026"
    assert when(late_evening, load_catalogue("cy").locale) == "1 Awst 2026"
    assert when(late_evening) == "1 August 2026"
