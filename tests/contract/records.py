"""Records to save in contract tests, with distinct ids per call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assessment.model import (
    Agency,
    Answer,
    Partnership,
    PartnershipKind,
    Person,
    Response,
    Round,
)

TENANT = "tenant-a"
OTHER_TENANT = "tenant-b"
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def partnership(external_id: str = "team-1", tenant: str = TENANT) -> Partnership:
    pid = Partnership.make_id(tenant, PartnershipKind.TEAM, external_id)
    return Partnership(
        id=pid, tenant_id=tenant, kind=PartnershipKind.TEAM, external_id=external_id, name="Bwrdd"
    )


def round_(round_id: str = "round-1", partnership_id: str = "", days: int = 0) -> Round:
    return Round(
        id=round_id,
        partnership_id=partnership_id or partnership().id,
        title="Spring review",
        opened_by="lead-1",
        opened_at=START + timedelta(days=days),
        leads=["lead-1"],
        conversation={"serviceUrl": "http://127.0.0.1/", "conversation": {"id": "19:x"}},
    )


def person(aad_id: str = "aad-1", tenant: str = TENANT) -> Person:
    return Person(tenant_id=tenant, aad_object_id=aad_id, agency=Agency.HEALTH)


def answer(component_id: str = "C1", evidence: str = "", rating: int | None = 4) -> Answer:
    return Answer(component_id=component_id, rating=rating, evidence=evidence, answered_at=START)


def response(
    round_id: str = "round-1", respondent: str = "aad-1", tenant: str = TENANT, days: int = 0
) -> Response:
    return Response(
        round_id=round_id,
        partnership_id=partnership(tenant=tenant).id,
        tenant_id=tenant,
        respondent=respondent,
        agency=Agency.POLICE,
        started_at=START + timedelta(days=days),
        updated_at=START + timedelta(days=days),
        position="C1",
        answers={"C1": answer()},
    )
