"""A lead's use cases over the in-memory stores: who may see and change what, and retries."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assessment.errors import NotALead, UnknownComponent, UnknownRound
from assessment.lead_service import LeadService, NoRoundYet
from assessment.model import Actor, Agency, Partnership, PartnershipKind, Round
from assessment.position import AgreedPosition
from assessment.position_edit import apply_edit, new_position
from assessment.position_errors import InvalidReviewDate, InvalidScore, StaleForm
from assessment.position_form import PositionForm, parse_form
from assessment.prompt_model import PromptKind
from assessment.service import AssessmentService
from storage.memory import MemoryStore
from storage.memory_positions import MemoryPositionStore
from tests.support.clock import EARLY_NOVEMBER, Clock
from tests.unit.assessment.summary_data import everywhere, response

TENANT = "tenant-1"
LEAD = Actor(TENANT, "aad-lead", "Lee")
CO_LEAD = Actor(TENANT, "aad-co", "Cas")
PRACTITIONER = Actor(TENANT, "aad-alex", "Alex")
ADMIN = Actor(TENANT, "aad-admin", "Ada")
ELSEWHERE = Actor("tenant-2", "aad-lead", "Lee")
PLAN = PositionForm(
    opened_revision=0, accountability="Board", action_plan="Audit", timeframe="operational"
)



@dataclass
class World:
    store: MemoryStore
    positions: MemoryPositionStore
    service: AssessmentService
    leads: LeadService
    partnership: Partnership
    round_: Round

    async def answers(self, agency: Agency, ratings: list[int], round_id: str = "") -> None:
        for rating in ratings:
            await self.store.save_response(
                response(agency, everywhere(rating), round_id=round_id or self.round_.id)
            )


@pytest.fixture
async def world() -> World:
    store, positions = MemoryStore(), MemoryPositionStore()
    service = AssessmentService(
        store, clock=Clock(EARLY_NOVEMBER), administrators=frozenset({"aad-admin"})
    )
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "Team")
    round_ = await service.open_round(partnership, LEAD, "Autumn")
    round_ = await store.save_round(
        round_.model_copy(update={"leads": [LEAD.aad_object_id, CO_LEAD.aad_object_id]})
    )
    await store.add_members(partnership.id, [CO_LEAD.aad_object_id])  # as add_lead does
    return World(
        store, positions, service, LeadService(store, positions, service), partnership, round_
    )


async def test_a_lead_gets_the_rounds_summary(world: World) -> None:
    await world.answers(Agency.POLICE, [1, 2, 2])
    summary = await world.leads.summary(
        LEAD, world.round_.id, from_partnership=world.partnership.id
    )
    assert summary.component("C4").figures.median == 2
    assert summary.responses.total == 3


async def test_a_practitioner_asking_for_the_summary_is_refused(world: World) -> None:
    with pytest.raises(NotALead):
        await world.leads.summary(PRACTITIONER, world.round_.id)


async def test_an_administrator_may_act_as_lead(world: World) -> None:
    assert (await world.leads.summary(ADMIN, world.round_.id)).round_id == world.round_.id


async def test_another_partnerships_round_is_not_found(world: World) -> None:
    with pytest.raises(UnknownRound):
        await world.leads.summary(LEAD, world.round_.id, from_partnership="t/team/19:other")
    with pytest.raises(UnknownRound):
        await world.leads.record_position(LEAD, world.round_.id, "C4", PLAN, from_partnership="x")
    assert world.positions.positions == {}


async def test_a_round_in_another_tenant_is_not_found(world: World) -> None:
    with pytest.raises(UnknownRound):
        await world.leads.summary(ELSEWHERE, world.round_.id)


async def test_summary_of_c13_is_refused(world: World) -> None:
    with pytest.raises(UnknownComponent):
        await world.leads.detail(LEAD, world.round_.id, "C13")
    with pytest.raises(UnknownComponent):
        await world.leads.record_position(LEAD, world.round_.id, "C13", PLAN)


async def test_summary_with_no_round_ever_opened_is_refused(world: World) -> None:
    with pytest.raises(NoRoundYet):
        await world.leads.latest_round("tenant-1/team/19:never")


async def test_recording_a_plan_for_the_lowest_c_resolves_its_prompt_at_once(world: World) -> None:
    await world.answers(Agency.POLICE, [1, 1, 2])
    before = await world.leads.summary(LEAD, world.round_.id)
    assert (PromptKind.URGENT_ACTION, "C4") in [(p.kind, p.component_id) for p in before.prompts]
    outcome = await world.leads.record_position(LEAD, world.round_.id, "C4", PLAN)
    assert outcome.position.revision == 1 and outcome.position.changed_by == LEAD.aad_object_id
    after = await world.leads.summary(LEAD, world.round_.id)
    assert "C4" not in {p.component_id for p in after.prompts}


async def test_a_practitioner_cannot_record_a_position(world: World) -> None:
    with pytest.raises(NotALead):
        await world.leads.record_position(PRACTITIONER, world.round_.id, "C4", PLAN)
    assert world.positions.positions == {}


@pytest.mark.parametrize(
    ("form", "refusal"),
    [
        (PositionForm(opened_revision=0, score="7"), InvalidScore),
        (PositionForm(opened_revision=0, review_dates=["2026-11-01"]), InvalidReviewDate),
        (PositionForm(opened_revision=0, review_dates=["soon"]), InvalidReviewDate),
    ],
)
async def test_bad_input_leaves_the_store_unchanged(
    world: World, form: PositionForm, refusal: type[Exception]
) -> None:
    with pytest.raises(refusal):
        await world.leads.record_position(LEAD, world.round_.id, "C4", form)
    assert world.positions.positions == {}


async def test_a_stale_form_is_refused_and_the_other_leads_change_is_kept(world: World) -> None:
    await world.leads.record_position(CO_LEAD, world.round_.id, "C4", PLAN)
    stale = PositionForm(opened_revision=0, action_plan="Something else")
    with pytest.raises(StaleForm) as refused:
        await world.leads.record_position(LEAD, world.round_.id, "C4", stale)
    assert refused.value.theirs[0].by_name == "Cas"
    stored = await world.positions.get_position(world.round_.id, "C4")
    assert stored is not None and stored.agreed.action_plan == "Audit"


class RacingPositions(MemoryPositionStore):
    """Another lead saves a different field just before this lead's first save lands."""

    def __init__(self, rival: AgreedPosition) -> None:
        super().__init__()
        self.rival: AgreedPosition | None = rival

    async def save_position(self, position: AgreedPosition) -> AgreedPosition:
        if self.rival is not None:
            rival, self.rival = self.rival, None
            await super().save_position(rival)
        return await super().save_position(position)


async def test_a_save_that_races_another_lead_retries_and_keeps_both(world: World) -> None:
    empty = new_position(world.round_.id, world.partnership.id, "C4")
    edit = parse_form(
        PositionForm(opened_revision=0, accountability="Cas"), world.round_.opened_at.date()
    )
    rival = apply_edit(empty, edit, CO_LEAD.aad_object_id, world.round_.opened_at).position
    racing = RacingPositions(rival)
    leads = LeadService(world.store, racing, world.service)
    outcome = await leads.record_position(LEAD, world.round_.id, "C4", PositionForm(0, score="2"))
    assert outcome.position.revision == 2
    assert (outcome.position.agreed.accountability, outcome.position.agreed.score) == ("Cas", 2)
    assert [c.by for c in outcome.merged] == [CO_LEAD.aad_object_id]


async def test_a_second_round_shows_change_since_the_first(world: World) -> None:
    await world.answers(Agency.POLICE, [5, 5, 5])
    await world.service.close_round(world.partnership, LEAD)
    second = await world.service.open_round(world.partnership, LEAD, "Spring")
    await world.answers(Agency.POLICE, [3, 3, 3], round_id=second.id)
    assert (await world.leads.latest_round(world.partnership.id)).id == second.id
    summary = await world.leads.summary(LEAD, second.id)
    assert summary.previous_round_id == world.round_.id
    assert summary.component("C1").change == -2
    assert PromptKind.FELL_SINCE_PREVIOUS in {p.kind for p in summary.prompts}


async def test_a_first_round_has_no_previous_round(world: World) -> None:
    assert await world.leads.previous_round(world.round_) is None


async def test_the_detail_shows_names_to_leads_in_a_named_round(world: World) -> None:
    named = await world.store.save_round(world.round_.model_copy(update={"named": True}))
    for n in range(3):
        answer = response(
            Agency.HEALTH, {"C2": 4}, round_id=named.id, evidence={"C2": "ok"}, name=f"P{n}"
        )
        await world.store.save_response(answer)
    detail = await world.leads.detail(LEAD, named.id, "C2")
    assert {c.name for c in detail.comments} == {"P0", "P1", "P2"}
