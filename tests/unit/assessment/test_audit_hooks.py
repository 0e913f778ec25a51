"""Erasures and purges are audited: the erasure under the person's keyed pseudonym with counts,
each round's purge under the retention schedule; a dry run or a refused erasure logs nothing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from assessment.audit import AuditAction
from assessment.erasure import ErasureService, NothingToErase
from assessment.model import AnswerInput, Round
from assessment.retention import PURGE_ACTOR, RetentionService
from assessment.service import AssessmentService
from storage.memory import MemoryStore

from .conftest import ALEX, Clock
from .test_retention import closed_round_with_an_answer


async def test_an_erasure_is_logged_under_the_pseudonym_never_the_account(
    service: AssessmentService, round_: Round, store: MemoryStore
) -> None:
    response = await service.start(ALEX, round_.id)
    await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "4", "typed"))
    erasure = ErasureService(service)
    await erasure.erase(ALEX, (await erasure.plan(ALEX)).fingerprint)
    [entry] = [e for e in await store.audit_entries() if e.action == AuditAction.ERASED]
    assert entry.who == service.pseudonyms.respondent(ALEX.tenant_id, ALEX.aad_object_id)
    assert entry.details == {"deleted_rounds": 1, "unlinked_rounds": 0, "record": 1}
    logged = json.dumps(store.audit)
    assert ALEX.aad_object_id not in logged and "typed" not in logged


async def test_a_refused_erasure_logs_nothing(
    service: AssessmentService, store: MemoryStore
) -> None:
    with pytest.raises(NothingToErase):
        await ErasureService(service).erase(ALEX, "whatever")
    assert store.audit == []


async def test_a_purge_is_logged_per_round_and_a_dry_run_is_not(store: MemoryStore) -> None:
    clock = Clock()
    service = AssessmentService(store, clock=clock)
    round_ = await closed_round_with_an_answer(service)
    retention = RetentionService(store, clock, retention_days=30)
    clock.now += timedelta(days=30)
    before = len(store.audit)
    await retention.plan()
    assert len(store.audit) == before
    await retention.purge()
    await retention.purge()  # nothing left: nothing more logged
    purges = [e for e in await store.audit_entries() if e.action == AuditAction.PURGED]
    assert [(p.who, p.round_id, p.details) for p in purges] == [
        (PURGE_ACTOR, round_.id, {"comments": 0, "responses": 1})
    ]
    assert purges[0].partnership_id == round_.partnership_id
