"""Benchmark (issue 14): `twelvecs serve` on PostgreSQL with one worker and with two, on
TinyDB with one, under the same 50-practitioner journeys; and 50 Starts at one instant beside
the stock echo bot answering 50 turns at one instant, in the same run.

    .venv/bin/python -m bench.scaleout_bench            # 3 repeats, ~1 minute on 2 cores
    .venv/bin/python -m bench.scaleout_bench --repeat 1

Each configuration gets its own store (a fresh PostgreSQL schema, dropped afterwards, or a
temporary TinyDB folder), roster and round; runs alternate between configurations and every
run uses fresh practitioners. CPU per turn is summed over the bot's whole process tree (the
`--workers` parent and its workers), and the load generator's own CPU is reported as the
share of a core it used, since on 2 cores it competes with the workers. Writes
`bench/results/scaleout.json` and `.md`. Measures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg

from bench import report
from bench.footprint import serve_argv
from bench.journey import enrol, journey_scenario, open_round, practitioners, start_only_scenario
from bench.journey_setup import LEAD
from bench.load import echo_scenario
from bench.machine import machine
from bench.processes import ServerProcess, command_server, free_port, python_server
from bench.runner import measure
from bench.workdir import new_file_us, work_dir

RESULTS = Path(__file__).parent / "results"
DSN = os.environ.get("TWELVECS_BENCH_PG_DSN", "postgresql://postgres@127.0.0.1:5432/test")
USERS = 50
CONFIGS = (("postgres", 1), ("postgres", 2), ("tinydb", 1))
COLUMNS = (
    ("store", "store"), ("workers", "workers"), ("turns_per_s", "journey turns/s"),
    ("p50_ms", "p50 ms"), ("p99_ms", "p99 ms"), ("bot_cpu_ms", "bot CPU ms/turn"),
    ("db_cpu_ms", "PostgreSQL CPU ms/turn"), ("connector_cpu_ms", "connector CPU ms/turn"),
    ("loadgen_cores", "load gen cores"), ("machine_busy_cores", "machine busy cores"),
    ("start_p99_ms", "50 Starts p99 ms"),
    ("echo_p99_ms", "stock echo p99 ms"), ("start_vs_echo", "Start ÷ echo"),
    ("errors", "errors"),
)


class ProcessTree(ServerProcess):
    """A server whose CPU includes its children's (the `--workers` parent's workers)."""

    def cpu_seconds(self) -> float:
        pids = [self.process.pid, *_children(self.process.pid)]
        return sum(_cpu(pid) for pid in pids)


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry.name))
    return found


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _postgres_cpu() -> float:
    """CPU seconds of every PostgreSQL server process (the database shares the 2 cores)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                comm = (entry / "comm").read_text().strip()
            except OSError:
                continue
            if comm in ("postgres", "postmaster"):
                total += _cpu(int(entry.name))
    return total


def _machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]
    tick = os.sysconf("SC_CLK_TCK")
    return (sum(fields) - idle) / tick, sum(fields) / tick


@asynccontextmanager
async def twelvecs(store: str, workers: int, workdir: Path) -> AsyncIterator[ServerProcess]:
    """`twelvecs serve` with `store` and `workers`, ready when `/readyz` answers."""
    port, name = free_port(), f"bench_{uuid.uuid4().hex[:10]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MicrosoftApp", "TWELVECS_"))}
    env |= {"TWELVECS_PSEUDONYM_KEY_FILE": str(workdir / "pseudonym.key"),
            "TWELVECS_STORE": store, "TWELVECS_LOG_LEVEL": "WARNING"}
    if store == "postgres":
        env |= {"TWELVECS_POSTGRES_DSN": DSN, "TWELVECS_POSTGRES_SCHEMA": name}
    argv = [*serve_argv(port, workdir / name), "--workers", str(workers)]
    try:
        async with command_server(argv, port, "/readyz", env, workdir / "serve.log") as bot:
            yield ProcessTree(bot.process, port)
    finally:
        if store == "postgres":
            conn = await asyncpg.connect(DSN)
            await conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
            await conn.close()


class Users:
    """Hands out fresh simulated practitioners, never reused across runs."""

    def __init__(self) -> None:
        self.next = 10

    def take(self, count: int) -> int:
        first, self.next = self.next, self.next + count
        return first


async def prepare(bot: ServerProcess, connector: ServerProcess, users: Users,
                  repeats: int) -> tuple[Any, int]:
    """Roster of every practitioner this bot will see, and a round; (Start data, first user)."""
    first = users.take(2 * USERS * repeats + 2)
    roster = practitioners(first, 2 * USERS * repeats + 2, 1)
    await enrol(bot.url + "/api/messages", connector.url, [LEAD, *roster], chats=False)
    start = await open_round(bot.url + "/api/messages", connector.url, LEAD, "Scale round")
    await measure(bot, connector, journey_scenario(start, 2, 1), 2, first)  # warm-up
    return start, first + 2


async def one_run(bot: ServerProcess, echo: ServerProcess, connector: ServerProcess,
                  start: Any, first: int, repeat: int) -> dict[str, Any]:
    base = first + 2 * USERS * repeat
    db_before, (busy_before, _) = _postgres_cpu(), _machine_busy()
    walked = await measure(bot, connector, journey_scenario(start, USERS, 1), USERS, base)
    db_after, (busy_after, _) = _postgres_cpu(), _machine_busy()
    turns = max(1, walked["turns"])
    db_ms = (db_after - db_before) * 1000 / turns
    busy_cores = (busy_after - busy_before) / walked["wall_s"] if walked["wall_s"] else 0.0
    starts = await measure(bot, connector, start_only_scenario(start), USERS, base + USERS)
    echoed = await measure(echo, connector, echo_scenario(1), USERS, 5_000_000 + base)
    return {
        **{k: walked[k] for k in ("turns_per_s", "p50_ms", "p99_ms", "bot_cpu_ms", "errors")},
        "loadgen_cores": round(walked["loadgen_cpu_ms"] * walked["turns_per_s"] / 1000, 2),
        "connector_cpu_ms": walked["connector_cpu_ms"],
        "db_cpu_ms": round(db_ms, 2),
        "machine_busy_cores": round(busy_cores, 2),
        "start_p99_ms": starts["p99_ms"],
        "echo_p99_ms": echoed["p99_ms"],
        "errors": walked["errors"] + starts["errors"],
    }


async def run(repeats: int, workdir: Path) -> list[dict[str, Any]]:
    users = Users()
    async with AsyncExitStack() as stack:
        connector = await stack.enter_async_context(python_server("bench.fake_connector"))
        echo = await stack.enter_async_context(python_server("bench.echo_bot",
                                                             ["--adapter", "stock"]))
        bots, prepared = {}, {}
        for store, workers in CONFIGS:
            folder = workdir / f"{store}-{workers}"
            folder.mkdir()
            bot = await stack.enter_async_context(twelvecs(store, workers, folder))
            bots[(store, workers)] = bot
            prepared[(store, workers)] = await prepare(bot, connector, users, repeats)
        runs: dict[tuple[str, int], list[dict[str, Any]]] = {c: [] for c in CONFIGS}
        for repeat in range(repeats):
            for config in CONFIGS:
                start, first = prepared[config]
                runs[config].append(
                    await one_run(bots[config], echo, connector, start, first, repeat))
    return [_median(store, workers, runs[(store, workers)]) for store, workers in CONFIGS]


def _median(store: str, workers: int, runs: list[dict[str, Any]]) -> dict[str, Any]:
    row: dict[str, Any] = {"store": store, "workers": workers}
    for key in runs[0]:
        values = [r[key] for r in runs]
        row[key] = sum(values) if key == "errors" else round(statistics.median(values), 2)
    row["start_vs_echo"] = round(row["start_p99_ms"] / row["echo_p99_ms"], 2)
    return row


def ratios(rows: list[dict[str, Any]]) -> dict[str, float]:
    by = {(r["store"], r["workers"]): r for r in rows}
    one, two, tiny = by[("postgres", 1)], by[("postgres", 2)], by[("tinydb", 1)]
    return {
        "two_workers_vs_one_throughput": round(two["turns_per_s"] / one["turns_per_s"], 2),
        "postgres_vs_tinydb_throughput": round(one["turns_per_s"] / tiny["turns_per_s"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    started = datetime.now(UTC).isoformat(timespec="seconds")
    load = [round(x, 2) for x in os.getloadavg()]
    new_file = new_file_us()
    with work_dir("twelvecs-scaleout-") as workdir:
        rows = asyncio.run(run(args.repeat, Path(workdir)))
    found = {"measured_at": started, "load_average_before": load,
             "load_average_after": [round(x, 2) for x in os.getloadavg()],
             "machine": machine(), "new_file_us_before": new_file, "repeats": args.repeat,
             "users": USERS, "rows": rows, "ratios": ratios(rows)}
    table = report.text_table(rows, COLUMNS)
    print(table, json.dumps(found["ratios"]), sep="\n")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scaleout.json").write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    m = found["machine"]
    md = [f"Measured {started} with `python -m bench.scaleout_bench --repeat {args.repeat}` on "
          f"{m['cores']} cores ({m['cpu']}), load average {load} before, "
          f"{found['load_average_after']} after; median of {args.repeat} runs, {USERS} users; "
          f"a new file in the work folder cost {new_file} µs of CPU before the run "
          "(bench/workdir.py).",
          "", report.markdown_table(rows, COLUMNS), "",
          *(f"- {k.replace('_', ' ')}: {v}" for k, v in found["ratios"].items())]
    (args.out / "scaleout.md").write_text("\n".join(md) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
