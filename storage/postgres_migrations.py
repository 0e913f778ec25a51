"""Versioned PostgreSQL schema: numbered migrations, applied once, under an advisory lock.

Why a lock: several instances start together behind a load balancer; the first to take the
transaction-scoped advisory lock (keyed by the schema's name) migrates, the others wait and
then find nothing left to do. DDL is transactional in PostgreSQL, so a migration that fails
leaves the schema at its previous version. A database newer than this code is refused rather
than used, since an old instance could silently drop what a newer one relies on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import asyncpg

from storage import postgres_sql as sql


class DatabaseError(RuntimeError):
    """PostgreSQL refused a command-line operation; the message is the server's (no data)."""


@contextlib.contextmanager
def database_errors() -> Iterator[None]:
    """Turn asyncpg's errors into `DatabaseError`, so callers outside storage need no driver."""
    try:
        yield
    except asyncpg.PostgresError as error:
        raise DatabaseError(f"{type(error).__name__}: {error}") from error


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer twelvecs; this version must not write to it."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"the PostgreSQL schema is at version {found} but this twelvecs knows versions up"
            f" to {known}: upgrade twelvecs on every instance before starting it again"
        )


@dataclass(frozen=True)
class Migration:
    version: int
    why: str
    ddl: str


PARTNERSHIP_KEY = """
ALTER TABLE responses ADD COLUMN IF NOT EXISTS partnership_id text;
ALTER TABLE positions ADD COLUMN IF NOT EXISTS partnership_id text;
ALTER TABLE publications ADD COLUMN IF NOT EXISTS partnership_id text;
UPDATE responses r SET partnership_id = o.partnership_id FROM rounds o
  WHERE o.id = r.round_id AND r.partnership_id IS NULL;
UPDATE positions r SET partnership_id = o.partnership_id FROM rounds o
  WHERE o.id = r.round_id AND r.partnership_id IS NULL;
UPDATE publications r SET partnership_id = o.partnership_id FROM rounds o
  WHERE o.id = r.round_id AND r.partnership_id IS NULL;
CREATE OR REPLACE FUNCTION fill_partnership_id() RETURNS trigger LANGUAGE plpgsql AS $f$
  BEGIN
    IF NEW.partnership_id IS NULL THEN
      SELECT partnership_id INTO NEW.partnership_id FROM rounds WHERE id = NEW.round_id;
    END IF;
    RETURN NEW;
  END $f$;
CREATE TRIGGER responses_partnership BEFORE INSERT ON responses
  FOR EACH ROW EXECUTE FUNCTION fill_partnership_id();
CREATE TRIGGER positions_partnership BEFORE INSERT ON positions
  FOR EACH ROW EXECUTE FUNCTION fill_partnership_id();
CREATE TRIGGER publications_partnership BEFORE INSERT ON publications
  FOR EACH ROW EXECUTE FUNCTION fill_partnership_id();
CREATE INDEX IF NOT EXISTS responses_of_partnership ON responses (partnership_id);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "the first schema: one JSONB document and revision per record, the audit log",
        sql.TABLES + sql.AUDIT_TABLE,
    ),
    Migration(
        2,
        "every round-owned table carries its partnership id (the Citus distribution key)",
        PARTNERSHIP_KEY,
    ),
    Migration(
        3,
        "when each background job (the retention purge) last ran, so one instance runs it",
        "CREATE TABLE IF NOT EXISTS job_runs (job text PRIMARY KEY, last_run timestamptz NOT NULL)",
    ),
    Migration(
        4,
        "reminders the bot sends on its own, claimed before sending so one instance sends each"
        " (issue 11)",
        sql.FOLLOWUP_TABLES,
    ),
)
LATEST = MIGRATIONS[-1].version
BASELINE = 1
"""The version of a database made before versioning (version 1's tables, no version row)."""

VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)"
LOCK = "SELECT pg_advisory_xact_lock(hashtext('twelvecs-migrate:' || $1))"
HAS_TABLE = "SELECT to_regclass($1) IS NOT NULL"


async def current_version(conn: Any) -> int:
    """The schema's version: 0 when empty, `BASELINE` for tables made before versioning."""
    if await conn.fetchval(HAS_TABLE, "schema_version"):
        found = await conn.fetchval("SELECT max(version) FROM schema_version")
        return int(found or 0)
    if await conn.fetchval(HAS_TABLE, "partnerships"):
        return BASELINE
    return 0


async def upgrade(conn: Any, schema: str, target: int = LATEST) -> list[int]:
    """Bring `schema` to version `target` (made if missing); the versions applied, in order."""
    quoted = sql.quoted_schema(schema)
    async with conn.transaction():
        await conn.execute(LOCK, schema)
        await conn.execute(f"CREATE SCHEMA IF NOT EXISTS {quoted}")
        await conn.execute(f"SET LOCAL search_path TO {quoted}")
        found = await current_version(conn)
        if found > LATEST:
            raise SchemaTooNew(found, LATEST)
        await conn.execute(VERSION_TABLE)
        applied = [m.version for m in MIGRATIONS if found < m.version <= target]
        for migration in MIGRATIONS:
            if migration.version in applied:
                await conn.execute(migration.ddl)
        if applied or found == 0 or not await conn.fetchval("SELECT 1 FROM schema_version"):
            await conn.execute("DELETE FROM schema_version")
            await conn.execute(
                "INSERT INTO schema_version (version) VALUES ($1)", max([found, *applied])
            )
        return applied


async def upgrade_database(dsn: str, schema: str) -> list[int]:
    """`upgrade` over a connection of its own (`twelvecs db upgrade`)."""
    with database_errors():
        conn = await asyncpg.connect(dsn)
        try:
            return await upgrade(conn, schema)
        finally:
            await conn.close()
