"""The scale-out store: PostgreSQL through asyncpg, one JSONB document and revision per row.

Compare-and-set is one statement: `INSERT ... ON CONFLICT DO NOTHING` for a new record,
`UPDATE ... WHERE revision = $n` for a known one; no row back means someone else won.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Collection, Mapping
from contextlib import AbstractAsyncContextManager
from datetime import date, datetime
from typing import Any, TypeVar

import asyncpg
from pydantic import BaseModel

from assessment.audit import AuditEntry
from assessment.errors import ConcurrentUpdate
from assessment.followup_ports import CLAIM_LEASE, SentReminder
from assessment.model import Partnership, Person, Record, Response, Round
from assessment.ports import JsonDoc
from assessment.position import AgreedPosition
from assessment.publication import Publication
from storage import postgres_jobs, postgres_migrations, turn_reads
from storage import postgres_sql as sql

R = TypeVar("R", bound=Record)
CONNECT_TIMEOUT = 5.0
COMMAND_TIMEOUT = 10.0
"""Seconds; an unreachable database fails a turn well inside Teams' 15 s (the person is told
to try again in a moment) instead of hanging on asyncpg's 60 s default."""
M = TypeVar("M", bound=BaseModel)


async def _init_connection(conn: Any) -> None:
    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


async def _no_session_state_to_reset(conn: Any) -> None:
    """Released connections go back to the pool as they are.

    asyncpg's default reset sends `pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`
    on every release: a round trip after every query, an eighth of a Start's sampled CPU on
    this store (py-spy, 50 Starts at once) and two thirds of PostgreSQL's CPU a query. Our
    statements leave no session state: no cursors, LISTEN or SET; transactions are rolled
    back by asyncpg itself before this runs; the one session advisory lock
    (`postgres_jobs.claim`) is released there, or its connection closed.
    """


class PostgresStore:
    """`Store` and `PositionStore` over one schema (migrated on open) of the `dsn` database."""

    def __init__(
        self,
        dsn: str,
        schema: str = "twelvecs",
        pool_size: int = 10,
        *,
        schema_version: int = postgres_migrations.LATEST,
    ) -> None:
        self._dsn = dsn
        self._target_version = schema_version
        self.schema = schema
        self._schema = sql.quoted_schema(schema)
        self._pool_size = pool_size
        self._pool: Any = None

    @property
    def pool(self) -> Any:
        """The pool, for a write other than a record's compare-and-set: the turn's remembered
        reads are dropped first (`storage.turn_reads`), so none is served after it."""
        turn_reads.forget()
        return self._open_pool()

    def _open_pool(self) -> Any:
        if self._pool is None:
            raise RuntimeError("PostgresStore used before open() or after close()")
        return self._pool

    async def _read(self, query: str, *args: Any) -> Any:
        """`fetchval` of a record read, answered from the turn's memory when it has it."""
        texts = turn_reads.remembered()
        if texts is None:
            return await self._open_pool().fetchval(query, *args)
        key = (self.schema, query, *args)
        if key not in texts:
            texts[key] = await self._open_pool().fetchval(query, *args)
        return texts[key]

    async def open(self) -> None:
        setup = await asyncpg.connect(self._dsn, timeout=CONNECT_TIMEOUT)
        try:
            await postgres_migrations.upgrade(setup, self.schema, self._target_version)
        finally:
            await setup.close()
        self._pool = await asyncpg.create_pool(
            self._dsn,
            min_size=1,
            max_size=self._pool_size,
            init=_init_connection,
            reset=_no_session_state_to_reset,
            timeout=CONNECT_TIMEOUT,
            command_timeout=COMMAND_TIMEOUT,
            server_settings={"search_path": self._schema},
        )

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

    async def _cas(
        self, statements: tuple[str, str], record: R, *keys: Any, read: tuple[str, ...]
    ) -> R:
        """Insert (new record) or update (known one) with (doc, revision, *keys); `read` is
        the record's own read (query, *args), which the turn then answers with what was saved
        (or reads afresh, if someone else won)."""
        insert, update = statements
        saved = record.model_copy(update={"revision": record.revision + 1})
        doc = saved.model_dump_json()
        remembered_as = (self.schema, *read)
        turn_reads.note(remembered_as, None)  # should the write fail, did it land? unknown
        if record.revision == 0:
            row = await self._open_pool().fetchval(insert, doc, 1, *keys)
        else:
            row = await self._open_pool().fetchval(update, doc, record.revision, *keys)
        if row is None:
            raise ConcurrentUpdate(type(record).__name__)
        turn_reads.note(remembered_as, doc)
        return saved

    async def _one(self, model: type[M], query: str, *args: Any) -> M | None:
        text = await self._read(query, *args)
        return model.model_validate_json(text) if text is not None else None

    async def _many(self, model: type[M], query: str, *args: Any) -> list[M]:
        """Rows of `SELECT doc::text`, validated off the event loop (rounds can be big)."""
        texts = [row[0] for row in await self._open_pool().fetch(query, *args)]
        return await asyncio.to_thread(lambda: [model.model_validate_json(t) for t in texts])

    async def get_partnership(self, partnership_id: str) -> Partnership | None:
        return await self._one(Partnership, sql.GET_PARTNERSHIP, partnership_id)

    async def save_partnership(self, partnership: Partnership) -> Partnership:
        return await self._cas(sql.SAVE_PARTNERSHIP, partnership, partnership.id,
                               read=(sql.GET_PARTNERSHIP, partnership.id))

    async def add_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        await self.pool.execute(sql.ADD_MEMBERS, partnership_id, list(aad_ids))

    async def remove_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        await self.pool.execute(sql.REMOVE_MEMBERS, partnership_id, list(aad_ids))

    async def is_member(self, partnership_id: str, aad_id: str) -> bool:
        return await self._read(sql.IS_MEMBER, partnership_id, aad_id) is not None

    async def partnerships_of(self, tenant_id: str, aad_id: str) -> list[str]:
        rows = await self._open_pool().fetch(sql.PARTNERSHIPS_OF, aad_id, f"{tenant_id}/")
        return [row[0] for row in rows]

    async def get_round(self, round_id: str) -> Round | None:
        return await self._one(Round, sql.GET_ROUND, round_id)

    async def save_round(self, round_: Round) -> Round:
        keys = (round_.id, round_.partnership_id, round_.opened_at)
        return await self._cas(sql.SAVE_ROUND, round_, *keys, read=(sql.GET_ROUND, round_.id))

    async def rounds_of(self, partnership_id: str) -> list[Round]:
        return await self._many(Round, sql.ROUNDS_OF, partnership_id)

    async def get_person(self, tenant_id: str, aad_id: str) -> Person | None:
        return await self._one(Person, sql.GET_PERSON, tenant_id, aad_id)

    async def save_person(self, person: Person) -> Person:
        keys = (person.tenant_id, person.aad_object_id)
        return await self._cas(sql.SAVE_PERSON, person, *keys, read=(sql.GET_PERSON, *keys))

    async def get_response(self, round_id: str, respondent: str) -> Response | None:
        return await self._one(Response, sql.GET_RESPONSE, round_id, respondent)

    async def save_response(self, response: Response) -> Response:
        keys = (response.round_id, response.respondent, response.tenant_id, response.started_at)
        read = (sql.GET_RESPONSE, response.round_id, response.respondent)
        return await self._cas(sql.SAVE_RESPONSE, response, *keys, read=read)

    async def responses_of(self, round_id: str) -> list[Response]:
        return await self._many(Response, sql.RESPONSES_OF, round_id)

    async def responses_by(self, tenant_id: str, respondent: str) -> list[Response]:
        return await self._many(Response, sql.RESPONSES_BY, tenant_id, respondent)

    async def get_position(self, round_id: str, component_id: str) -> AgreedPosition | None:
        return await self._one(AgreedPosition, sql.GET_POSITION, round_id, component_id)

    async def get_positions(self, round_id: str) -> dict[str, AgreedPosition]:
        found = await self._many(AgreedPosition, sql.POSITIONS_OF, round_id)
        return {p.component_id: p for p in found}

    async def save_position(self, position: AgreedPosition) -> AgreedPosition:
        keys = (position.round_id, position.component_id)
        return await self._cas(sql.SAVE_POSITION, position, *keys, read=(sql.GET_POSITION, *keys))

    async def get_publication(self, round_id: str) -> Publication | None:
        return await self._one(Publication, sql.GET_PUBLICATION, round_id)

    async def save_publication(self, publication: Publication) -> Publication:
        return await self._cas(sql.SAVE_PUBLICATION, publication, publication.round_id,
                               read=(sql.GET_PUBLICATION, publication.round_id))

    async def read_state(self, keys: Collection[str]) -> dict[str, JsonDoc]:
        rows = await self._open_pool().fetch(sql.READ_STATE, list(keys))
        return {row["key"]: row["doc"] for row in rows}

    async def write_state(self, items: Mapping[str, JsonDoc]) -> None:
        # Dialog state is no record: the turn's remembered record reads stay true.
        await self._open_pool().executemany(sql.WRITE_STATE, list(items.items()))

    async def delete_state(self, keys: Collection[str]) -> None:
        await self._open_pool().execute(sql.DELETE_STATE, list(keys))

    # -- audit log ------------------------------------------------------------------------

    async def append_audit(self, entry: AuditEntry) -> None:
        doc = entry.model_dump(mode="json")
        await self.pool.execute(sql.APPEND_AUDIT, entry.id, entry.at, entry.partnership_id, doc)

    async def audit_entries(
        self, *, since: datetime | None = None, partnership_id: str | None = None
    ) -> list[AuditEntry]:
        return await self._many(AuditEntry, sql.AUDIT_ENTRIES, since, partnership_id)

    # -- erasure and retention ------------------------------------------------------------

    async def all_rounds(self) -> list[Round]:
        return await self._many(Round, sql.ALL_ROUNDS)

    async def delete_response(self, round_id: str, respondent: str) -> bool:
        return await self.pool.fetchval(sql.DELETE_RESPONSE, round_id, respondent) is not None

    async def delete_person(self, tenant_id: str, aad_id: str) -> bool:
        return await self.pool.fetchval(sql.DELETE_PERSON, tenant_id, aad_id) is not None

    async def people_unseen_since(self, day: date) -> list[Person]:
        return await self._many(Person, sql.PEOPLE_UNSEEN_SINCE, day)

    # -- follow-through (issue 11) ----------------------------------------------------------

    async def claim_reminder(self, sent: SentReminder) -> bool:
        doc = sent.model_dump(mode="json")
        lease_out = sent.sent_at - CLAIM_LEASE
        row = await self.pool.fetchval(
            sql.CLAIM_REMINDER, sent.key, sent.round_id, sent.sent_at, doc, lease_out
        )
        return row is not None

    async def confirm_reminder(self, key: str) -> None:
        await self.pool.execute(sql.CONFIRM_REMINDER, key)

    async def release_reminder(self, key: str) -> None:
        await self.pool.execute(sql.RELEASE_REMINDER, key)

    async def reminders_of(self, round_id: str) -> list[SentReminder]:
        return await self._many(SentReminder, sql.REMINDERS_OF, round_id)

    async def members_of(self, partnership_id: str) -> list[str]:
        return [row[0] for row in await self._open_pool().fetch(sql.MEMBERS_OF, partnership_id)]

    async def drop_reminders(self, round_id: str) -> int:
        return int(await self.pool.fetchval(sql.DROP_REMINDERS, round_id))

    async def forget_reminders(self, round_id: str, recipient: str) -> int:
        return int(await self.pool.fetchval(sql.FORGET_REMINDERS, round_id, recipient))

    # -- scale-out: one instance per background job, readiness ----------------------------

    def exclusive(self, job: str, every_seconds: float) -> AbstractAsyncContextManager[bool]:
        """True inside if this instance runs `job` now; see `storage.postgres_jobs`."""
        return postgres_jobs.claim(self.pool, self.schema, job, every_seconds)
