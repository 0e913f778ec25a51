"""Published figures: one record per round, saved by compare-and-set like every record."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest

from assessment.errors import ConcurrentUpdate
from assessment.ports import Store
from assessment.publication import Publication, PublishedComment
from tests.contract.backends import Backend

AT = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)


def publication(round_id: str = "round-1", responses: int = 3) -> Publication:
    return Publication(
        round_id=round_id,
        responses=responses,
        published_at=AT,
        groups={"police": 3, "other_agencies": 1},
        counts={"C4": {"police": [0, 1, 2, 0, 0, 0, 0], "other_agencies": [1, 0, 0, 0, 0, 0, 0]}},
        comments={"C4": [PublishedComment(agency="police", evidence="Caseloads; ŵ ŷ"),
                         PublishedComment(suggestion="Shared rota")]},
    )


async def test_a_publication_comes_back_as_saved(store: Store) -> None:
    saved = await store.save_publication(publication())
    assert saved.revision == 1
    assert await store.get_publication("round-1") == saved
    assert await store.get_publication("round-2") is None


async def test_a_newer_publication_replaces_the_last_one(store: Store) -> None:
    first = await store.save_publication(publication())
    second = await store.save_publication(publication(responses=6).model_copy(
        update={"revision": first.revision}
    ))
    assert await store.get_publication("round-1") == second and second.revision == 2


async def test_a_stale_publication_is_refused_and_stores_nothing(store: Store) -> None:
    first = await store.save_publication(publication())
    await store.save_publication(first.model_copy(update={"responses": 6}))
    with pytest.raises(ConcurrentUpdate):
        await store.save_publication(first.model_copy(update={"responses": 9}))
    found = await store.get_publication("round-1")
    assert found is not None and (found.responses, found.revision) == (6, 2)


async def test_two_leads_publishing_at_once_have_exactly_one_winner(store: Store) -> None:
    drafts = [publication(responses=n) for n in (3, 4)]
    outcomes: list[Any] = await asyncio.gather(
        *(store.save_publication(d) for d in drafts), return_exceptions=True
    )
    winners = [o for o in outcomes if isinstance(o, Publication)]
    assert len(winners) == 1
    assert all(isinstance(o, ConcurrentUpdate) for o in outcomes if o not in winners)
    assert await store.get_publication("round-1") == winners[0]


async def test_a_publication_survives_a_reopen(backend: Backend) -> None:
    saved = await backend.store.save_publication(publication())
    reopened = await backend.reopen()
    assert await reopened.get_publication("round-1") == saved
