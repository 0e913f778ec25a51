"""The scale-out store: PostgreSQL through asyncpg, one JSONB document and revision per row.

Compare-and-set is one statement: `INSERT ... ON CONFLICT DO NOTHING` for a new record,
`UPDATE ... WHERE revision = $n` for a known one; no row back means someone else won.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any, TypeVar

import asyncpg

from assessment.errors import ConcurrentUpdate
from assessment.model import Partnership, Person, Record, Response, Round
from assessment.ports import JsonDoc
from storage.postgres_schema import (
    SAVE_PARTNERSHIP,
    SAVE_PERSON,
    SAVE_RESPONSE,
    SAVE_ROUND,
    TABLES,
    quoted_schema,
)

R = TypeVar("R", bound=Record)


async def _init_connection(conn: Any) -> None:
    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


class PostgresStore:
    """`Store` over the tables of one schema (created on open) of the database at `dsn`."""

    def __init__(self, dsn: str, schema: str = "twelvecs", pool_size: int = 10) -> None:
        self._dsn = dsn
        self._schema = quoted_schema(schema)
        self._pool_size = pool_size
        self._pool: Any = None

    @property
    def pool(self) -> Any:
        if self._pool is None:
            raise RuntimeError("PostgresStore used before open() or after close()")
        return self._pool

    async def open(self) -> None:
        setup = await asyncpg.connect(self._dsn)
        try:
            await setup.execute(f"CREATE SCHEMA IF NOT EXISTS {self._schema}")
            await setup.execute(f"SET search_path TO {self._schema}; {TABLES}")
        finally:
            await setup.close()
        self._pool = await asyncpg.create_pool(
            self._dsn,
            min_size=1,
            max_size=self._pool_size,
            init=_init_connection,
            server_settings={"search_path": self._schema},
        )

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

    async def _cas(self, statements: tuple[str, str], record: R, *keys: Any) -> R:
        """Insert (new record) or update (known one) with (doc, revision, *keys)."""
        insert, update = statements
        saved = record.model_copy(update={"revision": record.revision + 1})
        doc = saved.model_dump(mode="json")
        if record.revision == 0:
            row = await self.pool.fetchval(insert, doc, 1, *keys)
        else:
            row = await self.pool.fetchval(update, doc, record.revision, *keys)
        if row is None:
            raise ConcurrentUpdate(type(record).__name__)
        return saved

    async def _doc(self, query: str, *args: Any) -> JsonDoc | None:
        found: JsonDoc | None = await self.pool.fetchval(query, *args)
        return found

    async def get_partnership(self, partnership_id: str) -> Partnership | None:
        doc = await self._doc("SELECT doc FROM partnerships WHERE id = $1", partnership_id)
        return Partnership.model_validate(doc) if doc else None

    async def save_partnership(self, partnership: Partnership) -> Partnership:
        return await self._cas(SAVE_PARTNERSHIP, partnership, partnership.id)

    async def add_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        await self.pool.execute(
            "INSERT INTO members (partnership_id, aad_id) SELECT $1, unnest($2::text[]) "
            "ON CONFLICT DO NOTHING",
            partnership_id,
            list(aad_ids),
        )

    async def remove_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        await self.pool.execute(
            "DELETE FROM members WHERE partnership_id = $1 AND aad_id = ANY($2::text[])",
            partnership_id,
            list(aad_ids),
        )

    async def is_member(self, partnership_id: str, aad_id: str) -> bool:
        found = await self.pool.fetchval(
            "SELECT 1 FROM members WHERE partnership_id = $1 AND aad_id = $2",
            partnership_id,
            aad_id,
        )
        return found is not None

    async def partnerships_of(self, tenant_id: str, aad_id: str) -> list[str]:
        rows = await self.pool.fetch(
            "SELECT partnership_id FROM members WHERE aad_id = $1 "
            "AND starts_with(partnership_id, $2) ORDER BY partnership_id",
            aad_id,
            f"{tenant_id}/",
        )
        return [row["partnership_id"] for row in rows]

    async def get_round(self, round_id: str) -> Round | None:
        doc = await self._doc("SELECT doc FROM rounds WHERE id = $1", round_id)
        return Round.model_validate(doc) if doc else None

    async def save_round(self, round_: Round) -> Round:
        keys = (round_.id, round_.partnership_id, round_.opened_at)
        return await self._cas(SAVE_ROUND, round_, *keys)

    async def rounds_of(self, partnership_id: str) -> list[Round]:
        rows = await self.pool.fetch(
            "SELECT doc FROM rounds WHERE partnership_id = $1 ORDER BY opened_at, id",
            partnership_id,
        )
        return [Round.model_validate(row["doc"]) for row in rows]

    async def get_person(self, tenant_id: str, aad_id: str) -> Person | None:
        query = "SELECT doc FROM people WHERE tenant_id = $1 AND aad_id = $2"
        doc = await self._doc(query, tenant_id, aad_id)
        return Person.model_validate(doc) if doc else None

    async def save_person(self, person: Person) -> Person:
        return await self._cas(SAVE_PERSON, person, person.tenant_id, person.aad_object_id)

    async def get_response(self, round_id: str, respondent: str) -> Response | None:
        query = "SELECT doc FROM responses WHERE round_id = $1 AND respondent = $2"
        doc = await self._doc(query, round_id, respondent)
        return Response.model_validate(doc) if doc else None

    async def save_response(self, response: Response) -> Response:
        keys = (response.round_id, response.respondent, response.tenant_id, response.started_at)
        return await self._cas(SAVE_RESPONSE, response, *keys)

    async def responses_of(self, round_id: str) -> list[Response]:
        rows = await self.pool.fetch(
            "SELECT doc FROM responses WHERE round_id = $1 ORDER BY started_at", round_id
        )
        return [Response.model_validate(row["doc"]) for row in rows]

    async def responses_by(self, tenant_id: str, respondent: str) -> list[Response]:
        rows = await self.pool.fetch(
            "SELECT doc FROM responses WHERE tenant_id = $1 AND respondent = $2 "
            "ORDER BY started_at",
            tenant_id,
            respondent,
        )
        return [Response.model_validate(row["doc"]) for row in rows]

    async def read_state(self, keys: Collection[str]) -> dict[str, JsonDoc]:
        rows = await self.pool.fetch(
            "SELECT key, doc FROM state WHERE key = ANY($1::text[])", list(keys)
        )
        return {row["key"]: row["doc"] for row in rows}

    async def write_state(self, items: Mapping[str, JsonDoc]) -> None:
        await self.pool.executemany(
            "INSERT INTO state (key, doc) VALUES ($1, $2) "
            "ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc",
            list(items.items()),
        )

    async def delete_state(self, keys: Collection[str]) -> None:
        await self.pool.execute("DELETE FROM state WHERE key = ANY($1::text[])", list(keys))
