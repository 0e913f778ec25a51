"""`delete my answers` in a 1:1 chat: the confirmation card, then the erasure or nothing.

Confirm and Cancel are handled before the turn notes the person's chat (see teams_bot), so
a repeated Delete finds nothing left and says so rather than re-creating their record.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from botbuilder.core import ConversationState, TurnContext

from assessment.erasure import ErasurePlanChanged, ErasureService, NothingToErase
from assessment.model import Actor
from bot.teams.identity import PERSONAL, Place
from bot.teams.presenter import Presenter
from cards import build_notice_card, verbs
from cards.actions import EraseData
from cards.erasure import build_erasure_card, build_erasure_done_card
from messages import Catalogue

log = logging.getLogger(__name__)
VERBS = frozenset({verbs.ERASE, verbs.ERASE_CANCEL})


def chat_state_keys(reference: dict[str, Any]) -> list[str]:
    """botbuilder's conversation-state key of a stored 1:1 chat reference."""
    channel = reference.get("channelId")
    conversation = (reference.get("conversation") or {}).get("id")
    return [f"{channel}/conversations/{conversation}"] if channel and conversation else []


@dataclass
class ErasureFlow:
    erasure: ErasureService
    cat: Catalogue
    conversation_state: ConversationState

    async def ask(self, presenter: Presenter, place: Place, actor: Actor) -> None:
        """Show what would be removed (1:1 chat only: the card lists round titles)."""
        if place.scope != PERSONAL:
            await presenter.say(self.cat.text("reply.erase_personal_only"))
            return
        plan = await self.erasure.plan(actor)
        if plan.is_empty:
            await presenter.say(self.cat.text(NothingToErase.message_id))
            return
        await presenter.show(build_erasure_card(self.cat, plan))

    async def handle(
        self,
        context: TurnContext,
        presenter: Presenter,
        place: Place,
        actor: Actor,
        verb: str,
        data: Any,
    ) -> None:
        if place.scope != PERSONAL:
            await presenter.show(self._notice("reply.erase_personal_only"))
        elif verb == verbs.ERASE_CANCEL:
            await presenter.show(self._notice("reply.erase_cancelled"))
        elif isinstance(data, EraseData):
            await self._erase(context, presenter, actor, data.fingerprint)

    async def _erase(
        self, context: TurnContext, presenter: Presenter, actor: Actor, fingerprint: str
    ) -> None:
        try:
            plan = await self.erasure.erase(actor, fingerprint)
        except NothingToErase:
            await presenter.show(self._notice(NothingToErase.message_id))
            return
        except ErasurePlanChanged as changed:
            await presenter.show(build_erasure_card(self.cat, changed.plan, changed=True))
            return
        await self.conversation_state.load(context)  # botbuilder's delete needs it loaded
        await self.conversation_state.delete(context)  # this chat's state, and the turn's copy
        log.info("erased a person's answers and record")
        await presenter.show(build_erasure_done_card(self.cat, plan))

    def _notice(self, message_id: str) -> dict[str, Any]:
        return build_notice_card(self.cat, self.cat.text(message_id))
