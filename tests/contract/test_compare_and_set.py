"""Saves are compare-and-set: a stale revision is refused and stores nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from assessment.errors import ConcurrentUpdate
from assessment.ports import Store
from tests.contract import records


async def test_a_stale_partnership_save_is_refused_and_stores_nothing(store: Store) -> None:
    first = await store.save_partnership(records.partnership())
    await store.save_partnership(first.model_copy(update={"name": "Winner"}))
    with pytest.raises(ConcurrentUpdate):
        await store.save_partnership(first.model_copy(update={"name": "Loser"}))
    found = await store.get_partnership(first.id)
    assert found is not None
    assert (found.name, found.revision) == ("Winner", 2)


async def test_a_stale_response_save_is_refused_and_stores_nothing(store: Store) -> None:
    first = await store.save_response(records.response())
    await store.save_response(first.model_copy(update={"position": "C2"}))
    with pytest.raises(ConcurrentUpdate):
        await store.save_response(first.model_copy(update={"position": "C9"}))
    found = await store.get_response("round-1", "aad-1")
    assert found is not None
    assert (found.position, found.revision) == ("C2", 2)


async def test_creating_a_record_that_exists_is_refused(store: Store) -> None:
    await store.save_round(records.round_())
    with pytest.raises(ConcurrentUpdate):
        await store.save_round(records.round_().model_copy(update={"title": "Duplicate"}))
    found = await store.get_round("round-1")
    assert found is not None
    assert found.title == "Spring review"


async def test_saving_a_revision_ahead_of_the_store_is_refused(store: Store) -> None:
    with pytest.raises(ConcurrentUpdate):
        await store.save_person(records.person().model_copy(update={"revision": 3}))
    assert await store.get_person(records.TENANT, "aad-1") is None


async def _race(save: Callable[[Any], Awaitable[Any]], drafts: list[Any]) -> list[Any]:
    return await asyncio.gather(*(save(d) for d in drafts), return_exceptions=True)


def _one_winner(outcomes: list[Any]) -> Any:
    winners = [o for o in outcomes if not isinstance(o, BaseException)]
    losers = [o for o in outcomes if isinstance(o, BaseException)]
    assert len(winners) == 1
    assert all(isinstance(o, ConcurrentUpdate) for o in losers)
    return winners[0]


@pytest.mark.parametrize("contenders", [2, 8])
async def test_concurrent_saves_of_one_revision_have_exactly_one_winner(
    store: Store, contenders: int
) -> None:
    first = await store.save_response(records.response())
    drafts = [first.model_copy(update={"position": f"C{i + 2}"}) for i in range(contenders)]
    winner = _one_winner(await _race(store.save_response, drafts))
    assert await store.get_response("round-1", "aad-1") == winner


async def test_concurrent_creations_of_one_record_have_exactly_one_winner(store: Store) -> None:
    drafts = [records.person().model_copy(update={"conversation": {"n": i}}) for i in range(4)]
    winner = _one_winner(await _race(store.save_person, drafts))
    assert await store.get_person(records.TENANT, "aad-1") == winner


async def test_concurrent_saves_of_different_records_all_land(store: Store) -> None:
    drafts = [records.response(respondent=f"aad-{i}") for i in range(20)]
    outcomes = await _race(store.save_response, drafts)
    assert not [o for o in outcomes if isinstance(o, BaseException)]
    assert len(await store.responses_of("round-1")) == 20
