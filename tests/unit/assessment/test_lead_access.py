"""Lead access follows membership, and every lead action leaves a line in the audit log."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from assessment.audit import AuditAction
from assessment.errors import NoLongerMember, UnknownRound
from assessment.lead_service import LeadService
from assessment.model import Actor, Partnership, PartnershipKind, Round
from assessment.position_form import PositionForm
from assessment.service import AssessmentService
from storage.memory import MemoryStore
from storage.memory_positions import MemoryPositionStore
from tests.support.clock import EARLY_NOVEMBER, Clock

TENANT = "tenant-1"
LEAD = Actor(TENANT, "aad-lead", "Lee")
CO_LEAD = Actor(TENANT, "aad-co", "Cas")
ADMIN = Actor(TENANT, "aad-admin", "Ada")
ADMIN_ELSEWHERE = Actor("tenant-2", "aad-admin", "Ada")
PLAN = PositionForm(opened_revision=0, accountability="Head of Safeguarding", score="2")



@dataclass
class World:
    store: MemoryStore
    positions: MemoryPositionStore
    service: AssessmentService
    leads: LeadService
    partnership: Partnership
    round_: Round

    async def remove(self, actor: Actor) -> None:
        await self.service.forget_members(self.partnership.id, [actor.aad_object_id])


@pytest.fixture
async def world() -> World:
    store, positions = MemoryStore(), MemoryPositionStore()
    service = AssessmentService(
        store, clock=Clock(EARLY_NOVEMBER), administrators=frozenset({"aad-admin"})
    )
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "Team")
    round_ = await service.open_round(partnership, LEAD, "Autumn")
    round_ = await service.add_lead(round_.id, LEAD, CO_LEAD)
    return World(
        store, positions, service, LeadService(store, positions, service), partnership, round_
    )


async def test_a_co_lead_removed_from_the_team_loses_every_lead_action_at_once(
    world: World,
) -> None:
    await world.remove(CO_LEAD)
    rid = world.round_.id
    refused = [
        world.leads.summary(CO_LEAD, rid),
        world.leads.detail(CO_LEAD, rid, "C4"),
        world.leads.record_position(CO_LEAD, rid, "C4", PLAN),
        world.leads.record_reminder(CO_LEAD, rid, "police"),
        world.service.add_lead(rid, CO_LEAD, Actor(TENANT, "aad-new", "New")),
        world.service.close_round(world.partnership, CO_LEAD),
    ]
    for call in refused:
        with pytest.raises(NoLongerMember):
            await call
    assert world.positions.positions == {}
    stored = await world.store.get_round(rid)
    assert stored is not None and stored.is_open and "aad-new" not in stored.leads
    assert await world.service.rounds_led_by(CO_LEAD) == []


async def test_a_co_lead_added_back_to_the_team_has_access_again(world: World) -> None:
    await world.remove(CO_LEAD)
    await world.service.record_members(world.partnership.id, [CO_LEAD.aad_object_id])
    summary = await world.leads.summary(CO_LEAD, world.round_.id)
    assert summary.round_id == world.round_.id


async def test_an_administrator_keeps_access_without_membership_but_only_in_their_tenant(
    world: World,
) -> None:
    assert (await world.leads.detail(ADMIN, world.round_.id, "C4")) is not None
    with pytest.raises(UnknownRound):
        await world.leads.summary(ADMIN_ELSEWHERE, world.round_.id)


async def test_lead_actions_are_in_the_audit_log_with_ids_and_field_names_only(
    world: World,
) -> None:
    await world.leads.record_position(LEAD, world.round_.id, "C4", PLAN)
    await world.leads.record_reminder(LEAD, world.round_.id, "police")
    await world.service.close_round(world.partnership, LEAD)
    entries = await world.store.audit_entries(partnership_id=world.partnership.id)
    assert [(e.action, e.who) for e in entries] == [
        (AuditAction.ROUND_OPENED, "aad-lead"),
        (AuditAction.LEAD_ADDED, "aad-lead"),
        (AuditAction.POSITION_CHANGED, "aad-lead"),
        (AuditAction.REMINDER_SENT, "aad-lead"),
        (AuditAction.ROUND_CLOSED, "aad-lead"),
    ]
    assert entries[1].details == {"lead": "aad-co"}
    assert entries[2].details == {"component": "C4", "fields": ("accountability", "score")}
    assert entries[3].details == {"agency": "police"}
    assert all(e.round_id == world.round_.id for e in entries)
    logged = json.dumps([e.model_dump(mode="json") for e in entries])
    for personal in ("Lee", "Cas", "Head of Safeguarding", "Autumn"):
        assert personal not in logged


async def test_a_refused_action_leaves_no_audit_entry(world: World) -> None:
    before = await world.store.audit_entries()
    await world.remove(CO_LEAD)
    with pytest.raises(NoLongerMember):
        await world.leads.record_position(CO_LEAD, world.round_.id, "C4", PLAN)
    assert await world.store.audit_entries() == before


async def test_an_unchanged_position_form_is_not_audited(world: World) -> None:
    await world.leads.record_position(LEAD, world.round_.id, "C4", PLAN)
    again = PositionForm(opened_revision=1, accountability="Head of Safeguarding", score="2")
    await world.leads.record_position(LEAD, world.round_.id, "C4", again)
    changes = await world.store.audit_entries()
    assert [e.action for e in changes].count(AuditAction.POSITION_CHANGED) == 1
