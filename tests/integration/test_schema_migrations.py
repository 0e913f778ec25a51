"""The PostgreSQL schema is versioned: old databases upgrade without losing anything."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from bot.cli import main
from storage import postgres_migrations
from storage.postgres_migrations import LATEST, SchemaTooNew
from storage.postgres_store import PostgresStore
from tests.contract import records
from tests.contract.backends import POSTGRES_DSN, drop_schema, postgres_schema
from tests.support import every_kind

pytestmark = pytest.mark.postgres


@pytest.fixture
async def schema() -> AsyncIterator[str]:
    name = await postgres_schema()
    yield name
    await drop_schema(name)


async def _version(schema: str) -> int:
    conn = await asyncpg.connect(POSTGRES_DSN)
    try:
        await conn.execute(f'SET search_path TO "{schema}"')
        return await postgres_migrations.current_version(conn)
    finally:
        await conn.close()


async def _sql(schema: str, statement: str) -> None:
    conn = await asyncpg.connect(POSTGRES_DSN)
    try:
        await conn.execute(f'SET search_path TO "{schema}"; {statement}')
    finally:
        await conn.close()


async def test_a_database_made_before_versioning_upgrades_and_keeps_every_record(
    schema: str,
) -> None:
    old = PostgresStore(POSTGRES_DSN, schema=schema, schema_version=1)
    await old.open()
    await every_kind.fill(old)
    before = await every_kind.everything(old)
    await old.close()
    await _sql(schema, "DROP TABLE schema_version")  # as the unversioned code left it

    new = PostgresStore(POSTGRES_DSN, schema=schema)
    await new.open()
    try:
        assert await every_kind.everything(new) == before
        assert all(before.values()), "every kind of record was part of the upgrade"
        saved = await new.save_response(records.response("round-a", "aad-9"))
        assert saved.revision == 1
    finally:
        await new.close()
    assert await _version(schema) == LATEST


async def test_the_upgrade_files_old_rows_under_their_partnership(schema: str) -> None:
    old = PostgresStore(POSTGRES_DSN, schema=schema, schema_version=1)
    await old.open()
    await every_kind.fill(old)
    await old.close()
    new = PostgresStore(POSTGRES_DSN, schema=schema)
    await new.open()
    try:
        await new.save_response(records.response("round-b", "aad-9"))
        for table in ("responses", "positions", "publications"):
            keys = await new.pool.fetch(f"SELECT DISTINCT partnership_id FROM {table}")
            assert [k[0] for k in keys] == [every_kind.PARTNERSHIP.id], table
    finally:
        await new.close()


async def test_two_instances_starting_together_migrate_once(schema: str) -> None:
    connections = [await asyncpg.connect(POSTGRES_DSN) for _ in range(2)]
    try:
        applied = await asyncio.gather(
            *(postgres_migrations.upgrade(conn, schema) for conn in connections)
        )
    finally:
        for conn in connections:
            await conn.close()
    assert sorted(applied) == [[], list(range(1, LATEST + 1))]
    assert await _version(schema) == LATEST


async def test_two_stores_opening_together_both_serve(schema: str) -> None:
    stores = [PostgresStore(POSTGRES_DSN, schema=schema) for _ in range(2)]
    await asyncio.gather(*(s.open() for s in stores))
    try:
        await stores[0].save_partnership(every_kind.PARTNERSHIP)
        assert await stores[1].get_partnership(every_kind.PARTNERSHIP.id) is not None
    finally:
        await asyncio.gather(*(s.close() for s in stores))


async def test_a_database_from_a_newer_twelvecs_is_refused(schema: str) -> None:
    store = PostgresStore(POSTGRES_DSN, schema=schema)
    await store.open()
    await store.close()
    await _sql(schema, f"UPDATE schema_version SET version = {LATEST + 1}")
    with pytest.raises(SchemaTooNew, match="upgrade twelvecs"):
        await PostgresStore(POSTGRES_DSN, schema=schema).open()
    assert await _version(schema) == LATEST + 1


def test_db_upgrade_migrates_once_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = asyncio.run(postgres_schema())
    try:
        argv = ["db", "upgrade", "--dsn", POSTGRES_DSN, "--schema", name]
        assert main(argv) == 0
        assert f"at version {LATEST} (applied: 1, 2" in capsys.readouterr().out
        assert main(argv) == 0
        assert "none needed" in capsys.readouterr().out
    finally:
        asyncio.run(drop_schema(name))


def test_db_upgrade_of_an_unreachable_database_fails_with_the_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    dsn = POSTGRES_DSN.rsplit("/", 1)[0] + "/no_such_database_14"
    assert main(["db", "upgrade", "--dsn", dsn]) == 2
    assert "does not exist" in capsys.readouterr().err
