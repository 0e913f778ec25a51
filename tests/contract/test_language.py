"""A person's language and a partnership's Welsh-first order survive every store, and records
saved before issue 13 (without them) still load."""

from __future__ import annotations

from assessment.model import Language
from assessment.ports import Store
from tests.contract import records


async def test_a_persons_language_comes_back_as_saved(store: Store) -> None:
    saved = await store.save_person(
        records.person().model_copy(update={"language": Language.WELSH})
    )
    found = await store.get_person(records.TENANT, "aad-1")
    assert found == saved and found is not None and found.language == Language.WELSH


async def test_a_person_saved_without_a_language_has_none(store: Store) -> None:
    await store.save_person(records.person())
    found = await store.get_person(records.TENANT, "aad-1")
    assert found is not None and found.language is None


async def test_a_partnerships_welsh_first_order_comes_back_as_saved(store: Store) -> None:
    saved = await store.save_partnership(
        records.partnership().model_copy(update={"welsh_first": True})
    )
    found = await store.get_partnership(saved.id)
    assert found is not None and found.welsh_first


async def test_deleting_a_person_deletes_their_language(store: Store) -> None:
    await store.save_person(records.person().model_copy(update={"language": Language.WELSH}))
    assert await store.delete_person(records.TENANT, "aad-1")
    assert await store.get_person(records.TENANT, "aad-1") is None
