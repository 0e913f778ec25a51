"""Review-date reminders (issue 11): when a C's review date arrives, a card to each of the
round's leads who can be reached 1:1 (else one card in the round's channel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from assessment.followup_core import FollowUpBackend, reachable, tenant_of
from assessment.followup_ports import ReminderKind, SentReminder
from assessment.model import Person, Round
from assessment.position import AgreedPosition
from assessment.reminders import london_today, names_owner, review_key, reviews_arrived
from assessment.service import AssessmentService


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


