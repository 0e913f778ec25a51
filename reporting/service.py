"""The lead's use case: the board's report of a round, checked and audited like the summary.

Who may export is the summary's rule (`LeadService.led_round`: the round's current leads and
the administrators, in the round's tenant and partnership). Every export, by a lead in Teams or
an administrator on the server, appends an `EXPORTED` entry to the audit log: format and
round, never the file's content.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime

from assessment.audit import AuditAction
from assessment.lead_service import LeadService
from assessment.model import Actor, Round
from assessment.prompt_model import TextSource
from assessment.summary_model import PreviousRound
from reporting.formats import ReportFormat
from reporting.model import EarlierRound, Report, build_report
from reporting.render import ReportFile, render


@dataclass
class ReportService:
    lead: LeadService

    async def report(
        self, actor: Actor, round_id: str, *, from_partnership: str | None = None
    ) -> Report:
        """The round's report for a lead (refusals as `LeadService.summary`)."""
        round_ = await self.lead.led_round(actor, round_id, from_partnership)
        return await self.build(round_)

    async def export(
        self,
        actor: Actor,
        round_id: str,
        fmt: ReportFormat,
        texts: TextSource,
        *,
        from_partnership: str | None = None,
    ) -> ReportFile:
        """A lead's export from Teams: checked as the summary is, then audited."""
        round_ = await self.lead.led_round(actor, round_id, from_partnership)
        return await self.export_round(round_, fmt, texts, who=actor.aad_object_id, via="teams")

    async def export_round(
        self,
        round_: Round,
        fmt: ReportFormat,
        texts: TextSource,
        *,
        who: str,
        via: str,
        link: str | None = None,
    ) -> ReportFile:
        """The rendered report of a round the caller has checked, recorded in the audit log
        as exported by `who` through `via` (format, round and the link's nonce: never the
        content). Rendering runs in a thread: a large round takes a second or more."""
        report = await self.build(round_)
        framework = self.lead.assessment.framework
        file = await asyncio.to_thread(render, report, framework, texts, fmt)
        await self.lead.assessment.audit.record(
            AuditAction.EXPORTED,
            who,
            partnership_id=round_.partnership_id,
            round_id=round_.id,
            format=fmt.value,
            via=via,
            **({"link": link} if link else {}),
        )
        return file

    async def link_used(self, round_: Round, nonce: str, since: datetime) -> bool:
        """Whether a download link (by its nonce) was already used: the audit log, shared by
        every bot process, is the record of it."""
        entries = await self.lead.store.audit_entries(
            since=since, partnership_id=round_.partnership_id
        )
        return any(
            e.action is AuditAction.EXPORTED and e.details.get("link") == nonce for e in entries
        )

    async def build(self, round_: Round) -> Report:
        """The report of a round already checked by the caller."""
        store, lead = self.lead.store, self.lead
        responses = await store.responses_of(round_.id)
        partnership = await store.get_partnership(round_.partnership_id)
        return build_report(
            lead.assessment.framework,
            round_,
            responses,
            await lead.positions.get_positions(round_.id),
            await self._earlier(round_),
            now=lead.assessment.clock(),
            partnership=partnership.name if partnership is not None else None,
            publication=await lead.published(round_, responses),
            k=lead.min_group_size,
        )

    async def _earlier(self, round_: Round) -> list[EarlierRound]:
        """The partnership's rounds opened before this one, oldest first, as leads see them."""
        found: list[EarlierRound] = []
        for before in await self.lead.store.rounds_of(round_.partnership_id):
            if before.opened_at >= round_.opened_at:
                continue
            responses = await self.lead.store.responses_of(before.id)
            published = await self.lead.published(before, responses)
            previous = PreviousRound(before, responses, published)
            positions = await self.lead.positions.get_positions(before.id)
            found.append(EarlierRound(previous, positions))
        return found
