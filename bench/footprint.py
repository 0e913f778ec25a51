"""The bot process's footprint: time from launch to a ready `/healthz`, and resident memory."""

from __future__ import annotations

import contextlib
import shutil
import statistics
import sys
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from bench.processes import ServerProcess, command_server, free_port


def serve_argv(port: int, data_dir: Path) -> list[str]:
    """`twelvecs serve` as the README starts it, on `port` with the store in `data_dir`."""
    beside_python = Path(sys.executable).with_name("twelvecs")  # the bench's own venv
    exe = str(beside_python) if beside_python.exists() else shutil.which("twelvecs")
    if exe is None:
        raise RuntimeError("twelvecs is not installed: pip install -e '.[dev]' (README)")
    return [exe, "serve", "--port", str(port), "--data-dir", str(data_dir)]


@contextlib.asynccontextmanager
async def started(data_dir: Path, log: Path) -> AsyncIterator[tuple[ServerProcess, float]]:
    """`twelvecs serve` on a free port, and the seconds from launch until /healthz said 200."""
    port = free_port()
    launched = time.monotonic()
    async with command_server(serve_argv(port, data_dir), port, log=log) as bot:
        yield bot, time.monotonic() - launched


async def startup_times(data_dir: Path, log: Path, count: int) -> list[float]:
    """Start and stop the bot `count` times; each launch-to-ready time in seconds."""
    times = []
    for _ in range(count):
        async with started(data_dir, log) as (_, seconds):
            times.append(seconds)
    return times


def memory_mb(pid: int) -> dict[str, float]:
    """Resident memory now (VmRSS) and at its peak (VmHWM), in MB, from /proc."""
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        return {}
    fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
    kb = {key: int(fields[key].split()[0]) for key in ("VmRSS", "VmHWM") if key in fields}
    return {"rss_mb": round(kb["VmRSS"] / 1024, 1), "peak_rss_mb": round(kb["VmHWM"] / 1024, 1)}


def startup_figures(times: Sequence[float]) -> dict[str, float]:
    return {"startup_median_s": round(statistics.median(times), 3),
            "startup_max_s": round(max(times), 3)}
