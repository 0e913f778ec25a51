"""The report's download route over HTTP: the lead's link serves the file once; an expired,
tampered, used or someone else's link gets the same 403 page and nothing else."""

from __future__ import annotations

import html
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from openpyxl import load_workbook
from pypdf import PdfReader

from assessment.audit import AuditAction
from assessment.lead_service import LeadService
from assessment.model import Actor, Agency, PartnershipKind, Round
from assessment.service import AssessmentService
from bot.report_route import add_report_route
from messages import load_catalogue
from reporting.downloads import ReportLinks
from reporting.formats import ReportFormat
from reporting.links import LinkSigner
from reporting.service import ReportService
from storage.memory import MemoryStore
from storage.memory_positions import MemoryPositionStore
from tests.support.clock import FixedClock
from tests.unit.assessment.summary_data import everywhere, response

TENANT = "tenant-1"
LEAD = Actor(TENANT, "aad-lead", "Lee")
PRACTITIONER = Actor(TENANT, "aad-alex", "Alex")
TEXTS = load_catalogue("en")


@dataclass
class Site:
    client: TestClient  # type: ignore[type-arg]
    links: ReportLinks
    store: MemoryStore
    clock: FixedClock
    round_: Round

    def path(self, fmt: ReportFormat, who: Actor = LEAD) -> str:
        return self.links.url(self.round_, fmt, who).removeprefix("http://bot.test")

    async def exports(self) -> int:
        entries = await self.store.audit_entries()
        return sum(e.action is AuditAction.EXPORTED for e in entries)


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    store, clock = MemoryStore(), FixedClock()
    service = AssessmentService(store, clock=clock)
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "Team")
    round_ = await service.open_round(partnership, LEAD, "Autumn")
    await service.record_members(partnership.id, [PRACTITIONER.aad_object_id])
    for _ in range(3):
        await store.save_response(response(Agency.POLICE, everywhere(4), round_id=round_.id))
    reports = ReportService(LeadService(store, MemoryPositionStore(), service))
    links = ReportLinks(reports, LinkSigner(b"k" * 32), "http://bot.test")
    app = web.Application()
    add_report_route(app, links, TEXTS)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        yield Site(client, links, store, clock, round_)


async def test_the_leads_link_serves_the_workbook_once(site: Site) -> None:
    path = site.path(ReportFormat.XLSX)
    served = await site.client.get(path)
    assert served.status == 200
    assert served.headers["Cache-Control"] == "no-store"
    assert "attachment" in served.headers["Content-Disposition"]
    book = load_workbook(io.BytesIO(await served.read()))
    assert book["C1 Clarity"]["A1"].value == "C1 Clarity"
    again = await site.client.get(path)
    assert again.status == 403
    assert await site.exports() == 1


async def test_the_pdf_link_serves_a_pdf(site: Site) -> None:
    served = await site.client.get(site.path(ReportFormat.PDF))
    assert served.headers["Content-Type"] == "application/pdf"
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(await served.read())).pages]
    assert sum(p.startswith("C1 Clarity") for p in pages) == 1


async def test_an_expired_link_gets_403_and_nothing_is_exported(site: Site) -> None:
    path = site.path(ReportFormat.PDF)
    site.clock.now += timedelta(minutes=15)
    refused = await site.client.get(path)
    assert refused.status == 403
    assert "has expired" in await refused.text()
    assert await site.exports() == 0


async def test_a_tampered_link_gets_403(site: Site) -> None:
    path = site.path(ReportFormat.CSV)
    refused = await site.client.get(path[:-3] + ("aaa" if not path.endswith("aaa") else "bbb"))
    assert refused.status == 403 and await site.exports() == 0


async def test_a_welsh_leads_expired_link_is_refused_in_welsh(site: Site) -> None:
    token = site.links.url(site.round_, ReportFormat.PDF, LEAD, language="cy")
    site.clock.now += timedelta(minutes=15)
    refused = await site.client.get(token.removeprefix("http://bot.test"))
    page = html.unescape(await refused.text())
    assert refused.status == 403 and '<html lang="cy">' in page
    assert "Nid yw'r adroddiad ar gael" in page and "Report not available" not in page


async def test_a_link_that_is_not_ours_is_refused_in_welsh_and_english(site: Site) -> None:
    """Nothing in a made-up token can be trusted, not even its language: both, English first."""
    refused = await site.client.get("/reports/not-a-link.at-all")
    page = html.unescape(await refused.text())
    assert refused.status == 403 and await site.exports() == 0
    assert page.index("Report not available") < page.index("Nid yw'r adroddiad ar gael")
    assert '<section lang="cy">' in page


async def test_a_link_made_for_someone_who_does_not_lead_gets_403(site: Site) -> None:
    refused = await site.client.get(site.path(ReportFormat.CSV, PRACTITIONER))
    assert refused.status == 403 and await site.exports() == 0


async def test_a_lead_removed_from_the_team_can_no_longer_use_their_link(site: Site) -> None:
    path = site.path(ReportFormat.CSV)
    await site.store.remove_members(site.round_.partnership_id, [LEAD.aad_object_id])
    refused = await site.client.get(path)
    assert refused.status == 403 and await site.exports() == 0
