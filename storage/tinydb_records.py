"""The store's records over `DocumentFiles`, synchronously (the async store runs it in threads).

Indexes are written before the record they point to, and readers skip entries whose record
is missing, so a crash between the two writes never hides an acknowledged record.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from pydantic import TypeAdapter
from tinydb import TinyDB

from assessment.model import Partnership, Person, Response, Round
from assessment.ports import JsonDoc
from assessment.position import AgreedPosition
from assessment.publication import Publication
from storage.tinydb_cached import CachedFiles
from storage.tinydb_files import DOC_ID, DocumentFiles
from storage.tinydb_layout import Layout

_RESPONSE_FILE = TypeAdapter(dict[str, dict[str, Response]])


def _parse_response(text: str) -> Response:
    """A response file's document (TinyDB's format), validated straight from JSON."""
    return _RESPONSE_FILE.validate_json(text)[TinyDB.default_table_name][str(DOC_ID)]


def _own_copy(response: Response) -> Response:
    """A copy the caller may change without touching the cache (answers are frozen)."""
    return response.model_copy(update={"answers": dict(response.answers)})


class Records:
    """Every `Store` and `PositionStore` operation, blocking; safe from several threads at once."""

    def __init__(self, layout: Layout, files: DocumentFiles | CachedFiles) -> None:
        self._layout = layout
        self._files = files

    def get_partnership(self, partnership_id: str) -> Partnership | None:
        doc = self._files.read(self._layout.partnership(partnership_id))
        return Partnership.model_validate(doc) if doc else None

    def save_partnership(self, partnership: Partnership) -> Partnership:
        return self._files.compare_and_set(self._layout.partnership(partnership.id), partnership)

    def add_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        for aad_id in aad_ids:
            self._files.change_ids(self._layout.member_of(aad_id), add=[partnership_id])
        self._files.change_ids(self._layout.members(partnership_id), add=aad_ids)

    def remove_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        self._files.change_ids(self._layout.members(partnership_id), remove=aad_ids)
        for aad_id in aad_ids:
            self._files.change_ids(self._layout.member_of(aad_id), remove=[partnership_id])

    def members_of(self, partnership_id: str) -> list[str]:
        return sorted(self._files.ids(self._layout.members(partnership_id)))

    def is_member(self, partnership_id: str, aad_id: str) -> bool:
        return self._files.has_id(self._layout.members(partnership_id), aad_id)

    def partnerships_of(self, tenant_id: str, aad_id: str) -> list[str]:
        candidates = self._files.ids(self._layout.member_of(aad_id))
        return [
            pid
            for pid in candidates
            if pid.startswith(f"{tenant_id}/") and self.is_member(pid, aad_id)
        ]

    def get_round(self, round_id: str) -> Round | None:
        doc = self._files.read(self._layout.round(round_id))
        return Round.model_validate(doc) if doc else None

    def save_round(self, round_: Round) -> Round:
        if round_.revision == 0:
            self._files.change_ids(self._layout.rounds_of(round_.partnership_id), add=[round_.id])
        return self._files.compare_and_set(self._layout.round(round_.id), round_)

    def rounds_of(self, partnership_id: str) -> list[Round]:
        ids = self._files.ids(self._layout.rounds_of(partnership_id))
        found = [r for r in map(self.get_round, ids) if r and r.partnership_id == partnership_id]
        return sorted(found, key=lambda r: r.opened_at)

    def get_person(self, tenant_id: str, aad_id: str) -> Person | None:
        doc = self._files.read(self._layout.person(tenant_id, aad_id))
        return Person.model_validate(doc) if doc else None

    def save_person(self, person: Person) -> Person:
        path = self._layout.person(person.tenant_id, person.aad_object_id)
        return self._files.compare_and_set(path, person)

    def get_response(self, round_id: str, respondent: str) -> Response | None:
        path = self._layout.response(round_id, respondent)
        found = self._files.read_parsed(path, _parse_response)
        return _own_copy(found) if found else None

    def save_response(self, response: Response) -> Response:
        if response.revision == 0:
            index = self._layout.answered(response.tenant_id, response.respondent)
            self._files.change_ids(index, add=[response.round_id])
        path = self._layout.response(response.round_id, response.respondent)
        return self._files.compare_and_set(path, response)

    def responses_of(self, round_id: str) -> list[Response]:
        paths = self._files.listing(self._layout.responses_dir(round_id))
        found = (self._files.read_parsed(path, _parse_response) for path in paths)
        mine = [_own_copy(r) for r in found if r and r.round_id == round_id]
        return sorted(mine, key=lambda r: r.started_at)

    def responses_by(self, tenant_id: str, respondent: str) -> list[Response]:
        round_ids = self._files.ids(self._layout.answered(tenant_id, respondent))
        found = [r for rid in round_ids if (r := self.get_response(rid, respondent))]
        mine = [r for r in found if r.tenant_id == tenant_id]
        return sorted(mine, key=lambda r: r.started_at)

    def get_position(self, round_id: str, component_id: str) -> AgreedPosition | None:
        doc = self._files.read(self._layout.position(round_id, component_id))
        return AgreedPosition.model_validate(doc) if doc else None

    def get_positions(self, round_id: str) -> dict[str, AgreedPosition]:
        paths = self._files.listing(self._layout.positions_dir(round_id))
        found = [AgreedPosition.model_validate(d) for d in map(self._files.read, paths) if d]
        return {p.component_id: p for p in found if p.round_id == round_id}

    def save_position(self, position: AgreedPosition) -> AgreedPosition:
        path = self._layout.position(position.round_id, position.component_id)
        return self._files.compare_and_set(path, position)

    def get_publication(self, round_id: str) -> Publication | None:
        doc = self._files.read(self._layout.publication(round_id))
        return Publication.model_validate(doc) if doc else None

    def save_publication(self, publication: Publication) -> Publication:
        path = self._layout.publication(publication.round_id)
        return self._files.compare_and_set(path, publication)

    def read_state(self, keys: Collection[str]) -> dict[str, JsonDoc]:
        found: dict[str, JsonDoc] = {}
        for key in keys:
            doc = self._files.read(self._layout.state(key))
            if doc is not None and doc["key"] == key:
                found[key] = doc["value"]
        return found

    def write_state(self, items: Mapping[str, JsonDoc]) -> None:
        for key, value in items.items():
            self._files.write(self._layout.state(key), {"key": key, "value": value})

    def delete_state(self, keys: Collection[str]) -> None:
        for key in keys:
            self._files.delete(self._layout.state(key))

    # -- erasure and retention ------------------------------------------------------------

    def all_rounds(self) -> list[Round]:
        docs = map(self._files.read, self._layout.all_round_files())
        found = [Round.model_validate(d) for d in docs if d]
        return sorted(found, key=lambda r: (r.opened_at, r.id))

    def delete_response(self, round_id: str, respondent: str) -> bool:
        """Delete the record, then its index entry (readers skip entries with no record)."""
        path = self._layout.response(round_id, respondent)
        found = self._files.read_parsed(path, _parse_response)
        if not self._files.delete(path):
            return False
        if found is not None:
            index = self._layout.answered(found.tenant_id, respondent)
            self._files.change_ids(index, remove=[round_id])
            if not self._files.ids(index):
                self._files.delete(index)
        return True

    def delete_person(self, tenant_id: str, aad_id: str) -> bool:
        return self._files.delete(self._layout.person(tenant_id, aad_id))

    def people_unseen_since(self, day: date) -> list[Person]:
        """A walk of the people folder (file names are keyed hashes, so there is no index to
        ask); the purge runs it once a day, in a thread."""
        docs = map(self._files.read, self._layout.all_person_files())
        found = [Person.model_validate(d) for d in docs if d]
        return [p for p in found if not p.seen_since(day)]
