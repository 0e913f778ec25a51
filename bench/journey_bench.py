"""Benchmark: practitioners walking the whole 12-C journey against `twelvecs serve`, beside the
botbuilder echo bots under the same load; and the bot's start-up time and memory.

One fake connector process; `twelvecs serve` (TinyDB store in a temp dir), the stock echo bot
(the floor) and our fast-adapter echo bot, each its own process. Before any timing the lead
opens a round in the team channel (roster of every simulated practitioner), the round is
topped up with bulk-written answers so that 10,000 are stored once the load has run, the bot
is restarted on that store (start-up timed) and the lead looks at the summary once. Then runs
alternate between the bots, fresh practitioners every run; the echo bots get the same users
and turns per user. After the load the lead asks for the summary again and the bot's
resident memory is read. Run on its own: `python -m bench.journey_bench [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from bench import footprint
from bench.journey import TURNS_PER_JOURNEY, in_channel, journey_scenario, start_only_scenario
from bench.journey_setup import LEAD, STORED_ANSWERS, WARM_UP_USERS, Plan, set_up_round
from bench.load import Scenario, echo_scenario
from bench.processes import ServerProcess, python_server
from bench.runner import measure
from bench.spy import journey_breakdown, py_spy, top_entries
from bench.workdir import work_dir

BOTS = ("twelvecs", "stock echo", "fast echo")
FIGURES = ("turns_per_s", "p50_ms", "p95_ms", "p99_ms", "bot_cpu_ms")


def scenario_for(bot: str, start: Any, users: int, journeys: int) -> Scenario:
    if bot == "twelvecs":
        return journey_scenario(start, users, journeys)
    return echo_scenario(TURNS_PER_JOURNEY * journeys)


async def run_matrix(
    plan: Plan, bots: dict[str, ServerProcess], connector: ServerProcess, start: Any
) -> list[dict[str, Any]]:
    """Every (repeat, users, bot) run, alternating bots; the median of each figure per row."""
    runs: dict[tuple[str, int], list[dict[str, Any]]] = {}
    warm_up = journey_scenario(start, WARM_UP_USERS, 1)
    await measure(bots["twelvecs"], connector, warm_up, WARM_UP_USERS, 0)
    for name in BOTS[1:]:
        await measure(bots[name], connector, echo_scenario(10), 2, 900_000)
    for repeat in range(plan.repeats):
        for users in plan.users:
            for name in BOTS:
                first = plan.firsts[(repeat, users)] if name == "twelvecs" else 1_000_000
                scenario = scenario_for(name, start, users, plan.journeys(users))
                run = await measure(bots[name], connector, scenario, users, first)
                runs.setdefault((name, users), []).append(run)
    return [_median_row(name, runs[(name, u)]) for u in plan.users for name in BOTS]


def _median_row(bot: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    row: dict[str, Any] = {"bot": bot, "users": runs[0]["users"]}
    row["turns"] = sum(r["turns"] for r in runs)
    row["errors"] = sum(r["errors"] for r in runs)
    row |= {k: round(statistics.median(r[k] for r in runs), 2) for k in FIGURES}
    for kind in ("start", "answer"):
        found = [r["p99_by_kind_ms"][kind] for r in runs if kind in r["p99_by_kind_ms"]]
        row[f"{kind}_p99_ms"] = round(statistics.median(found), 1) if found else ""
    return row


def with_ratios(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row's throughput against the stock echo bot's at the same user count."""
    stock = {r["users"]: r["turns_per_s"] for r in rows if r["bot"] == "stock echo"}
    return [{**r, "x_stock": round(r["turns_per_s"] / stock[r["users"]], 2)} for r in rows]


async def spy_run(
    plan: Plan, bot: ServerProcess, connector: ServerProcess, start: Any, out: Path
) -> None:
    """Two more 50-practitioner runs under py-spy (not in the figures): where a turn goes in
    the whole journey, and in Start alone (fresh practitioners, all at once)."""
    runs = (("journey", journey_scenario(start, 50, 1), plan.next_user),
            ("start", start_only_scenario(start), plan.next_user + 50))
    for name, scenario, first in runs:
        folded = out / f"{name}-50.folded"
        async with py_spy(bot.process.pid, folded):
            found = await measure(bot, connector, scenario, 50, first)
        turns = found["turns"]
        report = journey_breakdown(folded, turns) + "\n" + top_entries(folded, turns)
        (out / f"{name}-profile.txt").write_text(report + "\n")
        print(f"--- twelvecs under py-spy, 50 practitioners, {name}: {turns} turns\n{report}")


async def run(plan: Plan, workdir: Path, spy: Path | None = None) -> dict[str, Any]:
    """The whole HTTP benchmark; the figures of `bench.__main__`'s turns and footprint parts.
    With `spy` (a folder), one extra run is profiled with py-spy into it."""
    plan.allocate()
    data_dir, log = workdir / "data", workdir / "serve.log"
    async with AsyncExitStack() as stack:
        connector = await stack.enter_async_context(python_server("bench.fake_connector"))
        start = await set_up_round(plan, data_dir, connector, log)
        times = await footprint.startup_times(data_dir, log, 2)
        ours, seconds = await stack.enter_async_context(footprint.started(data_dir, log))
        bots = {"twelvecs": ours}
        for name, adapter in (("stock echo", "stock"), ("fast echo", "fast")):
            echo = python_server("bench.echo_bot", ["--adapter", adapter])
            bots[name] = await stack.enter_async_context(echo)
        url = ours.url + "/api/messages"
        before = await in_channel(url, connector.url, LEAD, "summary")
        rows = with_ratios(await run_matrix(plan, bots, connector, start))
        after = await in_channel(url, connector.url, LEAD, "summary")
        memory = footprint.memory_mb(ours.process.pid)
        if spy is not None:
            await spy_run(plan, ours, connector, start, spy)
    return {
        "turns": rows,
        "footprint": {
            **footprint.startup_figures([*times, seconds]),
            **memory,
            "stored_answers": max(STORED_ANSWERS, plan.answers()),
            "summary_turn_before_load_ms": round(before.latency * 1000, 1),
            "summary_turn_after_load_ms": round(after.latency * 1000, 1),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="1,10,50")
    parser.add_argument("--turns", type=int, default=600, help="about this many turns a run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--spy", type=Path, help="folder for a py-spy profile of one more run")
    args = parser.parse_args()
    plan = Plan([int(u) for u in args.users.split(",")], args.repeat, args.turns)
    if args.spy:
        args.spy.mkdir(parents=True, exist_ok=True)
    with work_dir("twelvecs-bench-") as workdir:
        found = asyncio.run(run(plan, Path(workdir), args.spy))
    for row in found["turns"]:
        print(row)
    print(found["footprint"])


if __name__ == "__main__":
    main()
