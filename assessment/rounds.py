"""Opening and closing a partnership's one round, and finding the rounds that are open."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from assessment.audit import AuditAction
from assessment.compare_and_set import retrying
from assessment.errors import InvalidTitle, NoOpenRound, RoundAlreadyOpen
from assessment.lead_access import LeadAccess
from assessment.model import MAX_TITLE, Actor, Partnership, Round
from assessment.pseudonym import minimal_chat_reference


class RoundUseCases(LeadAccess):
    async def open_round(
        self,
        partnership: Partnership,
        actor: Actor,
        title: str,
        *,
        named: bool = False,
        conversation: dict[str, Any] | None = None,
        closes_on: date | None = None,
        weekly_digest: bool = False,
        reminder_days: int | None = None,
    ) -> Round:
        """Open the partnership's one round; its opener leads it."""
        clean = " ".join(title.split())
        if not clean or len(clean) > MAX_TITLE:
            raise InvalidTitle(limit=MAX_TITLE)
        await self.store.add_members(partnership.id, [actor.aad_object_id])

        async def commit() -> Round:
            current = await self._settled(partnership)
            if current.open_round_id is not None:
                existing = await self.store.get_round(current.open_round_id)
                if existing is not None and existing.is_open:
                    raise RoundAlreadyOpen(title=existing.title, opened_on=existing.opened_at)
            round_ = Round(
                id=uuid.uuid4().hex,
                partnership_id=partnership.id,
                title=clean,
                opened_by=actor.aad_object_id,
                opened_at=self.clock(),
                named=named,
                leads=[actor.aad_object_id],
                lead_names={actor.aad_object_id: actor.name} if actor.name else {},
                conversation=minimal_chat_reference(conversation) if conversation else None,
                closes_on=closes_on,
                weekly_digest=weekly_digest,
                reminder_days=reminder_days,
            )
            await self.store.save_partnership(
                current.model_copy(update={"open_round_id": round_.id, "round_change": round_})
            )
            return round_

        opened = await self._finish_round_change(await retrying(commit))
        await self._audit(AuditAction.ROUND_OPENED, actor, opened, named=str(named).lower())
        return opened

    async def note_announcement(self, round_id: str, activity_id: str) -> Round:
        """Remember the announcement's message id so it can be updated when the round ends."""
        return await self._update_round(round_id, lambda r: {"announcement_id": activity_id})

    async def close_round(self, partnership: Partnership, actor: Actor) -> Round:
        """Close the open round: one compare-and-set on the partnership commits it (its
        pointer cleared, the closed round recorded), then the round's own record follows."""
        current = await retrying(lambda: self._settled(partnership))
        round_ = await self.store.get_round(current.open_round_id or "")
        if round_ is None or not round_.is_open:
            raise NoOpenRound()
        await self.require_current_lead(round_, actor)
        closing = round_.model_copy(
            update={"closed_at": self.clock(), "closed_by": actor.aad_object_id}
        )

        async def commit() -> None:
            latest = await self._settled(partnership)
            if latest.open_round_id != round_.id:
                raise NoOpenRound()  # closed by someone else meanwhile
            await self.store.save_partnership(
                latest.model_copy(update={"open_round_id": None, "round_change": closing})
            )

        await retrying(commit)
        closed = await self._finish_round_change(closing)
        await self._audit(AuditAction.ROUND_CLOSED, actor, closed)
        return closed

    async def close_round_on_schedule(self, round_id: str, by: str) -> Round | None:
        """Issue 11: close the round on its close date (no lead asks; `by` is the bot), with
        the same one compare-and-set as `close_round`. None if it was closed meanwhile."""
        round_ = await self.store.get_round(round_id)
        if round_ is None or not round_.is_open:
            return None
        partnership = await self.store.get_partnership(round_.partnership_id)
        if partnership is None:
            return None
        closing = round_.model_copy(update={"closed_at": self.clock(), "closed_by": by})

        async def commit() -> bool:
            latest = await self._settled(partnership)
            if latest.open_round_id != round_.id:
                return False  # a lead closed it meanwhile
            await self.store.save_partnership(
                latest.model_copy(update={"open_round_id": None, "round_change": closing})
            )
            return True

        if not await retrying(commit):
            return None
        closed = await self._finish_round_change(closing)
        await self.audit.record(
            AuditAction.ROUND_CLOSED, by, partnership_id=round_.partnership_id, round_id=round_.id
        )
        return closed

    async def current_round(self, partnership_id: str) -> Round | None:
        partnership = await self.store.get_partnership(partnership_id)
        if partnership is not None and partnership.round_change is not None:
            found = partnership
            partnership = await retrying(lambda: self._settled(found))
        if partnership is None or partnership.open_round_id is None:
            return None
        round_ = await self.store.get_round(partnership.open_round_id)
        return round_ if round_ is not None and round_.is_open else None

    async def open_rounds_for(self, actor: Actor) -> list[Round]:
        """Open rounds of every partnership the person belongs to, newest first."""
        rounds = []
        for pid in await self.store.partnerships_of(actor.tenant_id, actor.aad_object_id):
            round_ = await self.current_round(pid)
            if round_ is not None:
                rounds.append(round_)
        return sorted(rounds, key=lambda r: r.opened_at, reverse=True)
