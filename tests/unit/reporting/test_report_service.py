"""A lead's export over the in-memory store: who may have the report, and the audit log."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assessment.audit import AuditAction
from assessment.errors import NotALead, UnknownRound
from assessment.lead_service import LeadService
from assessment.model import Actor, Agency, PartnershipKind, Round
from assessment.service import AssessmentService
from messages import load_catalogue
from reporting.formats import ReportFormat, UnknownReportFormat
from reporting.service import ReportService
from storage.memory import MemoryStore
from storage.memory_positions import MemoryPositionStore
from tests.support.clock import EARLY_NOVEMBER, Clock
from tests.unit.assessment.summary_data import everywhere, response

TENANT = "tenant-1"
LEAD = Actor(TENANT, "aad-lead", "Lee")
PRACTITIONER = Actor(TENANT, "aad-alex", "Alex")
TEXTS = load_catalogue("en")



@dataclass
class World:
    store: MemoryStore
    reports: ReportService
    round_: Round


@pytest.fixture
async def world() -> World:
    store, positions = MemoryStore(), MemoryPositionStore()
    service = AssessmentService(store, clock=Clock(EARLY_NOVEMBER))
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "Team")
    round_ = await service.open_round(partnership, LEAD, "Autumn")
    await service.record_members(partnership.id, [PRACTITIONER.aad_object_id])
    leads = LeadService(store, positions, service)
    return World(store, ReportService(leads), round_)


async def test_a_leads_export_is_recorded_in_the_audit_log(world: World) -> None:
    for _ in range(3):
        await world.store.save_response(response(Agency.POLICE, everywhere(4),
                                                 round_id=world.round_.id))
    file = await world.reports.export(LEAD, world.round_.id, ReportFormat.PDF, TEXTS)
    assert file.content.startswith(b"%PDF") and file.filename.endswith(".pdf")
    assert "Team" not in file.filename and "Autumn" not in file.filename
    (entry,) = [e for e in await world.store.audit_entries()
                if e.action is AuditAction.EXPORTED]
    assert (entry.who, entry.round_id) == (LEAD.aad_object_id, world.round_.id)
    assert entry.details == {"format": "pdf", "via": "teams"}


async def test_a_practitioner_is_refused_and_told_who_leads(world: World) -> None:
    before = await world.store.audit_entries()
    with pytest.raises(NotALead):
        await world.reports.export(PRACTITIONER, world.round_.id, ReportFormat.XLSX, TEXTS)
    assert await world.store.audit_entries() == before


async def test_a_round_of_another_partnership_is_not_found(world: World) -> None:
    with pytest.raises(UnknownRound):
        await world.reports.export(
            LEAD, world.round_.id, ReportFormat.CSV, TEXTS, from_partnership="other"
        )


async def test_a_round_without_responses_gives_a_report_saying_so(world: World) -> None:
    report = await world.reports.report(LEAD, world.round_.id)
    assert not report.has_responses
    assert report.partnership == "Team"


def test_an_unknown_format_names_the_ones_there_are() -> None:
    assert ReportFormat.parse(" Excel ") is ReportFormat.XLSX
    assert ReportFormat.parse(".PDF") is ReportFormat.PDF
    with pytest.raises(UnknownReportFormat) as refused:
        ReportFormat.parse("docx")
    assert "xlsx, pdf, csv" in TEXTS.text(refused.value.message_id, **refused.value.params)
