"""Every record type comes back as it was saved, with its revision bumped."""

from __future__ import annotations

from assessment.model import MAX_TEXT
from assessment.ports import Store
from tests.contract import records
from tests.contract.backends import Backend

WELSH = "Mae'r bartneriaeth yn gweithio'n dda: ŵ ŷ â ê î ô û ẁ ẃ ẅ ỳ — diolch! "


async def test_a_partnership_comes_back_as_saved(store: Store) -> None:
    saved = await store.save_partnership(records.partnership())
    assert saved.revision == 1
    assert await store.get_partnership(saved.id) == saved


async def test_a_round_comes_back_as_saved(store: Store) -> None:
    saved = await store.save_round(records.round_())
    assert saved.revision == 1
    assert await store.get_round(saved.id) == saved


async def test_a_person_comes_back_as_saved(store: Store) -> None:
    saved = await store.save_person(records.person())
    assert saved.revision == 1
    assert await store.get_person(records.TENANT, "aad-1") == saved


async def test_a_person_is_scoped_to_their_tenant(store: Store) -> None:
    await store.save_person(records.person())
    assert await store.get_person(records.OTHER_TENANT, "aad-1") is None


async def test_a_response_comes_back_as_saved(store: Store) -> None:
    saved = await store.save_response(records.response())
    assert saved.revision == 1
    assert await store.get_response("round-1", "aad-1") == saved


async def test_missing_records_are_none(store: Store) -> None:
    assert await store.get_partnership("nope") is None
    assert await store.get_round("nope") is None
    assert await store.get_person(records.TENANT, "nope") is None
    assert await store.get_response("round-1", "nope") is None


async def test_each_save_bumps_the_revision_once(store: Store) -> None:
    first = await store.save_partnership(records.partnership())
    second = await store.save_partnership(first.model_copy(update={"name": "Renamed"}))
    assert second.revision == 2
    assert await store.get_partnership(first.id) == second


async def test_long_welsh_evidence_survives_whole(store: Store) -> None:
    evidence = (WELSH * 40)[:MAX_TEXT]
    answered = records.response().model_copy(
        update={"answers": {"C2": records.answer("C2", evidence=evidence, rating=None)}}
    )
    await store.save_response(answered)
    found = await store.get_response("round-1", "aad-1")
    assert found is not None
    assert found.answers["C2"].evidence == evidence
    assert len(found.answers["C2"].evidence) == MAX_TEXT


async def test_unicode_ids_and_names_survive(store: Store) -> None:
    draft = records.partnership("tîm-ŵŷ").model_copy(update={"name": "Gwasanaethau ŵ ŷ"})
    saved = await store.save_partnership(draft)
    assert await store.get_partnership("tenant-a/team/tîm-ŵŷ") == saved


async def test_a_reopened_store_has_every_record(backend: Backend) -> None:
    store = backend.store
    partnership = await store.save_partnership(records.partnership())
    round_ = await store.save_round(records.round_())
    person = await store.save_person(records.person())
    response = await store.save_response(records.response())
    reopened = await backend.reopen()
    assert await reopened.get_partnership(partnership.id) == partnership
    assert await reopened.get_round("round-1") == round_
    assert await reopened.get_person(records.TENANT, "aad-1") == person
    assert await reopened.get_response("round-1", "aad-1") == response


async def test_changing_a_returned_response_does_not_change_the_store(store: Store) -> None:
    saved = await store.save_response(records.response())
    got = await store.get_response("round-1", "aad-1")
    assert got is not None
    got.answers["C9"] = records.answer("C9")
    got.position = "C9"
    listed = (await store.responses_of("round-1"))[0]
    listed.answers.clear()
    assert await store.get_response("round-1", "aad-1") == saved
    assert await store.responses_of("round-1") == [saved]
