"""Agreed positions: one per round and C, saved by compare-and-set like every record."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import pytest

from assessment.errors import ConcurrentUpdate
from assessment.position import (
    AgreedPosition,
    FieldChange,
    PositionChange,
    PositionFields,
    Timeframe,
)
from assessment.position_ports import PositionStore
from tests.contract import records
from tests.contract.backends import Backend

AT = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)


def position(component_id: str = "C4", round_id: str = "round-1") -> AgreedPosition:
    agreed = PositionFields(
        score=2,
        evidence="Caseloads exceed staffing in two localities; ŵ ŷ. " * 20,
        accountability="Head of Safeguarding, Health Board",
        action_plan="Joint workforce review",
        timeframe=Timeframe.SILVER,
        review_dates=(date(2027, 1, 15), date(2027, 4, 15)),
    )
    change = PositionChange(
        by="lead-1", at=AT, revision=1, changes=(FieldChange(field="score", old=None, new=2),)
    )
    return AgreedPosition(
        round_id=round_id,
        partnership_id=records.partnership().id,
        component_id=component_id,
        agreed=agreed,
        changed_by="lead-1",
        changed_at=AT,
        history=(change,),
    )


async def test_a_position_comes_back_as_saved(positions: PositionStore) -> None:
    saved = await positions.save_position(position())
    assert saved.revision == 1
    assert await positions.get_position("round-1", "C4") == saved
    assert await positions.get_position("round-1", "C5") is None


async def test_get_positions_lists_the_rounds_positions_by_c(positions: PositionStore) -> None:
    c4 = await positions.save_position(position("C4"))
    c9 = await positions.save_position(position("C9"))
    await positions.save_position(position("C4", round_id="round-2"))
    assert await positions.get_positions("round-1") == {"C4": c4, "C9": c9}
    assert await positions.get_positions("round-none") == {}


async def test_a_stale_position_save_is_refused_and_stores_nothing(
    positions: PositionStore,
) -> None:
    first = await positions.save_position(position())
    second = await positions.save_position(first.model_copy(update={"changed_by": "lead-2"}))
    with pytest.raises(ConcurrentUpdate):
        await positions.save_position(first.model_copy(update={"changed_by": "lead-3"}))
    assert await positions.get_position("round-1", "C4") == second


async def test_concurrent_saves_of_one_position_have_exactly_one_winner(
    positions: PositionStore,
) -> None:
    first = await positions.save_position(position())
    drafts = [first.model_copy(update={"changed_by": f"lead-{i}"}) for i in range(4)]
    outcomes = await asyncio.gather(
        *(positions.save_position(d) for d in drafts), return_exceptions=True
    )
    winners = [o for o in outcomes if isinstance(o, AgreedPosition)]
    assert len(winners) == 1
    assert all(isinstance(o, ConcurrentUpdate) for o in outcomes if o not in winners)
    assert await positions.get_position("round-1", "C4") == winners[0]


async def test_a_reopened_store_has_the_positions(backend: Backend) -> None:
    saved = await backend.positions.save_position(position())
    await backend.reopen()
    assert await backend.positions.get_position("round-1", "C4") == saved
