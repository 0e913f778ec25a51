"""The lists the service reads: a partnership's rounds, a round's responses, a person's."""

from __future__ import annotations

from assessment.ports import Store
from tests.contract import records
from tests.contract.backends import Backend

TEAM = records.partnership("team-1").id
OTHER_TEAM = records.partnership("team-2").id


async def test_rounds_of_lists_a_partnerships_rounds_oldest_first(store: Store) -> None:
    await store.save_round(records.round_("round-b", TEAM, days=5))
    await store.save_round(records.round_("round-a", TEAM, days=1))
    await store.save_round(records.round_("round-c", TEAM, days=9))
    await store.save_round(records.round_("round-x", OTHER_TEAM, days=3))
    found = await store.rounds_of(TEAM)
    assert [r.id for r in found] == ["round-a", "round-b", "round-c"]
    assert await store.rounds_of("tenant-a/team/none") == []


async def test_rounds_of_shows_the_latest_revision(store: Store) -> None:
    opened = await store.save_round(records.round_("round-a", TEAM))
    closed = await store.save_round(opened.model_copy(update={"closed_by": "lead-1"}))
    assert await store.rounds_of(TEAM) == [closed]


async def test_responses_of_lists_every_response_of_the_round_only(store: Store) -> None:
    for i in range(5):
        await store.save_response(records.response("round-1", f"aad-{i}"))
    await store.save_response(records.response("round-2", "aad-0"))
    found = await store.responses_of("round-1")
    assert sorted(r.respondent for r in found) == [f"aad-{i}" for i in range(5)]
    assert await store.responses_of("round-none") == []


async def test_responses_of_shows_the_latest_answers(store: Store) -> None:
    first = await store.save_response(records.response())
    answers = {**first.answers, "C2": records.answer("C2", rating=2)}
    latest = await store.save_response(first.model_copy(update={"answers": answers}))
    assert await store.responses_of("round-1") == [latest]


async def test_responses_by_lists_a_persons_responses_oldest_first(store: Store) -> None:
    await store.save_response(records.response("round-2", "aad-1", days=7))
    await store.save_response(records.response("round-1", "aad-1", days=1))
    await store.save_response(records.response("round-1", "aad-2", days=2))
    found = await store.responses_by(records.TENANT, "aad-1")
    assert [r.round_id for r in found] == ["round-1", "round-2"]


async def test_responses_by_is_scoped_to_the_tenant(store: Store) -> None:
    await store.save_response(records.response("round-1", "aad-1"))
    await store.save_response(records.response("round-9", "aad-1", tenant=records.OTHER_TENANT))
    found = await store.responses_by(records.OTHER_TENANT, "aad-1")
    assert [r.round_id for r in found] == ["round-9"]
    assert await store.responses_by(records.TENANT, "aad-none") == []


async def test_a_reopened_store_answers_the_same_lists(backend: Backend) -> None:
    await backend.store.save_round(records.round_("round-1", TEAM))
    await backend.store.save_response(records.response("round-1", "aad-1"))
    reopened = await backend.reopen()
    assert [r.id for r in await reopened.rounds_of(TEAM)] == ["round-1"]
    assert [r.respondent for r in await reopened.responses_of("round-1")] == ["aad-1"]
    assert [r.round_id for r in await reopened.responses_by(records.TENANT, "aad-1")] == ["round-1"]
