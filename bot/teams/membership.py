"""Who belongs where: partnerships from the conversation, members from what Teams tells us."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from assessment.model import Partnership
from assessment.service import AssessmentService
from bot.botframework.fast_body import serialize_model
from bot.teams.identity import PERSONAL, Place
from bot.teams.turn import Turn


@dataclass
class Membership:
    service: AssessmentService

    async def partnership(self, place: Place) -> Partnership:
        """The team or group chat of `place` (which must be one), created when first seen."""
        if place.kind is None or place.external_id is None:
            raise ValueError("not a team or group chat")
        return await self.service.ensure_partnership(
            place.tenant_id, place.kind, place.external_id, place.name
        )

    async def note(self, turn: Turn) -> None:
        """Whoever speaks in a team is its member; a 1:1 chat is remembered for later."""
        context, place, actor = turn.context, turn.place, turn.actor
        if place.kind is not None and place.external_id is not None:
            partnership = await self.partnership(place)
            if not await self.service.store.is_member(partnership.id, actor.aad_object_id):
                await self.service.record_members(partnership.id, [actor.aad_object_id])
        elif place.scope == PERSONAL:
            await self.service.remember_chat(actor, chat_reference(context.activity))

    async def members_changed(self, place: Place, activity: Activity) -> None:
        """Members added to or removed from a team or group chat (conversationUpdate)."""
        if place.kind is None or place.external_id is None:
            return
        partnership = await self.partnership(place)
        added = [m.aad_object_id for m in activity.members_added or [] if m.aad_object_id]
        removed = [m.aad_object_id for m in activity.members_removed or [] if m.aad_object_id]
        await self.service.record_members(partnership.id, added)
        await self.service.forget_members(partnership.id, removed)


def chat_reference(activity: Activity) -> dict[str, Any]:
    """The conversation reference of a 1:1 chat without the message it came from, so it
    stays the same from message to message (and is stored only when it changes)."""
    reference: dict[str, Any] = serialize_model(TurnContext.get_conversation_reference(activity))
    reference.pop("activityId", None)
    return reference
