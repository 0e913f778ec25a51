"""A lead's use cases over the stores: the round summary, one C's detail, the agreed position.

Framework-free like `AssessmentService`, whose lead rule it reuses (the round's leads plus the
configured administrators). Each call checks that the round exists, belongs to the asking
conversation's partnership (`from_partnership`, when the bot knows it) and tenant, and that
the person leads it; on a refusal it raises an `AssessmentError` and stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from assessment.action_prompts import EXPECTED_AGENCIES
from assessment.action_status import StatusChange, check_step, parse_status
from assessment.anonymity import MIN_GROUP_SIZE
from assessment.audit import AuditAction
from assessment.compare_and_set import retrying
from assessment.detail import ComponentDetail, component_detail
from assessment.errors import AssessmentError, ConcurrentUpdate, UnknownComponent
from assessment.model import Actor, Agency, Response, Round
from assessment.ports import Store
from assessment.position import AgreedPosition
from assessment.position_edit import EditOutcome, apply_edit, new_position
from assessment.position_form import PositionForm, parse_form
from assessment.position_ports import PositionStore
from assessment.progression import MAX_ROUNDS, RoundPoint, progression
from assessment.publication import Publication, is_due, publish
from assessment.service import AssessmentService
from assessment.summary import summarise
from assessment.summary_model import PreviousRound, RoundSummary


class NoRoundYet(AssessmentError):
    """`summary` where no round was ever opened."""

    message_id = "error.no_round_yet"


@dataclass
class LeadService:
    store: Store
    positions: PositionStore
    assessment: AssessmentService
    min_group_size: int = MIN_GROUP_SIZE
    """k of `assessment.anonymity` (checked at start-up by the settings)."""

    async def latest_round(self, partnership_id: str) -> Round:
        """The round a bare `summary` means: the partnership's most recently opened one."""
        rounds = await self.store.rounds_of(partnership_id)
        if not rounds:
            raise NoRoundYet()
        return rounds[-1]

    async def summary(
        self, actor: Actor, round_id: str, *, from_partnership: str | None = None
    ) -> RoundSummary:
        round_ = await self.led_round(actor, round_id, from_partnership)
        responses = await self.store.responses_of(round_.id)
        return summarise(
            self.assessment.framework,
            round_,
            responses,
            await self.positions.get_positions(round_.id),
            await self.previous_round(round_),
            self._today(),
            await self.expected_agencies(round_),
            publication=await self.published(round_, responses),
            k=self.min_group_size,
        )

    async def expected_agencies(self, round_: Round) -> tuple[Agency, ...]:
        """Issue 11: the partnership's own agency list, else the default one."""
        partnership = await self.store.get_partnership(round_.partnership_id)
        chosen = partnership.agencies if partnership is not None else None
        return chosen if chosen is not None else EXPECTED_AGENCIES

    async def detail(
        self, actor: Actor, round_id: str, component_id: str, *, from_partnership: str | None = None
    ) -> ComponentDetail:
        """One C for a lead; names show if the round is named (only leads get this far)."""
        round_ = await self.led_round(actor, round_id, from_partnership)
        responses = await self.store.responses_of(round_.id)
        return component_detail(
            self.assessment.framework,
            round_,
            responses,
            await self.positions.get_positions(round_.id),
            await self.previous_round(round_),
            component_id,
            self._today(),
            reveal_names=True,
            publication=await self.published(round_, responses),
            k=self.min_group_size,
        )

    async def published(self, round_: Round, responses: list[Response]) -> Publication | None:
        """The round's current publication, publishing anew first if one is due; None for a
        named round (live figures) or while nothing is published. If another lead published
        at the same moment, theirs stands (compare-and-set) and is returned."""
        if round_.named:  # live, unless retention froze it (responses gone, figures kept)
            return None if responses else await self.store.get_publication(round_.id)
        last = await self.store.get_publication(round_.id)
        k = self.min_group_size
        if not is_due(round_, responses, last, k):
            return last
        revision = last.revision if last is not None else 0
        fresh = publish(
            self.assessment.framework, round_, responses,
            k=k, now=self.assessment.clock(), revision=revision,
        )
        try:
            return await self.store.save_publication(fresh)
        except ConcurrentUpdate:
            return await self.store.get_publication(round_.id)

    async def record_position(
        self,
        actor: Actor,
        round_id: str,
        component_id: str,
        form: PositionForm,
        *,
        from_partnership: str | None = None,
    ) -> EditOutcome:
        """Check and save the form; `StaleForm` if another lead changed the same fields."""
        round_ = await self.led_round(actor, round_id, from_partnership)
        if not self.assessment.framework.has(component_id):
            raise UnknownComponent(component=component_id)
        edit = parse_form(form, await self._review_floor(round_, component_id))

        async def attempt() -> EditOutcome:
            current = await self.positions.get_position(round_.id, component_id)
            current = current or new_position(round_.id, round_.partnership_id, component_id)
            outcome = apply_edit(
                current, edit, actor.aad_object_id, self.assessment.clock(), actor.name
            )
            if current.carried_from is not None:  # saving the form confirms it (issue 11)
                confirmed = outcome.position.model_copy(update={"carried_from": None})
                return replace(outcome, position=await self.positions.save_position(confirmed))
            if outcome.change is None:
                return outcome
            return replace(outcome, position=await self.positions.save_position(outcome.position))

        saved = await retrying(attempt)
        if saved.change is not None:
            fields = tuple(sorted(saved.change.field_names))
            await self._audit(AuditAction.POSITION_CHANGED, actor, round_, component_id, fields)
        return saved

    async def record_reminder(
        self, actor: Actor, round_id: str, agency: str, *, from_partnership: str | None = None
    ) -> Round:
        """Check the person may remind for the round and note it in the audit log; the host
        then posts the reminder."""
        round_ = await self.led_round(actor, round_id, from_partnership)
        await self.assessment.audit.record(
            AuditAction.REMINDER_SENT,
            actor.aad_object_id,
            partnership_id=round_.partnership_id,
            round_id=round_.id,
            agency=agency if agency in {a.value for a in Agency} else "unknown",
        )
        return round_

    # -- follow-through (issue 11): the action's status ---------------------------------

    async def set_action_status(
        self,
        actor: Actor,
        round_id: str,
        component_id: str,
        status: str,
        *,
        from_partnership: str | None = None,
    ) -> AgreedPosition:
        """Move the C's action one step along the cycle; `StatusOutOfOrder` for anything else
        (nothing stored). Works on a closed round too: the action outlives the round."""
        round_ = await self.led_round(actor, round_id, from_partnership)
        if not self.assessment.framework.has(component_id):
            raise UnknownComponent(component=component_id)
        wanted = parse_status(status)

        async def attempt() -> AgreedPosition:
            current = await self.positions.get_position(round_.id, component_id)
            current = current or new_position(round_.id, round_.partnership_id, component_id)
            check_step(current.action_status, wanted)
            step = StatusChange(
                status=wanted, by=actor.aad_object_id, by_name=actor.name,
                at=self.assessment.clock(),
            )
            changed = current.model_copy(
                update={"status_history": (*current.status_history, step)}
            )
            return await self.positions.save_position(changed)

        saved = await retrying(attempt)
        await self._audit(
            AuditAction.POSITION_CHANGED, actor, round_, component_id, ("action_status",)
        )
        return saved

    async def progression(
        self, actor: Actor, round_id: str, component_id: str
    ) -> tuple[RoundPoint, ...]:
        """Issue 11: the C's agreed score and median in each of the partnership's rounds up to
        this one (each as its own summary shows it)."""
        return (await self.progression_all(actor, round_id)).get(component_id, ())

    async def progression_all(
        self, actor: Actor, round_id: str
    ) -> dict[str, tuple[RoundPoint, ...]]:
        """Every C's progression (see `progression`), by component id."""
        round_ = await self.led_round(actor, round_id)
        rounds = [
            r for r in await self.store.rounds_of(round_.partnership_id)
            if r.opened_at <= round_.opened_at
        ][-MAX_ROUNDS:]
        summaries = []
        for earlier in rounds:
            responses = await self.store.responses_of(earlier.id)
            summaries.append(
                summarise(
                    self.assessment.framework, earlier, responses,
                    await self.positions.get_positions(earlier.id), None, self._today(),
                    publication=await self.published(earlier, responses),
                    k=self.min_group_size,
                )
            )
        return {cid: progression(summaries, cid) for cid in self.assessment.framework.ids}

    async def _review_floor(self, round_: Round, component_id: str) -> date:
        """The earliest review date the form may hold: the day the round opened, or, for a
        position carried forward and not yet confirmed, its earliest carried date (issue 11),
        so a lead can confirm it as it stands (the overdue review keeps prompting)."""
        opened = round_.opened_at.date()
        current = await self.positions.get_position(round_.id, component_id)
        if current is None or current.carried_from is None or not current.agreed.review_dates:
            return opened
        return min(opened, *current.agreed.review_dates)

    async def _audit(
        self,
        action: AuditAction,
        actor: Actor,
        round_: Round,
        component_id: str,
        fields: tuple[str, ...],
    ) -> None:
        await self.assessment.audit.record(
            action,
            actor.aad_object_id,
            partnership_id=round_.partnership_id,
            round_id=round_.id,
            component=component_id,
            fields=fields,
        )

    async def led_round(
        self, actor: Actor, round_id: str, from_partnership: str | None = None
    ) -> Round:
        """The round, if it is this partnership's and tenant's and the person leads it (and
        still belongs to its team or chat)."""
        round_ = await self.assessment.visible_round(actor, round_id, from_partnership)
        await self.assessment.require_current_lead(round_, actor)
        return round_

    async def previous_round(self, round_: Round) -> PreviousRound | None:
        """The partnership's round opened just before this one, with its responses."""
        earlier = [
            r
            for r in await self.store.rounds_of(round_.partnership_id)
            if r.opened_at < round_.opened_at
        ]
        if not earlier:
            return None
        before = earlier[-1]
        responses = await self.store.responses_of(before.id)
        return PreviousRound(before, responses, await self.published(before, responses))

    def _today(self) -> date:
        return self.assessment.clock().date()
