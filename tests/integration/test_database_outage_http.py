"""PostgreSQL unreachable mid-journey (a cut TCP proxy): turns fail politely, readiness
fails, nothing half-written; once it is back the bot serves again without a restart."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.postgres_store import PostgresStore
from tests.contract.backends import POSTGRES_DSN, drop_schema, postgres_schema
from tests.support.harness import Harness, running_bot
from tests.support.journey import answer, button, open_round, start_from_announcement
from tests.support.tcp_proxy import TcpProxy
from tests.support.teams import Json, person

pytestmark = pytest.mark.postgres
PRACTITIONERS = [person(f"outage-{n}") for n in range(10)]


@pytest.fixture
async def proxy() -> AsyncIterator[TcpProxy]:
    running = TcpProxy("127.0.0.1", 5432)
    await running.start()
    yield running
    await running.close()


@pytest.fixture
async def harness(tmp_path: Path, proxy: TcpProxy) -> AsyncIterator[Harness]:
    schema = await postgres_schema()
    dsn = POSTGRES_DSN.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    async with running_bot(tmp_path / "data", store=PostgresStore(dsn, schema=schema)) as bot:
        yield bot
    await drop_schema(schema)


async def ready(harness: Harness) -> int:
    response = await harness.bot.get("/readyz")
    return response.status


async def test_turns_fail_politely_while_the_database_is_away_and_work_when_it_returns(
    harness: Harness, proxy: TcpProxy
) -> None:
    announcement = await open_round(harness, "Outage drill", *PRACTITIONERS)
    cards: list[Json] = []
    for who in PRACTITIONERS:
        c1 = await start_from_announcement(harness, who, announcement)
        cards.append(await answer(harness, who, c1, "3", "Shared escalation route"))
    round_id = str(button(cards[0], "answer")["roundId"])
    before = await harness.snapshot(round_id)
    assert await ready(harness) == 200

    async def everyone_answers_c2() -> list[str]:
        pairs = zip(PRACTITIONERS, cards, strict=True)
        turns = (answer(harness, who, card, "5", "Joint training") for who, card in pairs)
        return [str(card) for card in await asyncio.gather(*turns)]

    proxy.cut()  # ten practitioners press at once while the database is away
    refused = await everyone_answers_c2()
    assert all("try again in a moment" in card for card in refused)
    assert await ready(harness) == 503

    proxy.restore()
    for _ in range(50):  # bounded: the pool reconnects on its next use
        if await ready(harness) == 200:
            break
        await asyncio.sleep(0.1)
    assert await ready(harness) == 200
    assert await harness.snapshot(round_id) == before, "nothing half-written while away"
    assert all("Saved" in card for card in await everyone_answers_c2())
    stored = await harness.snapshot(round_id)
    assert [sorted(r["answers"]) for r in stored] == [["C1", "C2"]] * len(PRACTITIONERS)
