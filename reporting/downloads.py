"""The report's download links: made for a lead in Teams, checked when opened in a browser.

Opening a link re-checks everything a lead's request would (the round exists, the person the
link was made for still leads it and belongs to its team) and that the link is unused, then
exports the report in the link's format, audited with the link's nonce. Any failure is one
`BadLink`: the page that answers says nothing about which check failed.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment.errors import AssessmentError
from assessment.model import Actor, Round
from assessment.prompt_model import TextSource
from reporting.formats import ReportFormat
from reporting.links import LINK_LIFETIME, BadLink, LinkSigner
from reporting.render import ReportFile
from reporting.service import ReportService

ROUTE = "/reports/{token}"
"""The bot app's download route (GET)."""


@dataclass
class ReportLinks:
    reports: ReportService
    signer: LinkSigner
    base_url: str
    """The bot's public address (scheme and host) that links start with."""

    def url(self, round_: Round, fmt: ReportFormat, lead: Actor, language: str = "en") -> str:
        """A link to the round's report for `lead`, valid for `LINK_LIFETIME`, written in
        `language` (the lead's, issue 13)."""
        now = self.reports.lead.assessment.clock()
        token = self.signer.issue(round_.id, fmt, lead.aad_object_id, now, language)
        return self.base_url.rstrip("/") + ROUTE.format(token=token)

    def language(self, token: str) -> str | None:
        """The language the link was made in (its lead's), used or expired; None when the
        token is not one of ours (tampered, truncated, made up)."""
        return self.signer.signed_language(token, self.reports.lead.assessment.clock())

    async def open(self, token: str, texts: TextSource) -> ReportFile:
        """The file a link grants, or `BadLink`."""
        service = self.reports.lead.assessment
        grant = self.signer.check(token, service.clock())
        round_ = await service.store.get_round(grant.round_id)
        partnership = (
            await service.store.get_partnership(round_.partnership_id) if round_ else None
        )
        if round_ is None or partnership is None:
            raise BadLink("round")
        lead = grant.lead_among(self.signer, [*round_.leads, *sorted(service.administrators)])
        if lead is None:
            raise BadLink("lead")
        try:
            await service.require_current_lead(round_, Actor(partnership.tenant_id, lead))
        except AssessmentError as refused:
            raise BadLink("lead") from refused
        if await self.reports.link_used(round_, grant.nonce, grant.expires - LINK_LIFETIME):
            raise BadLink("used")
        return await self.reports.export_round(
            round_, grant.fmt, texts, who=lead, via="link", link=grant.nonce
        )
