"""Stock echo bot vs echo bot with `bot.botframework.cloud_adapter`, under the same HTTP load.

Run: `python -m bench.echo_bench [--users 1,10,50] [--turns 600] [--repeat 3]`. Both bots
run side by side as their own processes, with one fake connector; runs alternate between
them and each figure is the median of the repeats, so a busy machine skews both alike.
Prints a table and writes bench/results/echo.json. `--profile DIR` writes a pyinstrument
profile of each bot process (profiling slows the bot: take figures from a run without it);
`--spy DIR` adds one extra 10-user run per bot under py-spy and prints its top entries.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.load import echo_scenario
from bench.machine import machine
from bench.processes import ServerProcess, python_server
from bench.runner import measure
from bench.spy import breakdown, py_spy, top_entries

RESULTS = Path(__file__).parent / "results" / "echo.json"
ADAPTERS = ("stock", "fast")
FIGURES = ("turns_per_s", "p50_ms", "p95_ms", "p99_ms", "bot_cpu_ms", "connector_cpu_ms",
           "loadgen_cpu_ms")


def median_row(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One row per (adapter, users): the median of each figure over the repeats."""
    row = {k: runs[0][k] for k in ("adapter", "users")}
    row["turns"] = sum(r["turns"] for r in runs)
    row["errors"] = sum(r["errors"] for r in runs)
    row |= {k: round(statistics.median(r[k] for r in runs), 2) for k in FIGURES}
    return row


async def start_bots(
    stack: AsyncExitStack, connector: ServerProcess, profile: Path | None
) -> dict[str, ServerProcess]:
    """One echo bot process per adapter, each warmed up with a few turns."""
    bots: dict[str, ServerProcess] = {}
    for adapter in ADAPTERS:
        bot_args = ["--adapter", adapter]
        if profile:
            bot_args += ["--profile", str(profile / f"echo-{adapter}.txt")]
        bots[adapter] = await stack.enter_async_context(python_server("bench.echo_bot", bot_args))
        await measure(bots[adapter], connector, echo_scenario(10), 2, first_user=900_000)
    return bots


async def run_matrix(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Every (repeat, users, adapter) run, alternating adapters; fresh users every run."""
    users = [int(u) for u in args.users.split(",")]
    runs: dict[tuple[str, int], list[dict[str, Any]]] = {}
    async with AsyncExitStack() as stack:
        connector = await stack.enter_async_context(python_server("bench.fake_connector"))
        bots = await start_bots(stack, connector, args.profile)
        for first, (count, adapter) in enumerate(
            (u, a) for _ in range(args.repeat) for u in users for a in ADAPTERS
        ):
            scenario = echo_scenario(max(12, args.turns // count))
            run = await measure(bots[adapter], connector, scenario, count, first * 1000)
            runs.setdefault((adapter, count), []).append({"adapter": adapter, **run})
        if args.spy:
            await spy_runs(bots, connector, args.spy)
    return [median_row(runs[(a, u)]) for a in ADAPTERS for u in users]


async def spy_runs(
    bots: dict[str, ServerProcess], connector: ServerProcess, folder: Path
) -> None:
    """Profile each bot with py-spy during one 10-user run; not part of the figures."""
    for adapter, bot in bots.items():
        folded = folder / f"echo-{adapter}.folded"
        async with py_spy(bot.process.pid, folded):
            run = await measure(bot, connector, echo_scenario(150), 10, 800_000)
        report = breakdown(folded, run["turns"]) + "\n" + top_entries(folded, run["turns"])
        folded.with_suffix(".txt").write_text(report + "\n")
        print(f"--- {adapter}: py-spy, 10 users, {run['turns']} turns\n{report}")


def table(rows: list[dict[str, Any]]) -> str:
    """A plain-text table, with the throughput ratio against the stock adapter."""
    stock = {r["users"]: r["turns_per_s"] for r in rows if r["adapter"] == "stock"}
    lines = [f"{'adapter':8} {'users':>5} {'turns':>6} {'err':>4} {'turns/s':>8} {'p50 ms':>7} "
             f"{'p95 ms':>7} {'p99 ms':>7} {'bot cpu ms/turn':>15} {'x stock':>7}"]
    for r in rows:
        ratio = r["turns_per_s"] / stock[r["users"]] if stock.get(r["users"]) else float("nan")
        lines.append(
            f"{r['adapter']:8} {r['users']:>5} {r['turns']:>6} {r['errors']:>4} "
            f"{r['turns_per_s']:>8} {r['p50_ms']:>7} {r['p95_ms']:>7} {r['p99_ms']:>7} "
            f"{r['bot_cpu_ms']:>15} {ratio:>7.2f}"
        )
    return "\n".join(lines)


async def main_async(args: argparse.Namespace) -> None:
    rows = await run_matrix(args)
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "method": {
            "turns_per_run": args.turns, "repeats": args.repeat, "figures": "median of repeats",
            "latency": "POST until the bot's last reply reached the fake connector",
            "cpu_ms": "CPU time (user+system) per turn of the bot, fake connector, load generator",
            "profiled": bool(args.profile),
        },
        "runs": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(table(rows))
    print(f"written to {args.out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="1,10,50", help="comma-separated user counts")
    parser.add_argument("--turns", type=int, default=600, help="about this many turns a run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--profile", type=Path, help="folder for pyinstrument profiles")
    parser.add_argument("--spy", type=Path, help="folder for py-spy profiles (needs py-spy)")
    args = parser.parse_args()
    if args.spy:
        args.spy.mkdir(parents=True, exist_ok=True)
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
