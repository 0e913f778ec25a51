"""What every use case of the self-assessment shares: the store, the framework, the clock and
the audit log, plus the one-record updates several of them make.

The use cases themselves live by subject (membership.py, rounds.py, lead_access.py, walk.py)
and `AssessmentService` (service.py) joins them, so a host holds one object while a reader
opens one small module per subject.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assessment.audit import AuditAction, Auditor
from assessment.clock import Clock
from assessment.compare_and_set import retrying
from assessment.errors import UnknownRound
from assessment.framework import Framework
from assessment.model import Actor, Partnership, Round
from assessment.ports import Store
from assessment.pseudonym import Pseudonymiser


class ServiceCore:
    """The state the use cases share (declared here, set by `AssessmentService`)."""

    store: Store
    framework: Framework
    clock: Clock
    administrators: frozenset[str]
    pseudonyms: Pseudonymiser

    @property
    def audit(self) -> Auditor:
        """Where lead and administrator actions are recorded (the store's audit log)."""
        return Auditor(self.store, self.clock)

    async def _audit(
        self, action: AuditAction, actor: Actor, round_: Round, **details: str
    ) -> None:
        await self.audit.record(
            action,
            actor.aad_object_id,
            partnership_id=round_.partnership_id,
            round_id=round_.id,
            **details,
        )

    async def _update_round(
        self, round_id: str, changes: Callable[[Round], dict[str, Any]]
    ) -> Round:
        async def attempt() -> Round:
            round_ = await self.store.get_round(round_id)
            if round_ is None:
                raise UnknownRound()
            return await self.store.save_round(round_.model_copy(update=changes(round_)))

        return await retrying(attempt)

    # -- opening and closing write two records: the partnership commits, the round follows --

    async def _settled(self, partnership: Partnership) -> Partnership:
        """The partnership as stored, with any round change it committed finished first.
        Call it inside `retrying`: clearing the change is a compare-and-set."""
        current = await self.store.get_partnership(partnership.id) or partnership
        if current.round_change is None:
            return current
        await self._write_round_change(current.round_change)
        return await self.store.save_partnership(current.model_copy(update={"round_change": None}))

    async def _finish_round_change(self, change: Round) -> Round:
        """Write the committed change to the round's record, then forget it; idempotent."""
        written = await self._write_round_change(change)

        async def forget() -> None:
            current = await self.store.get_partnership(change.partnership_id)
            if current is not None and current.round_change is not None \
                    and current.round_change.id == change.id:
                await self.store.save_partnership(current.model_copy(update={"round_change": None}))

        await retrying(forget)
        return written

    async def _write_round_change(self, change: Round) -> Round:
        """The round's record made to agree with the committed `change` (a new round is
        created; a closed one is closed), keeping anything else written to it since."""

        async def attempt() -> Round:
            stored = await self.store.get_round(change.id)
            if stored is None:
                return await self.store.save_round(change.model_copy(update={"revision": 0}))
            if change.closed_at is not None and stored.is_open:
                closed = {"closed_at": change.closed_at, "closed_by": change.closed_by}
                return await self.store.save_round(stored.model_copy(update=closed))
            return stored

        return await retrying(attempt)
