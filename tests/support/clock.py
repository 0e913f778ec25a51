"""A test clock: each reading is one second after the last, so every event has its own time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

LATE_NOVEMBER = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
EARLY_NOVEMBER = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


class Clock:
    """Injected where the app takes `clock=`; tests move `now` to jump days ahead."""

    def __init__(self, start: datetime = LATE_NOVEMBER) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now
