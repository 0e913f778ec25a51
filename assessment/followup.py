"""Follow-through use cases (issue 11): carry positions into a new round, find the reminders
that are due, claim them so each is sent once, and honour `stop reminders`.

Framework-free; the host (`bot/scheduler.py`) sends what is due. Reminders reach a person
through their `Person` record (its 1:1 chat), never through a response: anonymous responses
hold a pseudonym only. A person's response is found from the member list, as the walk finds
it (`respondent_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from assessment.agency_list import parse_agencies
from assessment.audit import AuditAction
from assessment.carry_forward import carried_positions, previous_of
from assessment.compare_and_set import retrying
from assessment.errors import AssessmentError, ConcurrentUpdate, UnknownRound
from assessment.followup_core import BOT_ACTOR, FollowUpBackend, reachable, tenant_of
from assessment.followup_ports import SentReminder
from assessment.lead_reminders import AlreadyRemindedToday, FollowUpLeadReminders, StartReminder
from assessment.model import Actor, Partnership, Person, Response, Round
from assessment.reminders import (
    DEFAULT_IDLE_DAYS,
    idle_claim,
    idle_reminder_due,
)
from assessment.review_reminders import FollowUpReviews, ReviewReminder
from assessment.round_notices import FollowUpRounds, RoundNotice, round_notice
from assessment.service import AssessmentService


class NoDigest(AssessmentError):
    """`stop digest` for a round without one (never asked for, or stopped already)."""

    message_id = "error.no_digest"


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
class FollowUpService(FollowUpReviews, FollowUpRounds, FollowUpLeadReminders):
    store: FollowUpBackend
    assessment: AssessmentService
    idle_days: int = DEFAULT_IDLE_DAYS
    retention_days: int | None = None
    """A closed round's reminder log goes with its responses (`Settings.retention_days`)."""

    async def expire_logs(self) -> int:
        """Drop the reminder log of every round closed longer ago than the retention period:
        it holds respondent keys, kept no longer than the answers they belong to."""
        if self.retention_days is None:
            return 0
        cutoff = self.assessment.clock() - timedelta(days=self.retention_days)
        dropped = 0
        for round_ in await self.store.all_rounds():
            if round_.closed_at is not None and round_.closed_at <= cutoff:
                dropped += await self.store.drop_reminders(round_.id)
        return dropped

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

    # -- the partnership's agency list ----------------------------------------------------

    async def set_agencies(self, actor: Actor, round_: Round, typed: list[str]) -> Partnership:
        """The round's leads set which agencies take part (refused, nothing stored, for an
        unknown agency or an empty list)."""
        agencies = parse_agencies(typed)
        await self.assessment.require_current_lead(round_, actor)

        async def attempt() -> Partnership:
            partnership = await self.store.get_partnership(round_.partnership_id)
            if partnership is None:
                raise UnknownRound()
            return await self.store.save_partnership(
                partnership.model_copy(update={"agencies": agencies})
            )

        return await retrying(attempt)

    async def stop_digest(self, actor: Actor, round_: Round) -> Round:
        """The round's leads stop its weekly digest; refused (nothing stored) if it is off."""
        await self.assessment.require_current_lead(round_, actor)
        if not round_.weekly_digest:
            raise NoDigest()

        async def attempt() -> Round:
            current = await self.store.get_round(round_.id)
            if current is None:
                raise UnknownRound()
            if not current.weekly_digest:
                raise NoDigest()
            return await self.store.save_round(current.model_copy(update={"weekly_digest": False}))

        return await retrying(attempt)

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
            sent = [s for s in await self.store.reminders_of(round_.id) if s.holds(now)]
            tenant = tenant_of(round_)
            unfinished = {
                r.respondent: r for r in await self.store.responses_of(round_.id)
                if not r.is_complete
            }
            if not unfinished:
                continue
            for aad_id in await self.store.members_of(round_.partnership_id):
                actor = Actor(tenant, aad_id)  # found as the walk finds it: by respondent key
                response = unfinished.get(self.assessment.respondent_of(round_, actor))
                days = round_.reminder_days or self.idle_days
                if response is None or not idle_reminder_due(round_, response, sent, now, days):
                    continue
                person = await self.store.get_person(tenant, aad_id)
                if person is None or not reachable(person):
                    continue
                due.append(IdleReminder(round_, response, person, idle_claim(response, now)))
        return due

    async def claim(self, reminder: Reminder) -> bool:
        """True if this caller sends it: no one claimed it, and the round is still open
        (a review date outlives its round)."""
        current = await self.store.get_round(reminder.round.id)
        if current is None or (not isinstance(reminder, ReviewReminder) and not current.is_open):
            return False
        return await self.store.claim_reminder(reminder.claim)

    async def release(self, reminder: Reminder) -> None:
        await self.store.release_reminder(reminder.claim.key)

    async def sent(self, reminder: Reminder) -> None:
        """Confirm the claim, and note in the audit log that the bot reminded someone (no one
        named)."""
        await self.store.confirm_reminder(reminder.claim.key)
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


Reminder = IdleReminder | ReviewReminder | RoundNotice | StartReminder
"""Anything the scheduler claims and sends."""

__all__ = [
    "BOT_ACTOR",
    "AlreadyRemindedToday",
    "FollowUpBackend",
    "FollowUpService",
    "IdleReminder",
    "Reminder",
    "ReviewReminder",
    "RoundNotice",
    "StartReminder",
    "reachable",
    "round_notice",
    "tenant_of",
]
