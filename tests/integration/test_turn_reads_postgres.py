"""Within one turn the PostgreSQL store answers a repeated record read from what it already
read; these tests hold it to what a turn must still see: its own writes, a lost race read
afresh, and everything fresh once the turn is over."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import AsyncIterator, Awaitable
from typing import TypeVar

import pytest

from assessment.errors import ConcurrentUpdate
from assessment.model import Agency, Language
from storage.postgres_store import PostgresStore
from storage.turn_reads import turn_reads
from tests.contract import records
from tests.contract.backends import POSTGRES_DSN, drop_schema, postgres_schema

pytestmark = pytest.mark.postgres
PARTNERSHIP = records.partnership().id
T = TypeVar("T")


async def elsewhere(work: Awaitable[T]) -> T:
    """`work` as another instance's process would do it: outside this turn."""

    async def run() -> T:
        return await work

    return await asyncio.create_task(run(), context=contextvars.Context())


@pytest.fixture
async def instances() -> AsyncIterator[tuple[PostgresStore, PostgresStore]]:
    """This instance and another one on the same database."""
    schema = await postgres_schema()
    here = PostgresStore(POSTGRES_DSN, schema=schema, pool_size=2)
    there = PostgresStore(POSTGRES_DSN, schema=schema, pool_size=2)
    await here.open()
    await there.open()
    yield here, there
    await here.close()
    await there.close()
    await drop_schema(schema)


async def test_a_turn_reads_a_record_once_and_the_next_turn_reads_it_afresh(
    instances: tuple[PostgresStore, PostgresStore],
) -> None:
    here, there = instances
    saved = await here.save_person(records.person())
    with turn_reads():
        assert (await here.get_person(records.TENANT, "aad-1")) == saved
        await elsewhere(there.save_person(saved.model_copy(update={"agency": Agency.EDUCATION})))
        again = await here.get_person(records.TENANT, "aad-1")
        assert again is not None and again.agency == saved.agency, "read once in the turn"
    fresh = await here.get_person(records.TENANT, "aad-1")
    assert fresh is not None and fresh.agency == Agency.EDUCATION


async def test_a_turn_sees_its_own_saves(
    instances: tuple[PostgresStore, PostgresStore],
) -> None:
    here, _ = instances
    with turn_reads():
        assert await here.get_person(records.TENANT, "aad-1") is None
        saved = await here.save_person(records.person())
        assert await here.get_person(records.TENANT, "aad-1") == saved
        changed = await here.save_person(saved.model_copy(update={"language": Language.WELSH}))
        assert await here.get_person(records.TENANT, "aad-1") == changed
        assert not await here.is_member(PARTNERSHIP, "aad-1")
        await here.add_members(PARTNERSHIP, ["aad-1"])
        assert await here.is_member(PARTNERSHIP, "aad-1")


async def test_a_lost_race_is_refused_and_the_retry_reads_what_won(
    instances: tuple[PostgresStore, PostgresStore],
) -> None:
    here, there = instances
    await here.save_person(records.person())
    with turn_reads():
        mine = await here.get_person(records.TENANT, "aad-1")
        assert mine is not None
        theirs = await elsewhere(
            there.save_person(mine.model_copy(update={"agency": Agency.EDUCATION}))
        )
        with pytest.raises(ConcurrentUpdate):
            await here.save_person(mine.model_copy(update={"language": Language.WELSH}))
        retry = await here.get_person(records.TENANT, "aad-1")
        assert retry == theirs
        await here.save_person(retry.model_copy(update={"language": Language.WELSH}))
    final = await there.get_person(records.TENANT, "aad-1")
    assert final is not None
    assert (final.agency, final.language) == (Agency.EDUCATION, Language.WELSH), "none overwritten"


async def test_work_that_outlives_its_turn_reads_afresh(
    instances: tuple[PostgresStore, PostgresStore],
) -> None:
    here, there = instances
    saved = await here.save_person(records.person())
    turn_over, read_once, changed = asyncio.Event(), asyncio.Event(), asyncio.Event()

    async def agency() -> Agency | None:
        found = await here.get_person(records.TENANT, "aad-1")
        return found.agency if found else None

    async def later() -> list[Agency | None]:
        await turn_over.wait()
        first = await agency()
        read_once.set()
        await changed.wait()
        return [first, await agency()]

    with turn_reads():
        await here.get_person(records.TENANT, "aad-1")
        task = asyncio.create_task(later())  # inherits the turn's context
    turn_over.set()
    await read_once.wait()
    moved = await there.save_person(saved.model_copy(update={"agency": Agency.EDUCATION}))
    changed.set()
    assert await task == [Agency.HEALTH, moved.agency]
