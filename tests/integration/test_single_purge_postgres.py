"""Several instances on one PostgreSQL database: the retention purge runs on one at a time,
and once per interval however many instances there are."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from assessment.audit import AuditAction
from assessment.pseudonym import Pseudonymiser
from assessment.retention import RetentionService
from bot.maintenance import Maintenance
from storage import postgres_jobs
from storage.postgres_store import PostgresStore
from tests.contract import records
from tests.contract.backends import POSTGRES_DSN, drop_schema, postgres_schema

pytestmark = pytest.mark.postgres
DAY = 24 * 3600.0
NOW = records.START + timedelta(days=800)


@pytest.fixture
async def instances() -> AsyncIterator[list[PostgresStore]]:
    schema = await postgres_schema()
    stores = [PostgresStore(POSTGRES_DSN, schema=schema, pool_size=3) for _ in range(2)]
    for store in stores:
        await store.open()
    yield stores
    for store in stores:
        await store.close()
    await drop_schema(schema)


def maintenance(store: PostgresStore) -> Maintenance:
    retention = RetentionService(store, lambda: NOW, retention_days=30)
    return Maintenance(store, Pseudonymiser(b"k" * 32), retention, DAY)


async def expired_round(store: PostgresStore, round_id: str) -> None:
    opened = records.round_(round_id, records.partnership().id)
    saved = await store.save_round(opened)
    await store.save_round(saved.model_copy(update={"closed_at": records.START}))
    for who in ("aad-1", "aad-2", "aad-3"):
        await store.save_response(records.response(round_id, who))


async def purges(store: PostgresStore) -> list[str | None]:
    return [e.round_id for e in await store.audit_entries() if e.action == AuditAction.PURGED]


async def test_two_instances_starting_together_purge_once(instances: list[PostgresStore]) -> None:
    await expired_round(instances[0], "round-old")
    await asyncio.gather(*(maintenance(s).run_once() for s in instances))
    assert await instances[1].responses_of("round-old") == []
    assert await purges(instances[0]) == ["round-old"]


async def test_an_instance_skips_the_purge_another_has_just_run(
    instances: list[PostgresStore],
) -> None:
    await expired_round(instances[0], "round-1")
    await maintenance(instances[0]).run_once()
    await expired_round(instances[0], "round-2")
    await maintenance(instances[1]).run_once()
    assert len(await instances[1].responses_of("round-2")) == 3, "not due again for a day"
    assert await purges(instances[1]) == ["round-1"]


async def _claims_within(store: PostgresStore, job: str, seconds: float = 5.0) -> bool:
    """Whether `store` gets `job`'s lock in time (False: it is still held elsewhere)."""

    async def claim() -> bool:
        async with store.exclusive(job, 0.0) as due:
            return due

    try:
        return await asyncio.wait_for(claim(), seconds)
    except TimeoutError:
        return False


async def test_a_job_that_fails_frees_its_lock_for_other_instances(
    instances: list[PostgresStore],
) -> None:
    with pytest.raises(RuntimeError, match="disk full"):
        async with instances[0].exclusive("purge", 0.0):
            raise RuntimeError("disk full")
    assert await _claims_within(instances[1], "purge")
    assert await _claims_within(instances[0], "purge"), "its pooled connection holds no lock"


async def test_a_lock_that_could_not_be_released_does_not_go_back_to_the_pool(
    instances: list[PostgresStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres_jobs, "UNLOCK", "SELECT no_such_function($1, $2)")
    with pytest.raises(Exception, match="no_such_function"):
        async with instances[0].exclusive("purge", 0.0):
            pass
    monkeypatch.undo()
    assert await _claims_within(instances[1], "purge")
    assert await instances[0].get_round("nothing") is None, "the pool still serves"


async def test_a_job_cancelled_while_waiting_for_the_lock_leaves_none_behind(
    instances: list[PostgresStore],
) -> None:
    async with instances[1].exclusive("purge", 0.0):
        assert not await _claims_within(instances[0], "purge", seconds=0.3), "held elsewhere"
    assert await _claims_within(instances[1], "purge")
    assert await _claims_within(instances[0], "purge")
