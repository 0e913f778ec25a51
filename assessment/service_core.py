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
from assessment.model import Actor, Round
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
