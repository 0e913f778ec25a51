"""`delete my answers` in a 1:1 chat: the confirmation card, then the erasure or nothing.

Confirm and Cancel are handled before the turn notes the person's chat (see activity_handler.py), so
a repeated Delete finds nothing left and says so rather than re-creating their record.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from botbuilder.core import ConversationState, TurnContext

from assessment.erasure import ErasurePlanChanged, ErasureService, NothingToErase
from assessment.model import Actor
from bot.teams.card_actions import card_action
from bot.teams.identity import PERSONAL
from bot.teams.presenter import Presenter
from bot.teams.turn import Turn
from cards import build_notice_card, verbs
from cards.actions import EraseData, NoData
from cards.erasure import build_erasure_card, build_erasure_done_card
from messages import Catalogue

log = logging.getLogger(__name__)
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

    async def ask(self, turn: Turn) -> None:
        """Show what would be removed (1:1 chat only: the card lists round titles)."""
        presenter, place, actor = turn.presenter, turn.place, turn.actor
        if place.scope != PERSONAL:
            await presenter.say(self.cat.text("reply.erase_personal_only"))
            return
        plan = await self.erasure.plan(actor)
        if plan.is_empty:
            await presenter.say(self.cat.text(NothingToErase.message_id))
            return
        await presenter.show(build_erasure_card(self.cat, plan))

    # -- the buttons: handled without noting the chat, which erasure must not re-create --

    @card_action(verbs.ERASE, EraseData, notes_membership=False)
    async def erase(self, turn: Turn, data: EraseData) -> None:
        if turn.place.scope != PERSONAL:
            await turn.presenter.show(self._notice("reply.erase_personal_only"))
            return
        await self._erase(turn.context, turn.presenter, turn.actor, data.fingerprint)

    @card_action(verbs.ERASE_CANCEL, NoData, notes_membership=False)
    async def cancel(self, turn: Turn, data: NoData) -> None:
        if turn.place.scope != PERSONAL:
            await turn.presenter.show(self._notice("reply.erase_personal_only"))
            return
        await turn.presenter.show(self._notice("reply.erase_cancelled"))

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
