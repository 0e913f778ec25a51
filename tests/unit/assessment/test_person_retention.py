"""Person records expire: people who stopped using the bot lose their record (agency, language,
chat reference) and their chat's dialog state after the retention period; their answers stay
with their rounds, and nobody with a response in an open round, or leading one, is touched."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from assessment.audit import AuditAction
from assessment.model import AnswerInput, Language, PartnershipKind, Person, Round
from assessment.person_retention import PeopleRetention
from assessment.retention import PURGE_ACTOR
from assessment.service import AssessmentService
from storage.memory import MemoryStore
from tests.support.clock import Clock

from .conftest import ALEX, LEAD, TENANT

DAYS = 30
CHAT = {"channelId": "msteams", "conversation": {"id": "a:alex-chat"}}
CHAT_STATE = "msteams/conversations/a:alex-chat"


def state_keys(reference: dict[str, Any]) -> list[str]:
    """As the Teams host keys a chat's dialog state (`bot.teams.erasure_flow`)."""
    return [f"{reference['channelId']}/conversations/{reference['conversation']['id']}"]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(store: MemoryStore, clock: Clock) -> AssessmentService:
    return AssessmentService(store, clock=clock)


@pytest.fixture
def people(store: MemoryStore, clock: Clock, service: AssessmentService) -> PeopleRetention:
    return PeopleRetention(store, clock, service.pseudonyms, DAYS, state_keys)


async def alex_writes_to_the_bot(service: AssessmentService, store: MemoryStore) -> Person:
    """Alex's 1:1 chat is remembered (dated today) and the start dialog holds some state."""
    await service.set_agency(ALEX, "police")
    person = await service.remember_chat(ALEX, CHAT)
    store.state[CHAT_STATE] = {"DialogState": {"dialogStack": []}}
    return person


async def alex_answers_in(service: AssessmentService, *, named: bool = False) -> Round:
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "T")
    round_ = await service.open_round(partnership, LEAD, "Autumn", named=named)
    await service.record_members(partnership.id, [ALEX.aad_object_id])
    await service.set_agency(ALEX, "police")
    response = await service.start(ALEX, round_.id)
    await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "4", "ev"))
    return round_


async def alex(store: MemoryStore) -> Person | None:
    return await store.get_person(TENANT, ALEX.aad_object_id)


async def test_a_person_seen_today_is_kept(
    service: AssessmentService, store: MemoryStore, people: PeopleRetention
) -> None:
    await alex_writes_to_the_bot(service, store)
    assert await people.plan() == 0
    assert await people.purge() == 0
    assert await alex(store) is not None and CHAT_STATE in store.state


async def test_a_person_not_seen_for_the_retention_period_is_kept_until_it_is_over(
    service: AssessmentService, store: MemoryStore, clock: Clock, people: PeopleRetention
) -> None:
    await alex_writes_to_the_bot(service, store)
    clock.now += timedelta(days=DAYS)
    assert await people.purge() == 0
    assert await alex(store) is not None


async def test_a_person_not_seen_for_longer_loses_their_record_and_chat_state(
    service: AssessmentService, store: MemoryStore, clock: Clock, people: PeopleRetention
) -> None:
    await alex_writes_to_the_bot(service, store)
    clock.now += timedelta(days=DAYS + 1)
    assert await people.purge() == 1
    assert await alex(store) is None
    assert CHAT_STATE not in store.state
    everything = json.dumps([store.people, store.state])
    assert ALEX.aad_object_id not in everything and "a:alex-chat" not in everything


async def test_the_purge_is_audited_with_a_count_and_nothing_about_who(
    service: AssessmentService, store: MemoryStore, clock: Clock, people: PeopleRetention
) -> None:
    await alex_writes_to_the_bot(service, store)
    clock.now += timedelta(days=DAYS + 1)
    await people.purge()
    await people.purge()  # idempotent: nothing left, nothing more recorded
    [entry] = [e for e in await store.audit_entries() if e.action is AuditAction.PURGED]
    assert entry.who == PURGE_ACTOR and entry.details == {"people": 1}
    assert entry.partnership_id is None and entry.round_id is None


async def test_their_answers_stay_with_the_closed_round(
    service: AssessmentService, store: MemoryStore, clock: Clock, people: PeopleRetention
) -> None:
    round_ = await alex_answers_in(service)
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "T")
    await service.close_round(partnership, LEAD)
    await alex_writes_to_the_bot(service, store)
    clock.now += timedelta(days=DAYS + 1)
    assert await people.purge() == 1
    [kept] = await store.responses_of(round_.id)
    assert kept.answers["C1"].rating == 4


@pytest.mark.parametrize("named", [False, True])
async def test_a_person_with_a_response_in_an_open_round_is_kept(
    service: AssessmentService,
    store: MemoryStore,
    clock: Clock,
    people: PeopleRetention,
    named: bool,
) -> None:
    """Anonymous rounds store the response under a keyed pseudonym, named ones by AAD id."""
    await alex_answers_in(service, named=named)
    await alex_writes_to_the_bot(service, store)
    clock.now += timedelta(days=DAYS + 1)
    assert await people.plan() == 0
    assert await people.purge() == 0
    assert await alex(store) is not None and CHAT_STATE in store.state
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "T")
    await service.close_round(partnership, LEAD)
    assert await people.purge() == 1  # the round closed: the record goes at the next purge


async def test_the_lead_of_an_open_round_is_kept_until_it_closes(
    service: AssessmentService, store: MemoryStore, clock: Clock, people: PeopleRetention
) -> None:
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "T")
    await service.open_round(partnership, LEAD, "Autumn")
    await service.remember_chat(LEAD, {**CHAT, "conversation": {"id": "a:lead-chat"}})
    clock.now += timedelta(days=DAYS + 1)
    assert await people.plan() == 0
    assert await people.purge() == 0
    assert await store.get_person(TENANT, LEAD.aad_object_id) is not None
    await service.close_round(partnership, LEAD)
    assert await people.purge() == 1
    assert await store.get_person(TENANT, LEAD.aad_object_id) is None


async def test_a_legacy_person_without_a_day_is_kept_and_dated_on_the_first_purge(
    store: MemoryStore, clock: Clock, people: PeopleRetention
) -> None:
    await store.save_person(Person(tenant_id=TENANT, aad_object_id=ALEX.aad_object_id))
    clock.now += timedelta(days=5 * DAYS)
    assert await people.plan() == 0
    assert (await alex(store)).last_seen is None  # type: ignore[union-attr]  # dry run
    assert await people.purge() == 0
    dated = await alex(store)
    assert dated is not None and dated.last_seen == clock.now.date()
    clock.now += timedelta(days=DAYS + 1)
    assert await people.purge() == 1


async def test_the_dry_run_counts_what_would_go_and_changes_nothing(
    service: AssessmentService, store: MemoryStore, clock: Clock, people: PeopleRetention
) -> None:
    await alex_writes_to_the_bot(service, store)
    clock.now += timedelta(days=DAYS + 1)
    before = json.dumps([store.people, store.state, store.audit])
    assert await people.plan() == 1
    assert json.dumps([store.people, store.state, store.audit]) == before


async def test_a_person_who_comes_back_before_the_purge_deletes_is_kept(
    service: AssessmentService, store: MemoryStore, clock: Clock, people: PeopleRetention
) -> None:
    """The list is read first, each record again before it goes: a day set in between wins."""
    await alex_writes_to_the_bot(service, store)
    clock.now += timedelta(days=DAYS + 1)
    listed = store.people_unseen_since

    async def alex_writes_meanwhile(day: date) -> list[Person]:
        found = await listed(day)
        await service.set_language(ALEX, Language.WELSH)
        return found

    store.people_unseen_since = alex_writes_meanwhile  # type: ignore[method-assign]
    assert await people.purge() == 0
    assert await alex(store) is not None
