"""`stop reminders` / `start reminders`, typed or pressed on a reminder card (issue 11).

Reminders are the person's own: this works anywhere the person writes to the bot and changes
only their `Person` record. Stopping twice is refused with an explanation (nothing stored).
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment.followup import FollowUpService
from bot.teams.card_actions import card_action
from bot.teams.turn import Turn
from cards import build_notice_card, verbs
from cards.actions import NoData
from messages import Catalogue


@dataclass
class FollowUpFlow:
    followup: FollowUpService
    cat: Catalogue

    async def stop_reminders(self, turn: Turn) -> None:
        await self.followup.stop_reminders(turn.actor)
        await turn.presenter.say(self.cat.text("reply.reminders_stopped"))

    async def start_reminders(self, turn: Turn) -> None:
        await self.followup.start_reminders(turn.actor)
        await turn.presenter.say(self.cat.text("reply.reminders_started"))

    @card_action(verbs.STOP_REMINDERS, NoData, notes_membership=False)
    async def stop_pressed(self, turn: Turn, data: NoData) -> None:
        await self.followup.stop_reminders(turn.actor)
        stopped = self.cat.text("reply.reminders_stopped")
        await turn.presenter.show(build_notice_card(self.cat, stopped))
