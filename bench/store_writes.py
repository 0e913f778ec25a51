"""Benchmark: the cost of saving one answer as the TinyDB store grows, and event-loop lag.

For 10, 1,000, 10,000 and 100,000 answers already stored (12-answer responses in one round,
written in bulk by `bench.store_fixtures`), a fresh process per run (`bench.store_probe`)
times "save one answer" (get_response, add or change one answer, save_response) one at a
time, the summary read of the round (responses_of) cold and warm, and the longest lateness
of a 1 ms ticker during a burst of 200 concurrent saves. Sizes are interleaved over the
repeats, so load from elsewhere on a shared machine falls on all alike. The probe itself adds
250 respondents (50 sequential writers, 200 in the burst) on top of the stored answers.
Prints a table; writes bench/results/store_writes.json. Asserts nothing.
Run: .venv/bin/python -m bench.store_writes [--sizes 10 1000] [--samples 400] [--repeats 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import store_fixtures as fx
from bench.workdir import BENCH_DIR
from storage.tinydb_layout import Layout
from storage.tinydb_store import TinyDBStore

RESULTS = Path(__file__).parent / "results" / "store_writes.json"
ROOT = Path(__file__).resolve().parents[1]


async def build(size: int, base_dir: Path) -> tuple[Path, int, float]:
    """A store holding `size` answers: (its directory, responses made, seconds to build)."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"store-{size}-", dir=base_dir))
    first = TinyDBStore(data_dir)
    await first.open()
    await first.close()
    started = time.perf_counter()
    responses = fx.fill(Layout.load_or_create(data_dir), size)
    return data_dir, responses, time.perf_counter() - started


def probe(data_dir: Path, responses: int, samples: int) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.store_probe", str(data_dir), str(responses)]
    done = subprocess.run([*command, str(samples)], cwd=ROOT, capture_output=True, check=True)
    found: dict[str, float] = json.loads(done.stdout)
    return found


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def summarize(size: int, responses: int, build_s: float, runs: list[dict[str, float]]) -> Any:
    def each(key: str) -> list[float]:
        return [ms(run[key]) for run in runs]

    return {
        "stored_answers": size,
        "stored_responses": responses,
        "build_s": round(build_s, 2),
        "save_median_ms": statistics.median(each("save_median")),
        "save_p90_ms": statistics.median(each("save_p90")),
        "burst_max_loop_lag_ms": max(each("burst_lag")),
        "burst_median_loop_lag_ms": statistics.median(each("burst_lag")),
        "burst_longest_gc_pause_ms": max(each("burst_gc")),
        "summary_read_cold_ms": statistics.median(each("summary_cold")),
        "summary_read_warm_ms": statistics.median(each("summary_warm")),
        "summary_max_loop_lag_ms": max(each("summary_lag")),
        "summary_longest_gc_pause_ms": max(each("summary_gc")),
        "per_run": {key: each(key) for key in runs[0]},
    }


async def measure(sizes: list[int], base_dir: Path, samples: int, repeats: int) -> list[Any]:
    built = [await build(size, base_dir) for size in sizes]
    runs: list[list[dict[str, float]]] = [[] for _ in sizes]
    try:
        for repeat in range(repeats):
            for index in [(repeat + k) % len(sizes) for k in range(len(sizes))]:
                data_dir, responses, _ = built[index]
                runs[index].append(probe(data_dir, responses, samples))
    finally:
        for data_dir, _, _ in built:
            shutil.rmtree(data_dir)
    return [
        summarize(size, responses, build_s, found)
        for size, (_, responses, build_s), found in zip(sizes, built, runs, strict=True)
    ]


COLUMNS = [
    ("stored_answers", "answers"),
    ("stored_responses", "responses"),
    ("save_median_ms", "save p50 ms"),
    ("save_p90_ms", "save p90 ms"),
    ("burst_max_loop_lag_ms", "burst max lag ms"),
    ("burst_median_loop_lag_ms", "burst median lag ms"),
    ("summary_read_cold_ms", "summary cold ms"),
    ("summary_read_warm_ms", "summary warm ms"),
    ("summary_max_loop_lag_ms", "summary max lag ms"),
    ("summary_longest_gc_pause_ms", "summary gc ms"),
]


def print_table(rows: list[dict[str, Any]]) -> None:
    print(" | ".join(title for _, title in COLUMNS))
    for row in rows:
        print(" | ".join(f"{row[key]:>{len(title)}}" for key, title in COLUMNS))


async def main(sizes: list[int], samples: int, repeats: int, base_dir: Path) -> None:
    rows = await measure(sizes, base_dir, samples, repeats)
    print_table(rows)
    for row in rows:
        row["save_median_vs_smallest"] = round(row["save_median_ms"] / rows[0]["save_median_ms"], 2)
    report = {
        "benchmark": "store_writes",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_1m_at_end": round(os.getloadavg()[0], 2),
        },
        "samples_per_run": samples,
        "repeats": repeats,
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
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=BENCH_DIR)
    args = parser.parse_args()
    asyncio.run(main(args.sizes, args.samples, args.repeats, args.dir))
