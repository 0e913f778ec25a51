"""Benchmark: a lead's round summary, from the store to the card, as responses grow.

For 100, 1,000 and 10,000 responses (12 answers each, ~10% "not sure", evidence on a third,
nine agencies, a previous round of the same size and agreed positions on four Cs), times
separately: reading the round from a TinyDB store (`responses_of`, first read after opening
and again), computing the summary (`summarise`), rendering its card (`build_summary_card`),
and one C's detail (`component_detail`); median of several runs. Prints a table with the
cost per response, so growth can be read off. Asserts nothing.
Goal: compute + render <= 100 ms for 1,000 responses, growth no worse than linear.
Run: .venv/bin/python -m bench.summary [--sizes 100 1000 10000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assessment.detail import component_detail
from assessment.publication import publish
from assessment.summary import summarise
from assessment.summary_model import PreviousRound
from bench import store_fixtures as fx
from bench.summary_data import FRAMEWORK, TODAY, make_positions, make_responses, make_round
from bench.workdir import BENCH_DIR
from cards import build_summary_card
from messages import load_catalogue
from storage.tinydb_layout import Layout
from storage.tinydb_store import TinyDBStore

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
"""When the bench's rounds are published."""

CAT = load_catalogue()


def timed(action: Callable[[], object], repeats: int) -> float:
    """Median wall time in milliseconds."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


async def _read_twice(data_dir: Path) -> tuple[float, float]:
    store = TinyDBStore(data_dir)
    await store.open()
    try:
        times = []
        for _ in range(2):
            start = time.perf_counter()
            await store.responses_of(fx.ROUND_ID)
            times.append((time.perf_counter() - start) * 1000)
        return times[0], times[1]
    finally:
        await store.close()


def store_read(size: int) -> tuple[float, float]:
    """Reading a round of `size` responses from a TinyDB store: first read, then again."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="summary-read-", dir=BENCH_DIR))
    try:
        asyncio.run(_read_twice(data_dir))  # creates the store's layout
        fx.fill(Layout.load_or_create(data_dir), size * 12)
        return asyncio.run(_read_twice(data_dir))
    finally:
        shutil.rmtree(data_dir)


def measure(size: int, repeats: int) -> dict[str, Any]:
    rng = random.Random(size)
    round_ = make_round("now")
    responses = make_responses("now", size, rng)
    before = make_round("before")
    earlier = make_responses("before", size, rng)
    previous = PreviousRound(before, earlier, publish(FRAMEWORK, before, earlier, k=3, now=NOW))
    positions = make_positions("now")
    published = publish(FRAMEWORK, round_, responses, k=3, now=NOW)
    summary = summarise(
        FRAMEWORK, round_, responses, positions, previous, TODAY, publication=published
    )
    card = build_summary_card(CAT, FRAMEWORK, summary, partnership_name="North LSCP")
    cold, warm = store_read(size)
    row = {
        "responses": size,
        "read_cold_ms": cold,
        "read_warm_ms": warm,
        "publish_ms": timed(
            lambda: publish(FRAMEWORK, round_, responses, k=3, now=NOW), repeats
        ),
        "summarise_ms": timed(
            lambda: summarise(
                FRAMEWORK, round_, responses, positions, previous, TODAY, publication=published
            ),
            repeats,
        ),
        "render_ms": timed(lambda: build_summary_card(CAT, FRAMEWORK, summary), repeats),
        "card_kb": len(json.dumps(card).encode()) / 1024,
        "detail_ms": timed(
            lambda: component_detail(
                FRAMEWORK, round_, responses, positions, previous, "C4", TODAY,
                publication=published,
            ),
            repeats,
        ),
    }
    row["compute_render_ms"] = row["summarise_ms"] + row["render_ms"]
    row["us_per_response"] = row["compute_render_ms"] * 1000 / size
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()}


COLUMNS = [
    ("responses", "responses"), ("read_cold_ms", "read cold ms"), ("read_warm_ms", "read warm ms"),
    ("publish_ms", "publish ms"), ("summarise_ms", "summarise ms"), ("render_ms", "render ms"),
    ("compute_render_ms", "compute+render ms"), ("us_per_response", "µs/resp"),
    ("card_kb", "card KB"), ("detail_ms", "detail ms"),
]


def table(rows: list[dict[str, Any]]) -> str:
    lines = [" | ".join(title for _, title in COLUMNS)]
    lines += [" | ".join(f"{row[key]:>{len(title)}}" for key, title in COLUMNS) for row in rows]
    return "\n".join(lines)


def run(sizes: list[int], repeats: int) -> list[dict[str, Any]]:
    return [measure(size, repeats) for size in sizes]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    print(table(run(args.sizes, args.repeats)))


if __name__ == "__main__":
    main()
