"""Storage limitation: a round's individual responses go `retention_days` after it closes.

Agreed positions and the round record stay (the partnership's own record of its
self-assessment). One use case, `RetentionService.purge`, runs every `PurgeStep` over each
expired round; a further kind of per-round personal data (e.g. a publication's comments) is
purged by adding a step, not by changing the loop. Every step is idempotent, so the purge is.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from assessment.anonymity import MIN_GROUP_SIZE
from assessment.audit import AuditAction, Auditor
from assessment.clock import Clock
from assessment.compare_and_set import retrying
from assessment.framework import Framework, load_framework
from assessment.model import Round
from assessment.ports import Store
from assessment.pseudonym import Pseudonymiser, is_pseudonym
from assessment.publication import Publication, publish

PURGE_ACTOR = "retention-purge"
"""Who the audit log names for a purge: the retention schedule, not a person."""


class PurgeStep(Protocol):
    """One kind of per-round data the purge removes."""

    name: str

    async def count(self, round_: Round) -> int:
        """How many items the step would remove from the round now (no personal data)."""
        ...

    async def purge(self, round_: Round) -> int:
        """Remove them; returns how many went (0 when run again)."""
        ...


@dataclass
class ResponsesStep:
    """A round's responses: answers, evidence, suggestions and respondent keys."""

    store: Store
    name: str = "responses"

    async def count(self, round_: Round) -> int:
        return len(await self.store.responses_of(round_.id))

    async def purge(self, round_: Round) -> int:
        removed = 0
        for response in await self.store.responses_of(round_.id):
            removed += await self.store.delete_response(round_.id, response.respondent)
        return removed


@dataclass
class PublicationStep:
    """The round's published figures outlive its responses; its comments do not.

    Runs before `ResponsesStep`: a round whose final figures were never published (no lead
    asked after it closed, or a named round, whose figures are live) is published first from
    its submitted responses, so the partnership keeps its aggregates; then the publication's
    comments (people's own words) are deleted. Counts of ratings stay.
    """

    store: Store
    clock: Clock
    framework: Framework
    k: int
    name: str = "comments"

    async def count(self, round_: Round) -> int:
        publication = await self.store.get_publication(round_.id)
        return _comment_count(publication)

    async def purge(self, round_: Round) -> int:
        async def attempt() -> int:
            publication = await self._final(round_)
            removed = _comment_count(publication)
            if publication is not None and removed:
                await self.store.save_publication(publication.model_copy(update={"comments": {}}))
            return removed

        return await retrying(attempt)

    async def _final(self, round_: Round) -> Publication | None:
        last = await self.store.get_publication(round_.id)
        if last is not None and last.final:
            return last
        responses = await self.store.responses_of(round_.id)
        if not any(r.is_complete for r in responses):
            return last
        fresh = publish(
            self.framework, round_, responses, k=self.k, now=self.clock(),
            revision=last.revision if last is not None else 0,
        )
        return await self.store.save_publication(fresh)


def _comment_count(publication: Publication | None) -> int:
    if publication is None:
        return 0
    return sum(len(found) for found in publication.comments.values())


@dataclass(frozen=True)
class RoundPurge:
    """What the purge removes (or removed) from one round: counts by step name."""

    round_id: str
    closed_at: datetime
    counts: dict[str, int]


@dataclass
class RetentionService:
    store: Store
    clock: Clock
    retention_days: int = 365
    framework: Framework = field(default_factory=load_framework)
    k: int = MIN_GROUP_SIZE
    steps: Sequence[PurgeStep] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not self.steps:
            self.steps = (
                PublicationStep(self.store, self.clock, self.framework, self.k),
                ResponsesStep(self.store),
            )

    def cutoff(self) -> datetime:
        return self.clock() - timedelta(days=self.retention_days)

    async def expired_rounds(self) -> list[Round]:
        """Rounds closed at least `retention_days` ago."""
        cutoff = self.cutoff()
        return [r for r in await self.store.all_rounds() if r.closed_at and r.closed_at <= cutoff]

    async def plan(self) -> list[RoundPurge]:
        """What `purge` would remove now (a dry run: nothing changes)."""
        return await self._each(lambda step, round_: step.count(round_))

    async def purge(self) -> list[RoundPurge]:
        """Remove every expired round's individual data; what went, by round (audited)."""
        done = await self._each(lambda step, round_: step.purge(round_))
        audit = Auditor(self.store, self.clock)
        for purged in done:
            round_ = await self.store.get_round(purged.round_id)
            await audit.record(
                AuditAction.PURGED,
                PURGE_ACTOR,
                partnership_id=round_.partnership_id if round_ else None,
                round_id=purged.round_id,
                **purged.counts,
            )
        return done

    async def _each(self, run: Callable[[PurgeStep, Round], Awaitable[int]]) -> list[RoundPurge]:
        done = []
        for round_ in await self.expired_rounds():
            counts = {step.name: await run(step, round_) for step in self.steps}
            if any(counts.values()) and round_.closed_at is not None:
                done.append(RoundPurge(round_.id, round_.closed_at, counts))
        return done


REKEYED = "twelvecs/maintenance/responses-keyed"
"""The state key recording that a whole re-keying pass has run on this store."""


async def rekey_legacy_responses_once(store: Store, pseudonyms: Pseudonymiser) -> int:
    """`rekey_legacy_responses`, then recorded in the store so it never runs there again.

    Why: only versions before keyed storage wrote plain ids, and finding them means reading
    every response of every anonymous round: with 10,000 answers stored that pass made each
    start-up of the bot (and each daily purge) take seconds. A crash before the record is
    written just means the next start passes again (the pass is idempotent).
    """
    if (await store.read_state([REKEYED])).get(REKEYED):
        return 0
    moved = await rekey_legacy_responses(store, pseudonyms)
    await store.write_state({REKEYED: {"done": True, "moved": moved}})
    return moved


async def rekey_legacy_responses(store: Store, pseudonyms: Pseudonymiser) -> int:
    """Move responses of anonymous rounds stored under a plain AAD id (before keyed storage)
    to the person's keyed respondent; idempotent, and safe to repeat after a crash."""
    moved = 0
    for round_ in await store.all_rounds():
        if round_.named:
            continue
        for response in await store.responses_of(round_.id):
            if is_pseudonym(response.respondent):
                continue
            keyed = pseudonyms.respondent(response.tenant_id, response.respondent)
            if await store.get_response(round_.id, keyed) is None:
                await store.save_response(
                    response.model_copy(
                        update={"respondent": keyed, "respondent_name": None, "revision": 0}
                    )
                )
            await store.delete_response(round_.id, response.respondent)
            moved += 1
    return moved
