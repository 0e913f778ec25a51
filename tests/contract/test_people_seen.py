"""The expiry of person records asks every store for the people not seen since a day; the day
a person was last seen survives a reopen, and records saved before it was kept still count."""

from __future__ import annotations

from datetime import date

from assessment.model import Person
from assessment.ports import Store
from tests.contract import records
from tests.contract.backends import Backend

DAY = date(2026, 11, 2)


def seen(aad_id: str, day: date | None, tenant: str = records.TENANT) -> Person:
    return records.person(aad_id, tenant).model_copy(update={"last_seen": day})


def ids(people: list[Person]) -> set[tuple[str, str]]:
    return {(p.tenant_id, p.aad_object_id) for p in people}


async def test_people_seen_before_the_day_are_listed_and_the_others_not(store: Store) -> None:
    await store.save_person(seen("long-ago", date(2025, 1, 31)))
    await store.save_person(seen("day-before", date(2026, 11, 1)))
    await store.save_person(seen("on-the-day", DAY))
    await store.save_person(seen("after", date(2026, 11, 3)))
    await store.save_person(seen("elsewhere", date(2025, 6, 1), records.OTHER_TENANT))
    found = await store.people_unseen_since(DAY)
    assert ids(found) == {
        (records.TENANT, "long-ago"),
        (records.TENANT, "day-before"),
        (records.OTHER_TENANT, "elsewhere"),
    }


async def test_a_listed_person_comes_back_whole(store: Store) -> None:
    saved = await store.save_person(seen("aad-1", date(2025, 1, 31)))
    assert await store.people_unseen_since(DAY) == [saved]


async def test_records_without_a_day_are_listed_as_unseen(store: Store) -> None:
    """Records written before the day was kept have none: the purge must meet them."""
    legacy = await store.save_person(records.person("legacy"))
    assert legacy.last_seen is None
    assert ids(await store.people_unseen_since(DAY)) == {(records.TENANT, "legacy")}


async def test_deleted_people_are_not_listed(store: Store) -> None:
    await store.save_person(seen("aad-1", date(2025, 1, 31)))
    await store.delete_person(records.TENANT, "aad-1")
    assert await store.people_unseen_since(DAY) == []


async def test_a_new_day_replaces_the_old_one(store: Store) -> None:
    first = await store.save_person(seen("aad-1", date(2025, 1, 31)))
    await store.save_person(first.model_copy(update={"last_seen": DAY}))
    assert await store.people_unseen_since(DAY) == []
    assert ids(await store.people_unseen_since(date(2026, 11, 3))) == {(records.TENANT, "aad-1")}


async def test_the_day_a_person_was_last_seen_survives_a_reopen(backend: Backend) -> None:
    saved = await backend.store.save_person(seen("aad-1", DAY))
    reopened = await backend.reopen()
    assert await reopened.get_person(records.TENANT, "aad-1") == saved
    assert await reopened.people_unseen_since(date(2026, 11, 3)) == [saved]
