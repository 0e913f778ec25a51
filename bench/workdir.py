"""Where the benchmarks keep their stores: in the project's `.bench-work/`, not in /tmp.

The bot's own default data folder is `./data` in the project. /tmp is where the test suite
makes and deletes thousands of files, and on ext4 without a journal (this machine's disk)
creating a file scans past every inode its block group freed in the last minute or more
(`recently_deleted`, 25 % of the bot's CPU in a `perf` profile of 50 Starts right after a
test run): a new file cost 252 µs of kernel time in /tmp and 20 µs in a folder of the project
at the same moment. A store in /tmp measured the test suite's leftovers, not the bot.
`TWELVECS_BENCH_DIR` puts the work folder elsewhere.
"""

from __future__ import annotations

import os
import resource
import tempfile
from pathlib import Path

BENCH_DIR = Path(
    os.environ.get("TWELVECS_BENCH_DIR") or Path(__file__).resolve().parents[1] / ".bench-work"
)


def work_dir(prefix: str) -> tempfile.TemporaryDirectory[str]:
    """A temporary folder under `BENCH_DIR` (made if missing), removed when closed."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(prefix=prefix, dir=BENCH_DIR)


def new_file_us(count: int = 300) -> float:
    """CPU µs to create one empty file in `BENCH_DIR` now: the disk's state, recorded beside
    the figures (about 20 µs on a quiet disk here, 250-850 µs just after a test run in /tmp)."""
    with work_dir("probe-") as folder:
        before = _thread_cpu()
        for n in range(count):
            os.close(os.open(Path(folder) / f"{n}", os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
        spent = _thread_cpu() - before
    return round(spent * 1e6 / count, 1)


def _thread_cpu() -> float:
    usage = resource.getrusage(getattr(resource, "RUSAGE_THREAD", resource.RUSAGE_SELF))
    return usage.ru_utime + usage.ru_stime
