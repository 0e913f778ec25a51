"""`report` from a lead in Teams: a card of signed download links, in the lead's 1:1 chat.

In a channel or group chat the card would be seen by everyone there, so it goes to the
lead's 1:1 chat and the channel only hears that it was sent. Refusals (not a lead, another
partnership's round, an unknown format) are raised for the bot to explain, as for `summary`.
"""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import TurnContext

from bot.teams.identity import PERSONAL
from bot.teams.lead_flow import LeadFlow
from bot.teams.presenter import Presenter
from bot.teams.proactive import Proactive
from bot.teams.turn import Turn
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
        has_responses = bool(await leads.store.responses_of(round_.id))
        card = build_report_card(
            self.cat,
            round_.title,
            {f.value: self.links.url(round_, f, actor, self.cat.language) for f in formats},
            minutes=int(LINK_LIFETIME.total_seconds() // 60),
            has_responses=has_responses,
        )
        if place.scope == PERSONAL:
            await presenter.show(card)
            return

        async def show_privately(chat: TurnContext) -> None:
            await Presenter(chat).show(card)

        await self.proactive.in_personal_chat(turn.context, actor, show_privately)
        await presenter.say(self.cat.text("report.link.sent_privately"))
