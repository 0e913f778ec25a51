"""The background loop behind the retention purge and the reminders."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.periodic import in_background, repeat


async def test_a_failing_run_is_logged_by_type_only_and_the_job_runs_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    runs: list[int] = []
    done = asyncio.Event()

    async def job() -> None:
        runs.append(len(runs))
        if len(runs) == 1:
            raise ValueError("name of a child")  # what a bug might carry: never logged
        done.set()

    async def no_wait(seconds: float) -> None:
        await asyncio.sleep(0)

    with caplog.at_level(logging.ERROR):
        async with in_background(repeat(job, 60, no_wait, "retention purge")):
            await asyncio.wait_for(done.wait(), 5)
    assert len(runs) >= 2
    assert "retention purge failed: ValueError" in caplog.text
    assert "name of a child" not in caplog.text


async def test_leaving_the_block_stops_the_loop() -> None:
    runs: list[int] = []
    ran = asyncio.Event()

    async def job() -> None:
        runs.append(1)
        ran.set()

    async def no_wait(seconds: float) -> None:
        await asyncio.sleep(0)

    async with in_background(repeat(job, 60, no_wait, "tick")):
        await asyncio.wait_for(ran.wait(), 5)
    stopped_at = len(runs)
    for _ in range(10):
        await asyncio.sleep(0)
    assert len(runs) == stopped_at
