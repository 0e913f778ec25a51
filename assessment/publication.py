"""Published figures: what leads see of an anonymous round, frozen until k more submit.

Recomputing figures live would let a lead compare two summaries and read off what the one
person in between answered. So an anonymous round's figures and comments come from a
`Publication`: the answer counts per C and folded agency group and the comments, taken from
*submitted* responses only, with no respondent ids, no answer order and no rating beside a
comment. A new one is due when at least k more responses have been submitted since the last
(the first once k have), and once when the round closes (everything submitted then).
Comments sit in their own field so that retention can delete them and keep the counts.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from assessment.anonymity import AgencyKey, Folding, fold
from assessment.breakdown import Breakdown, breakdown, count_answers, tabulate
from assessment.framework import Framework
from assessment.model import Record, Response, Round

Shuffle = Callable[[list["PublishedComment"]], None]
_SYSTEM_RANDOM = random.SystemRandom()


class PublishedComment(BaseModel):
    """Evidence and suggestion as typed; `agency` only when that group may be named."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agency: AgencyKey | None = None
    evidence: str = ""
    suggestion: str = ""


class Publication(Record):
    """One round's published figures (one record per round, replaced by compare-and-set)."""

    round_id: str
    responses: int = Field(ge=0)
    """Submitted responses the figures rest on."""
    published_at: datetime
    final: bool = False
    """Published after the round closed: nothing more will come."""
    groups: dict[AgencyKey, int] = Field(default_factory=dict)
    """Submitted responses per folded agency group."""
    counts: dict[str, dict[AgencyKey, list[int]]] = Field(default_factory=dict)
    """By C and group: "not sure" then ratings 1..6, as `assessment.breakdown.Counts`."""
    comments: dict[str, list[PublishedComment]] = Field(default_factory=dict)
    """By C, in a shuffled order."""


def is_due(round_: Round, responses: Sequence[Response], last: Publication | None, k: int) -> bool:
    """Whether a new publication should replace `last` (None: nothing published yet)."""
    submitted = sum(1 for r in responses if r.round_id == round_.id and r.is_complete)
    if not round_.is_open:
        return (last is None and submitted > 0) or (last is not None and not last.final)
    return submitted >= (last.responses if last is not None else 0) + k


def publish(
    framework: Framework,
    round_: Round,
    responses: Sequence[Response],
    *,
    k: int,
    now: datetime,
    revision: int = 0,
    shuffle: Shuffle = _SYSTEM_RANDOM.shuffle,
) -> Publication:
    """Freeze the round's submitted responses as counts and shuffled comments."""
    submitted = [r for r in responses if r.round_id == round_.id and r.is_complete]
    folding = fold(submitted, k)
    return Publication(
        round_id=round_.id,
        responses=len(submitted),
        published_at=now,
        final=not round_.is_open,
        groups=dict(folding.sizes),
        counts=count_answers(framework, submitted, folding),
        comments={cid: _comments(submitted, cid, folding, shuffle) for cid in framework.ids},
        revision=revision,
    )


def published_breakdown(framework: Framework, publication: Publication | None, k: int) -> Breakdown:
    """The figures a publication allows showing (nothing published: no figures at all)."""
    if publication is None:
        return tabulate(framework, Folding({}, {}, k), {})
    return tabulate(framework, Folding({}, publication.groups, k), publication.counts)


def round_breakdown(
    framework: Framework,
    round_: Round,
    responses: Sequence[Response],
    publication: Publication | None,
    k: int,
) -> Breakdown:
    """What leads may see of a round: live in a named round (until retention froze it into a
    publication and deleted its responses), else the publication."""
    if round_.named and publication is None:
        return breakdown(framework, [r for r in responses if r.round_id == round_.id], k)
    return published_breakdown(framework, publication, k)


def _comments(
    responses: Sequence[Response], component_id: str, folding: Folding, shuffle: Shuffle
) -> list[PublishedComment]:
    found = [
        PublishedComment(
            agency=folding.attribute(r.agency),
            evidence=answer.evidence,
            suggestion=answer.suggestion,
        )
        for r in responses
        if (answer := r.answers.get(component_id)) and (answer.evidence or answer.suggestion)
    ]
    shuffle(found)
    return found
