"""One measured load run against a bot process: latency, throughput and CPU per turn.

Shared by every HTTP benchmark (the echo floor now, the full 12-C journey later): give it
the running bot and fake connector processes, a scenario and a user count.
"""

from __future__ import annotations

import resource
from typing import Any

from bench.load import Scenario, run_load
from bench.processes import ServerProcess
from bench.stats import summarize


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def measure(
    bot: ServerProcess, connector: ServerProcess, scenario: Scenario, users: int, first_user: int
) -> dict[str, Any]:
    """Run `scenario` for `users` fresh users; figures plus CPU ms per turn of each process."""
    before = (bot.cpu_seconds(), connector.cpu_seconds(), _own_cpu_seconds())
    result = await run_load(
        bot.url + "/api/messages", connector.url, scenario, users, first_user=first_user
    )
    after = (bot.cpu_seconds(), connector.cpu_seconds(), _own_cpu_seconds())
    turns = max(1, len(result.latencies))
    bot_ms, connector_ms, load_ms = (
        round((a - b) * 1000 / turns, 2) for a, b in zip(after, before, strict=True)
    )
    return {
        **summarize(result),
        "bot_cpu_ms": bot_ms,
        "connector_cpu_ms": connector_ms,
        "loadgen_cpu_ms": load_ms,
    }
