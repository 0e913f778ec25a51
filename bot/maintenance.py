"""The retention purge (expired rounds' responses, records of people no longer using the bot,
and the one-off re-keying of old responses) inside the running app.

Runs once at start, before the first request (so responses stored under plain AAD ids by
older versions are keyed before anyone looks them up: once per store, recorded there), then
every `interval_seconds`.
`sleep` is injectable so tests run days in milliseconds with a test clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from assessment.person_retention import PeopleRetention
from assessment.ports import Store
from assessment.pseudonym import Pseudonymiser
from assessment.retention import RetentionService, rekey_legacy_responses_once
from bot.periodic import in_background, repeat

log = logging.getLogger(__name__)
JOB = "retention-purge"


@runtime_checkable
class ExclusiveJobs(Protocol):
    """A store shared by several instances (PostgreSQL) that lets one of them run a job."""

    def exclusive(self, job: str, every_seconds: float) -> AbstractAsyncContextManager[bool]: ...


@dataclass
class Maintenance:
    store: Store
    pseudonyms: Pseudonymiser
    retention: RetentionService
    interval_seconds: float
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    people: PeopleRetention | None = None
    """The expiry of person records (None: the purge leaves people alone)."""

    async def run_once(self) -> None:
        """Purge here, unless another instance sharing the store is doing it or just did."""
        if not isinstance(self.store, ExclusiveJobs):
            await self._purge()
            return
        async with self.store.exclusive(JOB, self.interval_seconds) as mine:
            if mine:
                await self._purge()
            else:
                log.info("retention purge skipped: another instance ran it")

    async def _purge(self) -> None:
        moved = await rekey_legacy_responses_once(self.store, self.pseudonyms)
        if moved:
            log.info("keyed %d responses stored under plain ids", moved)
        purged = await self.retention.purge()
        if purged:
            log.info("retention purge emptied %d rounds", len(purged))
        if self.people is not None:
            forgotten = await self.people.purge()
            if forgotten:
                log.info("retention purge removed %d person records", forgotten)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Run now, then keep running in the background until the app stops."""
        await self.run_once()
        job = repeat(self.run_once, self.interval_seconds, self.sleep, "retention purge")
        async with in_background(job):
            yield
