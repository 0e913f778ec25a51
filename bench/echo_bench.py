"""Stock echo bot vs echo bot with `bot.fast_connector`, under the same HTTP load.

Run: `python -m bench.echo_bench [--users 1,10,50] [--turns 600]`. Prints a table and writes
bench/results/echo.json. `--profile DIR` also writes a pyinstrument profile of each bot
process (profiling slows the bot; use those runs for the profile, not for the figures).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bench.load import echo_scenario, run_load
from bench.processes import python_server
from bench.stats import summarize

RESULTS = Path(__file__).parent / "results" / "echo.json"
ADAPTERS = ("stock", "fast")


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo")
    models = [
        line.split(":", 1)[1].strip()
        for line in (cpuinfo.read_text().splitlines() if cpuinfo.exists() else [])
        if line.startswith("model name")
    ]
    return {
        "cpu": models[0] if models else platform.processor(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "botbuilder": version("botbuilder-core"),
        "platform": platform.platform(),
    }


async def bench_adapter(adapter: str, users: list[int], turns: int, profile: Path | None) -> list[
    dict[str, Any]
]:
    """Measure one adapter at each user count; fresh users (and chats) for every run."""
    bot_args = ["--adapter", adapter]
    if profile:
        bot_args += ["--profile", str(profile / f"echo-{adapter}.txt")]
    rows = []
    async with python_server("bench.fake_connector") as connector, \
            python_server("bench.echo_bot", bot_args) as bot:
        endpoint = bot.url + "/api/messages"
        await run_load(endpoint, connector.url, echo_scenario(10), 2, first_user=100_000)
        for run, count in enumerate(users):
            per_user = max(12, turns // count)
            result = await run_load(
                endpoint, connector.url, echo_scenario(per_user), count, first_user=run * 1000
            )
            rows.append({"adapter": adapter, **summarize(result)})
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    """A plain-text table, with fast/stock throughput ratio per user count."""
    head = f"{'adapter':8} {'users':>5} {'turns':>6} {'err':>4} {'turns/s':>8} " \
           f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'x stock':>7}"
    stock = {r["users"]: r["turns_per_s"] for r in rows if r["adapter"] == "stock"}
    lines = [head]
    for r in rows:
        ratio = r["turns_per_s"] / stock[r["users"]] if stock.get(r["users"]) else float("nan")
        lines.append(
            f"{r['adapter']:8} {r['users']:>5} {r['turns']:>6} {r['errors']:>4} "
            f"{r['turns_per_s']:>8} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['p99_ms']:>8} "
            f"{ratio:>7.2f}"
        )
    return "\n".join(lines)


async def main_async(args: argparse.Namespace) -> None:
    users = [int(u) for u in args.users.split(",")]
    rows = []
    for adapter in ADAPTERS:
        rows += await bench_adapter(adapter, users, args.turns, args.profile)
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "turns_per_run": args.turns,
        "latency": "POST until the bot's last reply reached the fake connector",
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
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--profile", type=Path, help="folder for pyinstrument profiles")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
