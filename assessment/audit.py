"""The audit log: who did what to a partnership's assessment, and when (UK GDPR accountability).

Entries are appended, never changed or removed. An entry holds ids and short tokens only:
no names, no typed text, no comments. `who` is an AAD object id for leads and administrators
and whatever marker the caller passes for a practitioner (a pseudonym: this module does not
decide how people are pseudonymised). Details are identifier-like tokens or counts, so a
sentence someone typed cannot be logged by mistake.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Protocol

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

TOKEN = r"^[A-Za-z0-9_.:@/+=-]{1,200}$"
"""An id or short code: letters, digits and id punctuation, no spaces (so no sentences)."""

Token = Annotated[str, StringConstraints(pattern=TOKEN)]
Detail = Token | Annotated[int, Field(ge=0)] | tuple[Token, ...]
MAX_DETAILS = 8


class AuditAction(StrEnum):
    """What was done. Exports, erasures and purges are recorded by the code that does them."""

    ROUND_OPENED = "round.opened"
    ROUND_CLOSED = "round.closed"
    LEAD_ADDED = "lead.added"
    POSITION_CHANGED = "position.changed"
    REMINDER_SENT = "reminder.sent"
    EXPORTED = "export"
    ERASED = "erasure"
    PURGED = "purge"


class AuditEntry(BaseModel):
    """One line of the log; `at` is the service clock's time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, pattern=r"^[0-9a-f]{32}$")
    at: AwareDatetime
    action: AuditAction
    who: Token
    partnership_id: str | None = Field(None, max_length=400)
    round_id: str | None = Field(None, max_length=200)
    details: dict[Token, Detail] = Field(default_factory=dict, max_length=MAX_DETAILS)


class AuditLog(Protocol):
    """Append-only storage of audit entries; every store provides it."""

    async def append_audit(self, entry: AuditEntry) -> None:
        """Store the entry durably; entries already stored are never rewritten."""

    async def audit_entries(
        self, *, since: datetime | None = None, partnership_id: str | None = None
    ) -> list[AuditEntry]:
        """Entries at or after `since` (of one partnership if given), oldest first."""
        ...


@dataclass
class Auditor:
    """Records entries stamped with the service's clock; what callers use."""

    log: AuditLog
    clock: Callable[[], datetime]

    async def record(
        self,
        action: AuditAction,
        who: str,
        *,
        partnership_id: str | None = None,
        round_id: str | None = None,
        **details: str | int | tuple[str, ...],
    ) -> AuditEntry:
        entry = AuditEntry(
            at=self.clock(),
            action=action,
            who=who,
            partnership_id=partnership_id,
            round_id=round_id,
            details=details,
        )
        await self.log.append_audit(entry)
        return entry

    async def latest(self, count: int, tenant_id: str | None = None) -> list[AuditEntry]:
        """The newest `count` entries, newest first (for an administrator's card); with
        `tenant_id`, that tenant's partnerships' entries and deployment-wide ones only."""
        entries = await self.log.audit_entries()
        if tenant_id is not None:
            entries = [e for e in entries if _in_tenant(e, tenant_id)]
        return list(reversed(entries[-count:])) if count > 0 else []


def _in_tenant(entry: AuditEntry, tenant_id: str) -> bool:
    """Partnership ids start with their tenant's id (`Partnership.make_id`)."""
    return entry.partnership_id is None or entry.partnership_id.startswith(f"{tenant_id}/")
