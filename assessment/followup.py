"""Follow-through use cases (issue 11): carry positions into a new round, find the reminders
that are due, claim them so each is sent once, and honour `stop reminders`.

Framework-free; the host (`bot/scheduler.py`) sends what is due. Reminders reach a person
through their `Person` record (its 1:1 chat), never through a response: anonymous responses
hold a pseudonym only. A person's response is found from the member list, as the walk finds
it (`respondent_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from assessment.agency_list import parse_agencies
from assessment.audit import AuditAction
from assessment.carry_forward import carried_positions, previous_of
from assessment.compare_and_set import retrying
from assessment.errors import AssessmentError, ConcurrentUpdate, RoundClosed, UnknownRound
from assessment.followup_ports import FollowUpStore, ReminderKind, SentReminder
from assessment.model import Actor, Partnership, Person, Response, Round
from assessment.ports import Store
from assessment.position import AgreedPosition
from assessment.position_ports import PositionStore
from assessment.reminders import (
    DEFAULT_IDLE_DAYS,
    idle_claim,
    idle_reminder_due,
    london_today,
    names_owner,
    review_key,
    reviews_arrived,
)
from assessment.service import AssessmentService

BOT_ACTOR = "twelvecs"
"""Who the audit log says sent a reminder the bot sent on its own."""


class FollowUpBackend(Store, PositionStore, FollowUpStore, Protocol):
    """The store follow-through runs on."""


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


@dataclass(frozen=True)
class ReviewReminder:
    """A C's review date has arrived: a card to one lead (`person` None: no lead can be reached
    in a 1:1 chat, so the card goes to the round's channel once)."""

    round: Round
    position: AgreedPosition
    review: date
    person: Person | None
    owner: bool
    """The accountability entry names this lead."""
    claim: SentReminder


class FollowUpReviews:
    """Review-date reminders, mixed into `FollowUpService`."""

    store: FollowUpBackend
    assessment: AssessmentService

    async def due_review_reminders(self) -> list[ReviewReminder]:
        """For each partnership's latest round: every C whose review date arrived, per lead."""
        now = self.assessment.clock()
        today = london_today(now)
        latest: dict[str, Round] = {}
        for round_ in await self.store.all_rounds():  # oldest first: the last one stays
            latest[round_.partnership_id] = round_
        due: list[ReviewReminder] = []
        for round_ in latest.values():
            positions = await self.store.get_positions(round_.id)
            if not positions:
                continue
            sent = {s.key for s in await self.store.reminders_of(round_.id) if s.holds(now)}
            leads = await self._reachable_leads(round_)
            for position in positions.values():
                for review in reviews_arrived(position.agreed.review_dates, today):
                    due += self._review_cards(round_, position, review, leads, sent, now)
        return due

    def _review_cards(
        self,
        round_: Round,
        position: AgreedPosition,
        review: date,
        leads: list[Person],
        sent: set[str],
        now: datetime,
    ) -> list[ReviewReminder]:
        owner_text = position.agreed.accountability
        targets: list[tuple[Person | None, str]] = [(p, p.aad_object_id) for p in leads]
        if not targets:
            targets = [(None, "channel")]
        found = []
        for person, recipient in targets:
            key = review_key(round_.id, position.component_id, review, recipient)
            if key in sent:
                continue
            name = round_.lead_names.get(recipient) if person is not None else None
            claim = SentReminder(
                key=key, round_id=round_.id, kind=ReminderKind.REVIEW, recipient=recipient,
                sent_at=now,
            )
            owner = names_owner(owner_text, name)
            found.append(ReviewReminder(round_, position, review, person, owner, claim))
        return found

    async def _reachable_leads(self, round_: Round) -> list[Person]:
        tenant = tenant_of(round_)
        people = [await self.store.get_person(tenant, lead) for lead in round_.leads]
        return [p for p in people if p is not None and reachable(p)]


@dataclass(frozen=True)
class RoundNotice:
    """Something the round's channel is told: the round closed on its date, or the week's
    progress (`claim.kind` says which)."""

    round: Round
    claim: SentReminder
    days_left: int | None = None


class FollowUpRounds:
    """Close dates and weekly digests, mixed into `FollowUpService`."""

    store: FollowUpBackend
    assessment: AssessmentService

    async def due_round_notices(self) -> list[RoundNotice]:
        now = self.assessment.clock()
        today = london_today(now)
        due: list[RoundNotice] = []
        for round_ in await self.store.all_rounds():
            if not round_.is_open or (round_.closes_on is None and not round_.weekly_digest):
                continue
            sent = {s.key for s in await self.store.reminders_of(round_.id) if s.holds(now)}
            notice = round_notice(round_, today, now)
            if notice is not None and notice.claim.key not in sent:
                due.append(notice)
        return due

    async def close_on_schedule(self, notice: RoundNotice) -> tuple[Round, list[Response]] | None:
        """Close the round (None if a lead closed it meanwhile) with its responses."""
        closed = await self.assessment.close_round_on_schedule(notice.round.id, BOT_ACTOR)
        if closed is None:
            return None
        return closed, await self.store.responses_of(closed.id)


def round_notice(round_: Round, today: date, now: datetime) -> RoundNotice | None:
    """The close if its day has come, else this week's digest (from the round's second week)."""
    def claim(kind: ReminderKind, suffix: str) -> SentReminder:
        key = f"{kind.value}/{round_.id}/{suffix}"
        return SentReminder(key=key, round_id=round_.id, kind=kind, sent_at=now)

    if round_.closes_on is not None and today >= round_.closes_on:
        return RoundNotice(round_, claim(ReminderKind.AUTO_CLOSE, "closed"))
    week = (today - london_today(round_.opened_at)).days // 7
    if not round_.weekly_digest or week < 1:
        return None
    left = (round_.closes_on - today).days if round_.closes_on is not None else None
    return RoundNotice(round_, claim(ReminderKind.DIGEST, f"week{week}"), left)


class AlreadyRemindedToday(AssessmentError):
    """Remind pressed twice in a day for one agency (refused: nothing sent or stored)."""

    message_id = "error.reminded_today"


@dataclass(frozen=True)
class StartReminder:
    """One member who has not started, to be reminded 1:1 after a lead pressed Remind."""

    round: Round
    person: Person
    claim: SentReminder


class FollowUpLeadReminders:
    """The lead's Remind button, mixed into `FollowUpService`."""

    store: FollowUpBackend
    assessment: AssessmentService

    async def claim_agency_reminder(
        self, actor: Actor, round_: Round, agency: str
    ) -> tuple[SentReminder, list[StartReminder]]:
        """Claim today's reminder of `agency` (once a day, UK date) and list the members who
        have not started and can be reached: their remembered agency is this one or unknown.
        Each person is reminded at most once a day, whichever agency's button was pressed."""
        await self.assessment.require_current_lead(round_, actor)
        if not round_.is_open:
            raise RoundClosed()
        now = self.assessment.clock()
        today = london_today(now).isoformat()
        claim = SentReminder(
            key=f"{ReminderKind.REMIND.value}/{round_.id}/{agency}/{today}",
            round_id=round_.id, kind=ReminderKind.REMIND, recipient=agency, sent_at=now,
            confirmed=True,  # the lead pressed it: it stands whatever the sends do
        )
        if not await self.store.claim_reminder(claim):
            raise AlreadyRemindedToday()
        tenant = tenant_of(round_)
        started = {r.respondent for r in await self.store.responses_of(round_.id)}
        targets: list[StartReminder] = []
        for aad_id in await self.store.members_of(round_.partnership_id):
            member = Actor(tenant, aad_id)
            if self.assessment.respondent_of(round_, member) in started:
                continue
            person = await self.store.get_person(tenant, aad_id)
            if person is None or not reachable(person):
                continue
            if person.agency is not None and person.agency.value != agency:
                continue
            recipient = self.assessment.respondent_of(round_, member)
            personal = SentReminder(
                key=f"{ReminderKind.REMIND.value}/{round_.id}/person/{recipient}/{today}",
                round_id=round_.id, kind=ReminderKind.REMIND, recipient=recipient, sent_at=now,
            )
            targets.append(StartReminder(round_, person, personal))
        return claim, targets


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


def tenant_of(round_: Round) -> str:
    """The round's tenant: the first part of its partnership id (`Partnership.make_id`)."""
    return round_.partnership_id.split("/", 1)[0]


def reachable(person: Person) -> bool:
    """Whether the bot may and can write to the person on its own."""
    return person.conversation is not None and not person.reminders_stopped and not person.chat_dead
