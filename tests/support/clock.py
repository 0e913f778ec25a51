"""Test clocks: one whose each reading is a second after the last (every event has its own
time), and one that stands still until a test moves it."""

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


class FixedClock:
    """A clock that reads `now` until the test moves it (expiry to the exact second)."""

    def __init__(self, start: datetime = LATE_NOVEMBER) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now
