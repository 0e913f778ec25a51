"""One C in detail for a lead (`summary C4`): figures by agency, comments, last round, position.

Comments are attributed by agency group only, folded as in `assessment.anonymity`; a comment
from a group too small to show is attributed to nobody. In an anonymous round they come from
the round's publication: no rating beside them, listed by group and, within a group, in the
order shuffled at publication, so their order says nothing about who answered when. In a
named round they are live, with the rating, listed by group then alphabetically; names
appear only there and only when the caller asks (`reveal_names`): the bot does so for leads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from assessment.anonymity import MIN_GROUP_SIZE, AgencyKey, Folding, agency_order, shows_words
from assessment.breakdown import AgencyFigures, Breakdown
from assessment.errors import UnknownComponent
from assessment.framework import Framework
from assessment.model import Response, Round
from assessment.position import AgreedPosition
from assessment.publication import Publication, round_breakdown
from assessment.stats import RatingFigures
from assessment.summary import component_summary, previous_breakdown
from assessment.summary_model import LIVE_BASIS, ComponentSummary, FiguresBasis, PreviousRound


@dataclass(frozen=True, slots=True)
class Comment:
    agency: AgencyKey | None
    """None when the respondent's group is too small to name."""
    rating: int | None
    """The rating (None: not sure), meaningful only when `rating_shown`."""
    evidence: str
    suggestion: str
    name: str | None = None
    rating_shown: bool = False
    """Only in named rounds: in anonymous rounds a rating beside words singles a person out."""


@dataclass(frozen=True)
class ComponentDetail:
    summary: ComponentSummary
    """Figures, shown agency groups, the previous round's figures and the position status."""
    unshown_responses: int
    """Responses in groups too small to show on their own (counted in the overall figures)."""
    comments: tuple[Comment, ...]
    position: AgreedPosition | None
    """The full record with its history, for the form (`revision`) and the change log."""
    basis: FiguresBasis = LIVE_BASIS
    """What the figures and comments rest on."""

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
    publication: Publication | None = None,
    k: int = MIN_GROUP_SIZE,
) -> ComponentDetail:
    """The detail of `component_id`; raises `UnknownComponent` for an id the model lacks.
    `publication` is what an anonymous round has published (None: nothing yet)."""
    if not framework.has(component_id):
        raise UnknownComponent(component=component_id)
    mine = [r for r in responses if r.round_id == round_.id]
    now = round_breakdown(framework, round_, mine, publication, k)
    before = previous_breakdown(framework, previous, k)
    parts = _Parts(round_, mine, positions, today, now, before, publication, k)
    return _detail(framework, parts, component_id, reveal_names)


def component_details(
    framework: Framework,
    round_: Round,
    responses: Sequence[Response],
    positions: Mapping[str, AgreedPosition],
    previous: PreviousRound | None,
    today: date,
    *,
    publication: Publication | None = None,
    k: int = MIN_GROUP_SIZE,
) -> tuple[ComponentDetail, ...]:
    """Every C's detail, without names, from one pass over the responses (the board's
    report of a large round would otherwise read them once per C)."""
    mine = [r for r in responses if r.round_id == round_.id]
    now = round_breakdown(framework, round_, mine, publication, k)
    before = previous_breakdown(framework, previous, k)
    parts = _Parts(round_, mine, positions, today, now, before, publication, k)
    return tuple(_detail(framework, parts, cid, False) for cid in framework.ids)


@dataclass(frozen=True)
class _Parts:
    round_: Round
    responses: Sequence[Response]
    positions: Mapping[str, AgreedPosition]
    today: date
    now: Breakdown
    before: Breakdown | None
    publication: Publication | None
    k: int


def _detail(
    framework: Framework, parts: _Parts, component_id: str, reveal_names: bool
) -> ComponentDetail:
    round_, now, k = parts.round_, parts.now, parts.k
    position = parts.positions.get(component_id)
    summary = component_summary(
        framework, component_id, now, parts.before, position, parts.today
    )
    if round_.named and parts.publication is None:
        comments = _live_comments(parts.responses, component_id, now.folding, reveal_names)
    else:
        comments = _published_comments(parts.publication, component_id, k)
    return ComponentDetail(
        summary=summary,
        unshown_responses=sum(n for g, n in now.folding.sizes.items() if not now.folding.shows(g)),
        comments=comments,
        position=position,
        basis=FiguresBasis.of(parts.publication, k, named=round_.named),
    )


def _published_comments(
    publication: Publication | None, component_id: str, k: int
) -> tuple[Comment, ...]:
    """By group in agency order; within a group, the order shuffled at publication."""
    if publication is None or not shows_words(publication.responses, k):
        return ()
    found = publication.comments.get(component_id, [])
    comments = [Comment(c.agency, None, c.evidence, c.suggestion) for c in found]
    return tuple(sorted(comments, key=lambda c: _group_order(c.agency)))


def _live_comments(
    responses: Sequence[Response], component_id: str, folding: Folding, named: bool
) -> tuple[Comment, ...]:
    comments = [
        Comment(
            agency=folding.attribute(r.agency),
            rating=answer.rating,
            evidence=answer.evidence,
            suggestion=answer.suggestion,
            name=r.respondent_name if named else None,
            rating_shown=True,
        )
        for r in responses
        if (answer := r.answers.get(component_id)) and (answer.evidence or answer.suggestion)
    ]
    return tuple(sorted(comments, key=_comment_order))


def _group_order(agency: AgencyKey | None) -> int:
    return agency_order(agency) if agency else agency_order("")


def _comment_order(comment: Comment) -> tuple[int, str, str]:
    evidence, suggestion = comment.evidence.casefold(), comment.suggestion.casefold()
    return (_group_order(comment.agency), evidence, suggestion)
