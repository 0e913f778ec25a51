"""One C in detail for a lead (`summary C4`): figures by agency, comments, last round, position.

Comments are attributed by agency group only, folded as in `assessment.anonymity`; a comment
from a group too small to show is attributed to nobody. They are listed by group, then
alphabetically, so their order says nothing about who answered when. Names appear only in a
named round and only when the caller asks (`reveal_names`): the bot does so for leads alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from assessment.anonymity import AgencyKey, Folding, agency_order
from assessment.breakdown import AgencyFigures, breakdown
from assessment.errors import UnknownComponent
from assessment.framework import Framework
from assessment.model import Response, Round
from assessment.position import AgreedPosition
from assessment.stats import RatingFigures
from assessment.summary import component_summary
from assessment.summary_model import ComponentSummary, PreviousRound


@dataclass(frozen=True, slots=True)
class Comment:
    agency: AgencyKey | None
    """None when the respondent's group is too small to name."""
    rating: int | None
    evidence: str
    suggestion: str
    name: str | None = None


@dataclass(frozen=True)
class ComponentDetail:
    summary: ComponentSummary
    """Figures, shown agency groups, the previous round's figures and the position status."""
    unshown_responses: int
    """Responses in groups too small to show on their own (counted in the overall figures)."""
    comments: tuple[Comment, ...]
    position: AgreedPosition | None
    """The full record with its history, for the form (`revision`) and the change log."""

    @property
    def figures(self) -> RatingFigures:
        return self.summary.figures

    @property
    def by_agency(self) -> tuple[AgencyFigures, ...]:
        return self.summary.by_agency

    @property
    def previous(self) -> RatingFigures | None:
        return self.summary.previous


def component_detail(
    framework: Framework,
    round_: Round,
    responses: Sequence[Response],
    positions: Mapping[str, AgreedPosition],
    previous: PreviousRound | None,
    component_id: str,
    today: date,
    *,
    reveal_names: bool = False,
) -> ComponentDetail:
    """The detail of `component_id`; raises `UnknownComponent` for an id the model lacks."""
    if not framework.has(component_id):
        raise UnknownComponent(component=component_id)
    mine = [r for r in responses if r.round_id == round_.id]
    now = breakdown(framework, mine)
    before = breakdown(framework, previous.responses) if previous is not None else None
    position = positions.get(component_id)
    summary = component_summary(framework, component_id, now, before, position, today)
    named = reveal_names and round_.named
    return ComponentDetail(
        summary=summary,
        unshown_responses=sum(n for k, n in now.folding.sizes.items() if not now.folding.shows(k)),
        comments=_comments(mine, component_id, now.folding, named),
        position=position,
    )


def _comments(
    responses: Sequence[Response], component_id: str, folding: Folding, named: bool
) -> tuple[Comment, ...]:
    comments = [
        Comment(
            agency=_shown_key(folding, r),
            rating=answer.rating,
            evidence=answer.evidence,
            suggestion=answer.suggestion,
            name=r.respondent_name if named else None,
        )
        for r in responses
        if (answer := r.answers.get(component_id)) and (answer.evidence or answer.suggestion)
    ]
    return tuple(sorted(comments, key=_comment_order))


def _shown_key(folding: Folding, response: Response) -> AgencyKey | None:
    key = folding.key_of[response.agency]
    return key if folding.shows(key) else None


def _comment_order(comment: Comment) -> tuple[int, str, str]:
    group = agency_order(comment.agency) if comment.agency else agency_order("")
    return (group, comment.evidence.casefold(), comment.suggestion.casefold())
