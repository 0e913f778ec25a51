"""What the board's report holds: the lead's summary and each C's detail, plus progression.

Every figure comes from `assessment.summary.summarise` and `assessment.detail.component_details`
(the same functions the cards use), so the report and the cards can never disagree and the
anonymity rules of `assessment.anonymity` apply unchanged: withheld figures stay withheld,
anonymous rounds show only their publication, comments carry no rating unless the round is
named.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from assessment.anonymity import MIN_GROUP_SIZE
from assessment.detail import ComponentDetail, component_details
from assessment.framework import Framework
from assessment.model import Response, Round
from assessment.position import AgreedPosition, PositionFields
from assessment.publication import Publication
from assessment.summary import previous_breakdown, summarise
from assessment.summary_model import PreviousRound, RoundSummary


@dataclass(frozen=True, slots=True)
class RoundPoint:
    """One earlier round's standing on a C: its title, median (None: withheld) and score."""

    title: str
    opened: date
    median: float | None
    agreed: int | None


@dataclass(frozen=True)
class EarlierRound:
    """A round before the reported one, with what it published and agreed."""

    previous: PreviousRound
    positions: Mapping[str, AgreedPosition]


@dataclass(frozen=True)
class Report:
    partnership: str | None
    """The team or chat's name as Teams gave it (None: unknown)."""
    round_: Round
    summary: RoundSummary
    details: tuple[ComponentDetail, ...]
    """One per C, in the model's order."""
    progression: Mapping[str, tuple[RoundPoint, ...]]
    """By C: earlier rounds, oldest first, then this one."""
    generated_at: datetime

    @property
    def has_responses(self) -> bool:
        return self.summary.responses.total > 0

    def agreed(self, component_id: str) -> PositionFields:
        """The C's agreed position (empty fields until the partnership records them)."""
        found = self.detail(component_id).position
        return found.agreed if found is not None else PositionFields()

    def detail(self, component_id: str) -> ComponentDetail:
        return next(d for d in self.details if d.summary.component_id == component_id)


def build_report(
    framework: Framework,
    round_: Round,
    responses: Sequence[Response],
    positions: Mapping[str, AgreedPosition],
    earlier: Sequence[EarlierRound],
    *,
    now: datetime,
    partnership: str | None = None,
    publication: Publication | None = None,
    k: int = MIN_GROUP_SIZE,
) -> Report:
    """The report of `round_` as it stands `now`; `earlier` rounds oldest first. Names are
    never revealed: a board paper travels further than a lead's Teams view."""
    today = now.date()
    previous = earlier[-1].previous if earlier else None
    summary = summarise(
        framework, round_, responses, positions, previous, today, publication=publication, k=k
    )
    details = component_details(
        framework, round_, responses, positions, previous, today, publication=publication, k=k
    )
    return Report(
        partnership=partnership,
        round_=round_,
        summary=summary,
        details=details,
        progression=_progression(framework, earlier, summary, round_, k),
        generated_at=now,
    )


def _progression(
    framework: Framework,
    earlier: Sequence[EarlierRound],
    summary: RoundSummary,
    round_: Round,
    k: int,
) -> dict[str, tuple[RoundPoint, ...]]:
    points: dict[str, list[RoundPoint]] = {cid: [] for cid in framework.ids}
    for before in earlier:
        figures = previous_breakdown(framework, before.previous, k)
        assert figures is not None
        old = before.previous.round
        for cid in framework.ids:
            agreed = before.positions.get(cid)
            score = agreed.agreed.score if agreed is not None else None
            median = figures.overall[cid].median
            points[cid].append(RoundPoint(old.title, old.opened_at.date(), median, score))
    for c in summary.components:
        score = c.position.score if c.position is not None else None
        points[c.component_id].append(
            RoundPoint(round_.title, round_.opened_at.date(), c.figures.median, score)
        )
    return {cid: tuple(found) for cid, found in points.items()}
