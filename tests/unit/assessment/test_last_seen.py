"""The day a person was last seen: set by their own acts, once a day, never at the cost of a
change someone else saved meanwhile."""

from __future__ import annotations

from datetime import timedelta

from assessment.model import Person
from assessment.service import AssessmentService
from storage.memory import MemoryStore
from tests.support.clock import Clock

from .conftest import ALEX, TENANT

CHAT = {"channelId": "msteams", "conversation": {"id": "a:alex-chat"}}


async def alex(store: MemoryStore) -> Person:
    found = await store.get_person(TENANT, ALEX.aad_object_id)
    assert found is not None
    return found


async def test_the_persons_own_change_dates_their_record(store: MemoryStore) -> None:
    clock = Clock()
    service = AssessmentService(store, clock=clock)
    await service.remember_chat(ALEX, CHAT)
    assert (await alex(store)).last_seen == clock.now.date()


async def seen_yesterday(store: MemoryStore) -> tuple[AssessmentService, Clock, Person]:
    """Alex used the bot yesterday; today's turn has just read the record."""
    clock = Clock()
    service = AssessmentService(store, clock=clock)
    await service.remember_chat(ALEX, CHAT)
    clock.now += timedelta(days=1)
    return service, clock, await alex(store)


async def test_a_change_saved_since_the_turn_read_the_record_is_kept(store: MemoryStore) -> None:
    service, clock, read_by_the_turn = await seen_yesterday(store)
    # meanwhile another instance stops the person's reminders
    await store.save_person(read_by_the_turn.model_copy(update={"reminders_stopped": True}))
    noted = await service.note_seen(read_by_the_turn)
    stored = await alex(store)
    assert noted == stored
    assert stored.reminders_stopped and stored.last_seen == clock.now.date()


async def test_a_record_erased_meanwhile_is_not_brought_back(store: MemoryStore) -> None:
    service, _, read_by_the_turn = await seen_yesterday(store)
    await store.delete_person(TENANT, ALEX.aad_object_id)
    assert await service.note_seen(read_by_the_turn) is None
    assert await store.get_person(TENANT, ALEX.aad_object_id) is None


async def test_the_day_never_moves_back(store: MemoryStore) -> None:
    """Instances whose clocks differ a little around midnight must not undo each other."""
    clock = Clock()
    service = AssessmentService(store, clock=clock)
    await service.remember_chat(ALEX, CHAT)
    ahead = await alex(store)
    clock.now -= timedelta(days=1)
    assert await service.note_seen(ahead) == ahead
    assert (await alex(store)).revision == ahead.revision
