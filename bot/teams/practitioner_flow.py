"""The practitioner's card buttons: answer, skip, back, save & stop, edit, submit, resume."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from assessment.errors import AssessmentError, DuplicateSubmission, StaleCard
from assessment.framework import Framework
from assessment.model import MAX_TEXT, REVIEW, Actor, AnswerInput, Response, Round
from assessment.service import AssessmentService
from bot.teams.card_actions import card_action
from bot.teams.presenter import Presenter
from bot.teams.turn import Turn
from cards import (
    build_my_answers_card,
    build_notice_card,
    build_question_card,
    build_review_card,
    execute,
    verbs,
)
from cards.actions import CardData, RoundData, StepData, SubmitData
from messages import Catalogue
from messages.formatting import component_name, explain, rating_label


@dataclass
class PractitionerFlow:
    service: AssessmentService
    cat: Catalogue

    @property
    def framework(self) -> Framework:
        return self.service.framework

    async def show_position(
        self,
        presenter: Presenter,
        round_: Round,
        response: Response,
        notice: str | None = None,
        draft: dict[str, str] | None = None,
    ) -> None:
        """The card for where the person is: a C (keeping a refused `draft`), or the review."""
        if response.position == REVIEW:
            card = build_review_card(self.cat, self.framework, round_, response, notice=notice)
        else:
            card = build_question_card(
                self.cat,
                self.framework,
                round_,
                response,
                response.position,
                notice=notice,
                draft=draft,
                alert=draft is not None,
            )
        await presenter.show(card)

    async def my_answers(self, presenter: Presenter, actor: Actor) -> None:
        pairs = await self.service.my_responses(actor)
        if not pairs:
            await presenter.show(build_notice_card(self.cat, self.cat.text("reply.no_answers")))
            return
        await presenter.show(build_my_answers_card(self.cat, self.framework, pairs))

    # -- the buttons (a refusal shows why and where the person is, nothing saved) ------

    @card_action(verbs.ANSWER, StepData)
    async def answer(self, turn: Turn, data: StepData) -> None:
        async def act() -> None:
            response = await self.service.answer(turn.actor, data.round_id, data.rev,
                                                 _answer(data))
            await self._show_response(turn.presenter, response, self._saved(response, data))

        await self._guarded(turn, data, act)

    @card_action(verbs.SKIP, StepData)
    async def skip(self, turn: Turn, data: StepData) -> None:
        async def act() -> None:
            response = await self.service.skip(turn.actor, data.round_id, data.rev,
                                               data.component_id)
            notice = self.cat.text("reply.skipped", component=self._name(data.component_id))
            await self._show_response(turn.presenter, response, notice)

        await self._guarded(turn, data, act)

    @card_action(verbs.BACK, StepData)
    async def back(self, turn: Turn, data: StepData) -> None:
        async def act() -> None:
            response = await self.service.back(turn.actor, data.round_id, data.rev,
                                               data.component_id)
            await self._show_response(turn.presenter, response)

        await self._guarded(turn, data, act)

    @card_action(verbs.EDIT, StepData)
    async def edit(self, turn: Turn, data: StepData) -> None:
        async def act() -> None:
            response = await self.service.edit(turn.actor, data.round_id, data.rev,
                                               data.component_id)
            await self._show_response(turn.presenter, response)

        await self._guarded(turn, data, act)

    @card_action(verbs.STOP, StepData)
    async def stop(self, turn: Turn, data: StepData) -> None:
        await self._guarded(turn, data, lambda: self._stop(turn.presenter, turn.actor, data))

    @card_action(verbs.SUBMIT, SubmitData)
    async def submit(self, turn: Turn, data: SubmitData) -> None:
        async def act() -> None:
            response = await self.service.submit(turn.actor, data.round_id, data.rev)
            await self._show_response(turn.presenter, response, self.cat.text("reply.submitted"))

        await self._guarded(turn, data, act)

    @card_action(verbs.RESUME, RoundData)
    async def resume(self, turn: Turn, data: RoundData) -> None:
        async def act() -> None:
            response = await self.service.start(turn.actor, data.round_id)
            await self._show_response(turn.presenter, response)

        await self._guarded(turn, data, act)

    async def _guarded(
        self, turn: Turn, data: CardData, act: Callable[[], Awaitable[None]]
    ) -> None:
        """Run one card action; a refusal shows why and where the person is, nothing saved."""
        try:
            await act()
        except (DuplicateSubmission, StaleCard) as moved:
            response = moved.params["response"]
            notice = None if isinstance(moved, DuplicateSubmission) else explain(self.cat, moved)
            await self._show_response(turn.presenter, response, notice)
        except AssessmentError as refusal:
            await self._refuse(turn.presenter, turn.actor, data, explain(self.cat, refusal))

    async def _stop(self, presenter: Presenter, actor: Actor, data: StepData) -> None:
        """Save & stop: keep a filled-in answer, then say how to come back."""
        if data.rating.strip() and data.component_id != REVIEW:
            await self.service.answer(actor, data.round_id, data.rev, _answer(data))
        else:
            await self.service.answerable_round(actor, data.round_id)
        action = execute(
            self.cat.text("card.notice.resume"), verbs.RESUME, {"roundId": data.round_id}
        )
        await presenter.show(
            build_notice_card(self.cat, self.cat.text("reply.stopped"), actions=[action])
        )

    async def _show_response(
        self, presenter: Presenter, response: Response, notice: str | None = None
    ) -> None:
        round_ = await self.service.store.get_round(response.round_id)
        if round_ is not None:
            await self.show_position(presenter, round_, response, notice)

    async def _refuse(
        self, presenter: Presenter, actor: Actor, data: CardData, message: str
    ) -> None:
        """Say why; if the person has a live card in this round, show it again with the why."""
        live = await self._live_response(actor, data)
        if live is not None:
            await self.show_position(presenter, *live, message, _draft(data, live[1]))
            return
        await presenter.show(build_notice_card(self.cat, message))

    async def _live_response(self, actor: Actor, data: CardData) -> tuple[Round, Response] | None:
        """The person's response in the card's round, if that round is open and theirs."""
        if not isinstance(data, RoundData):
            return None
        store = self.service.store
        round_ = await store.get_round(data.round_id)
        response = await self.service.own_response(actor, round_) if round_ else None
        if round_ is None or response is None or not round_.is_open:
            return None
        if not await store.is_member(round_.partnership_id, actor.aad_object_id):
            return None
        return round_, response

    def _saved(self, response: Response, data: StepData) -> str:
        answer = response.answers[data.component_id]
        return self.cat.text(
            "reply.saved",
            component=self._name(data.component_id),
            rating=rating_label(self.cat, answer.rating),
        )

    def _name(self, component_id: str) -> str:
        return component_name(self.cat, self.framework, component_id)


def _draft(data: CardData, response: Response) -> dict[str, str] | None:
    """What the person typed on the refused card, to show it again rather than lose it."""
    if not isinstance(data, StepData) or data.component_id != response.position:
        return None
    return {
        verbs.INPUT_RATING: data.rating,
        verbs.INPUT_EVIDENCE: data.evidence[:MAX_TEXT],
        verbs.INPUT_SUGGESTION: data.suggestion[:MAX_TEXT],
    }


def _answer(data: StepData) -> AnswerInput:
    return AnswerInput(data.component_id, data.rating, data.evidence, data.suggestion)
