"""Individual responses go `retention_days` after their round closes; positions stay."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from assessment.model import AnswerInput, PartnershipKind, Round
from assessment.position import AgreedPosition
from assessment.retention import RetentionService
from assessment.service import AssessmentService
from storage.memory import MemoryStore
from storage.tinydb_store import TinyDBStore

from .conftest import ALEX, LEAD, TENANT, Clock


async def closed_round_with_an_answer(service: AssessmentService) -> Round:
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:r", "R")
    round_ = await service.open_round(partnership, LEAD, "Spring")
    await service.record_members(partnership.id, [ALEX.aad_object_id])
    await service.set_agency(ALEX, "police")
    response = await service.start(ALEX, round_.id)
    await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "3", "ev"))
    await service.close_round(partnership, LEAD)
    return round_


async def test_before_the_retention_point_nothing_is_purged(store: MemoryStore) -> None:
    clock = Clock()
    service = AssessmentService(store, clock=clock)
    round_ = await closed_round_with_an_answer(service)
    retention = RetentionService(store, clock, retention_days=30)
    clock.now += timedelta(days=29)
    assert await retention.plan() == [] and await retention.purge() == []
    assert len(await store.responses_of(round_.id)) == 1


async def test_after_the_retention_point_responses_go_and_the_round_stays(
    store: MemoryStore,
) -> None:
    clock = Clock()
    service = AssessmentService(store, clock=clock)
    round_ = await closed_round_with_an_answer(service)
    retention = RetentionService(store, clock, retention_days=30)
    clock.now += timedelta(days=30)
    [planned] = await retention.plan()
    assert (planned.round_id, planned.counts) == (round_.id, {"comments": 0, "responses": 1})
    assert len(await store.responses_of(round_.id)) == 1  # the dry run changed nothing
    [purged] = await retention.purge()
    assert purged.counts == {"comments": 0, "responses": 1}
    assert await store.responses_of(round_.id) == []
    assert await store.get_round(round_.id) is not None
    assert await retention.purge() == []  # idempotent


async def test_open_rounds_are_never_purged(store: MemoryStore, round_: Round) -> None:
    clock = Clock()
    service = AssessmentService(store, clock=clock)
    response = await service.start(ALEX, round_.id)
    clock.now += timedelta(days=5000)
    assert await RetentionService(store, clock, retention_days=1).purge() == []
    assert await store.get_response(round_.id, response.respondent) is not None


async def test_agreed_positions_survive_the_purge(tmp_path: Path) -> None:
    """On a store that keeps positions beside the responses (the embedded default)."""
    clock = Clock()
    store = TinyDBStore(tmp_path / "data")
    await store.open()
    try:
        service = AssessmentService(store, clock=clock)
        round_ = await closed_round_with_an_answer(service)
        position = AgreedPosition(
            round_id=round_.id, partnership_id=round_.partnership_id, component_id="C1"
        )
        saved = await store.save_position(position)
        clock.now += timedelta(days=400)
        [purged] = await RetentionService(store, clock).purge()
        assert purged.counts == {"comments": 0, "responses": 1}
        assert await store.get_position(round_.id, "C1") == saved
        assert await store.get_round(round_.id) is not None
    finally:
        await store.close()


async def test_an_added_step_runs_on_every_expired_round(store: MemoryStore) -> None:
    """Where another kind of per-round data (a publication's comments) joins the purge."""
    clock = Clock()
    service = AssessmentService(store, clock=clock)
    round_ = await closed_round_with_an_answer(service)
    seen: list[str] = []

    class Comments:
        name = "comments"

        async def count(self, r: Round) -> int:
            return 2

        async def purge(self, r: Round) -> int:
            seen.append(r.id)
            return 2

    retention = RetentionService(store, clock, 30, steps=(Comments(),))
    clock.now += timedelta(days=31)
    [purged] = await retention.purge()
    assert purged.counts == {"comments": 2} and seen == [round_.id]
