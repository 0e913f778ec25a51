"""Who plays which run of `bench.journey_bench`, and the round they all answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import footprint
from bench import store_fixtures as fx
from bench.activities import simulated_user
from bench.journey import TURNS_PER_JOURNEY, enrol, open_round, practitioners
from bench.processes import ServerProcess
from storage.tinydb_layout import Layout
from storage.tinydb_store import TinyDBStore

LEAD = simulated_user(9_000_000)
STORED_ANSWERS = 10_000
WARM_UP_USERS = 2
SPIED_USERS = 100
"""After the figures, `--spy` profiles a journey and a Start by 50 practitioners each."""


@dataclass
class Plan:
    """Who plays which run: each twelvecs run gets fresh practitioners, numbered in order."""

    users: list[int]
    repeats: int
    turns: int
    next_user: int = WARM_UP_USERS  # the warm-up run plays the first ones
    firsts: dict[tuple[int, int], int] = field(default_factory=dict)

    def journeys(self, users: int) -> int:
        return max(1, round(self.turns / (TURNS_PER_JOURNEY * users)))

    def allocate(self) -> None:
        for repeat in range(self.repeats):
            for users in self.users:
                self.firsts[(repeat, users)] = self.next_user
                self.next_user += users * self.journeys(users)

    def answers(self) -> int:
        """Answers the load will store, warm-up included."""
        walked = sum(u * self.journeys(u) for (_, u) in self.firsts) + WARM_UP_USERS
        return 12 * walked


async def set_up_round(plan: Plan, data_dir: Path, connector: ServerProcess, log: Path) -> Any:
    """Roster, round, and the store topped up; returns the Start button's data."""
    async with footprint.started(data_dir, log) as (bot, _):
        url = bot.url + "/api/messages"
        roster = practitioners(0, plan.next_user + SPIED_USERS, 1)
        await enrol(url, connector.url, [LEAD, *roster], chats=False)
        for (_, users), first in plan.firsts.items():
            later = practitioners(first, users, plan.journeys(users))[users:]
            await enrol(url, connector.url, later, chats=True)
        start = await open_round(url, connector.url, LEAD, "Bench round")
    store = TinyDBStore(data_dir)
    await store.open()
    round_ = await store.get_round(start["roundId"])
    await store.close()
    assert round_ is not None, "the round the lead opened is not in the store"
    target = fx.Target(round_.id, round_.partnership_id, LEAD.tenant_id)
    fx.fill(Layout.load_or_create(data_dir), max(0, STORED_ANSWERS - plan.answers()), target)
    return start
