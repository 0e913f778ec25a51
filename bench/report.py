"""The goals of issue 5 checked against measured figures, and tables as text or Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Row = dict[str, Any]
Columns = Sequence[tuple[str, str]]

TURN_COLUMNS = (("bot", "bot"), ("users", "users"), ("turns", "turns"), ("errors", "errors"),
                ("turns_per_s", "turns/s"), ("p50_ms", "p50 ms"), ("p95_ms", "p95 ms"),
                ("p99_ms", "p99 ms"), ("start_p99_ms", "Start p99 ms"),
                ("answer_p99_ms", "answer p99 ms"), ("bot_cpu_ms", "bot CPU ms/turn"),
                ("x_stock", "× stock"))
STORE_COLUMNS = (("stored_answers", "answers stored"), ("save_median_ms", "save p50 ms"),
                 ("save_p90_ms", "save p90 ms"), ("save_median_vs_smallest", "× at 10"),
                 ("burst_max_loop_lag_ms", "burst max loop lag ms"),
                 ("summary_read_warm_ms", "round read ms"),
                 ("summary_max_loop_lag_ms", "round read max loop lag ms"),
                 ("summary_longest_gc_pause_ms", "longest GC pause ms"))
SUMMARY_COLUMNS = (("responses", "responses"), ("read_cold_ms", "store read cold ms"),
                   ("read_warm_ms", "store read warm ms"), ("summarise_ms", "summarise ms"),
                   ("render_ms", "render ms"), ("compute_render_ms", "compute+render ms"),
                   ("us_per_response", "µs/response"), ("card_kb", "card KB"))
GOAL_COLUMNS = (("goal", "goal"), ("target", "target"), ("measured", "measured"), ("met", "met"))


def _at(rows: list[Row], key: str, value: Any) -> Row:
    return next((r for r in rows if r.get(key) == value), {})


def _goal(goal: str, target: str, measured: str, met: bool | None) -> Row:
    return {"goal": goal, "target": target, "measured": measured,
            "met": "n/a" if met is None else ("yes" if met else "NO")}


def _turn_goals(turns: list[Row]) -> list[Row]:
    ours = [r for r in turns if r["bot"] == "twelvecs"]
    worst = min(ours, key=lambda r: r["x_stock"])
    at_50 = _at(ours, "users", 50)
    p99 = at_50.get("p99_ms")
    return [
        _goal("journey turns/s vs stock echo (worst user count)", "≥ 1.0×",
              f"{worst['x_stock']}× at {worst['users']} users", worst["x_stock"] >= 1.0),
        _goal("journey p99 at 50 practitioners", "≤ 250 ms",
              f"{p99} ms" if p99 is not None else "not run", p99 <= 250 if p99 else None),
    ]


def _store_goals(store: list[Row]) -> list[Row]:
    at_10k = _at(store, "stored_answers", 10_000)
    lag = max((max(r["burst_max_loop_lag_ms"], r["summary_max_loop_lag_ms"]) for r in store),
              default=None)
    save = at_10k.get("save_median_ms")
    ratio = at_10k.get("save_median_vs_smallest")
    return [
        _goal("save one answer, 10,000 stored (median)", "≤ 2 ms", f"{save} ms",
              save <= 2 if save is not None else None),
        _goal("save at 10,000 vs at 10 stored", "≤ 2×", f"{ratio}×",
              ratio <= 2 if ratio is not None else None),
        _goal("longest event-loop lag in a store call", "≤ 20 ms", f"{lag} ms",
              lag <= 20 if lag is not None else None),
    ]


def _summary_goals(summary: list[Row]) -> list[Row]:
    at_1k = _at(summary, "responses", 1000)
    cost = at_1k.get("compute_render_ms")
    first, last = (summary[0], summary[-1]) if summary else ({}, {})
    growth = last["us_per_response"] / first["us_per_response"] if summary else None
    return [
        _goal("summary compute+render, 1,000 responses", "≤ 100 ms", f"{cost} ms",
              cost <= 100 if cost is not None else None),
        _goal("summary cost per response, largest vs smallest round",
              "≤ 1.2× (no worse than linear)", f"{growth:.2f}×" if growth else "-",
              growth <= 1.2 if growth else None),
    ]


def _footprint_goals(footprint: Row) -> list[Row]:
    startup, rss = footprint.get("startup_max_s"), footprint.get("rss_mb")
    answers = footprint.get("stored_answers", 0)
    return [
        _goal("start-up to a ready /healthz (slowest)", "≤ 2 s", f"{startup} s",
              startup <= 2 if startup is not None else None),
        _goal(f"resident memory after the load, {answers:,} answers stored", "≤ 200 MB",
              f"{rss} MB", rss <= 200 if rss is not None else None),
    ]


def goals(found: Row) -> list[Row]:
    """Every goal of the issue with its measured figure and whether it is met."""
    return (_turn_goals(found["turns"]) + _store_goals(found["store_writes"])
            + _summary_goals(found["summary"]) + _footprint_goals(found["footprint"]))


def text_table(rows: list[Row], columns: Columns) -> str:
    widths = [max(len(title), *(len(str(r.get(k, ""))) for r in rows)) for k, title in columns]
    lines = ["  ".join(t.rjust(w) for (_, t), w in zip(columns, widths, strict=True))]
    lines += ["  ".join(str(r.get(k, "")).rjust(w) for (k, _), w in zip(columns, widths,
                                                                       strict=True))
              for r in rows]
    return "\n".join(lines)


def markdown_table(rows: list[Row], columns: Columns) -> str:
    lines = ["| " + " | ".join(title for _, title in columns) + " |",
             "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(str(r.get(k, "")) for k, _ in columns) + " |" for r in rows]
    return "\n".join(lines)
