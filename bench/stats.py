"""Turn latency figures: throughput and nearest-rank percentiles."""

from __future__ import annotations

import math
from typing import Any

from bench.load import LoadResult


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list (`share` in 0..100)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(share / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def summarize(result: LoadResult) -> dict[str, Any]:
    """Turns per second and p50/p95/p99 in milliseconds for one load run."""
    values = sorted(result.latencies)
    return {
        "users": result.users,
        "turns": len(values),
        "errors": len(result.errors),
        "wall_s": round(result.wall, 3),
        "turns_per_s": round(len(values) / result.wall, 1) if result.wall else 0.0,
        "p50_ms": round(percentile(values, 50) * 1000, 1),
        "p95_ms": round(percentile(values, 95) * 1000, 1),
        "p99_ms": round(percentile(values, 99) * 1000, 1),
        "p99_by_kind_ms": p99_by_kind(result),
    }


def p99_by_kind(result: LoadResult) -> dict[str, float]:
    """The p99 of each kind of turn (e.g. Start vs answers), in milliseconds."""
    found: dict[str, list[float]] = {}
    for kind, latency in zip(result.kinds, result.latencies, strict=True):
        found.setdefault(kind, []).append(latency)
    return {k: round(percentile(sorted(v), 99) * 1000, 1) for k, v in found.items()}
