"""Compare-and-set saves lose to a concurrent save now and then: read again and retry."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from assessment.errors import ConcurrentUpdate

T = TypeVar("T")

SAVE_ATTEMPTS = 5
"""Attempts before a change gives up; only a storm of saves to one record needs more than 2."""


async def retrying(attempt: Callable[[], Awaitable[T]]) -> T:
    """Run `attempt` (which reads, decides and saves) until no concurrent save beats it."""
    for _ in range(SAVE_ATTEMPTS - 1):
        try:
            return await attempt()
        except ConcurrentUpdate:
            continue
    return await attempt()
