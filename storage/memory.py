"""An in-memory `Store` for unit tests; it follows the same contract as the real backends."""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import TypeVar

from assessment.audit import AuditEntry
from assessment.errors import ConcurrentUpdate
from assessment.model import Partnership, Person, Record, Response, Round
from assessment.ports import JsonDoc
from assessment.publication import Publication
from storage.state_sent_log import StateSentLog

R = TypeVar("R", bound=Record)


def _compare_and_set(table: dict[str, JsonDoc], key: str, record: R) -> R:
    stored = table.get(key)
    stored_revision = stored["revision"] if stored is not None else 0
    if stored_revision != record.revision:
        raise ConcurrentUpdate(key)
    saved = record.model_copy(update={"revision": record.revision + 1})
    table[key] = saved.model_dump(mode="json")
    return saved


class MemoryStore(StateSentLog):
    """Keeps JSON documents in dicts, so what it returns is never shared with the caller."""

    def __init__(self) -> None:
        self.partnerships: dict[str, JsonDoc] = {}
        self.members: dict[str, set[str]] = {}
        self.rounds: dict[str, JsonDoc] = {}
        self.people: dict[str, JsonDoc] = {}
        self.responses: dict[str, JsonDoc] = {}
        self.state: dict[str, JsonDoc] = {}
        self.audit: list[JsonDoc] = []
        self.publications: dict[str, JsonDoc] = {}

    async def open(self) -> None:
        return None

    async def close(self) -> None:
        return None

    async def get_partnership(self, partnership_id: str) -> Partnership | None:
        doc = self.partnerships.get(partnership_id)
        return Partnership.model_validate(doc) if doc else None

    async def save_partnership(self, partnership: Partnership) -> Partnership:
        return _compare_and_set(self.partnerships, partnership.id, partnership)

    async def add_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        self.members.setdefault(partnership_id, set()).update(aad_ids)

    async def remove_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        self.members.get(partnership_id, set()).difference_update(aad_ids)

    async def is_member(self, partnership_id: str, aad_id: str) -> bool:
        return aad_id in self.members.get(partnership_id, set())

    async def partnerships_of(self, tenant_id: str, aad_id: str) -> list[str]:
        return sorted(
            pid
            for pid, members in self.members.items()
            if aad_id in members and pid.startswith(f"{tenant_id}/")
        )

    async def get_round(self, round_id: str) -> Round | None:
        doc = self.rounds.get(round_id)
        return Round.model_validate(doc) if doc else None

    async def save_round(self, round_: Round) -> Round:
        return _compare_and_set(self.rounds, round_.id, round_)

    async def rounds_of(self, partnership_id: str) -> list[Round]:
        found = [Round.model_validate(d) for d in self.rounds.values()]
        return sorted(
            (r for r in found if r.partnership_id == partnership_id), key=lambda r: r.opened_at
        )

    async def get_person(self, tenant_id: str, aad_id: str) -> Person | None:
        doc = self.people.get(f"{tenant_id}/{aad_id}")
        return Person.model_validate(doc) if doc else None

    async def save_person(self, person: Person) -> Person:
        return _compare_and_set(self.people, f"{person.tenant_id}/{person.aad_object_id}", person)

    async def get_response(self, round_id: str, respondent: str) -> Response | None:
        doc = self.responses.get(f"{round_id}/{respondent}")
        return Response.model_validate(doc) if doc else None

    async def save_response(self, response: Response) -> Response:
        key = f"{response.round_id}/{response.respondent}"
        return _compare_and_set(self.responses, key, response)

    async def responses_of(self, round_id: str) -> list[Response]:
        return [
            Response.model_validate(d) for d in self.responses.values() if d["round_id"] == round_id
        ]

    async def responses_by(self, tenant_id: str, respondent: str) -> list[Response]:
        found = [
            Response.model_validate(d)
            for d in self.responses.values()
            if d["respondent"] == respondent and d["tenant_id"] == tenant_id
        ]
        return sorted(found, key=lambda r: r.started_at)

    async def get_publication(self, round_id: str) -> Publication | None:
        doc = self.publications.get(round_id)
        return Publication.model_validate(doc) if doc else None

    async def save_publication(self, publication: Publication) -> Publication:
        return _compare_and_set(self.publications, publication.round_id, publication)

    async def read_state(self, keys: Collection[str]) -> dict[str, JsonDoc]:
        return {k: copy.deepcopy(self.state[k]) for k in keys if k in self.state}

    async def write_state(self, items: Mapping[str, JsonDoc]) -> None:
        self.state.update({k: copy.deepcopy(v) for k, v in items.items()})

    async def delete_state(self, keys: Collection[str]) -> None:
        for key in keys:
            self.state.pop(key, None)

    # -- audit log ------------------------------------------------------------------------

    async def append_audit(self, entry: AuditEntry) -> None:
        self.audit.append(entry.model_dump(mode="json"))

    async def audit_entries(
        self, *, since: datetime | None = None, partnership_id: str | None = None
    ) -> list[AuditEntry]:
        entries = [AuditEntry.model_validate(doc) for doc in self.audit]
        return [e for e in entries if matches(e, since, partnership_id)]

    # -- erasure and retention ------------------------------------------------------------

    async def all_rounds(self) -> list[Round]:
        found = [Round.model_validate(d) for d in self.rounds.values()]
        return sorted(found, key=lambda r: (r.opened_at, r.id))

    async def delete_response(self, round_id: str, respondent: str) -> bool:
        return self.responses.pop(f"{round_id}/{respondent}", None) is not None

    async def delete_person(self, tenant_id: str, aad_id: str) -> bool:
        return self.people.pop(f"{tenant_id}/{aad_id}", None) is not None

    async def people_unseen_since(self, day: date) -> list[Person]:
        found = [Person.model_validate(d) for d in self.people.values()]
        return [p for p in found if not p.seen_since(day)]

    # -- follow-through (issue 11): the reminder log is in host state (StateSentLog) ------

    async def members_of(self, partnership_id: str) -> list[str]:
        return sorted(self.members.get(partnership_id, set()))


def matches(entry: AuditEntry, since: datetime | None, partnership_id: str | None) -> bool:
    """Whether an audit entry passes the `audit_entries` filters."""
    return (since is None or entry.at >= since) and (
        partnership_id is None or entry.partnership_id == partnership_id
    )
