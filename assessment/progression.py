"""Progression per C over a partnership's rounds (issue 11): the agreed score and the
practitioners' median in each round, oldest first, e.g. "Agreed 2 → 3 → 3; practitioners
2 → 3 → 4".

Each round's median is what its lead summary shows: an anonymous round's published figures
(resting on k or more ratings, else withheld as None), a named round's live ones, so the line
never rests on fewer people than the round's own card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assessment.summary_model import RoundSummary

MAX_ROUNDS = 6
"""Most rounds shown on one line (the latest ones)."""


@dataclass(frozen=True, slots=True)
class RoundPoint:
    title: str
    agreed: int | None
    median: float | None


def progression(summaries: Sequence[RoundSummary], component_id: str) -> tuple[RoundPoint, ...]:
    """The C in each summarised round, oldest first (the last `MAX_ROUNDS`)."""
    points = []
    for summary in summaries[-MAX_ROUNDS:]:
        c = summary.component(component_id)
        agreed = c.position.score if c.position is not None else None
        points.append(RoundPoint(summary.title, agreed, c.figures.median))
    return tuple(points)
