"""Each C's figures overall and per (folded) agency group, with the anonymity rules applied.

Answers are first counted per C and group (`count_answers`: one pass over the responses);
the counts are what a publication freezes. `tabulate` turns counts into figures and applies
`assessment.anonymity` rules 2-3, so every caller gets only figures it may show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessment.anonymity import AgencyKey, Folding, fold, shown_groups, withhold
from assessment.framework import Framework
from assessment.model import Response
from assessment.stats import LEVELS, RatingFigures, Tally

Counts = Mapping[str, Mapping[AgencyKey, Sequence[int]]]
"""By component id, then group: how many said "not sure" (index 0) and rated 1..6."""


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


def breakdown(framework: Framework, responses: Sequence[Response], k: int) -> Breakdown:
    """Live figures from every answer given so far (named rounds, earlier rounds)."""
    folding = fold(responses, k)
    return tabulate(framework, folding, count_answers(framework, responses, folding))


def count_answers(
    framework: Framework, responses: Sequence[Response], folding: Folding
) -> dict[str, dict[AgencyKey, list[int]]]:
    """Tally every answer once; answers to Cs the framework lacks are ignored."""
    counts: dict[str, dict[AgencyKey, list[int]]] = {cid: {} for cid in framework.ids}
    for response in responses:
        key = folding.key_of[response.agency]
        for cid, answer in response.answers.items():
            groups = counts.get(cid)
            if groups is not None:
                groups.setdefault(key, [0] * (LEVELS + 1))[answer.rating or 0] += 1
    return counts


def tabulate(framework: Framework, folding: Folding, counts: Counts) -> Breakdown:
    """The figures the counts allow showing (anonymity rules 2-3)."""
    total = sum(folding.sizes.values())
    overall: dict[str, RatingFigures] = {}
    by_agency: dict[str, tuple[AgencyFigures, ...]] = {}
    for cid in framework.ids:
        groups = counts.get(cid, {})
        everyone = Tally([sum(level) for level in zip(*groups.values(), strict=True)] or None)
        overall[cid] = withhold(everyone.figures(total), folding.k)
        by_agency[cid] = _by_agency(folding, groups, everyone)
    return Breakdown(folding, overall, by_agency)


def _by_agency(
    folding: Folding, groups: Mapping[AgencyKey, Sequence[int]], everyone: Tally
) -> tuple[AgencyFigures, ...]:
    figures = {
        key: Tally(groups.get(key)).figures(folding.sizes[key]) for key in folding.shown
    }
    rated = sum(everyone.counts[1:])
    visible = shown_groups(rated, {key: f.rated for key, f in figures.items()}, folding.k)
    return tuple(
        AgencyFigures(key, f if key in visible else RatingFigures.withheld(f.responses, folding.k))
        for key, f in figures.items()
    )
