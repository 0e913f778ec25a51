"""The partnership lead's commands and buttons: summary, one C in detail, agreed positions,
co-leads and reminders. Every call checks the person leads the round (or is an administrator).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo

from assessment.errors import AssessmentError, UnknownComponent
from assessment.lead_service import LeadService
from assessment.model import Actor, Partnership, Round
from assessment.position_edit import EditOutcome
from assessment.position_errors import StaleForm
from assessment.position_form import PositionForm
from bot.teams.card_actions import card_action
from bot.teams.identity import PERSONAL, Place, mentioned_people
from bot.teams.presenter import Presenter
from bot.teams.proactive import Proactive
from bot.teams.shared_posts import SharedPosts
from bot.teams.turn import Turn
from cards import (
    build_detail_card,
    build_stale_position_card,
    build_summary_card,
    verbs,
)
from cards.actions import DetailData, PositionData, RemindData, RoundData
from messages import Catalogue
from messages.formatting import component_name, explain


@dataclass
class LeadFlow:
    leads: LeadService
    cat: Catalogue
    proactive: Proactive
    posts: SharedPosts
    offers_report: bool = False
    """Whether the summary offers the board's report (the bot serves report links)."""
    on_remind: Callable[[Actor, Round, str], Awaitable[str | None]] | None = None
    """Issue 11: reminds members who have not started 1:1 and says how many (or refuses a
    second press for the agency that day before anything is sent)."""

    @property
    def framework(self) -> Any:
        return self.leads.assessment.framework

    async def summary_command(self, turn: Turn, argument: str) -> None:
        """`summary` or `summary C4`: this team's latest round, or (1:1) the newest one led."""
        presenter, place, actor = turn.presenter, turn.place, turn.actor
        round_ = await self._asked_round(place, actor)
        if round_ is None:
            await presenter.say(await self._not_led_reply(actor))
            return
        if not argument:
            await self.show_summary(presenter, actor, round_)
            return
        component = self.framework.find(argument)
        if component is None:
            raise UnknownComponent(component=argument)
        await self.show_detail(presenter, actor, round_, component.id)

    async def _not_led_reply(self, actor: Actor) -> str:
        """For someone who leads no round: who leads the round they can answer, if any."""
        for round_ in await self.leads.assessment.open_rounds_for(actor):
            if round_.lead_names:
                leads = ", ".join(round_.lead_names.values())
                return self.cat.text("reply.ask_the_lead", title=round_.title, leads=leads)
        return self.cat.text("reply.no_round_led")

    async def show_summary(
        self,
        presenter: Presenter,
        actor: Actor,
        round_: Round,
        reminded: dict[str, datetime] | None = None,
        notice: str | None = None,
    ) -> None:
        summary = await self.leads.summary(actor, round_.id)
        name = await self._partnership_name(round_)
        card = build_summary_card(
            self.cat,
            self.framework,
            summary,
            partnership_name=name,
            reminded=reminded,
            report=self.offers_report,
            notice=notice,
            progress=await self.leads.progression_all(actor, round_.id),  # issue 11
        )
        await presenter.show(card)

    async def show_detail(
        self,
        presenter: Presenter,
        actor: Actor,
        round_: Round,
        component_id: str,
        notice: str | None = None,
    ) -> None:
        detail = await self.leads.detail(actor, round_.id, component_id)
        progress = await self.leads.progression(actor, round_.id, component_id)  # issue 11
        card = build_detail_card(
            self.cat, self.framework, round_, detail, show_names=round_.named, notice=notice,
            progress=progress,
        )
        await presenter.show(card)

    # -- the buttons on a lead's cards (refusals are raised for the caller to explain; an
    # -- old lead card's button makes no one a member again) ------------------------------

    @card_action(verbs.SUMMARY, RoundData, notes_membership=False)
    async def refresh_summary(self, turn: Turn, data: RoundData) -> None:
        round_ = await self._led_round(turn, data)
        await self.show_summary(turn.presenter, turn.actor, round_)

    @card_action(verbs.DETAIL, DetailData, notes_membership=False)
    async def detail(self, turn: Turn, data: DetailData) -> None:
        round_ = await self._led_round(turn, data)
        await self.show_detail(turn.presenter, turn.actor, round_, data.component_id)

    @card_action(verbs.POSITION, PositionData, notes_membership=False)
    async def position(self, turn: Turn, data: PositionData) -> None:
        round_ = await self._led_round(turn, data)
        await self._record(turn.presenter, turn.actor, round_, data)

    @card_action(verbs.REMIND, RemindData, notes_membership=False)
    async def remind(self, turn: Turn, data: RemindData) -> None:
        round_ = await self._led_round(turn, data)
        await self._remind(turn.presenter, turn.actor, round_, data.agency)

    async def _led_round(self, turn: Turn, data: RoundData) -> Round:
        partnership_id = await self._partnership_id(turn.place)
        return await self.leads.led_round(turn.actor, data.round_id, partnership_id)

    async def add_leads(self, turn: Turn) -> None:
        """`add lead @name …`: each mentioned team member becomes a co-lead of the round."""
        context, presenter, place, actor = turn.context, turn.presenter, turn.place, turn.actor
        round_ = await self._asked_round(place, actor)
        if round_ is None:
            await presenter.say(await self._not_led_reply(actor))
            return
        await self.leads.assessment.require_current_lead(round_, actor)
        mentioned = mentioned_people(context.activity)
        if not mentioned:
            await presenter.say(self.cat.text("reply.add_lead_usage"))
            return
        added = []
        for account in mentioned:
            member = await _member(context, str(account.get("id")))
            name = str(account.get("name") or "")
            if member is None or not member.aad_object_id:
                await presenter.say(self.cat.text("reply.add_lead_unknown", name=name))
                continue
            new_lead = Actor(actor.tenant_id, member.aad_object_id, member.name or name)
            round_ = await self.leads.assessment.add_lead(round_.id, actor, new_lead)
            added.append(new_lead.name or "-")
        if added:
            await presenter.say(
                self.cat.text("reply.lead_added", names=", ".join(added), title=round_.title)
            )

    async def _record(
        self, presenter: Presenter, actor: Actor, round_: Round, data: PositionData
    ) -> None:
        form = PositionForm(
            opened_revision=data.rev,
            score=data.score,
            evidence=data.evidence,
            accountability=data.accountability,
            stakeholders=data.stakeholders,
            action_plan=data.action_plan,
            timeframe=data.timeframe,
            review_dates=data.review_dates(),
        )
        try:
            outcome = await self.leads.record_position(actor, round_.id, data.component_id, form)
        except StaleForm as stale:
            detail = await self.leads.detail(actor, round_.id, data.component_id)
            await presenter.show(
                build_stale_position_card(self.cat, self.framework, round_, detail, stale)
            )
            return
        except AssessmentError as refusal:  # a bad score or date: show the form as typed
            await self._show_form_again(presenter, actor, round_, data, explain(self.cat, refusal))
            return
        await self.show_detail(
            presenter, actor, round_, data.component_id, self._saved(outcome, data.component_id)
        )

    async def _show_form_again(
        self, presenter: Presenter, actor: Actor, round_: Round, data: PositionData, why: str
    ) -> None:
        detail = await self.leads.detail(actor, round_.id, data.component_id)
        typed = data.model_dump(by_alias=True, exclude={"round_id", "component_id", "rev"})
        draft = {key: value for key, value in typed.items() if isinstance(value, str)}
        card = build_detail_card(
            self.cat,
            self.framework,
            round_,
            detail,
            show_names=round_.named,
            notice=why,
            draft=draft,
            opened_revision=data.rev,
        )
        await presenter.show(card)

    def _saved(self, outcome: EditOutcome, component_id: str) -> str:
        if outcome.change is None:
            return self.cat.text("reply.position_unchanged")
        if outcome.merged:
            return self.cat.text("reply.position_merged")
        name = component_name(self.cat, self.framework, component_id)
        return self.cat.text("reply.position_saved", component=name)

    async def _remind(self, presenter: Presenter, actor: Actor, round_: Round, agency: str) -> None:
        """Post a reminder where the round was announced (wherever the summary is), then
        show the summary again with "Reminder sent to …" under the button pressed."""
        notice = await self.on_remind(actor, round_, agency) if self.on_remind else None
        await self.leads.record_reminder(actor, round_.id, agency)
        label_id = f"agency.{agency}"

        def write(cat: Catalogue) -> str:
            label = cat.text(label_id) if cat.has(label_id) else agency
            return cat.text("reply.reminder", title=round_.title, agency=label)

        reminder = await self.posts.text(round_.partnership_id, write)
        if round_.conversation is None:
            await presenter.say(reminder)
        else:
            await self.proactive.in_conversation(round_.conversation, _say(reminder))
        sent = self.leads.assessment.clock()
        await self.show_summary(presenter, actor, round_, reminded={agency: sent}, notice=notice)

    async def _asked_round(self, place: Place, actor: Actor) -> Round | None:
        """In a team: its latest round. In a 1:1 chat: the newest round the person leads."""
        service = self.leads.assessment
        if place.scope == PERSONAL or place.kind is None or place.external_id is None:
            led = await service.rounds_led_by(actor)
            return led[0] if led else None
        partnership = await service.ensure_partnership(
            place.tenant_id, place.kind, place.external_id, place.name
        )
        return await self.leads.latest_round(partnership.id)

    async def _partnership_id(self, place: Place) -> str | None:
        """The team or group chat the card was pressed in (None in a 1:1 chat)."""
        if place.kind is None or place.external_id is None:
            return None
        return Partnership.make_id(place.tenant_id, place.kind, place.external_id)

    async def _partnership_name(self, round_: Round) -> str | None:
        partnership = await self.leads.store.get_partnership(round_.partnership_id)
        return partnership.name if partnership is not None else None


def _say(text: str) -> Callable[[TurnContext], Awaitable[None]]:
    async def say(context: TurnContext) -> None:
        await Presenter(context).say(text)

    return say


async def _member(context: TurnContext, member_id: str) -> Any:
    """The mentioned account as a team member (with its AAD id), or None if not found."""
    try:
        return await TeamsInfo.get_member(context, member_id)
    except Exception:  # not a member, or Teams would not say: the caller explains
        return None
