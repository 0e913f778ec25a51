"""Two app instances on one PostgreSQL database send each due reminder once (issue 11).

Both schedulers tick at the same moment over the same store; each reminder is claimed in the
`sent_reminders` table before it is sent, so exactly one instance sends it."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import SCHEDULER
from storage.postgres_store import PostgresStore
from tests.contract.backends import POSTGRES_DSN, drop_schema, postgres_schema
from tests.integration.test_followup_http import reminders_to, start
from tests.support.clock import EARLY_NOVEMBER, FixedClock
from tests.support.harness import running_bot
from tests.support.journey import ALEX, SAM, answer, open_round

pytestmark = pytest.mark.postgres


async def test_two_instances_send_each_due_reminder_once(tmp_path: Path) -> None:
    schema = await postgres_schema()
    clock = FixedClock(EARLY_NOVEMBER)
    try:
        async with (
            running_bot(
                tmp_path / "a", PostgresStore(POSTGRES_DSN, schema=schema), clock,
                scheduler_interval_seconds=0,
            ) as first,
            running_bot(
                tmp_path / "b", PostgresStore(POSTGRES_DSN, schema=schema), clock,
                scheduler_interval_seconds=0,
            ) as second,
        ):
            announcement = await open_round(first, "Spring 2026")
            await answer(first, ALEX, await start(first, ALEX, announcement), "3")
            await answer(first, SAM, await start(first, SAM, announcement), "2")
            clock.now += timedelta(days=7)
            schedulers = [running.bot.server.app[SCHEDULER] for running in (first, second)]
            sent = await asyncio.gather(*(s.tick() for s in schedulers))
            assert sum(sent) == 2
            assert len(reminders_to(first, ALEX)) == 1 and len(reminders_to(first, SAM)) == 1
            assert await asyncio.gather(*(s.tick() for s in schedulers)) == [0, 0]
    finally:
        await drop_schema(schema)
