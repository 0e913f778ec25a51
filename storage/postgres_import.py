"""Writes a `Snapshot` into the PostgreSQL store, safely re-runnable (`twelvecs db copy`).

Each record goes in with its own revision through `INSERT ... ON CONFLICT DO NOTHING`; when
the row is already there, the stored document is compared with the source (both validated
by the record's model, so formatting differences do not count): identical is skipped,
different is a conflict, reported and left as the target has it. Nothing here logs content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from assessment.audit import AuditEntry
from assessment.followup_ports import SentReminder
from assessment.model import Partnership, Person, Response, Round
from assessment.ports import JsonDoc
from assessment.position import AgreedPosition
from assessment.publication import Publication
from storage import postgres_sql as sql
from storage.snapshot import KINDS, CopyReport, Snapshot
from storage.state_sent_log import PREFIX as SENT_LOG_PREFIX


@dataclass(frozen=True)
class _Kind:
    """How one kind goes in: its model, its insert, its lookup, and their arguments."""

    model: type[BaseModel]
    insert: str
    lookup: str
    keys: Callable[[Any], tuple[Any, ...]]
    columns: Callable[[Any], tuple[Any, ...]] = lambda r: ()


class _Member(BaseModel):
    partnership_id: str
    aad_id: str


class _State(BaseModel):
    key: str
    value: dict[str, Any]


_KINDS: dict[str, _Kind] = {
    "partnerships": _Kind(
        Partnership, sql.SAVE_PARTNERSHIP[0], sql.GET_PARTNERSHIP, lambda r: (r.id,)
    ),
    "rounds": _Kind(
        Round,
        sql.SAVE_ROUND[0],
        sql.GET_ROUND,
        lambda r: (r.id,),
        lambda r: (r.partnership_id, r.opened_at),
    ),
    "people": _Kind(
        Person, sql.SAVE_PERSON[0], sql.GET_PERSON, lambda r: (r.tenant_id, r.aad_object_id)
    ),
    "responses": _Kind(
        Response,
        sql.SAVE_RESPONSE[0],
        sql.GET_RESPONSE,
        lambda r: (r.round_id, r.respondent),
        lambda r: (r.tenant_id, r.started_at),
    ),
    "positions": _Kind(
        AgreedPosition,
        sql.SAVE_POSITION[0],
        sql.GET_POSITION,
        lambda r: (r.round_id, r.component_id),
    ),
    "publications": _Kind(
        Publication, sql.SAVE_PUBLICATION[0], sql.GET_PUBLICATION, lambda r: (r.round_id,)
    ),
}
INSERT_MEMBER = (
    "INSERT INTO members (partnership_id, aad_id) VALUES ($1, $2) ON CONFLICT DO NOTHING "
    "RETURNING 1"
)
INSERT_STATE = "INSERT INTO state (key, doc) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1"
GET_STATE = "SELECT doc FROM state WHERE key = $1"
INSERT_AUDIT = (
    "INSERT INTO audit_log (id, at, partnership_id, doc) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (id) DO NOTHING RETURNING 1"
)
GET_AUDIT = "SELECT doc FROM audit_log WHERE id = $1"
COUNT = {kind: f"SELECT count(*) FROM {kind}" for kind in KINDS}


def _same(model: type[BaseModel], stored: JsonDoc | str | None, record: BaseModel) -> bool:
    if isinstance(stored, str):  # the record lookups return the document as JSON text
        return model.model_validate_json(stored) == record
    return stored is not None and model.model_validate(stored) == record


async def _copy_reminder_log(conn: Any, state: _State) -> None:
    """Issue 11: TinyDB keeps the reminder log in host state; PostgreSQL reads it from its
    `sent_reminders` table, so the claims go there too (else a reminder could go out again)."""
    if not state.key.startswith(SENT_LOG_PREFIX):
        return
    for value in state.value.values():
        sent = SentReminder.model_validate(value)
        doc = sent.model_dump(mode="json")
        await conn.fetchval(
            sql.CLAIM_REMINDER, sent.key, sent.round_id, sent.sent_at, doc, sent.sent_at
        )


async def _put(conn: Any, kind: str, doc: JsonDoc) -> bool | None:
    """True: copied; False: an identical record was there; None: a different one was."""
    if kind == "members":
        member = _Member.model_validate(doc)
        # a membership is nothing but its key: present means identical
        return bool(await conn.fetchval(INSERT_MEMBER, member.partnership_id, member.aad_id))
    if kind == "state":
        state = _State.model_validate(doc)
        await _copy_reminder_log(conn, state)
        if await conn.fetchval(INSERT_STATE, state.key, state.value):
            return True
        return False if await conn.fetchval(GET_STATE, state.key) == state.value else None
    if kind == "audit_log":
        entry = AuditEntry.model_validate(doc)
        row = (entry.id, entry.at, entry.partnership_id, entry.model_dump(mode="json"))
        if await conn.fetchval(INSERT_AUDIT, *row):
            return True
        return False if _same(AuditEntry, await conn.fetchval(GET_AUDIT, entry.id), entry) else None
    spec = _KINDS[kind]
    record = spec.model.model_validate(doc)
    keys = spec.keys(record)
    revision = getattr(record, "revision", 0)
    written = record.model_dump_json()
    if await conn.fetchval(spec.insert, written, revision, *keys, *spec.columns(record)):
        return True
    return False if _same(spec.model, await conn.fetchval(spec.lookup, *keys), record) else None


async def import_snapshot(pool: Any, snapshot: Snapshot, report: CopyReport) -> None:
    """Copy every kind in `KINDS` order, tallying into `report` (then count the target)."""
    async with pool.acquire() as conn:
        for kind in KINDS:
            tally = report.kinds[kind]
            for doc in snapshot.get(kind, []):
                tally.source += 1
                outcome = await _put(conn, kind, doc)
                if outcome is None:
                    tally.conflicts += 1
                elif outcome:
                    tally.copied += 1
                else:
                    tally.already_there += 1
            tally.in_target = int(await conn.fetchval(COUNT[kind]))
