"""The audit log: appended, read back in order, filtered, kept across a reopen, never rewritten."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from assessment.audit import AuditAction, AuditEntry
from assessment.ports import Store
from storage.postgres_store import PostgresStore
from tests.contract import records
from tests.contract.backends import Backend

TEAM = records.partnership("team-1").id
OTHER_TEAM = records.partnership("team-2").id
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def entry(
    action: AuditAction, day: int, partnership: str | None = TEAM, **details: object
) -> AuditEntry:
    return AuditEntry.model_validate(
        {
            "at": MONDAY + timedelta(days=day),
            "action": action,
            "who": "aad-lead-1",
            "partnership_id": partnership,
            "round_id": "round-1",
            "details": details,
        }
    )


async def test_entries_come_back_as_appended_oldest_first(store: Store) -> None:
    first = entry(AuditAction.ROUND_OPENED, 0)
    second = entry(AuditAction.POSITION_CHANGED, 1, component="C4", fields=("score", "evidence"))
    await store.append_audit(first)
    await store.append_audit(second)
    assert await store.audit_entries() == [first, second]


async def test_entries_are_filtered_by_time_and_partnership(store: Store) -> None:
    opened = entry(AuditAction.ROUND_OPENED, 0)
    elsewhere = entry(AuditAction.ROUND_OPENED, 1, partnership=OTHER_TEAM)
    closed = entry(AuditAction.ROUND_CLOSED, 2)
    purge = entry(AuditAction.PURGED, 3, partnership=None, responses=12)
    for each in (opened, elsewhere, closed, purge):
        await store.append_audit(each)
    assert await store.audit_entries(since=MONDAY + timedelta(days=1)) == [
        elsewhere,
        closed,
        purge,
    ]
    assert await store.audit_entries(partnership_id=TEAM) == [opened, closed]
    later = MONDAY + timedelta(days=2)
    assert await store.audit_entries(since=later, partnership_id=TEAM) == [closed]


async def test_an_empty_log_has_no_entries(store: Store) -> None:
    assert await store.audit_entries() == []


async def test_a_reopened_store_keeps_the_audit_log(backend: Backend) -> None:
    kept = entry(AuditAction.LEAD_ADDED, 0, lead="aad-lead-2")
    await backend.store.append_audit(kept)
    reopened = await backend.reopen()
    await reopened.append_audit(entry(AuditAction.REMINDER_SENT, 1, agency="police"))
    found = await reopened.audit_entries()
    assert found[0] == kept and [e.action for e in found] == ["lead.added", "reminder.sent"]


async def test_postgres_refuses_to_change_or_delete_audit_entries(backend: Backend) -> None:
    store = backend.store
    if not isinstance(store, PostgresStore):
        pytest.skip("the database itself guards the PostgreSQL audit table")
    await store.append_audit(entry(AuditAction.ROUND_OPENED, 0))
    for statement in ("UPDATE audit_log SET at = now()", "DELETE FROM audit_log"):
        with pytest.raises(asyncpg.RaiseError, match="append-only"):
            await store.pool.execute(statement)
    assert len(await store.audit_entries()) == 1
