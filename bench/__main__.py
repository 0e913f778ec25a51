"""Run every benchmark of twelvecs, print one table of goals, write bench/results/latest.*.

    .venv/bin/python -m bench            # full run, ~6 minutes on 2 cores
    .venv/bin/python -m bench --quick    # one repeat, fewer turns and samples, ~2 minutes

Parts (each also runs on its own): the full practitioner journey over HTTP beside the
botbuilder echo bots, start-up time and memory (`bench.journey_bench`); saving one answer as
the store grows, with event-loop lag (`bench.store_writes`); the lead's summary from the
store to the card (`bench.summary`). Benchmarks measure and assert nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import journey_bench, report, store_writes, summary
from bench.journey_setup import Plan
from bench.machine import machine
from bench.workdir import new_file_us, work_dir

RESULTS = Path(__file__).parent / "results"


def settings(quick: bool) -> dict[str, Any]:
    """How much of each benchmark to run."""
    if quick:
        return {"users": [1, 10, 50], "repeats": 1, "turns": 150,
                "store_sizes": [10, 1_000, 10_000], "store_samples": 100, "store_repeats": 1,
                "summary_sizes": [100, 1_000, 10_000], "summary_repeats": 3}
    return {"users": [1, 10, 50], "repeats": 3, "turns": 600,
            "store_sizes": [10, 1_000, 10_000, 100_000], "store_samples": 400, "store_repeats": 5,
            "summary_sizes": [100, 1_000, 10_000], "summary_repeats": 7}


async def measure_http_and_store(config: dict[str, Any], workdir: Path) -> dict[str, Any]:
    plan = Plan(config["users"], config["repeats"], config["turns"])
    found = await journey_bench.run(plan, workdir, config.get("spy"))
    rows = await store_writes.measure(config["store_sizes"], workdir, config["store_samples"],
                                      config["store_repeats"])
    for row in rows:
        row.pop("per_run", None)
        row["save_median_vs_smallest"] = round(row["save_median_ms"] / rows[0]["save_median_ms"], 2)
    found["store_writes"] = rows
    return found


def sections(found: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]], report.Columns]]:
    footprint = [{"figure": k, "value": v} for k, v in found["footprint"].items()]
    return [
        ("Journey turns over HTTP (twelvecs) beside the botbuilder echo bots", found["turns"],
         report.TURN_COLUMNS),
        ("Saving one answer as the store grows", found["store_writes"], report.STORE_COLUMNS),
        ("Round summary: store read, compute, render", found["summary"],
         report.SUMMARY_COLUMNS),
        ("Footprint of twelvecs serve", footprint, (("figure", "figure"), ("value", "value"))),
        ("Goals", found["goals"], report.GOAL_COLUMNS),
    ]


def markdown(found: dict[str, Any]) -> str:
    m = found["machine"]
    lines = [f"Measured {found['measured_at']} with `{found['command']}` on {m['cores']} cores "
             f"({m['cpu']}), Python {m['python']}, botbuilder {m['botbuilder']}; load average "
             f"{found['load_average']} before the run; a new file in the work folder cost "
             f"{found['new_file_us_before']} µs of CPU before it (bench/workdir.py).", ""]
    for title, rows, columns in sections(found):
        lines += [f"### {title}", "", report.markdown_table(rows, columns), ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run (fewer repeats)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for latest.json/.md")
    parser.add_argument("--spy", type=Path, help="also profile one 50-user run with py-spy here")
    args = parser.parse_args()
    config: dict[str, Any] = {**settings(args.quick), "spy": args.spy}
    if args.spy:
        args.spy.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC).isoformat(timespec="seconds")
    load_average = [round(x, 2) for x in os.getloadavg()]
    new_file = new_file_us()
    with work_dir("twelvecs-bench-") as workdir:
        found = asyncio.run(measure_http_and_store(config, Path(workdir)))
    found["summary"] = summary.run(config["summary_sizes"], config["summary_repeats"])
    found |= {"measured_at": started, "command": "python -m bench" + (" --quick" * args.quick),
              "machine": machine(), "load_average": load_average, "new_file_us_before": new_file,
              "settings": {k: v for k, v in config.items() if k != "spy"}}
    found["goals"] = report.goals(found)
    for title, rows, columns in sections(found):
        print(f"\n{title}\n{report.text_table(rows, columns)}")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    (args.out / "latest.md").write_text(markdown(found) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.out / 'latest.json'} and latest.md")


if __name__ == "__main__":
    main()
