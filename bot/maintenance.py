"""The retention purge (expired rounds' responses, records of people no longer using the bot,
and the one-off re-keying of old responses) inside the running app.

The re-keying runs before the first request (so responses stored under plain AAD ids by
older versions are keyed before anyone looks them up: once per store, recorded there); the
purge runs in the background right after start, then every `interval_seconds`.
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

from assessment.clock import Clock
from assessment.erasure import StateKeys
from assessment.person_retention import PeopleRetention
from assessment.ports import Store
from assessment.pseudonym import Pseudonymiser
from assessment.retention import RetentionService, rekey_legacy_responses_once
from bot.periodic import in_background, repeat
from bot.settings import Settings

log = logging.getLogger(__name__)
JOB = "retention-purge"
REKEY_JOB = "rekey-legacy-responses"


def purges(
    settings: Settings, store: Store, clock: Clock, pseudonyms: Pseudonymiser,
    state_keys: StateKeys,
) -> tuple[RetentionService, PeopleRetention]:
    """The rounds' and the people's purge as this deployment's settings make them: one
    place, so the daily job and `twelvecs purge` always remove the same things."""
    days = settings.retention_days
    return (
        RetentionService(store, clock, days, k=settings.min_group_size),
        PeopleRetention(store, clock, pseudonyms, days, state_keys),
    )


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

    async def key_legacy_responses(self) -> None:
        """Key responses older versions stored under plain ids (once per store, recorded
        there); with several instances, one at a time (the others then find it done)."""
        if not isinstance(self.store, ExclusiveJobs):
            await self._rekey()
            return
        async with self.store.exclusive(REKEY_JOB, 0):
            await self._rekey()

    async def _rekey(self) -> None:
        moved = await rekey_legacy_responses_once(self.store, self.pseudonyms)
        if moved:
            log.info("keyed %d responses stored under plain ids", moved)

    async def _purge(self) -> None:
        await self._rekey()
        purged = await self.retention.purge()
        if purged:
            log.info("retention purge emptied %d rounds", len(purged))
        if self.people is not None:
            forgotten = await self.people.purge()
            if forgotten:
                log.info("retention purge removed %d person records", forgotten)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Key old responses before the first request; purge at once in the background, then
        every interval, until the app stops.

        Why the purge does not hold up start-up: it reads every person record and every
        expired round, seconds on a large store during which a restarted instance would not
        be ready, and nothing a turn does depends on it. The re-keying does: a person must
        find their own answers under their keyed id from the first turn.
        """
        await self.key_legacy_responses()
        job = repeat(self.run_once, self.interval_seconds, self.sleep, "retention purge",
                     at_once=True)
        async with in_background(job):
            yield
