"""Follow-through in Teams (issue 11): `stop reminders` / `start reminders` (typed, or pressed
on a reminder card), the lead's Remind button reaching members 1:1, the action-status button,
the `agencies` list and `stop digest`.

Reminders are the person's own: stopping works anywhere the person writes to the bot and
changes only their `Person` record. Every refusal (stopping twice, a skipped status step, an
unknown agency, a second Remind the same day) is explained and stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessment.action_prompts import EXPECTED_AGENCIES
from assessment.action_status import StatusOutOfOrder, UnknownStatus
from assessment.agency_list import split_typed
from assessment.dates import long_day
from assessment.errors import NoOpenRound
from assessment.followup import FollowUpService
from assessment.model import Actor, Partnership, Round
from assessment.reminders import london_today
from bot.teams.card_actions import card_action
from bot.teams.identity import Place
from bot.teams.language_flow import language_for
from bot.teams.lead_flow import LeadFlow
from bot.teams.reminder_sender import Outcome, send_into
from bot.teams.turn import Turn
from cards import build_notice_card, verbs
from cards.actions import ActionStatusData, AgenciesData, NoData
from cards.agencies import build_agencies_card
from cards.reminders import build_start_reminder_card
from messages import Catalogue
from messages.catalogue import speaking
from messages.formatting import component_name, explain


@dataclass
class FollowUpFlow:
    followup: FollowUpService
    cat: Catalogue
    lead: LeadFlow

    def __post_init__(self) -> None:
        self.lead.on_remind = self.remind_non_starters

    async def remind_non_starters(self, actor: Actor, round_: Round, agency: str) -> str:
        """After a lead pressed Remind <agency>: a 1:1 card to each member who has not
        started (once a day per agency and per person); the confirmation to show the lead."""
        _, targets = await self.followup.claim_agency_reminder(actor, round_, agency)
        sent = 0
        for target in targets:
            if target.person.conversation is None or not await self.followup.claim(target):
                continue
            with speaking(language_for(target.person, self.cat.own_locale)):  # issue 13
                card = build_start_reminder_card(self.cat, round_)
            outcome, _ = await send_into(self.lead.proactive, target.person.conversation, card)
            if outcome is Outcome.SENT:
                await self.followup.store.confirm_reminder(target.claim.key)
                sent += 1
            elif outcome is Outcome.REFUSED:
                await self.followup.chat_refused(target.person)
            else:
                await self.followup.release(target)
        today = long_day(london_today(self.followup.assessment.clock()), self.cat.locale)
        return self.cat.text("reply.reminded_people", count=sent, date=today)

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
        except StatusOutOfOrder as refusal:  # the statuses in the reader's words
            words = {k: self.cat.text(f"status.{v}") for k, v in refusal.params.items()}
            notice = self.cat.text(refusal.message_id, **words)
        except UnknownStatus as refusal:
            notice = explain(self.cat, refusal)
        else:
            status = self.cat.text(f"status.{saved.action_status}")
            name = component_name(self.cat, leads.assessment.framework, data.component_id)
            notice = self.cat.text("reply.status_saved", component=name, status=status)
        await self.lead.show_detail(
            turn.presenter, turn.actor, round_, data.component_id, notice=notice
        )

    # -- the weekly digest -------------------------------------------------------------------

    async def stop_digest(self, turn: Turn) -> None:
        """`stop digest`: the open round's leads stop its weekly note (refused if none runs)."""
        partnership_id = partnership_of(turn.place)
        if partnership_id is None:
            await turn.presenter.say(self.cat.text("reply.team_only"))
            return
        round_ = await self.followup.assessment.current_round(partnership_id)
        if round_ is None:
            raise NoOpenRound()
        await self.followup.stop_digest(turn.actor, round_)
        await turn.presenter.say(self.cat.text("reply.digest_stopped", title=round_.title))

    # -- the partnership's agency list -----------------------------------------------------

    async def agencies_command(self, turn: Turn, argument: str) -> None:
        """`agencies` shows the list to tick; `agencies police, health` sets it. In the
        partnership's channel or chat, for the leads of its latest round."""
        partnership_id = partnership_of(turn.place)
        if partnership_id is None:
            await turn.presenter.say(self.cat.text("reply.team_only"))
            return
        leads = self.lead.leads
        latest = await leads.latest_round(partnership_id)
        round_ = await leads.led_round(turn.actor, latest.id, partnership_id)
        notice = None
        if argument:
            await self.followup.set_agencies(turn.actor, round_, split_typed(argument))
            notice = self.cat.text("reply.agencies_saved")
        await self._show_agencies(turn, round_, notice)

    @card_action(verbs.AGENCIES, AgenciesData, notes_membership=False)
    async def agencies_saved(self, turn: Turn, data: AgenciesData) -> None:
        leads = self.lead.leads
        round_ = await leads.led_round(turn.actor, data.round_id, partnership_of(turn.place))
        await self.followup.set_agencies(turn.actor, round_, data.agencies.split(","))
        await self._show_agencies(turn, round_, self.cat.text("reply.agencies_saved"))

    async def _show_agencies(self, turn: Turn, round_: Round, notice: str | None) -> None:
        partnership = await self.lead.leads.store.get_partnership(round_.partnership_id)
        own = partnership.agencies if partnership is not None else None
        chosen = own if own is not None else EXPECTED_AGENCIES
        card = build_agencies_card(
            self.cat, round_.id, chosen, default=own is None, notice=notice
        )
        await turn.presenter.show(card)


def partnership_of(place: Place) -> str | None:
    """The team or group chat a card was pressed in (None in a 1:1 chat)."""
    if place.kind is None or place.external_id is None:
        return None
    return Partnership.make_id(place.tenant_id, place.kind, place.external_id)
