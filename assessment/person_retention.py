"""Storage limitation for people: a person's record goes `retention_days` after they last used
the bot.

The record (agency, language, the 1:1 chat reference, reminder choices) exists only to serve
the person; once they stop using the bot it has no purpose left. Expiry removes what erasure
removes for the record (`erasure.forget_person`: the record and their 1:1 chat's dialog
state), but not their answers: responses follow the round-based retention
(`assessment.retention`). Runs with the retention purge; idempotent and audited (counts only).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from assessment.audit import AuditAction, Auditor
from assessment.clock import Clock
from assessment.compare_and_set import retrying
from assessment.erasure import StateKeys, forget_person
from assessment.model import Person
from assessment.ports import Store
from assessment.pseudonym import Pseudonymiser
from assessment.reminders import london_today
from assessment.retention import PURGE_ACTOR


@dataclass
class PeopleRetention:
    """Deletes the records of people not seen for more than `retention_days` (UK days).

    A person is kept, however long ago they were seen, while they have a response in a round
    that is still open, or lead one: they may come back to finish or change it, and the bot's
    reminders about it (to a lead: the agencies' progress) need their chat. The rule is
    deliberately that simple (no look at how far they got); once the round closes, the next
    purge takes the record (a review date after that reaches the round's channel instead).

    A record with no day (written before days were kept) counts as seen the first time the
    purge meets it: it gets today and is kept, so an upgrade deletes nobody at once.
    """

    store: Store
    clock: Clock
    pseudonyms: Pseudonymiser
    retention_days: int = 365
    state_keys: StateKeys = lambda reference: ()
    """The host's dialog-state keys of a stored chat reference (see `ErasureService`)."""

    def cutoff(self) -> date:
        """People last seen before this UK day have not been seen for over `retention_days`."""
        return london_today(self.clock()) - timedelta(days=self.retention_days)

    async def plan(self) -> int:
        """How many records `purge` would delete now (a dry run: nothing changes)."""
        return len(await self._expired(await self.store.people_unseen_since(self.cutoff())))

    async def purge(self) -> int:
        """Date the undated records, delete the expired ones; how many went (0 when run again)."""
        cutoff = self.cutoff()
        unseen = await self.store.people_unseen_since(cutoff)
        for person in unseen:
            if person.last_seen is None:
                await self._date(person)
        removed = 0
        for person in await self._expired(unseen):
            removed += await self._forget_if_still_expired(person, cutoff)
        if removed:
            await Auditor(self.store, self.clock).record(
                AuditAction.PURGED, PURGE_ACTOR, people=removed
            )
        return removed

    async def _expired(self, unseen: Sequence[Person]) -> list[Person]:
        dated = [p for p in unseen if p.last_seen is not None]
        if not dated:
            return []
        open_rounds = [r for r in await self.store.all_rounds() if r.is_open]
        leading = {lead for r in open_rounds for lead in r.leads}
        open_ids = {r.id for r in open_rounds}
        return [
            p for p in dated
            if p.aad_object_id not in leading and not await self._answering(p, open_ids)
        ]

    async def _answering(self, person: Person, open_rounds: Collection[str]) -> bool:
        """Whether the person has a response in an open round, stored under their AAD id
        (named rounds) or their keyed pseudonym (anonymous rounds)."""
        if not open_rounds:
            return False
        tenant, aad_id = person.tenant_id, person.aad_object_id
        for respondent in (aad_id, self.pseudonyms.respondent(tenant, aad_id)):
            responses = await self.store.responses_by(tenant, respondent)
            if any(r.round_id in open_rounds for r in responses):
                return True
        return False

    async def _date(self, person: Person) -> None:
        """Give an undated record today's day, unless someone dated it meanwhile."""
        today = london_today(self.clock())

        async def attempt() -> None:
            current = await self.store.get_person(person.tenant_id, person.aad_object_id)
            if current is not None and current.last_seen is None:
                await self.store.save_person(current.model_copy(update={"last_seen": today}))

        await retrying(attempt)

    async def _forget_if_still_expired(self, person: Person, cutoff: date) -> int:
        """Read the record again first: a person who came back since the list was made keeps
        it (and one already deleted is not counted twice)."""
        current = await self.store.get_person(person.tenant_id, person.aad_object_id)
        if current is None or current.last_seen is None or current.seen_since(cutoff):
            return 0
        return int(await forget_person(self.store, current, self.state_keys))
