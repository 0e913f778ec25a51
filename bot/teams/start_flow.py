"""Starting or resuming: the start dialog in a 1:1 chat, reached from wherever Start was said."""

from __future__ import annotations

from dataclasses import dataclass

from botbuilder.core import ConversationState, StatePropertyAccessor, TurnContext
from botbuilder.dialogs import DialogSet

from assessment.errors import NoOpenRound
from assessment.model import Actor
from assessment.service import AssessmentService
from bot.botframework.dialog_runner import run_dialog
from bot.teams.card_actions import card_action
from bot.teams.identity import PERSONAL
from bot.teams.membership import Membership
from bot.teams.presenter import Presenter, is_card_action
from bot.teams.proactive import Proactive
from bot.teams.shared_posts import SharedPosts
from bot.teams.turn import Turn
from cards import verbs
from cards.actions import AgencyData, RoundData
from dialogs.start_dialog import StartDialog
from dialogs.turn import TURN_KEY, TurnInfo
from messages import Catalogue


@dataclass
class StartFlow:
    service: AssessmentService
    cat: Catalogue
    membership: Membership
    proactive: Proactive
    conversation_state: ConversationState
    dialog: StartDialog
    posts: SharedPosts

    def __post_init__(self) -> None:
        self.dialog_state: StatePropertyAccessor = self.conversation_state.create_property(
            "DialogState"
        )

    async def start(self, turn: Turn, round_id: str | None = None) -> None:
        """In a 1:1 chat, walk in here; in a team, carry on in the person's 1:1 chat."""
        context, presenter, place, actor = turn.context, turn.presenter, turn.place, turn.actor
        if place.scope == PERSONAL:
            await self.cancel(context)
            await self.run(context, presenter, actor, round_id=round_id)
            return
        partnership = await self.membership.partnership(place)
        if round_id is None:
            current = await self.service.current_round(partnership.id)
            if current is None:
                raise NoOpenRound()
            round_id = current.id
        await self.service.answerable_round(actor, round_id, from_partnership=partnership.id)
        chosen = round_id
        await self.proactive.in_personal_chat(
            context, actor, lambda chat: self._start_in_chat(chat, actor, chosen)
        )
        if not is_card_action(context.activity):
            await presenter.say(self.cat.text("reply.start_sent"))

    # -- the buttons that lead into the start dialog -----------------------------------

    @card_action(verbs.START, RoundData)
    async def start_pressed(self, turn: Turn, data: RoundData) -> None:
        """Start on an announcement: the presser's copy says, by the button, where to carry
        on; the announcement stays as it was for everybody else."""
        await self.start(turn, round_id=data.round_id)
        if turn.place.scope != PERSONAL:
            round_ = await self.service.store.get_round(data.round_id)
            if round_ is not None:
                note = self.cat.text("reply.start_sent") if round_.is_open else None
                shown = await self.posts.announcement(round_, closed=not round_.is_open, note=note)
                await turn.presenter.show(shown)

    @card_action(verbs.CHOOSE_ROUND, RoundData)
    async def round_chosen(self, turn: Turn, data: RoundData) -> None:
        await self._carry_on(turn, data.round_id, None)

    @card_action(verbs.AGENCY, AgencyData)
    async def agency_chosen(self, turn: Turn, data: AgencyData) -> None:
        await self._carry_on(turn, data.round_id, data.agency or None)

    async def _carry_on(self, turn: Turn, round_id: str, agency: str | None) -> None:
        """The dialog's own card: continue it, or begin again from what the card settled."""
        if await self.active(turn.context):
            await self.run(turn.context, turn.presenter, turn.actor)
        else:
            await self.run(turn.context, turn.presenter, turn.actor, round_id, agency)

    async def run(
        self,
        context: TurnContext,
        presenter: Presenter,
        actor: Actor,
        round_id: str | None = None,
        agency: str | None = None,
    ) -> None:
        """Continue the start dialog, or begin it with what this turn already settled."""
        context.turn_state[TURN_KEY] = TurnInfo(actor, presenter, round_id, agency)
        await run_dialog(self.dialog, context, self.dialog_state)

    async def active(self, context: TurnContext) -> bool:
        dialog_context = await DialogSet(self.dialog_state).create_context(context)
        return dialog_context.active_dialog is not None

    async def cancel(self, context: TurnContext) -> None:
        dialogs = DialogSet(self.dialog_state)
        dialogs.add(self.dialog)
        await (await dialogs.create_context(context)).cancel_all_dialogs()

    async def _start_in_chat(self, context: TurnContext, actor: Actor, round_id: str) -> None:
        await self.conversation_state.load(context)
        await self.cancel(context)
        await self.run(context, Presenter(context), actor, round_id=round_id)
        await self.conversation_state.save_changes(context)
