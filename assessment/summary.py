"""The lead's round summary: pure functions from the round's records to a `RoundSummary`.

`summarise(...)` is what `@twelvecs summary` shows; `component_detail(...)` in
`assessment.detail` is `summary C4`. Both read everything they need from their arguments, so
the bot fetches the round, its responses, its agreed positions and the previous round first.

Figures count every answer given so far, from complete and in-progress responses alike (a
lead may ask during the round); the response counts tell the two apart. Breakdowns by agency
follow `assessment.anonymity`; divergence compares only groups that are shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from itertools import combinations

from assessment.anonymity import Folding, agency_order
from assessment.breakdown import Breakdown, breakdown
from assessment.framework import Framework
from assessment.model import Agency, Response, Round
from assessment.position import AgreedPosition
from assessment.prompts import EXPECTED_AGENCIES, action_prompts
from assessment.summary_model import (
    AgencyCount,
    ComponentSummary,
    Divergence,
    GroupSummary,
    PositionStatus,
    PreviousRound,
    ResponseCounts,
    RoundSummary,
)

DIVERGENCE_GAP = 2.0
"""Two agency groups diverge on a C when their medians are this far apart or more (points)."""


def summarise(
    framework: Framework,
    round_: Round,
    responses: Sequence[Response],
    positions: Mapping[str, AgreedPosition],
    previous: PreviousRound | None,
    today: date,
    expected: Collection[Agency] = EXPECTED_AGENCIES,
) -> RoundSummary:
    """The round as it stands on `today`; `positions` are the round's, by component id."""
    mine = [r for r in responses if r.round_id == round_.id]
    now = breakdown(framework, mine)
    before = breakdown(framework, previous.responses) if previous is not None else None
    components = [
        component_summary(framework, cid, now, before, positions.get(cid), today)
        for cid in framework.ids
    ]
    return RoundSummary(
        round_id=round_.id,
        title=round_.title,
        named=round_.named,
        is_open=round_.is_open,
        as_of=today,
        responses=response_counts(mine, now.folding),
        groups=_grouped(framework, components),
        divergences=divergences(components),
        prompts=action_prompts(
            framework,
            components,
            {r.agency for r in mine},
            round_open=round_.is_open,
            expected=expected,
        ),
        previous_round_id=previous.round.id if previous is not None else None,
    )


def component_summary(
    framework: Framework,
    component_id: str,
    now: Breakdown,
    before: Breakdown | None,
    position: AgreedPosition | None,
    today: date,
) -> ComponentSummary:
    agreed = position.agreed if position is not None else None
    return ComponentSummary(
        component_id=component_id,
        number=framework.component(component_id).number,
        group=framework.group_of(component_id),
        figures=now.overall[component_id],
        by_agency=now.by_agency[component_id],
        previous=before.overall[component_id] if before is not None else None,
        position=PositionStatus.of(agreed, today) if agreed and agreed.is_started else None,
    )


def response_counts(responses: Sequence[Response], folding: Folding) -> ResponseCounts:
    """Complete and in-progress responses per folded agency group."""
    complete = Counter(folding.key_of[r.agency] for r in responses if r.is_complete)
    started = Counter(folding.key_of[r.agency] for r in responses if not r.is_complete)
    by_agency = tuple(AgencyCount(k, complete[k], started[k]) for k in folding.keys)
    return ResponseCounts(complete.total(), started.total(), by_agency)


def divergences(components: Sequence[ComponentSummary]) -> tuple[Divergence, ...]:
    """Pairs of shown agency groups whose medians differ by `DIVERGENCE_GAP` or more.

    Listed by C in order, the widest gap first; within a pair the lower median comes first.
    """
    found: list[Divergence] = []
    for c in components:
        found += sorted(_divergent_pairs(c), key=lambda d: -d.gap)
    return tuple(found)


def _divergent_pairs(c: ComponentSummary) -> list[Divergence]:
    medians = sorted(
        (a.figures.median, agency_order(a.agency), a.agency)
        for a in c.by_agency
        if a.figures.median is not None
    )
    return [
        Divergence(c.component_id, low_key, low, high_key, high)
        for (low, _, low_key), (high, _, high_key) in combinations(medians, 2)
        if high - low >= DIVERGENCE_GAP
    ]


def _grouped(
    framework: Framework, components: Sequence[ComponentSummary]
) -> tuple[GroupSummary, ...]:
    by_id = {c.component_id: c for c in components}
    return tuple(
        GroupSummary(g.id, tuple(by_id[cid] for cid in framework.ids if cid in g.cs))
        for g in framework.groups
    )
