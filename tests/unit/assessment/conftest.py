"""A service over the in-memory store with a clock the test moves."""

from __future__ import annotations

import pytest

from assessment.model import Actor, PartnershipKind, Round
from assessment.service import AssessmentService
from storage.memory import MemoryStore
from tests.support.clock import Clock

TENANT = "tenant-1"
LEAD = Actor(TENANT, "aad-lead", "Lead")
ALEX = Actor(TENANT, "aad-alex", "Alex")
STRANGER = Actor(TENANT, "aad-stranger", "Stranger")



@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def service(store: MemoryStore) -> AssessmentService:
    return AssessmentService(store, clock=Clock())


@pytest.fixture
async def round_(service: AssessmentService) -> Round:
    """An open round with Alex a member whose agency is known."""
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:team", "Team")
    opened = await service.open_round(partnership, LEAD, "Autumn 2026")
    await service.record_members(partnership.id, [ALEX.aad_object_id])
    await service.set_agency(ALEX, "police")
    return opened
