"""Audit entries hold ids and short codes only: a typed sentence cannot get into the log."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from assessment.audit import AuditAction, AuditEntry, Auditor
from messages import load_catalogue
from storage.memory import MemoryStore

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "details",
    [
        {"evidence": "Jo Bloggs, born 1 May 2015, lives at 4 High St"},
        {"comment": ("fine", "not fine at all")},
        {"count": -1},
    ],
)
def test_details_that_are_not_ids_codes_or_counts_are_refused(details: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        AuditEntry.model_validate(
            {"at": AT, "action": "export", "who": "aad-1", "details": details}
        )


def test_who_must_be_an_id_not_a_name() -> None:
    with pytest.raises(ValidationError):
        AuditEntry(at=AT, action=AuditAction.ERASED, who="Priya Shah")


async def test_the_auditor_stamps_entries_with_the_service_clock_and_keeps_them_in_order() -> None:
    store = MemoryStore()
    auditor = Auditor(store, lambda: AT)
    await auditor.record(AuditAction.EXPORTED, "aad-1", partnership_id="t/team/x", format="xlsx")
    await auditor.record(AuditAction.ERASED, "pseudonym:4f2a", responses=2)
    latest = await auditor.latest(20)
    assert [(e.action, e.at) for e in latest] == [
        (AuditAction.ERASED, AT),
        (AuditAction.EXPORTED, AT),
    ]
    assert latest[1].details == {"format": "xlsx"}


async def test_latest_in_a_tenant_leaves_out_other_tenants_partnerships() -> None:
    store = MemoryStore()
    auditor = Auditor(store, lambda: AT)
    await auditor.record(AuditAction.ROUND_OPENED, "aad-1", partnership_id="t1/team/x")
    await auditor.record(AuditAction.ROUND_OPENED, "aad-2", partnership_id="t2/team/y")
    await auditor.record(AuditAction.PURGED, "retention", responses=3)
    assert [e.who for e in await auditor.latest(20, "t1")] == ["retention", "aad-1"]


def test_every_action_has_a_label_in_the_catalogue() -> None:
    cat = load_catalogue()
    assert all(cat.has(f"card.audit.action.{action.value}") for action in AuditAction)
