"""Retention deletes people's answers and words but keeps the partnership's figures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from assessment.detail import ComponentDetail
from assessment.lead_service import LeadService
from assessment.model import Agency, PartnershipKind, Round
from assessment.retention import RetentionService
from assessment.service import AssessmentService
from storage.memory import MemoryStore
from storage.memory_positions import MemoryPositionStore
from tests.unit.assessment.summary_data import everywhere, response

from .conftest import LEAD, TENANT, Clock

WORDS = "Referrals wait a week for a strategy discussion."


async def closed_round(store: MemoryStore, clock: Clock, *, named: bool) -> Round:
    """A closed round with three submitted responses, each with evidence on C4."""
    service = AssessmentService(store, clock=clock)
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:r", "R")
    round_ = await service.open_round(partnership, LEAD, "Spring", named=named)
    for rating in (2, 3, 4):
        await store.save_response(
            response(Agency.POLICE, everywhere(rating), round_id=round_.id,
                     evidence={"C4": WORDS}, name="Someone" if named else None)
        )
    await service.close_round(partnership, LEAD)
    return round_


async def c4_as_a_lead_sees_it(store: MemoryStore, clock: Clock, round_: Round) -> ComponentDetail:
    service = AssessmentService(store, clock=clock)
    leads = LeadService(store, MemoryPositionStore(), service)
    return await leads.detail(LEAD, round_.id, "C4")


@pytest.mark.parametrize("named", [False, True])
async def test_after_the_purge_the_figures_stay_and_the_words_go(named: bool) -> None:
    store, clock = MemoryStore(), Clock()
    round_ = await closed_round(store, clock, named=named)
    before = await c4_as_a_lead_sees_it(store, clock, round_)
    assert before.figures.rated == 3 and before.comments
    clock.now += timedelta(days=400)

    [purged] = await RetentionService(store, clock).purge()

    assert purged.counts["responses"] == 3
    assert await store.responses_of(round_.id) == []
    after = await c4_as_a_lead_sees_it(store, clock, round_)
    assert after.figures == before.figures
    assert after.comments == ()
    publication = await store.get_publication(round_.id)
    assert publication is not None and publication.final and publication.comments == {}


async def test_a_round_no_lead_looked_at_after_closing_is_published_before_its_answers_go() -> None:
    store, clock = MemoryStore(), Clock()
    round_ = await closed_round(store, clock, named=False)
    assert await store.get_publication(round_.id) is None
    clock.now += timedelta(days=400)
    await RetentionService(store, clock).purge()
    publication = await store.get_publication(round_.id)
    assert publication is not None and publication.final and publication.responses == 3


async def test_the_dry_run_counts_published_comments_and_changes_nothing() -> None:
    store, clock = MemoryStore(), Clock()
    round_ = await closed_round(store, clock, named=False)
    await c4_as_a_lead_sees_it(store, clock, round_)  # a lead looked: the final publication
    published = await store.get_publication(round_.id)
    clock.now += timedelta(days=400)
    [planned] = await RetentionService(store, clock).plan()
    assert planned.counts == {"comments": 3, "responses": 3}
    assert await store.get_publication(round_.id) == published
    assert len(await store.responses_of(round_.id)) == 3


async def test_purging_twice_removes_nothing_more() -> None:
    store, clock = MemoryStore(), Clock()
    round_ = await closed_round(store, clock, named=False)
    clock.now += timedelta(days=400)
    retention = RetentionService(store, clock)
    assert await retention.purge()
    kept = await store.get_publication(round_.id)
    assert await retention.purge() == []
    assert await store.get_publication(round_.id) == kept
