"""The practitioner's walk through the twelve Cs: start, answer, skip, go back, edit from the
review, submit; and finding their own responses again.

Every step names the card it came from (revision and position), so an old card's button is
told apart from a repeat of the last one and never changes the response.
"""

from __future__ import annotations

from collections.abc import Callable

from assessment import journey
from assessment.compare_and_set import retrying
from assessment.errors import (
    AgencyRequired,
    ConcurrentUpdate,
    DuplicateSubmission,
    InvalidAnswer,
    NoResponse,
    NotAMember,
    RoundClosed,
    StaleCard,
    TextTooLong,
    UnknownComponent,
    UnknownRound,
)
from assessment.framework import NOT_SURE
from assessment.membership import MembershipUseCases
from assessment.model import MAX_TEXT, REVIEW, Actor, Answer, AnswerInput, Response, Round
from assessment.screening import require_no_case_data


class WalkUseCases(MembershipUseCases):
    async def start(
        self, actor: Actor, round_id: str, *, from_partnership: str | None = None
    ) -> Response:
        """The person's response in the round, created at C1 the first time."""
        round_ = await self.answerable_round(actor, round_id, from_partnership=from_partnership)
        respondent = self.respondent_of(round_, actor)
        existing = await self.store.get_response(round_.id, respondent)
        if existing is not None:
            return existing
        person = await self.person(actor)
        if person.agency is None:
            raise AgencyRequired()
        now = self.clock()
        response = Response(
            round_id=round_.id,
            partnership_id=round_.partnership_id,
            tenant_id=actor.tenant_id,
            respondent=respondent,
            agency=person.agency,
            respondent_name=actor.name if round_.named else None,
            started_at=now,
            updated_at=now,
            position=journey.first_position(self.framework),
        )
        try:
            return await self.store.save_response(response)
        except ConcurrentUpdate:
            found = await self.store.get_response(round_.id, respondent)
            if found is None:
                raise
            return found

    async def visible_round(
        self, actor: Actor, round_id: str, from_partnership: str | None = None
    ) -> Round:
        """The round, if it exists in the person's tenant (and in the asking partnership)."""
        round_ = await self.store.get_round(round_id)
        if round_ is None or (from_partnership and round_.partnership_id != from_partnership):
            raise UnknownRound()
        partnership = await self.store.get_partnership(round_.partnership_id)
        if partnership is None or partnership.tenant_id != actor.tenant_id:
            raise UnknownRound()
        change = partnership.round_change
        if change is not None and change.id == round_.id:  # opened or closed, not yet written
            return await self._finish_round_change(change)
        return round_

    async def answerable_round(
        self, actor: Actor, round_id: str, *, from_partnership: str | None = None
    ) -> Round:
        """The round, if it exists, is open, and the person may answer it."""
        round_ = await self.visible_round(actor, round_id, from_partnership)
        if not await self.store.is_member(round_.partnership_id, actor.aad_object_id):
            raise NotAMember()
        if not round_.is_open:
            raise RoundClosed(title=round_.title, closed_on=round_.closed_at)
        return round_

    async def answer(
        self, actor: Actor, round_id: str, card_revision: int, submitted: AnswerInput
    ) -> Response:
        """Store one answer and move to the next C (or back to the review when editing)."""
        self._require_component(submitted.component_id)
        answer = self._validated_answer(submitted)
        return await self._move(
            actor,
            round_id,
            card_revision,
            submitted.component_id,
            lambda r: journey.record(self.framework, r, answer, self.clock()),
            repeat_of=lambda r: journey.same_answer(r.answers.get(answer.component_id), answer),
        )

    async def skip(
        self, actor: Actor, round_id: str, card_revision: int, component_id: str
    ) -> Response:
        self._require_component(component_id)
        return await self._move(
            actor,
            round_id,
            card_revision,
            component_id,
            lambda r: journey.skip(self.framework, r, component_id, self.clock()),
        )

    async def back(
        self, actor: Actor, round_id: str, card_revision: int, position: str
    ) -> Response:
        return await self._move(
            actor,
            round_id,
            card_revision,
            position,
            lambda r: journey.back(self.framework, r, self.clock()),
        )

    async def edit(
        self, actor: Actor, round_id: str, card_revision: int, component_id: str
    ) -> Response:
        self._require_component(component_id)
        return await self._move(
            actor,
            round_id,
            card_revision,
            REVIEW,
            lambda r: journey.edit(r, component_id, self.clock()),
        )

    async def submit(self, actor: Actor, round_id: str, card_revision: int) -> Response:
        return await self._move(
            actor,
            round_id,
            card_revision,
            REVIEW,
            lambda r: journey.submit(r, self.clock()),
            repeat_of=lambda r: r.is_complete and r.position == REVIEW,
        )

    async def my_responses(self, actor: Actor) -> list[tuple[Round, Response]]:
        """The person's own responses with their rounds, newest round first: those under
        their AAD id (named rounds) and under their keyed pseudonym (anonymous rounds)."""
        pairs = []
        keyed = self.pseudonyms.respondent(actor.tenant_id, actor.aad_object_id)
        mine = await self.store.responses_by(actor.tenant_id, actor.aad_object_id)
        mine += await self.store.responses_by(actor.tenant_id, keyed)
        for response in mine:
            round_ = await self.store.get_round(response.round_id)
            if round_ is not None:
                pairs.append((round_, response))
        return sorted(pairs, key=lambda pair: pair[0].opened_at, reverse=True)

    async def in_progress(self, actor: Actor) -> list[tuple[Round, Response]]:
        """Responses the person can still carry on with (their round is open)."""
        return [(r, resp) for r, resp in await self.my_responses(actor) if r.is_open]

    def respondent_of(self, round_: Round, actor: Actor) -> str:
        """How the round stores the person: the AAD id if named, else a keyed pseudonym."""
        if round_.named:
            return actor.aad_object_id
        return self.pseudonyms.respondent(actor.tenant_id, actor.aad_object_id)

    async def own_response(self, actor: Actor, round_: Round) -> Response | None:
        return await self.store.get_response(round_.id, self.respondent_of(round_, actor))

    async def _move(
        self,
        actor: Actor,
        round_id: str,
        card_revision: int,
        card_position: str,
        change: Callable[[Response], Response],
        repeat_of: Callable[[Response], bool] | None = None,
    ) -> Response:
        """Apply `change` if the card is current; tell a repeat from a stale card otherwise."""
        round_ = await self.answerable_round(actor, round_id)
        respondent = self.respondent_of(round_, actor)

        async def attempt() -> Response:
            response = await self.store.get_response(round_id, respondent)
            if response is None:
                raise NoResponse()
            if response.revision != card_revision or response.position != card_position:
                if repeat_of is not None and repeat_of(response):
                    raise DuplicateSubmission(response=response)
                raise StaleCard(response=response)
            return await self.store.save_response(change(response))

        return await retrying(attempt)

    def _require_component(self, component_id: str) -> None:
        if not self.framework.has(component_id):
            raise UnknownComponent(component=component_id)

    def _validated_answer(self, submitted: AnswerInput) -> Answer:
        rating_text = submitted.rating.strip()
        if rating_text == NOT_SURE:
            rating = None
        elif rating_text in {"1", "2", "3", "4", "5", "6"}:
            rating = int(rating_text)
        else:
            raise InvalidAnswer()
        for text in (submitted.evidence, submitted.suggestion):
            if len(text) > MAX_TEXT:
                raise TextTooLong(limit=MAX_TEXT, length=len(text))
        require_no_case_data({"evidence": submitted.evidence, "suggestion": submitted.suggestion})
        return Answer(
            component_id=submitted.component_id,
            rating=rating,
            evidence=submitted.evidence.strip(),
            suggestion=submitted.suggestion.strip(),
            answered_at=self.clock(),
        )
