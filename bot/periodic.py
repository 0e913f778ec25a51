"""Jobs the app repeats in the background while it serves (the retention purge, reminders).

One loop for both: a failing run is logged by its error type only (never data) and the job
runs again at the next interval; the task is cancelled when the app stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]


async def repeat(
    job: Callable[[], Awaitable[object]], interval_seconds: float, sleep: Sleep, name: str,
    *, at_once: bool = False,
) -> None:
    """Run `job` every `interval_seconds` for ever: first after one interval, or at once."""
    if at_once:
        await _run(job, name)
    while True:
        await sleep(interval_seconds)
        await _run(job, name)


async def _run(job: Callable[[], Awaitable[object]], name: str) -> None:
    try:
        await job()
    except Exception as error:  # keep going next time; the log says what failed
        log.error("%s failed: %s", name, type(error).__name__)


@contextlib.asynccontextmanager
async def in_background(work: Coroutine[Any, Any, None]) -> AsyncIterator[None]:
    """Run `work` as a task while the block runs; cancel it and wait for it at the end."""
    task = asyncio.create_task(work)
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
