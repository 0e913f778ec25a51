"""Follow-through use cases (issue 11): carry positions into a new round, find the reminders
that are due, claim them so each is sent once, and honour `stop reminders`.

Framework-free; the host (`bot/scheduler.py`) sends what is due. Reminders reach a person
through their `Person` record (its 1:1 chat), never through a response: anonymous responses
hold a pseudonym only. A person's response is found from the member list, as the walk finds
it (`respondent_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from assessment.audit import AuditAction
from assessment.carry_forward import carried_positions, previous_of
from assessment.compare_and_set import retrying
from assessment.errors import AssessmentError, ConcurrentUpdate
from assessment.followup_ports import FollowUpStore, SentReminder
from assessment.model import Actor, Person, Response, Round
from assessment.ports import Store
from assessment.position_ports import PositionStore
from assessment.reminders import DEFAULT_IDLE_DAYS, idle_claim, idle_reminder_due
from assessment.service import AssessmentService

BOT_ACTOR = "twelvecs"
"""Who the audit log says sent a reminder the bot sent on its own."""


class FollowUpBackend(Store, PositionStore, FollowUpStore, Protocol):
    """The store follow-through runs on."""


class RemindersAlreadyStopped(AssessmentError):
    """`stop reminders` typed a second time: nothing to change, and the person is told so."""

    message_id = "error.reminders_already_stopped"


@dataclass(frozen=True)
class IdleReminder:
    """A reminder due to one practitioner: their round, response and 1:1 chat."""

    round: Round
    response: Response
    person: Person
    claim: SentReminder


@dataclass
class FollowUpService:
    store: FollowUpBackend
    assessment: AssessmentService
    idle_days: int = DEFAULT_IDLE_DAYS

    # -- carry forward ------------------------------------------------------------------

    async def carry_forward(self, round_: Round) -> int:
        """Start `round_` from the previous round's agreed positions; how many were carried.
        A position already there (another instance carried it, or a lead was quicker) stays."""
        previous = previous_of(await self.store.rounds_of(round_.partnership_id), round_)
        if previous is None:
            return 0
        carried = 0
        for position in carried_positions(
            previous, await self.store.get_positions(previous.id), round_
        ):
            try:
                await self.store.save_position(position)
                carried += 1
            except ConcurrentUpdate:
                continue
        return carried

    # -- stop reminders -----------------------------------------------------------------

    async def stop_reminders(self, actor: Actor) -> Person:
        """Stop the reminders the bot sends on its own; refused (store unchanged) if already."""

        async def attempt() -> Person:
            person = await self.assessment.person(actor)
            if person.reminders_stopped:
                raise RemindersAlreadyStopped()
            return await self.store.save_person(
                person.model_copy(update={"reminders_stopped": True})
            )

        return await retrying(attempt)

    async def start_reminders(self, actor: Actor) -> Person:
        async def attempt() -> Person:
            person = await self.assessment.person(actor)
            if not person.reminders_stopped:
                return person
            return await self.store.save_person(
                person.model_copy(update={"reminders_stopped": False})
            )

        return await retrying(attempt)

    # -- idle practitioners -------------------------------------------------------------

    async def due_idle_reminders(self) -> list[IdleReminder]:
        """Every practitioner due an idle reminder now, across the open rounds."""
        now = self.assessment.clock()
        due: list[IdleReminder] = []
        for round_ in await self.store.all_rounds():
            if not round_.is_open:
                continue
            sent = await self.store.reminders_of(round_.id)
            tenant = round_.partnership_id.split("/", 1)[0]
            for aad_id in await self.store.members_of(round_.partnership_id):
                actor = Actor(tenant, aad_id)
                response = await self.assessment.own_response(actor, round_)
                if response is None or not idle_reminder_due(
                    round_, response, sent, now, self.idle_days
                ):
                    continue
                person = await self.store.get_person(tenant, aad_id)
                if person is None or not reachable(person):
                    continue
                due.append(IdleReminder(round_, response, person, idle_claim(response, now)))
        return due

    async def claim(self, reminder: IdleReminder) -> bool:
        """True if this caller sends it: the round is still open and no one claimed it."""
        current = await self.store.get_round(reminder.round.id)
        if current is None or not current.is_open:
            return False
        return await self.store.claim_reminder(reminder.claim)

    async def release(self, reminder: IdleReminder) -> None:
        await self.store.release_reminder(reminder.claim.key)

    async def sent(self, reminder: IdleReminder) -> None:
        """Note in the audit log that the bot reminded someone (no one named)."""
        await self.assessment.audit.record(
            AuditAction.REMINDER_SENT,
            BOT_ACTOR,
            partnership_id=reminder.round.partnership_id,
            round_id=reminder.round.id,
            kind=reminder.claim.kind.value,
        )

    async def chat_refused(self, person: Person) -> None:
        """Teams answered 403 (bot removed or blocked): stop sending to that chat."""

        async def attempt() -> Person:
            current = await self.store.get_person(person.tenant_id, person.aad_object_id)
            if current is None or current.chat_dead:
                return current or person
            return await self.store.save_person(current.model_copy(update={"chat_dead": True}))

        await retrying(attempt)


def reachable(person: Person) -> bool:
    """Whether the bot may and can write to the person on its own."""
    return person.conversation is not None and not person.reminders_stopped and not person.chat_dead
