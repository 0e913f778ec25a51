"""A store holding one or more of every record kind, and everything read back as JSON.

Used by the migration and `db copy` tests: what went in must come out, kind by kind.
"""

from __future__ import annotations

from typing import Any

from assessment.audit import AuditAction, AuditEntry
from assessment.ports import FullStore
from tests.contract import records
from tests.contract.test_positions import position
from tests.contract.test_publications import publication

PARTNERSHIP = records.partnership()  # the one the contract records belong to
ROUNDS = ("round-a", "round-b")
PEOPLE = ("aad-1", "aad-2", "aad-3")
STATE_KEYS = ("conv/1", "user/aad-1")
Json = dict[str, Any]


def _audit(n: int) -> AuditEntry:
    return AuditEntry.model_validate(
        {
            "at": records.START,
            "action": AuditAction.ROUND_OPENED,
            "who": "aad-lead-1",
            "partnership_id": PARTNERSHIP.id,
            "round_id": ROUNDS[n % 2],
            "details": {"n": n},
        }
    )


async def fill(store: FullStore) -> None:
    """Partnership, members, rounds, people, responses, positions with history (two saves),
    a publication, dialog state and audit entries."""
    await store.save_partnership(PARTNERSHIP)
    await store.add_members(PARTNERSHIP.id, PEOPLE)
    for day, round_id in enumerate(ROUNDS):
        await store.save_round(records.round_(round_id, PARTNERSHIP.id, days=day))
        for who in PEOPLE:
            await store.save_response(records.response(round_id, who, days=day))
        saved = await store.save_position(position("C4", round_id))
        await store.save_position(saved.model_copy(update={"changed_by": "lead-2"}))
    await store.save_publication(publication(ROUNDS[0]))
    for who in PEOPLE:
        await store.save_person(records.person(who))
    await store.write_state({key: {"dialog": {"step": 3, "text": "ŵ"}} for key in STATE_KEYS})
    for n in range(3):
        await store.append_audit(_audit(n))


async def everything(store: FullStore) -> dict[str, list[Json]]:
    """Every record `fill` made, as stored now (revisions included)."""
    found: dict[str, list[Json]] = {
        "partnerships": [],
        "members": [],
        "rounds": [],
        "people": [],
        "responses": [],
        "positions": [],
        "publications": [],
        "state": [],
        "audit": [],
    }
    if (got := await store.get_partnership(PARTNERSHIP.id)) is not None:
        found["partnerships"].append(got.model_dump(mode="json"))
    for who in PEOPLE:
        if await store.is_member(PARTNERSHIP.id, who):
            found["members"].append({"aad_id": who})
        if (person := await store.get_person(records.TENANT, who)) is not None:
            found["people"].append(person.model_dump(mode="json"))
    for round_ in await store.rounds_of(PARTNERSHIP.id):
        found["rounds"].append(round_.model_dump(mode="json"))
        responses = sorted(await store.responses_of(round_.id), key=lambda r: r.respondent)
        found["responses"] += [r.model_dump(mode="json") for r in responses]
        for _, agreed in sorted((await store.get_positions(round_.id)).items()):
            found["positions"].append(agreed.model_dump(mode="json"))
        if (published := await store.get_publication(round_.id)) is not None:
            found["publications"].append(published.model_dump(mode="json"))
    for key, value in sorted((await store.read_state(STATE_KEYS)).items()):
        found["state"].append({"key": key, "value": value})
    found["audit"] = [e.model_dump(mode="json") for e in await store.audit_entries()]
    return found
