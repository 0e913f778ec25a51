"""The board's report of a large round: time and peak memory per format (issue 12's goal:
10,000 responses export in under 5 s, in bounded memory).

    .venv/bin/python -m bench.report_export            # 10,000 responses, 3 repeats
    .venv/bin/python -m bench.report_export --responses 1000 --repeats 1

Times the whole export from the responses in memory (summary, every C's detail, rendering),
best of the repeats, without tracing; then once more under `tracemalloc` for the peak of
Python allocations. Anonymous rounds render from their publication; named rounds from the
live responses (more comments beside ratings). Writes bench/results/report_export.json.
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assessment.model import Round
from assessment.publication import Publication, publish
from bench.summary_data import FRAMEWORK, make_positions, make_responses, make_round
from messages import load_catalogue
from reporting.formats import ReportFormat
from reporting.model import build_report
from reporting.render import render

RESULTS = Path(__file__).parent / "results"
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
TEXTS = load_catalogue("en")


def export(
    responses: list[Any], round_: Round, publication: Publication | None, fmt: ReportFormat
) -> int:
    report = build_report(FRAMEWORK, round_, responses, make_positions("big"), [], now=NOW,
                          publication=publication)
    return len(render(report, FRAMEWORK, TEXTS, fmt).content)


def measure(responses: list[Any], named: bool, fmt: ReportFormat, repeats: int) -> dict[str, Any]:
    """The publication is made beforehand: the bot stores it when due, not per export."""
    round_ = make_round("big").model_copy(update={"named": named})
    publication = None if named else publish(FRAMEWORK, round_, responses, k=3, now=NOW)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        size = export(responses, round_, publication, fmt)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    export(responses, round_, publication, fmt)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"round": "named" if named else "anonymous", "format": fmt.value,
            "responses": len(responses), "best_s": round(min(times), 2),
            "peak_mb": round(peak / 2**20, 1), "file_kb": size // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    responses = make_responses("big", args.responses, random.Random(12))
    rows = [measure(responses, named, fmt, args.repeats)
            for named in (False, True) for fmt in ReportFormat]
    print(f"{'round':<10} {'format':<6} {'responses':>9} {'best s':>7} {'peak MB':>8} {'KB':>6}")
    for r in rows:
        print(f"{r['round']:<10} {r['format']:<6} {r['responses']:>9} {r['best_s']:>7} "
              f"{r['peak_mb']:>8} {r['file_kb']:>6}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "report_export.json").write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
