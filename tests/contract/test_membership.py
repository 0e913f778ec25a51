"""Membership: who belongs to which partnership, scoped by tenant."""

from __future__ import annotations

from assessment.ports import Store
from tests.contract import records
from tests.contract.backends import Backend

TEAM = records.partnership("team-1").id
OTHER_TEAM = records.partnership("team-2").id
ELSEWHERE = records.partnership("team-9", tenant=records.OTHER_TENANT).id


async def test_added_members_are_members(store: Store) -> None:
    await store.add_members(TEAM, ["aad-1", "aad-2"])
    assert await store.is_member(TEAM, "aad-1")
    assert await store.is_member(TEAM, "aad-2")
    assert not await store.is_member(TEAM, "aad-3")
    assert not await store.is_member(OTHER_TEAM, "aad-1")


async def test_removed_members_are_no_longer_members(store: Store) -> None:
    await store.add_members(TEAM, ["aad-1", "aad-2"])
    await store.remove_members(TEAM, ["aad-1", "aad-unknown"])
    assert not await store.is_member(TEAM, "aad-1")
    assert await store.is_member(TEAM, "aad-2")
    assert await store.partnerships_of(records.TENANT, "aad-1") == []


async def test_adding_a_member_twice_is_harmless(store: Store) -> None:
    await store.add_members(TEAM, ["aad-1"])
    await store.add_members(TEAM, ["aad-1"])
    await store.remove_members(TEAM, ["aad-1"])
    assert not await store.is_member(TEAM, "aad-1")


async def test_partnerships_of_lists_the_persons_partnerships_in_that_tenant(
    store: Store,
) -> None:
    await store.add_members(OTHER_TEAM, ["aad-1"])
    await store.add_members(TEAM, ["aad-1", "aad-2"])
    await store.add_members(ELSEWHERE, ["aad-1"])
    assert sorted(await store.partnerships_of(records.TENANT, "aad-1")) == [TEAM, OTHER_TEAM]
    assert await store.partnerships_of(records.OTHER_TENANT, "aad-1") == [ELSEWHERE]
    assert await store.partnerships_of(records.TENANT, "aad-3") == []


async def test_a_reopened_store_knows_the_members(backend: Backend) -> None:
    await backend.store.add_members(TEAM, ["aad-1", "aad-2"])
    await backend.store.remove_members(TEAM, ["aad-2"])
    reopened = await backend.reopen()
    assert await reopened.is_member(TEAM, "aad-1")
    assert not await reopened.is_member(TEAM, "aad-2")
    assert await reopened.partnerships_of(records.TENANT, "aad-1") == [TEAM]
