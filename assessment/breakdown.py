"""One pass over a round's responses: each C's figures overall and per (folded) agency group."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessment.anonymity import AgencyKey, Folding, fold
from assessment.framework import Framework
from assessment.model import Response
from assessment.stats import RatingFigures, Tally


@dataclass(frozen=True, slots=True)
class AgencyFigures:
    agency: AgencyKey
    figures: RatingFigures


@dataclass(frozen=True)
class Breakdown:
    """Figures by component id; `by_agency` holds only groups big enough to be shown."""

    folding: Folding
    overall: Mapping[str, RatingFigures]
    by_agency: Mapping[str, tuple[AgencyFigures, ...]]


def breakdown(framework: Framework, responses: Sequence[Response]) -> Breakdown:
    """Tally every answer once; answers to Cs the framework lacks are ignored."""
    folding = fold(responses)
    overall = {cid: Tally() for cid in framework.ids}
    groups = {key: {cid: Tally() for cid in framework.ids} for key in folding.shown}
    for response in responses:
        group = groups.get(folding.key_of[response.agency])
        for cid, answer in response.answers.items():
            tally = overall.get(cid)
            if tally is not None:
                tally.add(answer.rating)
                if group is not None:
                    group[cid].add(answer.rating)
    return Breakdown(
        folding,
        {cid: tally.figures(len(responses)) for cid, tally in overall.items()},
        {cid: _by_agency(folding, groups, cid) for cid in framework.ids},
    )


def _by_agency(
    folding: Folding, groups: Mapping[AgencyKey, Mapping[str, Tally]], cid: str
) -> tuple[AgencyFigures, ...]:
    return tuple(
        AgencyFigures(key, groups[key][cid].figures(folding.sizes[key])) for key in folding.shown
    )
