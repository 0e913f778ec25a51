"""Erasure and retention need deletes that last (also across a reopen) and a list of rounds."""

from __future__ import annotations

from assessment.ports import Store
from tests.contract import records
from tests.contract.backends import Backend


async def test_a_deleted_response_is_gone_from_every_query(store: Store) -> None:
    await store.save_response(records.response("round-1", "aad-1"))
    await store.save_response(records.response("round-1", "aad-2"))
    assert await store.delete_response("round-1", "aad-1") is True
    assert await store.get_response("round-1", "aad-1") is None
    assert [r.respondent for r in await store.responses_of("round-1")] == ["aad-2"]
    assert await store.responses_by(records.TENANT, "aad-1") == []


async def test_deleting_a_missing_response_says_so_and_changes_nothing(store: Store) -> None:
    kept = await store.save_response(records.response("round-1", "aad-2"))
    assert await store.delete_response("round-1", "aad-1") is False
    assert await store.responses_of("round-1") == [kept]


async def test_a_response_can_be_saved_again_after_its_deletion(store: Store) -> None:
    await store.save_response(records.response())
    await store.delete_response("round-1", "aad-1")
    again = await store.save_response(records.response())
    assert again.revision == 1
    assert await store.responses_by(records.TENANT, "aad-1") == [again]


async def test_a_deleted_response_stays_deleted_after_a_reopen(backend: Backend) -> None:
    await backend.store.save_response(records.response())
    await backend.store.delete_response("round-1", "aad-1")
    reopened = await backend.reopen()
    assert await reopened.get_response("round-1", "aad-1") is None
    assert await reopened.responses_of("round-1") == []


async def test_a_deleted_person_is_gone(backend: Backend) -> None:
    await backend.store.save_person(records.person("aad-1"))
    kept = await backend.store.save_person(records.person("aad-2"))
    assert await backend.store.delete_person(records.TENANT, "aad-1") is True
    assert await backend.store.delete_person(records.TENANT, "aad-1") is False
    reopened = await backend.reopen()
    assert await reopened.get_person(records.TENANT, "aad-1") is None
    assert await reopened.get_person(records.TENANT, "aad-2") == kept


async def test_all_rounds_lists_every_partnerships_rounds_oldest_first(store: Store) -> None:
    other = records.partnership("team-2").id
    late = await store.save_round(records.round_("round-b", days=5))
    early = await store.save_round(records.round_("round-a", partnership_id=other, days=1))
    assert await store.all_rounds() == [early, late]


async def test_all_rounds_of_an_empty_store_is_empty(store: Store) -> None:
    assert await store.all_rounds() == []
