"""The lead's Remind <agency> button (issue 11): members who have not started, reminded 1:1,
once a day per agency and per person."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.errors import AssessmentError, RoundClosed
from assessment.followup_core import FollowUpBackend, reachable, tenant_of
from assessment.followup_ports import ReminderKind, SentReminder
from assessment.model import Actor, Person, Round
from assessment.reminders import london_today
from assessment.service import AssessmentService


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


