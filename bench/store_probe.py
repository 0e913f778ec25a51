"""One measurement of a built TinyDB store, in its own process (so no other size's cache
weighs on the garbage collector): summary reads, sequential saves, a burst's loop lag.

Run by bench.store_writes: python -m bench.store_probe DATA_DIR RESPONSES SAMPLES;
prints one JSON object.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Awaitable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assessment.model import Answer
from bench import store_fixtures as fx
from bot.cli import freeze_startup_objects
from storage.tinydb_store import TinyDBStore

WRITERS = 50
BURST = 200


async def save_one_answer(store: TinyDBStore, respondent: str, step: int) -> None:
    """What a practitioner's card submit does to the store."""
    found = await store.get_response(fx.ROUND_ID, respondent)
    base = found or fx.response(respondent, 0).model_copy(update={"revision": 0})
    component = f"C{step % 12 + 1}"
    now = datetime.now(UTC)
    answer = Answer(
        component_id=component, rating=step % 6 + 1, evidence=fx.EVIDENCE, answered_at=now
    )
    changed = base.model_copy(update={"answers": {**base.answers, component: answer}})
    await store.save_response(changed)


async def time_saves(store: TinyDBStore, samples: int) -> list[float]:
    """Sequential saves over `WRITERS` respondents (created first, as in a live round)."""
    for i in range(WRITERS):
        await save_one_answer(store, f"writer-{i}", 0)
    costs = []
    for step in range(samples):
        started = time.perf_counter()
        await save_one_answer(store, f"writer-{step % WRITERS}", step + 1)
        costs.append(time.perf_counter() - started)
    return costs


class GcPauses:
    """The longest garbage-collector pause while active: it stops every thread, loop included."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.longest = max(self.longest, time.perf_counter() - self._started)

    def __enter__(self) -> GcPauses:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


async def max_lag_during(work: Awaitable[Any]) -> tuple[float, float, float]:
    """Run `work` while a 1 ms ticker measures lateness; returns (max lag, wall, longest GC)."""
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            due = time.perf_counter() + 0.001
            await asyncio.sleep(0.001)
            lags.append(time.perf_counter() - due)

    with GcPauses() as pauses:
        tick = asyncio.create_task(ticker())
        started = time.perf_counter()
        await work
        wall = time.perf_counter() - started
        done.set()
        await tick
    return max(lags, default=0.0), wall, pauses.longest


async def probe(store: TinyDBStore, responses: int, samples: int) -> dict[str, float]:
    started = time.perf_counter()
    found = await store.responses_of(fx.ROUND_ID)
    cold = time.perf_counter() - started
    assert len(found) >= responses, "the bulk-built store does not read back"
    summary_lag, warm, summary_gc = await max_lag_during(store.responses_of(fx.ROUND_ID))
    costs = await time_saves(store, samples)
    burst = (save_one_answer(store, f"burst-{i}", 1) for i in range(BURST))
    burst_lag, _, burst_gc = await max_lag_during(asyncio.gather(*burst))
    return {
        "save_median": statistics.median(costs),
        "save_p90": statistics.quantiles(costs, n=10)[-1],
        "burst_lag": burst_lag,
        "burst_gc": burst_gc,
        "summary_cold": cold,
        "summary_warm": warm,
        "summary_lag": summary_lag,
        "summary_gc": summary_gc,
    }


async def main(data_dir: Path, responses: int, samples: int) -> None:
    store = TinyDBStore(data_dir)
    await store.open()
    if os.environ.get("BENCH_NO_FREEZE") is None:
        freeze_startup_objects()  # as `twelvecs serve` does once started
    try:
        print(json.dumps(await probe(store, responses, samples)))
    finally:
        await store.close()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])))
