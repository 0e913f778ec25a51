"""Start or resume: pick the round, ask the agency the first time, then show the current card."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import (
    ComponentDialog,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)

from assessment.errors import AssessmentError
from assessment.model import Actor, Agency, Round
from assessment.service import AssessmentService
from cards import build_agency_card, build_notice_card, build_round_choice_card, verbs
from dialogs.card_prompt import CardPrompt
from dialogs.turn import PositionView, turn_info
from messages import Catalogue
from messages.agency_words import agency_names
from messages.formatting import explain

ROUND_PROMPT = "start.round"
AGENCY_PROMPT = "start.agency"
STATE = "start"


@dataclass
class StartState:
    """What the walk-in has settled so far (kept in the dialog's persisted state)."""

    round_id: str | None = None


class StartDialog(ComponentDialog):  # type: ignore[misc]
    def __init__(self, service: AssessmentService, cat: Catalogue, flow: PositionView) -> None:
        super().__init__(StartDialog.__name__)
        self.service, self.cat, self.flow = service, cat, flow
        steps = [self.round_step, self.agency_step, self.begin_step]
        self.add_dialog(WaterfallDialog("start.steps", steps))
        self.add_dialog(
            CardPrompt(ROUND_PROMPT, verbs.CHOOSE_ROUND, self._recognise_round, self._round_retry)
        )
        self.add_dialog(
            CardPrompt(AGENCY_PROMPT, verbs.AGENCY, self._recognise_agency, self._agency_retry)
        )
        self.initial_dialog_id = "start.steps"

    async def round_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """The round the person pressed, the one they are in, the only open one, or a choice."""
        info = turn_info(step.context)
        step.values[STATE] = StartState()
        if info.round_id:
            return await step.next(info.round_id)
        rounds = await self._candidates(info.actor)
        if not rounds:
            await info.view.show(
                build_notice_card(self.cat, self.cat.text("reply.no_open_round_personal"))
            )
            return await step.end_dialog()
        if len(rounds) == 1:
            return await step.next(rounds[0].id)
        card = await self._round_choice(rounds)
        return await step.begin_dialog(ROUND_PROMPT, (card, {}))

    async def agency_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        info = turn_info(step.context)
        state: StartState = step.values[STATE]
        state.round_id = str(step.result)
        if not await self._answerable(step, state.round_id):
            return await step.end_dialog()
        person = await self.service.person(info.actor)
        if info.agency or person.agency is not None:
            return await step.next(info.agency)
        round_ = await self.service.store.get_round(state.round_id)
        card = build_agency_card(self.cat, state.round_id, round_=round_)
        return await step.begin_dialog(AGENCY_PROMPT, (card, {"roundId": state.round_id}))

    async def begin_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        info = turn_info(step.context)
        state: StartState = step.values[STATE]
        notice = None
        try:
            if step.result:
                person = await self.service.set_agency(info.actor, str(step.result))
                agency = self.cat.text(f"agency.{person.agency}")
                notice = self.cat.text("reply.agency_saved", agency=agency)
            response = await self.service.start(info.actor, state.round_id or "")
            round_ = await self.service.answerable_round(info.actor, response.round_id)
        except AssessmentError as refusal:
            await info.view.show(build_notice_card(self.cat, explain(self.cat, refusal)))
            return await step.end_dialog()
        if notice is None and not response.answers and not response.is_complete:
            notice = self._introduction(round_)
        await self.flow.show_position(info.view, round_, response, notice)
        return await step.end_dialog()

    def _introduction(self, round_: Round) -> str:
        """For someone whose agency is known, starting a round afresh: which round this is."""
        lead = round_.lead_names.get(round_.opened_by) or self.cat.text("card.intro.a_lead")
        return self.cat.text("reply.round_intro", title=round_.title, lead=lead)

    async def _candidates(self, actor: Actor) -> list[Round]:
        """Rounds with the person's unfinished walk first, then other open rounds."""
        mine = [r for r, resp in await self.service.in_progress(actor) if not resp.is_complete]
        return mine or await self.service.open_rounds_for(actor)

    async def _round_choice(self, rounds: list[Round]) -> dict[str, Any]:
        names = await self._partnership_names(rounds)
        return build_round_choice_card(self.cat, rounds, names)

    async def _round_retry(self, context: TurnContext, _: dict[str, Any]) -> dict[str, Any]:
        """The choice again, of the rounds open now (one may have closed meanwhile)."""
        return await self._round_choice(await self._candidates(turn_info(context).actor))

    async def _agency_retry(self, context: TurnContext, kept: dict[str, Any]) -> dict[str, Any]:
        round_id = str(kept.get("roundId") or "")
        round_ = await self.service.store.get_round(round_id) if round_id else None
        notice = self.cat.text("reply.choose_on_card")
        return build_agency_card(self.cat, round_id, notice=notice, round_=round_)

    async def _partnership_names(self, rounds: list[Round]) -> dict[str, str]:
        names = {}
        for round_ in rounds:
            partnership = await self.service.store.get_partnership(round_.partnership_id)
            if partnership is not None and partnership.name:
                names[partnership.id] = partnership.name
        return names

    async def _answerable(self, step: WaterfallStepContext, round_id: str) -> bool:
        info = turn_info(step.context)
        try:
            await self.service.answerable_round(info.actor, round_id)
        except AssessmentError as refusal:
            await info.view.show(build_notice_card(self.cat, explain(self.cat, refusal)))
            return False
        return True

    def _recognise_round(self, pressed: dict[str, Any] | None, text: str) -> str | None:
        value = (pressed or {}).get("roundId")
        return value if isinstance(value, str) and len(value) == 32 else None

    def _recognise_agency(self, pressed: dict[str, Any] | None, text: str) -> str | None:
        """The agency chosen on the card, or typed as its name (`police`, `Housing`, `Heddlu`)."""
        chosen = str((pressed or {}).get("agency") or "").strip()
        if chosen in {a.value for a in Agency}:
            return chosen
        typed = " ".join(text.lower().split())
        for agency in Agency:
            if typed and typed in agency_names(agency.value):  # Welsh or English
                return agency.value
        return None
