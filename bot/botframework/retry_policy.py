"""When to retry a Bot Connector call and how long to wait: Teams' rules as plain data.

Why: botbuilder 4.17.1 has no such policy; msrest's urllib3 `Retry` never retries a POST and
sleeps in an executor thread for as long as a Retry-After asks (connector_retry.py).

Teams asks bots to retry 429, 412, 502 and 504 with exponential backoff and jitter, honouring
Retry-After. Waits are "full jitter" (uniform between 0 and a doubling ceiling): many turns
throttled together then spread out instead of retrying in step. See connector_retry.py
for where the policy runs and why its budget is 8 s.
"""

from __future__ import annotations

import email.utils
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

RETRY_STATUSES = frozenset({412, 429, 502, 504})
RETRY_METHODS = frozenset({"GET", "POST", "PUT", "DELETE"})
Draw = Callable[[float, float], float]


@dataclass(frozen=True)
class RetryPolicy:
    """At most `max_attempts` tries, within `budget_seconds`; waits double from `base_seconds`.

    With the defaults the jittered waits are at most 1, 2 and 4 s (7 s in all), under the 8 s
    budget, so the cap on attempts and the budget agree unless Retry-After asks for longer.
    """

    max_attempts: int = 4
    base_seconds: float = 1.0
    max_wait_seconds: float = 4.0
    budget_seconds: float = 8.0

    def retries(self, method: str, status: int) -> bool:
        """Whether this answer is one Teams asks bots to retry (no other 4xx ever is)."""
        return method.upper() in RETRY_METHODS and status in RETRY_STATUSES

    def ceiling(self, retry: int) -> float:
        """The longest jittered wait before retry number `retry` (1, 2, …)."""
        return min(self.max_wait_seconds, self.base_seconds * 2.0 ** (retry - 1))

    def wait(self, retry: int, retry_after: float | None, left: float, draw: Draw) -> float | None:
        """Seconds to wait before retry number `retry`, or None to give up now.

        A Retry-After is honoured as asked; one longer than the `left` of the budget gives up
        at once, since sleeping and then failing anyway only makes the person wait longer.
        """
        if retry >= self.max_attempts:
            return None
        wait = retry_after if retry_after is not None else draw(0.0, self.ceiling(retry))
        return wait if wait <= left else None


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After asks for: delta-seconds or an HTTP date; None when unusable."""
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return _seconds_until(value, now or datetime.now(UTC))
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def _seconds_until(http_date: str, now: datetime) -> float | None:
    try:
        when = email.utils.parsedate_to_datetime(http_date)
    except (TypeError, ValueError, IndexError):
        return None
    when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)  # HTTP dates are GMT
    return max(0.0, (when - now).total_seconds())
