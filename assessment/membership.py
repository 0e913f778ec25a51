"""Partnerships (a team or group chat), who belongs to them, and each person's own record."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from assessment.compare_and_set import retrying
from assessment.errors import AgencyRequired
from assessment.model import Actor, Agency, Language, Partnership, PartnershipKind, Person
from assessment.pseudonym import minimal_chat_reference
from assessment.reminders import london_today
from assessment.service_core import ServiceCore


class MembershipUseCases(ServiceCore):
    async def ensure_partnership(
        self, tenant_id: str, kind: PartnershipKind, external_id: str, name: str | None = None
    ) -> Partnership:
        """The partnership for a team or group chat, created the first time it is seen."""
        pid = Partnership.make_id(tenant_id, kind, external_id)

        async def attempt() -> Partnership:
            existing = await self.store.get_partnership(pid)
            if existing is not None and (name is None or existing.name == name):
                return existing
            draft = existing or Partnership(
                id=pid, tenant_id=tenant_id, kind=kind, external_id=external_id
            )
            return await self.store.save_partnership(draft.model_copy(update={"name": name}))

        return await retrying(attempt)

    async def record_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        if aad_ids:
            await self.store.add_members(partnership_id, aad_ids)

    async def forget_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        if aad_ids:
            await self.store.remove_members(partnership_id, aad_ids)

    async def person(self, actor: Actor) -> Person:
        found = await self.store.get_person(actor.tenant_id, actor.aad_object_id)
        return found or Person(tenant_id=actor.tenant_id, aad_object_id=actor.aad_object_id)

    async def set_agency(self, actor: Actor, agency: str) -> Person:
        try:
            chosen = Agency(agency)
        except ValueError:
            raise AgencyRequired() from None
        return await self._update_person(actor, {"agency": chosen})

    async def remember_chat(self, actor: Actor, conversation: dict[str, Any]) -> Person:
        """Keep what the bot needs to continue the person's 1:1 chat (no name, no profile)."""
        minimal = minimal_chat_reference(conversation)
        person = await self.person(actor)
        if person.conversation == minimal and not person.chat_dead:
            return person
        # writing to the bot again revives a chat Teams once refused (issue 11)
        return await self._update_person(actor, {"conversation": minimal, "chat_dead": False})

    async def _update_person(self, actor: Actor, changes: dict[str, Any]) -> Person:
        """Apply the person's own change; it is their act, so it dates their record too."""
        seen = {"last_seen": london_today(self.clock()), **changes}

        async def attempt() -> Person:
            person = await self.person(actor)
            return await self.store.save_person(person.model_copy(update=seen))

        return await retrying(attempt)

    async def note_seen(self, known: Person) -> Person | None:
        """Date the person's record with today (UK) if it is not already: they just acted.

        Why here and this way: the record is read at the start of every turn anyway (`known`),
        so a person already seen today costs no write at all, and one seen earlier costs one
        compare-and-set a day. A concurrent save of another field (agency, chat) makes the save
        fail rather than be overwritten; the retry reads the record again and changes only the
        day. None if the record went meanwhile (erasure): it is not brought back.
        """
        today = london_today(self.clock())
        if known.seen_since(today):
            return known
        first: list[Person] = [known]

        async def attempt() -> Person | None:
            person = first.pop() if first else await self.store.get_person(
                known.tenant_id, known.aad_object_id
            )
            if person is None or person.seen_since(today):
                return person
            return await self.store.save_person(person.model_copy(update={"last_seen": today}))

        return await retrying(attempt)

    # -- language (issue 13) ---------------------------------------------------------------

    async def set_language(self, actor: Actor, language: Language) -> Person:
        """The person's own choice (`language` / `iaith`): every card and reply follows it."""
        return await self._update_person(actor, {"language": language})

    async def set_welsh_first(self, partnership_id: str, welsh_first: bool) -> Partnership:
        """Whether the partnership's shared posts put Welsh first (callers check who asks:
        the open round's leads, or anyone in the team while no round is open)."""

        async def attempt() -> Partnership:
            found = await self.store.get_partnership(partnership_id)
            if found is None:
                raise ValueError("no such partnership")
            return await self.store.save_partnership(
                found.model_copy(update={"welsh_first": welsh_first})
            )

        return await retrying(attempt)
