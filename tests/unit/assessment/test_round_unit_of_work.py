"""Opening and closing a round write two records (the partnership and the round). One
compare-and-set on the partnership commits the change; a crash before the round's own
record is written is finished by whoever comes next, so the two never disagree for a user."""

from __future__ import annotations

import pytest

from assessment.errors import RoundAlreadyOpen, RoundClosed
from assessment.model import Partnership, PartnershipKind, Round
from assessment.service import AssessmentService
from storage.memory import MemoryStore

from .conftest import ALEX, LEAD, TENANT, Clock


class Crash(Exception):
    """The process dies here."""


class CrashingStore(MemoryStore):
    """Dies on the next round write once armed, after the partnership write before it."""

    armed = False

    async def save_round(self, round_: Round) -> Round:
        if self.armed:
            self.armed = False
            raise Crash()
        return await super().save_round(round_)


@pytest.fixture
def crashing() -> CrashingStore:
    return CrashingStore()


async def _team(service: AssessmentService) -> Partnership:
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "Team")
    await service.record_members(partnership.id, [ALEX.aad_object_id])
    await service.set_agency(ALEX, "police")
    return partnership


async def _crash_while_opening(crashing: CrashingStore) -> Partnership:
    """Open "Autumn" and die after the partnership's write, before the round's."""
    partnership = await _team(AssessmentService(crashing, clock=Clock()))
    crashing.armed = True
    with pytest.raises(Crash):
        await AssessmentService(crashing, clock=Clock()).open_round(partnership, LEAD, "Autumn")
    return partnership


async def test_a_round_opened_before_a_crash_is_there_after_the_restart(
    crashing: CrashingStore,
) -> None:
    partnership = await _crash_while_opening(crashing)
    restarted = AssessmentService(crashing, clock=Clock())
    current = await restarted.current_round(partnership.id)
    assert current is not None and current.title == "Autumn" and current.is_open
    assert await crashing.get_round(current.id) == current
    with pytest.raises(RoundAlreadyOpen):
        await restarted.open_round(partnership, LEAD, "Winter")
    assert [r.title for r in await crashing.rounds_of(partnership.id)] == ["Autumn"]


async def test_a_second_opener_racing_a_crashed_open_does_not_open_a_second_round(
    crashing: CrashingStore,
) -> None:
    partnership = await _crash_while_opening(crashing)
    with pytest.raises(RoundAlreadyOpen):
        await AssessmentService(crashing, clock=Clock()).open_round(partnership, ALEX, "Mine")


async def test_a_round_closed_before_a_crash_stays_closed_for_everyone(
    crashing: CrashingStore,
) -> None:
    service = AssessmentService(crashing, clock=Clock())
    partnership = await _team(service)
    opened = await service.open_round(partnership, LEAD, "Autumn")
    crashing.armed = True
    with pytest.raises(Crash):
        await service.close_round(partnership, LEAD)

    restarted = AssessmentService(crashing, clock=Clock())
    with pytest.raises(RoundClosed):
        await restarted.start(ALEX, opened.id)
    stored = await crashing.get_round(opened.id)
    assert stored is not None and not stored.is_open and stored.closed_by == LEAD.aad_object_id
    assert await restarted.current_round(partnership.id) is None
    reopened = await restarted.open_round(partnership, LEAD, "Winter")
    assert reopened.is_open


async def test_without_a_crash_nothing_is_left_pending(service: AssessmentService,
                                                        store: MemoryStore) -> None:
    partnership = await _team(service)
    await service.open_round(partnership, LEAD, "Autumn")
    after_open = await store.get_partnership(partnership.id)
    assert after_open is not None and after_open.round_change is None
    closed = await service.close_round(partnership, LEAD)
    after_close = await store.get_partnership(partnership.id)
    assert after_close is not None and after_close.round_change is None
    assert after_close.open_round_id is None and not closed.is_open
