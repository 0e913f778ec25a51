"""One instance at a time runs a background job, and once per interval, across all instances.

An advisory lock (keyed by schema and job) makes the others wait while one runs; the
`job_runs` row then tells them it has just been done, so they skip it. The lock is a
session lock on a connection held for the job's length, so a crashed instance frees it.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

LOCK = "SELECT pg_advisory_lock(hashtext('twelvecs-job:' || $1 || ':' || $2))"
UNLOCK = "SELECT pg_advisory_unlock(hashtext('twelvecs-job:' || $1 || ':' || $2))"
RAN_RECENTLY = (
    "SELECT 1 FROM job_runs WHERE job = $1 AND last_run > now() - make_interval(secs => $2)"
)
RAN = (
    "INSERT INTO job_runs (job, last_run) VALUES ($1, now()) "
    "ON CONFLICT (job) DO UPDATE SET last_run = EXCLUDED.last_run"
)


@contextlib.asynccontextmanager
async def claim(pool: Any, schema: str, job: str, every_seconds: float) -> AsyncIterator[bool]:
    """Yield True if this instance should run `job` now (recorded as run when the block
    ends without error), False if another ran it within the last `every_seconds`."""
    async with pool.acquire() as conn:
        try:
            await conn.execute(LOCK, schema, job)
        except BaseException:  # cancelled while waiting: the lock may have been granted
            conn.terminate()
            raise
        try:
            due = await conn.fetchval(RAN_RECENTLY, job, every_seconds * 0.9) is None
            yield due
            if due:
                await conn.execute(RAN, job)
        finally:
            await _unlock(conn, schema, job)


async def _unlock(conn: Any, schema: str, job: str) -> None:
    """Release the job's lock, or close the connection: the pool does not reset sessions
    (`postgres_store._no_session_state_to_reset`), so a held lock must not go back to it."""
    try:
        await conn.execute(UNLOCK, schema, job)
    except BaseException:
        conn.terminate()
        raise
