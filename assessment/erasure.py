"""Erasure (UK GDPR right to erasure): a practitioner deletes their answers and identity.

Open rounds: the person's responses are deleted. Closed rounds: the responses stay for the
partnership's aggregates but are re-keyed to a random respondent with no name, so nobody can
link them to the person again. The person's record (agency, 1:1 chat reference) and their
1:1 dialog state go too. What will go is shown first (`plan`); `erase` only acts on the plan
the person saw (its fingerprint), so a stale or repeated confirmation removes nothing more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import Any

from assessment.audit import AuditAction
from assessment.errors import AssessmentError
from assessment.model import Actor, Person, Response, Round
from assessment.ports import Store
from assessment.pseudonym import unlinked_respondent
from assessment.service import AssessmentService

StateKeys = Callable[[dict[str, Any]], Collection[str]]
"""The host's dialog-state keys of a stored chat reference (the domain does not know them)."""


class NothingToErase(AssessmentError):
    message_id = "error.nothing_to_erase"


class ErasurePlanChanged(AssessmentError):
    """The person's data changed since the confirmation card was shown."""

    message_id = "error.erasure_changed"

    def __init__(self, plan: ErasurePlan) -> None:
        super().__init__()
        self.plan = plan


@dataclass(frozen=True)
class ErasurePlan:
    """What erasure removes: round titles by what happens to them, and the person's record."""

    deleted_rounds: tuple[str, ...]
    unlinked_rounds: tuple[str, ...]
    has_record: bool
    fingerprint: str

    @property
    def is_empty(self) -> bool:
        return not (self.deleted_rounds or self.unlinked_rounds or self.has_record)


@dataclass
class ErasureService:
    assessment: AssessmentService
    state_keys: StateKeys = lambda reference: ()
    forget_reminders: Callable[[str, str], Awaitable[int]] | None = None
    """Issue 11: drop the reminder log's entries about the person (round id, respondent)."""

    async def plan(self, actor: Actor) -> ErasurePlan:
        """What `erase` would remove now; changes nothing."""
        mine = await self.assessment.my_responses(actor)
        person = await self.assessment.store.get_person(actor.tenant_id, actor.aad_object_id)
        return _plan(mine, has_record=person is not None)

    async def erase(self, actor: Actor, fingerprint: str) -> ErasurePlan:
        """Remove what the confirmed plan listed; refuses if that plan is no longer current."""
        mine = await self.assessment.my_responses(actor)
        store = self.assessment.store
        person = await store.get_person(actor.tenant_id, actor.aad_object_id)
        plan = _plan(mine, has_record=person is not None)
        if plan.is_empty:
            raise NothingToErase()
        if plan.fingerprint != fingerprint:
            raise ErasurePlanChanged(plan)
        for round_, response in mine:
            # Delete before re-saving unlinked: a crash in between loses the closed round's
            # copy (erring towards erasure; its published figures stand) rather than leaving
            # the linked original beside an unlinked twin that a retry would count again.
            await store.delete_response(round_.id, response.respondent)
            if self.forget_reminders is not None:
                await self.forget_reminders(round_.id, response.respondent)
            if not round_.is_open:
                await self._unlink(response)
        if person is not None:
            await forget_person(store, person, self.state_keys)
        await self._audit(actor, plan)
        return plan

    async def _audit(self, actor: Actor, plan: ErasurePlan) -> None:
        """Accountability without identity: the log keeps the keyed pseudonym and counts."""
        service = self.assessment
        await service.audit.record(
            AuditAction.ERASED,
            service.pseudonyms.respondent(actor.tenant_id, actor.aad_object_id),
            deleted_rounds=len(plan.deleted_rounds),
            unlinked_rounds=len(plan.unlinked_rounds),
            record=int(plan.has_record),
        )

    async def _unlink(self, response: Response) -> None:
        """Keep the answers for the closed round's figures under a random respondent."""
        await self.assessment.store.save_response(
            response.model_copy(
                update={"respondent": unlinked_respondent(), "respondent_name": None, "revision": 0}
            )
        )


async def forget_person(store: Store, person: Person, state_keys: StateKeys) -> bool:
    """Delete the person's record (agency, language, chat reference) and their 1:1 chat's
    dialog state; their answers are left to the caller. False if the record was already gone.

    Shared by erasure and the expiry of people who stopped using the bot, so both remove the
    same things. The dialog state goes first: a crash in between leaves the record, and the
    next run deletes both (deleting missing state is harmless).
    """
    if person.conversation:
        await store.delete_state(list(state_keys(person.conversation)))
    return await store.delete_person(person.tenant_id, person.aad_object_id)


def _plan(mine: list[tuple[Round, Response]], *, has_record: bool) -> ErasurePlan:
    deleted = tuple(r.title for r, _ in mine if r.is_open)
    unlinked = tuple(r.title for r, _ in mine if not r.is_open)
    seen = sorted(f"{r.id}/{resp.respondent}/{resp.revision}" for r, resp in mine)
    digest = hashlib.sha256("\n".join([*seen, str(has_record)]).encode()).hexdigest()[:32]
    return ErasurePlan(deleted, unlinked, has_record, digest)
