"""Use cases of the self-assessment over a `Store`: framework-free, so any host can call them.

Each method validates, then changes at most one record with a compare-and-set save; on a
refusal it raises an `AssessmentError` and the store is unchanged.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from assessment import journey
from assessment.audit import AuditAction, Auditor
from assessment.compare_and_set import retrying
from assessment.errors import (
    AgencyRequired,
    ConcurrentUpdate,
    DuplicateSubmission,
    InvalidAnswer,
    InvalidTitle,
    NoLongerMember,
    NoOpenRound,
    NoResponse,
    NotALead,
    NotAMember,
    RoundAlreadyOpen,
    RoundClosed,
    StaleCard,
    TextTooLong,
    UnknownComponent,
    UnknownRound,
)
from assessment.framework import NOT_SURE, Framework, load_framework
from assessment.model import (
    MAX_TEXT,
    MAX_TITLE,
    REVIEW,
    Agency,
    Answer,
    Partnership,
    PartnershipKind,
    Person,
    Response,
    Round,
)
from assessment.ports import Store
from assessment.pseudonym import Pseudonymiser, minimal_chat_reference
from assessment.screening import require_no_case_data

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Actor:
    """Who is asking: a person in a tenant, by AAD object id (never the per-bot `29:` id)."""

    tenant_id: str
    aad_object_id: str
    name: str | None = None


@dataclass(frozen=True)
class AnswerInput:
    """What a card submitted for one C, as typed: the rating arrives as a string."""

    component_id: str
    rating: str
    evidence: str = ""
    suggestion: str = ""


@dataclass
class AssessmentService:
    store: Store
    framework: Framework = field(default_factory=load_framework)
    clock: Clock = utc_now
    administrators: frozenset[str] = frozenset()
    pseudonyms: Pseudonymiser = field(
        default_factory=lambda: Pseudonymiser(secrets.token_bytes(32))
    )
    """Keys respondents of anonymous rounds; the app passes one with the configured key."""

    @property
    def audit(self) -> Auditor:
        """Where lead and administrator actions are recorded (the store's audit log)."""
        return Auditor(self.store, self.clock)

    # -- partnerships and membership -------------------------------------------------

    async def ensure_partnership(
        self, tenant_id: str, kind: PartnershipKind, external_id: str, name: str | None = None
    ) -> Partnership:
        """The partnership for a team or group chat, created the first time it is seen."""
        pid = Partnership.make_id(tenant_id, kind, external_id)

        async def attempt() -> Partnership:
            existing = await self.store.get_partnership(pid)
            if existing is not None and (name is None or existing.name == name):
                return existing
            draft = existing or Partnership(
                id=pid, tenant_id=tenant_id, kind=kind, external_id=external_id
            )
            return await self.store.save_partnership(draft.model_copy(update={"name": name}))

        return await retrying(attempt)

    async def record_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        if aad_ids:
            await self.store.add_members(partnership_id, aad_ids)

    async def forget_members(self, partnership_id: str, aad_ids: Collection[str]) -> None:
        if aad_ids:
            await self.store.remove_members(partnership_id, aad_ids)

    # -- rounds -----------------------------------------------------------------------

    async def open_round(
        self,
        partnership: Partnership,
        actor: Actor,
        title: str,
        *,
        named: bool = False,
        conversation: dict[str, Any] | None = None,
    ) -> Round:
        """Open the partnership's one round; its opener leads it."""
        clean = " ".join(title.split())
        if not clean or len(clean) > MAX_TITLE:
            raise InvalidTitle(limit=MAX_TITLE)
        await self.store.add_members(partnership.id, [actor.aad_object_id])

        async def attempt() -> Round:
            current = await self.store.get_partnership(partnership.id) or partnership
            if current.open_round_id is not None:
                existing = await self.store.get_round(current.open_round_id)
                if existing is not None and existing.is_open:
                    raise RoundAlreadyOpen(title=existing.title, opened_on=existing.opened_at)
            round_ = Round(
                id=uuid.uuid4().hex,
                partnership_id=partnership.id,
                title=clean,
                opened_by=actor.aad_object_id,
                opened_at=self.clock(),
                named=named,
                leads=[actor.aad_object_id],
                lead_names={actor.aad_object_id: actor.name} if actor.name else {},
                conversation=minimal_chat_reference(conversation) if conversation else None,
            )
            await self.store.save_partnership(
                current.model_copy(update={"open_round_id": round_.id})
            )
            return await self.store.save_round(round_)

        opened = await retrying(attempt)
        await self._audit(AuditAction.ROUND_OPENED, actor, opened, named=str(named).lower())
        return opened

    async def note_announcement(self, round_id: str, activity_id: str) -> Round:
        """Remember the announcement's message id so it can be updated when the round ends."""
        return await self._update_round(round_id, lambda r: {"announcement_id": activity_id})

    async def close_round(self, partnership: Partnership, actor: Actor) -> Round:
        current = await self.store.get_partnership(partnership.id) or partnership
        round_ = await self.store.get_round(current.open_round_id or "")
        if round_ is None or not round_.is_open:
            raise NoOpenRound()
        await self.require_current_lead(round_, actor)
        closed = await self._update_round(
            round_.id, lambda r: {"closed_at": self.clock(), "closed_by": actor.aad_object_id}
        )
        await self._clear_open_round(partnership.id, round_.id)
        await self._audit(AuditAction.ROUND_CLOSED, actor, closed)
        return closed

    def is_lead(self, round_: Round, actor: Actor) -> bool:
        return actor.aad_object_id in round_.leads or actor.aad_object_id in self.administrators

    def require_lead(self, round_: Round, actor: Actor) -> None:
        if not self.is_lead(round_, actor):
            raise NotALead(leads=", ".join(round_.lead_names.values()) or "-")

    async def require_current_lead(self, round_: Round, actor: Actor) -> None:
        """`require_lead`, and the lead must still belong to the round's team or chat: whoever
        was removed (teamMemberRemoved) loses access at once, also through an old card's
        button. Administrators keep access in their tenant (callers check the tenant)."""
        self.require_lead(round_, actor)
        if actor.aad_object_id in self.administrators:
            return
        if not await self.store.is_member(round_.partnership_id, actor.aad_object_id):
            raise NoLongerMember()

    async def add_lead(self, round_id: str, actor: Actor, new_lead: Actor) -> Round:
        """A lead makes someone else a co-lead of the round (and so a member)."""
        round_ = await self.store.get_round(round_id)
        if round_ is None:
            raise UnknownRound()
        await self.require_current_lead(round_, actor)
        await self.store.add_members(round_.partnership_id, [new_lead.aad_object_id])
        names = {new_lead.aad_object_id: new_lead.name} if new_lead.name else {}
        updated = await self._update_round(
            round_id,
            lambda r: {
                "leads": sorted({*r.leads, new_lead.aad_object_id}),
                "lead_names": {**r.lead_names, **names},
            },
        )
        await self._audit(AuditAction.LEAD_ADDED, actor, updated, lead=new_lead.aad_object_id)
        return updated

    async def rounds_led_by(self, actor: Actor) -> list[Round]:
        """Rounds (newest first) of the person's partnerships that they lead."""
        led = []
        for pid in await self.store.partnerships_of(actor.tenant_id, actor.aad_object_id):
            led += [r for r in await self.store.rounds_of(pid) if self.is_lead(r, actor)]
        return sorted(led, key=lambda r: r.opened_at, reverse=True)

    async def current_round(self, partnership_id: str) -> Round | None:
        partnership = await self.store.get_partnership(partnership_id)
        if partnership is None or partnership.open_round_id is None:
            return None
        round_ = await self.store.get_round(partnership.open_round_id)
        return round_ if round_ is not None and round_.is_open else None

    async def open_rounds_for(self, actor: Actor) -> list[Round]:
        """Open rounds of every partnership the person belongs to, newest first."""
        rounds = []
        for pid in await self.store.partnerships_of(actor.tenant_id, actor.aad_object_id):
            round_ = await self.current_round(pid)
            if round_ is not None:
                rounds.append(round_)
        return sorted(rounds, key=lambda r: r.opened_at, reverse=True)

    # -- people -----------------------------------------------------------------------

    async def person(self, actor: Actor) -> Person:
        found = await self.store.get_person(actor.tenant_id, actor.aad_object_id)
        return found or Person(tenant_id=actor.tenant_id, aad_object_id=actor.aad_object_id)

    async def set_agency(self, actor: Actor, agency: str) -> Person:
        try:
            chosen = Agency(agency)
        except ValueError:
            raise AgencyRequired() from None
        return await self._update_person(actor, {"agency": chosen})

    async def remember_chat(self, actor: Actor, conversation: dict[str, Any]) -> Person:
        """Keep what the bot needs to continue the person's 1:1 chat (no name, no profile)."""
        minimal = minimal_chat_reference(conversation)
        person = await self.person(actor)
        if person.conversation == minimal:
            return person
        return await self._update_person(actor, {"conversation": minimal})

    # -- the practitioner's walk ------------------------------------------------------

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

    # -- respondent identity ----------------------------------------------------------

    def respondent_of(self, round_: Round, actor: Actor) -> str:
        """How the round stores the person: the AAD id if named, else a keyed pseudonym."""
        if round_.named:
            return actor.aad_object_id
        return self.pseudonyms.respondent(actor.tenant_id, actor.aad_object_id)

    async def own_response(self, actor: Actor, round_: Round) -> Response | None:
        return await self.store.get_response(round_.id, self.respondent_of(round_, actor))

    # -- helpers ----------------------------------------------------------------------

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

    async def _audit(
        self, action: AuditAction, actor: Actor, round_: Round, **details: str
    ) -> None:
        await self.audit.record(
            action,
            actor.aad_object_id,
            partnership_id=round_.partnership_id,
            round_id=round_.id,
            **details,
        )

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

    async def _update_round(
        self, round_id: str, changes: Callable[[Round], dict[str, Any]]
    ) -> Round:
        async def attempt() -> Round:
            round_ = await self.store.get_round(round_id)
            if round_ is None:
                raise UnknownRound()
            return await self.store.save_round(round_.model_copy(update=changes(round_)))

        return await retrying(attempt)

    async def _update_person(self, actor: Actor, changes: dict[str, Any]) -> Person:
        async def attempt() -> Person:
            person = await self.person(actor)
            return await self.store.save_person(person.model_copy(update=changes))

        return await retrying(attempt)

    async def _clear_open_round(self, partnership_id: str, round_id: str) -> None:
        async def attempt() -> None:
            partnership = await self.store.get_partnership(partnership_id)
            if partnership is not None and partnership.open_round_id == round_id:
                await self.store.save_partnership(
                    partnership.model_copy(update={"open_round_id": None})
                )

        await retrying(attempt)
