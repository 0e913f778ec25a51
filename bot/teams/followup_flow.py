"""`stop reminders` / `start reminders`, typed or pressed on a reminder card (issue 11).

Reminders are the person's own: this works anywhere the person writes to the bot and changes
only their `Person` record. Stopping twice is refused with an explanation (nothing stored).
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment.action_status import StatusOutOfOrder, UnknownStatus
from assessment.followup import FollowUpService
from assessment.model import Partnership
from bot.teams.card_actions import card_action
from bot.teams.identity import Place
from bot.teams.lead_flow import LeadFlow
from bot.teams.turn import Turn
from cards import build_notice_card, verbs
from cards.actions import ActionStatusData, NoData
from messages import Catalogue
from messages.formatting import component_name, explain


@dataclass
class FollowUpFlow:
    followup: FollowUpService
    cat: Catalogue
    lead: LeadFlow

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

    # -- the action's status (C detail card, review-date card) ----------------------------

    @card_action(verbs.ACTION_STATUS, ActionStatusData, notes_membership=False)
    async def action_status(self, turn: Turn, data: ActionStatusData) -> None:
        """One step along the cycle; refused out of order (explained on the card)."""
        leads = self.lead.leads
        partnership_id = partnership_of(turn.place)
        round_ = await leads.led_round(turn.actor, data.round_id, partnership_id)
        try:
            saved = await leads.set_action_status(
                turn.actor, round_.id, data.component_id, data.status,
                from_partnership=partnership_id,
            )
        except (StatusOutOfOrder, UnknownStatus) as refusal:
            notice = explain(self.cat, refusal)
        else:
            status = self.cat.text(f"status.{saved.action_status}")
            name = component_name(self.cat, leads.assessment.framework, data.component_id)
            notice = self.cat.text("reply.status_saved", component=name, status=status)
        await self.lead.show_detail(
            turn.presenter, turn.actor, round_, data.component_id, notice=notice
        )


def partnership_of(place: Place) -> str | None:
    """The team or group chat a card was pressed in (None in a 1:1 chat)."""
    if place.kind is None or place.external_id is None:
        return None
    return Partnership.make_id(place.tenant_id, place.kind, place.external_id)
