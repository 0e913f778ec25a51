"""Who may lead a round: its leads while they still belong to its team or chat, and the
tenant's administrators; a lead can add co-leads."""

from __future__ import annotations

from assessment.audit import AuditAction
from assessment.errors import NoLongerMember, NotALead, UnknownRound
from assessment.model import Actor, Round
from assessment.service_core import ServiceCore


class LeadAccess(ServiceCore):
    def is_lead(self, round_: Round, actor: Actor) -> bool:
        return actor.aad_object_id in round_.leads or actor.aad_object_id in self.administrators

    def require_lead(self, round_: Round, actor: Actor) -> None:
        if not self.is_lead(round_, actor):
            raise NotALead(leads=", ".join(round_.lead_names.values()) or "-")

    async def require_current_lead(self, round_: Round, actor: Actor) -> None:
        """`require_lead`, and the lead must still belong to the round's team or chat: whoever
        was removed (teamMemberRemoved) loses access at once, also through an old card's
        button. Administrators keep access in their tenant (callers check the tenant)."""
        self.require_lead(round_, actor)
        if actor.aad_object_id in self.administrators:
            return
        if not await self.store.is_member(round_.partnership_id, actor.aad_object_id):
            raise NoLongerMember()

    async def add_lead(self, round_id: str, actor: Actor, new_lead: Actor) -> Round:
        """A lead makes someone else a co-lead of the round (and so a member)."""
        round_ = await self.store.get_round(round_id)
        if round_ is None:
            raise UnknownRound()
        await self.require_current_lead(round_, actor)
        await self.store.add_members(round_.partnership_id, [new_lead.aad_object_id])
        names = {new_lead.aad_object_id: new_lead.name} if new_lead.name else {}
        updated = await self._update_round(
            round_id,
            lambda r: {
                "leads": sorted({*r.leads, new_lead.aad_object_id}),
                "lead_names": {**r.lead_names, **names},
            },
        )
        await self._audit(AuditAction.LEAD_ADDED, actor, updated, lead=new_lead.aad_object_id)
        return updated

    async def rounds_led_by(self, actor: Actor) -> list[Round]:
        """Rounds (newest first) of the person's partnerships that they lead."""
        led = []
        for pid in await self.store.partnerships_of(actor.tenant_id, actor.aad_object_id):
            led += [r for r in await self.store.rounds_of(pid) if self.is_lead(r, actor)]
        return sorted(led, key=lambda r: r.opened_at, reverse=True)
