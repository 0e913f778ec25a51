"""Benchmark: computing a lead's round summary and one C's detail as responses grow.

For 100, 1,000 and 10,000 responses (12 answers each, ~10% "not sure", evidence on a third,
nine agencies, a previous round of the same size and agreed positions on four Cs), times
`summarise` and `component_detail` (median and best of several runs, responses already in
memory: reading them from the store is measured in bench.store_writes). Prints a table with
the cost per response, so growth can be read off. Asserts nothing.
Goal: <= 100 ms for 1,000 responses, growth no worse than linear.
Run: .venv/bin/python -m bench.summary [--sizes 100 1000 10000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

from assessment.detail import component_detail
from assessment.framework import load_framework
from assessment.model import REVIEW, Agency, Answer, Response, Round
from assessment.position import AgreedPosition, PositionFields, Timeframe
from assessment.summary import summarise
from assessment.summary_model import PreviousRound

OPENED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 26)
FRAMEWORK = load_framework()


def make_round(round_id: str) -> Round:
    return Round(
        id=round_id, partnership_id="p", title=round_id, opened_by="lead", opened_at=OPENED
    )


def make_responses(round_id: str, count: int, rng: random.Random) -> list[Response]:
    agencies = list(Agency)
    return [
        Response(
            round_id=round_id,
            partnership_id="p",
            tenant_id="t",
            respondent=f"{round_id}-{n}",
            agency=agencies[n % len(agencies)],
            started_at=OPENED,
            updated_at=OPENED,
            submitted_at=OPENED if rng.random() < 0.8 else None,
            position=REVIEW,
            answers={cid: make_answer(cid, rng) for cid in FRAMEWORK.ids},
        )
        for n in range(count)
    ]


def make_answer(cid: str, rng: random.Random) -> Answer:
    rating = None if rng.random() < 0.1 else rng.randint(1, 6)
    evidence = "Workload rose after the reorganisation." if rng.random() < 0.33 else ""
    return Answer(component_id=cid, rating=rating, evidence=evidence, answered_at=OPENED)


def make_positions(round_id: str) -> dict[str, AgreedPosition]:
    agreed = PositionFields(score=2, accountability="Board", timeframe=Timeframe.GOLD)
    return {
        cid: AgreedPosition(round_id=round_id, partnership_id="p", component_id=cid, agreed=agreed)
        for cid in ("C1", "C4", "C7", "C10")
    }


def timed(action: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median and best wall time in milliseconds."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def measure(size: int, repeats: int) -> dict[str, float]:
    rng = random.Random(size)
    round_ = make_round("now")
    responses = make_responses("now", size, rng)
    previous = PreviousRound(make_round("before"), make_responses("before", size, rng))
    positions = make_positions("now")
    summary_ms, summary_best = timed(
        lambda: summarise(FRAMEWORK, round_, responses, positions, previous, TODAY), repeats
    )
    detail_ms, _ = timed(
        lambda: component_detail(FRAMEWORK, round_, responses, positions, previous, "C4", TODAY),
        repeats,
    )
    return {"summary": summary_ms, "best": summary_best, "detail": detail_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    print(
        f"{'responses':>9} | {'summary ms':>10} | {'best ms':>8} | {'µs/resp':>7} | "
        f"{'detail ms':>9}"
    )
    for size in args.sizes:
        r = measure(size, args.repeats)
        per = r["summary"] * 1000 / size
        print(
            f"{size:>9,} | {r['summary']:>10.1f} | {r['best']:>8.1f} | {per:>7.1f} | "
            f"{r['detail']:>9.1f}"
        )


if __name__ == "__main__":
    main()
