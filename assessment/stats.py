"""Rating figures for one C: median, spread and quartiles, from a histogram of the 1-6 levels.

Ratings take six values, so each group's answers are counted into a histogram as they are read
(one pass over the responses) and every figure is read off the histogram: the summary grows
linearly with the number of responses.

Quartiles and the median use linear interpolation between order statistics (the "inclusive"
method, as spreadsheets' QUARTILE.INC), so they always lie between the lowest and highest
rating. The median of an even count falls halfway between the middle two (e.g. 3.5); its
`median_level` is the lower of the two, so a split between two levels never hides the worse
one (a median of 1.5 still calls for urgent action).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

LEVELS = 6


@dataclass(frozen=True, slots=True)
class RatingFigures:
    """One group's answers to one C; the float figures are None when nobody gave a rating."""

    responses: int
    """Responses in the group, whether or not they answered this C."""
    distribution: tuple[int, ...]
    """How many rated 1, 2, ... 6 (for a bar chart)."""
    not_sure: int
    unanswered: int
    median: float | None
    lowest: int | None
    highest: int | None
    lower_quartile: float | None
    upper_quartile: float | None
    withheld_below: int | None = None
    """Set to k when fewer than k people rated: every figure is then hidden (see
    `assessment.anonymity`), and the counts above are zero."""

    @classmethod
    def withheld(cls, responses: int, k: int) -> RatingFigures:
        """Figures that say only that fewer than `k` people rated."""
        return cls(responses, (0,) * LEVELS, 0, 0, None, None, None, None, None, k)

    @property
    def rated(self) -> int:
        return sum(self.distribution)

    @property
    def median_level(self) -> int | None:
        """The scale level whose label and action the median takes: the lower one on a tie."""
        return None if self.median is None else math.floor(self.median)


class Tally:
    """Counts one group's answers to one C; `counts[0]` is "not sure", `counts[n]` rating n."""

    __slots__ = ("counts",)

    def __init__(self, counts: Sequence[int] | None = None) -> None:
        self.counts = list(counts) if counts is not None else [0] * (LEVELS + 1)

    def add(self, rating: int | None) -> None:
        self.counts[rating or 0] += 1

    def figures(self, responses: int) -> RatingFigures:
        """The figures for a group of `responses` people (those not counted are unanswered)."""
        distribution = tuple(self.counts[1:])
        answered = sum(self.counts)
        if not any(distribution):
            return RatingFigures(
                responses, distribution, self.counts[0], responses - answered, *([None] * 5)
            )
        return RatingFigures(
            responses=responses,
            distribution=distribution,
            not_sure=self.counts[0],
            unanswered=responses - answered,
            median=quantile(distribution, 0.5),
            lowest=_order_statistic(distribution, 0),
            highest=_order_statistic(distribution, sum(distribution) - 1),
            lower_quartile=quantile(distribution, 0.25),
            upper_quartile=quantile(distribution, 0.75),
        )


def quantile(distribution: tuple[int, ...], q: float) -> float:
    """The q-quantile (0 <= q <= 1) of the ratings counted in `distribution`, interpolated."""
    position = q * (sum(distribution) - 1)
    below = math.floor(position)
    value = _order_statistic(distribution, below)
    if position == below:
        return float(value)
    above = _order_statistic(distribution, below + 1)
    return value + (position - below) * (above - value)


def _order_statistic(distribution: tuple[int, ...], k: int) -> int:
    """The (k+1)-th smallest rating (k from 0)."""
    seen = 0
    for level, count in enumerate(distribution, start=1):
        seen += count
        if k < seen:
            return level
    raise IndexError(k)


def format_rating(value: float) -> str:
    """A median or quartile as people read it: "3", "3.5", "2.25"."""
    return f"{value:g}"
