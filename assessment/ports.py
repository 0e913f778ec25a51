"""What the domain needs from a store; TinyDB, PostgreSQL and the in-memory fake provide it.

Every `save_*` is a compare-and-set: it stores the record only if the stored revision still
equals `record.revision` (0 for a new record), and returns it with the revision bumped; else
it raises `ConcurrentUpdate` and stores nothing. A returned save is durable.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import Any, Protocol

from assessment.audit import AuditEntry
from assessment.followup_ports import FollowUpStore
from assessment.model import Partnership, Person, Response, Round
from assessment.position_ports import PositionStore
from assessment.publication import Publication

JsonDoc = dict[str, Any]


class Store(Protocol):
    async def open(self) -> None:
        """Make the store ready (create files or tables); called once at start."""

    async def close(self) -> None:
        """Flush and release; called once at shutdown."""

    async def get_partnership(self, partnership_id: str) -> Partnership | None: ...
    async def save_partnership(self, partnership: Partnership) -> Partnership: ...

    async def add_members(self, partnership_id: str, aad_ids: Collection[str]) -> None: ...
    async def remove_members(self, partnership_id: str, aad_ids: Collection[str]) -> None: ...
    async def is_member(self, partnership_id: str, aad_id: str) -> bool: ...
    async def partnerships_of(self, tenant_id: str, aad_id: str) -> list[str]:
        """Ids of the partnerships (of that tenant) the person is a member of."""
        ...

    async def get_round(self, round_id: str) -> Round | None: ...
    async def save_round(self, round_: Round) -> Round: ...
    async def rounds_of(self, partnership_id: str) -> list[Round]:
        """The partnership's rounds, oldest first."""
        ...

    async def get_person(self, tenant_id: str, aad_id: str) -> Person | None: ...
    async def save_person(self, person: Person) -> Person: ...

    async def get_response(self, round_id: str, respondent: str) -> Response | None: ...
    async def save_response(self, response: Response) -> Response: ...
    async def responses_of(self, round_id: str) -> list[Response]: ...
    async def responses_by(self, tenant_id: str, respondent: str) -> list[Response]:
        """Everything one person has answered, in any round, oldest first."""
        ...

    async def read_state(self, keys: Collection[str]) -> dict[str, JsonDoc]:
        """Host conversation/dialog state by key; missing keys are left out."""
        ...

    async def write_state(self, items: Mapping[str, JsonDoc]) -> None: ...
    async def delete_state(self, keys: Collection[str]) -> None: ...

    # -- audit log (append-only; see assessment.audit.AuditLog) ---------------------------

    async def append_audit(self, entry: AuditEntry) -> None:
        """Store the entry durably; entries already stored are never rewritten."""

    async def audit_entries(
        self, *, since: datetime | None = None, partnership_id: str | None = None
    ) -> list[AuditEntry]:
        """Entries at or after `since` (of one partnership if given), oldest first."""
        ...

    # -- erasure and retention (UK GDPR) ------------------------------------------------

    async def all_rounds(self) -> list[Round]:
        """Every round of every partnership (for retention and key migration), oldest first."""
        ...

    async def delete_response(self, round_id: str, respondent: str) -> bool:
        """Remove the response for good; False if there was none. Durable when it returns."""
        ...

    async def delete_person(self, tenant_id: str, aad_id: str) -> bool:
        """Remove the person's record (agency, chat reference); False if there was none."""
        ...

    async def people_unseen_since(self, day: date) -> list[Person]:
        """People whose `last_seen` day is before `day`, or unknown (records written before
        it was kept), in no particular order: what the expiry of person records looks at."""
        ...

    # Published figures of anonymous rounds (`assessment.publication`): one per round.
    async def get_publication(self, round_id: str) -> Publication | None: ...
    async def save_publication(self, publication: Publication) -> Publication:
        """Compare-and-set like every `save_*`: two leads publishing at once, one wins."""
        ...


class FullStore(Store, PositionStore, FollowUpStore, Protocol):
    """A store the whole app runs on: records, host state, and agreed positions."""
