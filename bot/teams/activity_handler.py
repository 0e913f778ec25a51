"""The Teams activity handler: reads who and where, then routes to a flow.

Logs carry verbs and error types only: never names, ids, or what people typed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from botbuilder.core import (
    ActivityHandler,
    ConversationState,
    InvokeResponse,
    TurnContext,
)

from assessment.erasure import ErasureService
from assessment.errors import AssessmentError
from assessment.followup import FollowUpService
from assessment.lead_service import LeadService
from assessment.model import Actor
from assessment.service import AssessmentService
from bot.teams.card_actions import CardActions
from bot.teams.commands import Command, Verb, parse_command
from bot.teams.erasure_flow import ErasureFlow, chat_state_keys
from bot.teams.followup_flow import FollowUpFlow
from bot.teams.identity import (
    PERSONAL,
    Place,
    actor_of,
    mentions_bot,
    place_of,
    text_without_mentions,
)
from bot.teams.language_flow import LanguageFlow
from bot.teams.lead_flow import LeadFlow
from bot.teams.membership import Membership
from bot.teams.practitioner_flow import PractitionerFlow
from bot.teams.presenter import Presenter, is_card_action, is_card_submit
from bot.teams.proactive import Proactive
from bot.teams.report_flow import ReportFlow
from bot.teams.rounds_flow import RoundsFlow
from bot.teams.shared_posts import SharedPosts
from bot.teams.start_flow import StartFlow
from bot.teams.tenants import refuse_tenant, tenant_allowed
from bot.teams.turn import Turn
from cards import (
    build_help_card,
    build_notice_card,
    build_welcome_card,
)
from cards.actions import (
    MAX_PAYLOAD_BYTES,
    InvalidPayload,
    PayloadTooLarge,
    action_of,
    is_storable_text,
)
from cards.audit import AUDIT_CARD_ENTRIES, build_audit_card
from dialogs.start_dialog import StartDialog
from messages import Catalogue
from messages.catalogue import DEFAULT_LOCALE, language_of, speaking
from messages.formatting import explain
from reporting.downloads import ReportLinks

log = logging.getLogger(__name__)

LEAD_COMMANDS = frozenset({Verb.SUMMARY, Verb.ADD_LEAD, Verb.CLOSE_ROUND, Verb.REPORT})
"""Typed lead commands check membership; they never make the sender a member again."""
CONTENT_ONLY_TYPES = frozenset({"text/html"})
"""Teams adds a text/html copy of formatted messages; anything else is a file or card."""


@dataclass
class TwelveCsBot(ActivityHandler):  # type: ignore[misc]
    service: AssessmentService
    leads: LeadService
    cat: Catalogue
    conversation_state: ConversationState
    proactive: Proactive
    allowed_tenants: frozenset[str] | None = None
    """Tenants served (None: any); see `Settings.tenant_allow_list`."""
    default_language: str = DEFAULT_LOCALE
    """For people whose Teams language the bot does not speak (`TWELVECS_LOCALE`)."""
    bilingual_posts: bool = True
    """Announcements and reminders in Welsh and English (`TWELVECS_BILINGUAL_POSTS`)."""
    followup: FollowUpService | None = None
    """Follow-through (issue 11): carry-forward and `stop reminders`; None in bare test bots."""
    report_links: ReportLinks | None = None
    """The board's report download links (None: `report` is not offered)."""

    def __post_init__(self) -> None:
        language = language_of(self.default_language) or DEFAULT_LOCALE
        posts = self.posts = SharedPosts(self.service, self.cat, self.bilingual_posts, language)
        self.practitioner = PractitionerFlow(self.service, self.cat)
        self.rounds = RoundsFlow(self.service, self.cat, posts)
        self.lead = LeadFlow(self.leads, self.cat, self.proactive, posts)
        self.membership = Membership(self.service)
        dialog = StartDialog(self.service, self.cat, self.practitioner)
        self.start_flow = StartFlow(
            self.service,
            self.cat,
            self.membership,
            self.proactive,
            self.conversation_state,
            dialog,
            posts,
        )
        forget = self.followup.store.forget_reminders if self.followup is not None else None
        self.erasure = ErasureFlow(
            ErasureService(self.service, chat_state_keys, forget), self.cat, self.conversation_state
        )
        self.language = LanguageFlow(self.service, self.cat, self.membership, language)
        flows: list[object] = [
            self.practitioner, self.lead, self.start_flow, self.erasure, self.language
        ]
        self.followup_flow = (
            FollowUpFlow(self.followup, self.cat, self.lead) if self.followup is not None else None
        )
        if self.followup_flow is not None:
            flows.append(self.followup_flow)
            self.rounds.followup = self.followup
        self._flows = flows
        self.card_actions = CardActions(*flows)
        self.report: ReportFlow | None = None
        if self.report_links is not None:
            self.offer_reports(self.report_links)

    def offer_reports(self, links: ReportLinks) -> None:
        """Serve the board's report: the `report` command and the summary's Report button."""
        self.report_links = links
        self.report = ReportFlow(links, self.lead, self.cat, self.proactive)
        self.lead.offers_report = True
        self.card_actions = CardActions(*self._flows, self.report
        )

    async def on_turn(self, turn_context: TurnContext) -> None:
        # -- tenant allow-list: before anything is read or stored --
        activity = turn_context.activity
        if not tenant_allowed(activity, self.allowed_tenants):
            with speaking(language_of(activity.locale)):
                await refuse_tenant(turn_context, self.cat)
            return
        language = await self.language.of_turn(activity, place_of(activity), actor_of(activity))
        with speaking(language):  # every card and reply of this turn, in the person's language
            await super().on_turn(turn_context)
            await self.conversation_state.save_changes(turn_context)

    # -- messages -----------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        place, actor = place_of(activity), actor_of(activity)
        presenter = Presenter(turn_context)
        if is_card_submit(activity):
            await self._card_action(turn_context, presenter, place, actor, invoke=False)
            return
        if place.scope != PERSONAL and not mentions_bot(activity):
            return  # channel talk not addressed to the bot is none of its business
        if _has_files(activity):
            await presenter.say(self.cat.text("reply.attachment"))
            return
        text = text_without_mentions(activity)
        if not is_storable_text(text):  # a lone surrogate would fail in the store, not here
            await presenter.say(self.cat.text("reply.message_invalid_text"))
            return
        if actor is None:
            await presenter.say(self.cat.text("reply.identity_missing"))
            return
        turn = Turn(turn_context, presenter, place, actor)
        command = parse_command(text) if text else None
        if command is None or command.verb not in LEAD_COMMANDS:  # asking is not joining
            await self.membership.note(turn)
        if not text:
            await self._help(presenter, place, "reply.empty_message", actor)
            return
        await self._command(turn, command)

    async def _command(self, turn: Turn, command: Command | None) -> None:
        log.info("command %s in %s", command.verb if command else "none", turn.place.scope)
        try:
            await self._run_command(turn, command)
        except AssessmentError as refusal:
            await turn.presenter.say(explain(self.cat, refusal))

    async def _run_command(self, turn: Turn, command: Command | None) -> None:
        presenter, place, actor = turn.presenter, turn.place, turn.actor
        personal = place.scope == PERSONAL
        if command is None:
            if personal and await self.start_flow.active(turn.context):
                await self.start_flow.run(turn.context, presenter, actor)
            else:
                await self._help(presenter, place, "reply.not_understood", actor)
        elif command.verb == Verb.HELP:
            await self._help(presenter, place, actor=actor)
        elif command.verb in (Verb.START, Verb.RESUME):
            await self.start_flow.start(turn)
        elif command.verb == Verb.MY_ANSWERS:
            if personal:
                await self.practitioner.my_answers(presenter, actor)
            else:
                await presenter.say(self.cat.text("reply.personal_only"))
        elif command.verb in (Verb.OPEN_ROUND, Verb.CLOSE_ROUND):
            await self._round_command(turn, command)
        elif command.verb == Verb.SUMMARY:
            await self.lead.summary_command(turn, command.argument)
        elif command.verb == Verb.ADD_LEAD:
            await self.lead.add_leads(turn)
        elif command.verb == Verb.REPORT and self.report is not None:
            await self.report.command(turn, command.argument)
        elif command.verb == Verb.AUDIT:
            await self._audit_log(presenter, place, actor)
        elif command.verb == Verb.DELETE_MY_ANSWERS:
            await self.erasure.ask(turn)
        elif command.verb == Verb.LANGUAGE:
            await self.language.command(turn, command.argument)
        elif command.verb in (Verb.STOP_REMINDERS, Verb.START_REMINDERS):
            await self._reminders_command(turn, command.verb)
        elif command.verb == Verb.AGENCIES and self.followup_flow is not None:
            await self.followup_flow.agencies_command(turn, command.argument)
        elif command.verb == Verb.STOP_DIGEST and self.followup_flow is not None:
            await self.followup_flow.stop_digest(turn)
        else:
            await self._help(presenter, place, "reply.not_understood", actor)

    async def _round_command(self, turn: Turn, command: Command) -> None:
        place = turn.place
        if place.kind is None or place.external_id is None:
            await turn.presenter.say(self.cat.text("reply.team_only"))
            return
        partnership = await self.membership.partnership(place)
        if command.verb == Verb.OPEN_ROUND:
            await self.rounds.open_round(
                turn, partnership, command.argument, command.named,
                command.closes, command.digest, command.remind_after,
            )
        else:
            await self.rounds.close_round(turn, partnership)

    async def _reminders_command(self, turn: Turn, verb: Verb) -> None:
        if self.followup_flow is None:
            await self._help(turn.presenter, turn.place, "reply.not_understood")
        elif verb == Verb.STOP_REMINDERS:
            await self.followup_flow.stop_reminders(turn)
        else:
            await self.followup_flow.start_reminders(turn)

    # -- card buttons -------------------------------------------------------------------

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        activity = turn_context.activity
        presenter = Presenter(turn_context)
        if not is_card_action(activity):
            return InvokeResponse(status=200)
        place, actor = place_of(activity), actor_of(activity)
        try:
            await self._card_action(turn_context, presenter, place, actor, invoke=True)
        except Exception:  # the person still gets an answer card, not a Teams error banner
            log.exception("card action failed")
            return presenter.invoke_response(lambda: self._notice("reply.busy"))
        return presenter.invoke_response(lambda: self._notice("reply.card_invalid"))

    async def _card_action(
        self,
        context: TurnContext,
        presenter: Presenter,
        place: Place,
        actor: Actor | None,
        *,
        invoke: bool,
    ) -> None:
        try:
            verb, raw = action_of(context.activity.value, invoke=invoke)
            parsed = self.card_actions.parse(verb, raw)
        except PayloadTooLarge:
            await presenter.show(self._notice("reply.card_too_large", limit=MAX_PAYLOAD_BYTES))
            return
        except InvalidPayload as bad:
            log.info("card payload refused: %s", bad)
            await presenter.show(self._notice(bad.message_id))
            return
        if actor is None:
            await presenter.show(self._notice("reply.identity_missing"))
            return
        turn = Turn(context, presenter, place, actor)
        if parsed.action.notes_membership:
            await self.membership.note(turn)
        log.info("card action %s in %s", verb, place.scope)
        try:
            await parsed.run(turn)
        except AssessmentError as refusal:
            await presenter.show(build_notice_card(self.cat, explain(self.cat, refusal)))

    # -- install and membership ---------------------------------------------------------

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        place = place_of(activity)
        await self.membership.members_changed(place, activity)
        bot_id = activity.recipient.id if activity.recipient else None
        if any(m.id == bot_id for m in activity.members_added or []):
            await Presenter(turn_context).post(await self._welcome(place))

    async def _welcome(self, place: Place) -> dict[str, Any]:
        """In a 1:1 chat, in the person's language; in a team, a shared post (both)."""
        if place.kind is None or place.external_id is None:
            return build_welcome_card(self.cat, place.scope)
        partnership = await self.membership.partnership(place)
        return await self.posts.card(
            partnership.id, lambda cat: build_welcome_card(cat, place.scope)
        )

    # -- administrators -----------------------------------------------------------------

    async def _audit_log(self, presenter: Presenter, place: Place, actor: Actor) -> None:
        """`audit`: administrators only, in a 1:1 chat; their tenant's latest entries."""
        if actor.aad_object_id not in self.service.administrators:
            await presenter.say(self.cat.text("reply.audit_admins_only"))
            return
        if place.scope != PERSONAL:
            await presenter.say(self.cat.text("reply.personal_only"))
            return
        entries = await self.service.audit.latest(AUDIT_CARD_ENTRIES, actor.tenant_id)
        await presenter.show(build_audit_card(self.cat, entries))

    # -- helpers ------------------------------------------------------------------------

    async def _help(
        self,
        presenter: Presenter,
        place: Place,
        lead_id: str | None = None,
        actor: Actor | None = None,
    ) -> None:
        """The help card for the place; in a 1:1 chat a lead also gets the lead commands."""
        if lead_id is not None:
            await presenter.say(self.cat.text(lead_id))
        leads = False
        if place.scope == PERSONAL and actor is not None:
            leads = bool(await self.service.rounds_led_by(actor))
        await presenter.show(build_help_card(self.cat, place.scope, leads=leads))

    def _notice(self, message_id: str, **params: Any) -> dict[str, Any]:
        return build_notice_card(self.cat, self.cat.text(message_id, **params))


def _has_files(activity: Any) -> bool:
    return any(
        getattr(a, "content_type", None) not in CONTENT_ONLY_TYPES
        for a in activity.attachments or []
    )
