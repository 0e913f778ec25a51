"""Anonymous rounds store a keyed pseudonym, named rounds the AAD id; the person finds both."""

from __future__ import annotations

import json

import pytest

from assessment.model import AnswerInput, PartnershipKind, Response, Round
from assessment.pseudonym import Pseudonymiser, is_pseudonym, minimal_chat_reference
from assessment.retention import rekey_legacy_responses, rekey_legacy_responses_once
from assessment.service import AssessmentService
from storage.memory import MemoryStore

from .conftest import ALEX, LEAD, TENANT, Clock

KEY = b"k" * 32


async def test_an_anonymous_response_carries_neither_the_aad_id_nor_the_name(
    service: AssessmentService, round_: Round, store: MemoryStore
) -> None:
    response = await service.start(ALEX, round_.id)
    await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "4", "fine"))
    stored = json.dumps(store.responses)
    assert ALEX.aad_object_id not in stored and "Alex" not in stored
    assert is_pseudonym(response.respondent)


async def test_the_person_finds_their_own_anonymous_answers(
    service: AssessmentService, round_: Round
) -> None:
    response = await service.start(ALEX, round_.id)
    await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "5"))
    [(round_found, mine)] = await service.my_responses(ALEX)
    assert round_found.id == round_.id and mine.answers["C1"].rating == 5
    assert (await service.start(ALEX, round_.id)).position == "C2"


async def test_a_named_round_stores_the_aad_id_and_the_name(
    service: AssessmentService, store: MemoryStore
) -> None:
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "T")
    named = await service.open_round(partnership, LEAD, "Named", named=True)
    await service.record_members(partnership.id, [ALEX.aad_object_id])
    await service.set_agency(ALEX, "health")
    response = await service.start(ALEX, named.id)
    assert (response.respondent, response.respondent_name) == (ALEX.aad_object_id, "Alex")


def test_the_key_decides_the_pseudonym_and_tenants_do_not_collide() -> None:
    one, other = Pseudonymiser(KEY), Pseudonymiser(b"o" * 32)
    assert one.respondent("t", "a") == one.respondent("t", "a")
    assert one.respondent("t", "a") != other.respondent("t", "a")
    assert one.respondent("t1", "a") != one.respondent("t2", "a")


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 16 bytes"):
        Pseudonymiser(b"short")


def test_a_chat_reference_keeps_only_what_a_proactive_message_needs() -> None:
    reference = {
        "serviceUrl": "https://smba.example/uk/",
        "channelId": "msteams",
        "user": {"id": "29:abc", "name": "Alex Smith", "aadObjectId": "aad-alex"},
        "bot": {"id": "28:bot", "name": "twelvecs"},
        "conversation": {
            "id": "a:1chat",
            "tenantId": "t",
            "conversationType": "personal",
            "name": "Alex Smith",
        },
        "locale": "en-GB",
    }
    assert minimal_chat_reference(reference) == {
        "serviceUrl": "https://smba.example/uk/",
        "channelId": "msteams",
        "bot": {"id": "28:bot"},
        "conversation": {"id": "a:1chat", "tenantId": "t", "conversationType": "personal"},
    }


async def test_remembering_a_chat_stores_no_name(service: AssessmentService) -> None:
    await service.remember_chat(
        ALEX, {"user": {"id": "29:x", "name": "Alex"}, "conversation": {"id": "a:1"}}
    )
    assert (await service.person(ALEX)).conversation == {"conversation": {"id": "a:1"}}


async def test_responses_stored_under_plain_ids_are_found_after_rekeying(
    store: MemoryStore,
) -> None:
    """Data written by the version before keyed storage: re-keyed once, then found as usual."""
    old = AssessmentService(store, clock=Clock())
    partnership = await old.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "T")
    round_ = await old.open_round(partnership, LEAD, "Old round")
    await old.record_members(partnership.id, [ALEX.aad_object_id])
    await old.set_agency(ALEX, "police")
    started = await old.start(ALEX, round_.id)
    legacy = started.model_copy(update={"respondent": ALEX.aad_object_id, "revision": 0})
    await store.delete_response(round_.id, started.respondent)
    await store.save_response(legacy)  # as today's main stores it
    keys = Pseudonymiser(KEY)
    assert await rekey_legacy_responses(store, keys) == 1
    assert await rekey_legacy_responses(store, keys) == 0  # idempotent
    new = AssessmentService(store, clock=Clock(), pseudonyms=keys)
    [(_, mine)] = await new.my_responses(ALEX)
    assert mine.respondent == keys.respondent(TENANT, ALEX.aad_object_id)
    assert ALEX.aad_object_id not in json.dumps(store.responses)


class CountingStore(MemoryStore):
    """Counts how often every response of a round is read (what a re-keying pass costs)."""

    def __init__(self) -> None:
        super().__init__()
        self.round_reads = 0

    async def responses_of(self, round_id: str) -> list[Response]:
        self.round_reads += 1
        return await super().responses_of(round_id)


async def test_rekeying_reads_every_response_once_per_store_not_at_every_start() -> None:
    store = CountingStore()
    service = AssessmentService(store, clock=Clock())
    partnership = await service.ensure_partnership(TENANT, PartnershipKind.TEAM, "19:t", "T")
    await service.open_round(partnership, LEAD, "Round")
    keys = Pseudonymiser(KEY)
    assert await rekey_legacy_responses_once(store, keys) == 0
    first_pass = store.round_reads
    assert first_pass >= 1
    assert await rekey_legacy_responses_once(store, keys) == 0  # the next start
    assert store.round_reads == first_pass
