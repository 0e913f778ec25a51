"""`report` from a lead in Teams: a card of signed download links, in the lead's 1:1 chat.

In a channel or group chat the card would be seen by everyone there, so it goes to the
lead's 1:1 chat and the channel only hears that it was sent. Refusals (not a lead, another
partnership's round, an unknown format) are raised for the bot to explain, as for `summary`.
"""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import TurnContext

from assessment.model import Round
from bot.teams.card_actions import card_action
from bot.teams.identity import PERSONAL
from bot.teams.lead_flow import LeadFlow
from bot.teams.presenter import Presenter, is_card_action
from bot.teams.proactive import Proactive
from bot.teams.turn import Turn
from cards import verbs
from cards.actions import RoundData
from cards.report import build_report_card
from messages import Catalogue
from reporting.downloads import ReportLinks
from reporting.formats import ReportFormat
from reporting.links import LINK_LIFETIME


@dataclass
class ReportFlow:
    links: ReportLinks
    lead: LeadFlow
    cat: Catalogue
    proactive: Proactive

    async def command(self, turn: Turn, argument: str) -> None:
        """`report` (every format) or `report pdf`: links for the latest round led here."""
        presenter, place, actor = turn.presenter, turn.place, turn.actor
        formats = [ReportFormat.parse(argument)] if argument else list(ReportFormat)
        asked = await self.lead._asked_round(place, actor)
        if asked is None:
            await presenter.say(self.cat.text("reply.no_round_led"))
            return
        leads = self.links.reports.lead
        round_ = await leads.led_round(actor, asked.id, await self.lead._partnership_id(place))
        if await self._send(turn, round_, formats):
            await presenter.say(self.cat.text("report.link.sent_privately"))

    @card_action(verbs.REPORT, RoundData, notes_membership=False)
    async def pressed(self, turn: Turn, data: RoundData) -> None:
        """Report on the summary: the links go to the lead alone, and the summary stays in
        place saying so by its buttons."""
        leads = self.links.reports.lead
        partnership_id = await self.lead._partnership_id(turn.place)
        round_ = await leads.led_round(turn.actor, data.round_id, partnership_id)
        await self._send(turn, round_, list(ReportFormat))
        minutes = int(LINK_LIFETIME.total_seconds() // 60)
        sent = self.cat.text("card.summary.report_sent", minutes=minutes)
        await self.lead.show_summary(turn.presenter, turn.actor, round_, notice=sent)

    async def _send(self, turn: Turn, round_: Round, formats: list[ReportFormat]) -> bool:
        """The links card: shown here in a 1:1 chat, else sent to the lead's 1:1 chat (True)."""
        presenter, place, actor = turn.presenter, turn.place, turn.actor
        leads = self.links.reports.lead
        has_responses = bool(await leads.store.responses_of(round_.id))
        card = build_report_card(
            self.cat,
            round_.title,
            {f.value: self.links.url(round_, f, actor, self.cat.language) for f in formats},
            minutes=int(LINK_LIFETIME.total_seconds() // 60),
            has_responses=has_responses,
        )
        if place.scope == PERSONAL:
            if is_card_action(turn.context.activity):
                await presenter.post(card)  # below the summary, which stays in place
            else:
                await presenter.show(card)
            return False

        async def show_privately(chat: TurnContext) -> None:
            await Presenter(chat).show(card)

        await self.proactive.in_personal_chat(turn.context, actor, show_privately)
        return True
