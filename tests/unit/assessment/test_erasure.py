"""`delete my answers`: open rounds lose the answers, closed rounds keep them unlinked."""

from __future__ import annotations

import json

import pytest

from assessment.erasure import ErasurePlanChanged, ErasureService, NothingToErase
from assessment.model import AnswerInput, PartnershipKind, Response, Round
from assessment.pseudonym import UNLINKED_PREFIX
from assessment.service import AssessmentService
from storage.memory import MemoryStore

from .conftest import ALEX, LEAD, TENANT

CHAT = {"channelId": "msteams", "conversation": {"id": "a:alex-chat"}}


def state_keys(reference: dict[str, object]) -> list[str]:
    return [f"{reference['channelId']}/conversations/alex-chat"]


@pytest.fixture
def erasure(service: AssessmentService) -> ErasureService:
    return ErasureService(service, state_keys)


async def answered(service: AssessmentService, round_: Round, rating: str = "4") -> None:
    response = await service.start(ALEX, round_.id)
    await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", rating, "ev"))


async def closed_named_round(service: AssessmentService) -> Round:
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:b", "B")
    round_ = await service.open_round(partnership, LEAD, "Spring (named)", named=True)
    await service.record_members(partnership.id, [ALEX.aad_object_id])
    await answered(service, round_, "2")
    await service.close_round(partnership, LEAD)
    return round_


async def test_the_plan_lists_what_will_go_and_changes_nothing(
    service: AssessmentService, erasure: ErasureService, round_: Round, store: MemoryStore
) -> None:
    await answered(service, round_)
    closed = await closed_named_round(service)
    before = json.dumps([store.responses, store.people])
    plan = await erasure.plan(ALEX)
    assert plan.deleted_rounds == (round_.title,) and plan.unlinked_rounds == (closed.title,)
    assert plan.has_record and json.dumps([store.responses, store.people]) == before


async def test_erasure_deletes_open_answers_and_unlinks_closed_ones(
    service: AssessmentService, erasure: ErasureService, round_: Round, store: MemoryStore
) -> None:
    await answered(service, round_)
    closed = await closed_named_round(service)
    await service.remember_chat(ALEX, CHAT)
    store.state["msteams/conversations/alex-chat"] = {"DialogState": {}}
    await erasure.erase(ALEX, (await erasure.plan(ALEX)).fingerprint)
    assert await store.responses_of(round_.id) == []
    [kept] = await store.responses_of(closed.id)
    assert kept.answers["C1"].rating == 2 and kept.respondent_name is None
    everything = json.dumps([store.responses, store.people, store.state])
    assert ALEX.aad_object_id not in everything and "Alex" not in everything
    assert await service.my_responses(ALEX) == []


async def test_a_repeated_confirmation_removes_nothing_more(
    service: AssessmentService, erasure: ErasureService, round_: Round, store: MemoryStore
) -> None:
    await answered(service, round_)
    await closed_named_round(service)
    plan = await erasure.plan(ALEX)
    await erasure.erase(ALEX, plan.fingerprint)
    after_first = json.dumps([store.responses, store.people])
    with pytest.raises(NothingToErase):
        await erasure.erase(ALEX, plan.fingerprint)
    assert json.dumps([store.responses, store.people]) == after_first


async def test_a_stale_confirmation_changes_nothing_and_shows_the_new_plan(
    service: AssessmentService, erasure: ErasureService, round_: Round, store: MemoryStore
) -> None:
    await service.start(ALEX, round_.id)
    shown = await erasure.plan(ALEX)
    await answered(service, round_, "5")  # answered more after the card was shown
    before = json.dumps([store.responses, store.people])
    with pytest.raises(ErasurePlanChanged) as changed:
        await erasure.erase(ALEX, shown.fingerprint)
    assert changed.value.plan.fingerprint != shown.fingerprint
    assert json.dumps([store.responses, store.people]) == before


async def test_someone_with_nothing_stored_is_told_so(erasure: ErasureService) -> None:
    plan = await erasure.plan(ALEX)
    assert plan.is_empty
    with pytest.raises(NothingToErase):
        await erasure.erase(ALEX, plan.fingerprint)


class CrashOnUnlink(MemoryStore):
    """Dies when erasure re-saves a closed round's answers, after the original was deleted."""

    async def save_response(self, response: Response) -> Response:
        if response.respondent.startswith(UNLINKED_PREFIX):
            raise RuntimeError("power cut")
        return await super().save_response(response)


async def test_a_crash_while_unlinking_never_leaves_the_linked_answers_behind() -> None:
    store = CrashOnUnlink()
    service = AssessmentService(store)
    erasure = ErasureService(service, state_keys)
    await service.set_agency(ALEX, "police")
    closed = await closed_named_round(service)
    plan = await erasure.plan(ALEX)
    with pytest.raises(RuntimeError):
        await erasure.erase(ALEX, plan.fingerprint)
    assert await store.get_response(closed.id, ALEX.aad_object_id) is None
    assert [r.respondent for r in await store.responses_of(closed.id)] == []
