"""Benchmark: the cost of saving one answer as the TinyDB store grows, and event-loop lag.

For 10, 1,000, 10,000 and 100,000 answers already stored (12-answer responses in one round,
built in bulk by `bench.store_fixtures`), it times "save one answer" (get_response, add or
change one answer, save_response) one at a time, the summary read of that round
(responses_of), and the longest event-loop lag seen by a 1 ms ticker during a burst of
concurrent saves. Prints a table; writes bench/results/store_writes.json. Asserts nothing.
Run: .venv/bin/python -m bench.store_writes [--sizes 10 1000] [--samples 400]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assessment.model import Answer
from bench import store_fixtures as fx
from storage.tinydb_layout import Layout
from storage.tinydb_store import TinyDBStore

RESULTS = Path(__file__).parent / "results" / "store_writes.json"
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


async def max_lag_during(work: Any) -> tuple[float, float]:
    """Run `work` while a 1 ms ticker measures lateness; returns (max lag s, work wall s)."""
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            due = time.perf_counter() + 0.001
            await asyncio.sleep(0.001)
            lags.append(time.perf_counter() - due)

    tick = asyncio.create_task(ticker())
    started = time.perf_counter()
    await work
    wall = time.perf_counter() - started
    done.set()
    await tick
    return max(lags, default=0.0), wall


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


async def measure(size: int, base_dir: Path, samples: int) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix=f"store-{size}-", dir=base_dir))
    first = TinyDBStore(data_dir)
    await first.open()
    await first.close()
    built = time.perf_counter()
    responses = fx.fill(Layout.load_or_create(data_dir), size)
    build_s = time.perf_counter() - built
    store = TinyDBStore(data_dir)
    await store.open()
    try:
        summary_cold = time.perf_counter()
        found = await store.responses_of(fx.ROUND_ID)
        summary_cold = time.perf_counter() - summary_cold
        assert len(found) == responses, "the bulk-built store does not read back"
        summary_lag, summary_warm = await max_lag_during(store.responses_of(fx.ROUND_ID))
        costs = await time_saves(store, samples)
        burst = asyncio.gather(*(save_one_answer(store, f"burst-{i}", 1) for i in range(BURST)))
        burst_lag, burst_wall = await max_lag_during(burst)
    finally:
        await store.close()
    return {
        "stored_answers": size,
        "stored_responses": responses,
        "build_s": round(build_s, 2),
        "save_median_ms": ms(statistics.median(costs)),
        "save_p90_ms": ms(statistics.quantiles(costs, n=10)[-1]),
        "save_max_ms": ms(max(costs)),
        "burst_saves": BURST,
        "burst_wall_ms": ms(burst_wall),
        "burst_max_loop_lag_ms": ms(burst_lag),
        "summary_read_cold_ms": ms(summary_cold),
        "summary_read_warm_ms": ms(summary_warm),
        "summary_max_loop_lag_ms": ms(summary_lag),
    }


COLUMNS = [
    ("stored_answers", "answers"),
    ("stored_responses", "responses"),
    ("save_median_ms", "save p50 ms"),
    ("save_p90_ms", "save p90 ms"),
    ("burst_max_loop_lag_ms", f"lag {BURST} saves ms"),
    ("summary_read_cold_ms", "summary cold ms"),
    ("summary_read_warm_ms", "summary warm ms"),
    ("summary_max_loop_lag_ms", "lag summary ms"),
]


def print_table(rows: list[dict[str, Any]]) -> None:
    print(" | ".join(title for _, title in COLUMNS))
    for row in rows:
        print(" | ".join(f"{row[key]:>{len(title)}}" for key, title in COLUMNS))


async def main(sizes: list[int], samples: int, base_dir: Path) -> None:
    rows = [await measure(size, base_dir, samples) for size in sizes]
    print_table(rows)
    baseline = rows[0]["save_median_ms"]
    for row in rows:
        row["save_median_vs_smallest"] = round(row["save_median_ms"] / baseline, 2)
    report = {
        "benchmark": "store_writes",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "samples_per_size": samples,
        "fixture": "bulk-written TinyDB files (store layout and format), then os.sync()",
        "rows": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 1_000, 10_000, 100_000])
    parser.add_argument("--samples", type=int, default=400)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    asyncio.run(main(args.sizes, args.samples, args.dir))
