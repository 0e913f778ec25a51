"""The lead's round summary: pure functions from the round's records to a `RoundSummary`.

`summarise(...)` is what `@twelvecs summary` shows; `component_detail(...)` in
`assessment.detail` is `summary C4`. Both read everything they need from their arguments, so
the bot fetches the round, its responses, its agreed positions and the previous round first.

In an anonymous round the figures come from the round's `Publication` (submitted responses,
renewed in steps of k: see `assessment.publication`); in a named round they count every
answer given so far. Either way `assessment.anonymity` decides which figures may be shown.
The response counts (complete, in progress) are always live: they carry no ratings.
Divergence compares only groups whose figures are shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from itertools import combinations

from assessment.action_prompts import EXPECTED_AGENCIES, action_prompts
from assessment.action_status import ActionStatus
from assessment.anonymity import MIN_GROUP_SIZE, Folding, agency_order, fold
from assessment.breakdown import Breakdown
from assessment.framework import Framework
from assessment.model import Agency, Response, Round
from assessment.position import AgreedPosition
from assessment.publication import Publication, round_breakdown
from assessment.reminders import london_today
from assessment.summary_model import (
    AgencyCount,
    ComponentSummary,
    Divergence,
    FiguresBasis,
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
    *,
    publication: Publication | None = None,
    k: int = MIN_GROUP_SIZE,
) -> RoundSummary:
    """The round as it stands on `today`; `positions` are the round's, by component id;
    `publication` is what an anonymous round has published (None: nothing yet)."""
    mine = [r for r in responses if r.round_id == round_.id]
    live = fold(mine, k)
    now = round_breakdown(framework, round_, mine, publication, k)
    before = previous_breakdown(framework, previous, k)
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
        responses=response_counts(mine, live),
        groups=_grouped(framework, components),
        divergences=divergences(components),
        prompts=action_prompts(
            framework, components, live, round_open=round_.is_open, expected=expected
        ),
        previous_round_id=previous.round.id if previous is not None else None,
        basis=FiguresBasis.of(publication, k, named=round_.named),
    )


def previous_breakdown(
    framework: Framework, previous: PreviousRound | None, k: int
) -> Breakdown | None:
    """The previous round's figures, under the same rules as the current round's."""
    if previous is None:
        return None
    return round_breakdown(framework, previous.round, previous.responses, previous.publication, k)


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
        position=(
            PositionStatus.of(agreed, today, last_reviewed(position), position.action_status)
            if position is not None and agreed is not None and agreed.is_started
            else None
        ),
        carried_from=position.carried_from if position is not None else None,
    )


def last_reviewed(position: AgreedPosition) -> date | None:
    """The UK date the action was last marked reviewed (issue 11), if ever."""
    reviews = [s.at for s in position.status_history if s.status is ActionStatus.REVIEWED]
    return london_today(max(reviews)) if reviews else None


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
