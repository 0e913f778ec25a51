"""What a lead's summary holds: plain frozen values a card builder reads, no I/O, no text.

Labels come from the catalogue: `c.<id>.title`, `group.<id>`, `scale.<level>.label`,
`agency.<key>` (including `agency.other_agencies`), `timeframe.<value>`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from assessment.anonymity import MIN_GROUP_SIZE, AgencyKey
from assessment.breakdown import AgencyFigures
from assessment.model import Response, Round
from assessment.position import PositionFields, Timeframe
from assessment.prompt_model import Prompt
from assessment.publication import Publication
from assessment.stats import RatingFigures


@dataclass(frozen=True)
class PreviousRound:
    """The partnership's round before this one, with its responses, to show change
    (an anonymous round's figures come from its `publication`)."""

    round: Round
    responses: Sequence[Response]
    publication: Publication | None = None


@dataclass(frozen=True, slots=True)
class FiguresBasis:
    """What the figures on a lead's card rest on, so the card can say it."""

    min_ratings: int
    """k: fewest ratings any figure rests on."""
    published: int | None = None
    """Submitted responses the published figures rest on; None when figures are live."""
    published_at: datetime | None = None
    final: bool = False

    @property
    def live(self) -> bool:
        return self.published is None and self.published_at is None

    @classmethod
    def of(cls, publication: Publication | None, k: int, *, named: bool) -> FiguresBasis:
        if named and publication is None:
            return cls(k)
        if publication is None:
            return cls(k, published=0)
        return cls(k, publication.responses, publication.published_at, publication.final)


@dataclass(frozen=True, slots=True)
class AgencyCount:
    agency: AgencyKey
    complete: int
    in_progress: int


@dataclass(frozen=True)
class ResponseCounts:
    """Responses by (folded) agency group; in progress means started and not yet submitted."""

    complete: int
    in_progress: int
    by_agency: tuple[AgencyCount, ...]

    @property
    def total(self) -> int:
        return self.complete + self.in_progress


@dataclass(frozen=True, slots=True)
class PositionStatus:
    """The agreed position as the summary needs it (the full record is in the detail)."""

    score: int | None
    missing: tuple[str, ...]
    """Which of accountability, action_plan, timeframe are not recorded yet."""
    timeframe: Timeframe | None
    next_review: date | None
    """The first review point on or after the summary's date."""
    overdue_review: date | None
    """The first review point before the summary's date."""
    has_evidence: bool = True
    """Whether an evidence narrative is recorded (issue 11: an agreed score needs one)."""
    action_status: str | None = None
    """Where the action stands in the cycle (`assessment.action_status`), if recorded."""

    @property
    def in_hand(self) -> bool:
        return not self.missing

    @classmethod
    def of(
        cls,
        agreed: PositionFields,
        today: date,
        reviewed_on: date | None = None,
        action_status: str | None = None,
    ) -> PositionStatus:
        """`reviewed_on`: the day the action was last marked reviewed (issue 11); a review
        date on or before it has had its review and no longer prompts."""
        upcoming = [d for d in agreed.review_dates if d >= today]
        overdue = agreed.overdue_review(today)
        if overdue is not None and reviewed_on is not None:
            waiting = [d for d in agreed.review_dates if reviewed_on < d < today]
            overdue = min(waiting) if waiting else None
        return cls(
            score=agreed.score,
            missing=agreed.missing,
            timeframe=agreed.timeframe,
            next_review=min(upcoming) if upcoming else None,
            overdue_review=overdue,
            has_evidence=bool(agreed.evidence.strip()),
            action_status=action_status,
        )


LIVE_BASIS = FiguresBasis(MIN_GROUP_SIZE)
"""Live figures under the default k (what a summary built without a basis assumes)."""


@dataclass(frozen=True)
class ComponentSummary:
    """One C: overall figures, shown agency groups, last round's figures, agreed position."""

    component_id: str
    number: int
    group: str
    figures: RatingFigures
    by_agency: tuple[AgencyFigures, ...]
    previous: RatingFigures | None
    position: PositionStatus | None
    """None until any field of the agreed position is recorded."""
    carried_from: str | None = None
    """The earlier round's title while the position is carried forward and not yet confirmed
    (issue 11)."""

    @property
    def change(self) -> float | None:
        """Median now minus median in the previous round (negative: it fell)."""
        before = self.previous.median if self.previous else None
        now = self.figures.median
        return None if before is None or now is None else now - before

    @property
    def level_source(self) -> Literal["agreed", "median"] | None:
        """The agreed score, once set, outranks the practitioners' median."""
        if self.position is not None and self.position.score is not None:
            return "agreed"
        return "median" if self.figures.median is not None else None

    @property
    def rating(self) -> float | None:
        """Where the C stands: the agreed score once set, else the median rating."""
        if self.position is not None and self.position.score is not None:
            return float(self.position.score)
        return self.figures.median

    @property
    def level(self) -> int | None:
        """The scale level of `rating` (the lower level for a median halfway between two)."""
        return None if self.rating is None else math.floor(self.rating)


@dataclass(frozen=True, slots=True)
class Divergence:
    """Two agency groups whose medians for a C lie `gap` or more points apart."""

    component_id: str
    lower: AgencyKey
    lower_median: float
    higher: AgencyKey
    higher_median: float

    @property
    def gap(self) -> float:
        return self.higher_median - self.lower_median


@dataclass(frozen=True)
class GroupSummary:
    """One of the model's two groups, with its Cs in order."""

    group_id: str
    components: tuple[ComponentSummary, ...]


@dataclass(frozen=True)
class RoundSummary:
    round_id: str
    title: str
    named: bool
    is_open: bool
    as_of: date
    responses: ResponseCounts
    groups: tuple[GroupSummary, ...]
    divergences: tuple[Divergence, ...]
    prompts: tuple[Prompt, ...]
    """Most urgent first."""
    previous_round_id: str | None
    basis: FiguresBasis = LIVE_BASIS
    """What the figures rest on (live, or a publication of N submitted responses)."""

    @property
    def components(self) -> tuple[ComponentSummary, ...]:
        return tuple(c for g in self.groups for c in g.components)

    def component(self, component_id: str) -> ComponentSummary:
        return next(c for c in self.components if c.component_id == component_id)
