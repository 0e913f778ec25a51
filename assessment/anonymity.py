"""The anonymity rules, in one place: what a lead-visible output may show about few people.

`k` is the deployment's minimum group size (`MIN_GROUP_SIZE` by default, never below it).

1. Groups. An agency with fewer than k responses is folded into "other agencies" in every
   breakdown (counts, figures, divergence, comment attribution); practitioners who chose the
   agency "Other" always join it. A group with fewer than k responses has no figures or
   attribution of its own; its response counts are still shown (counts are not opinions).
2. Figures. A figure of a C (median, spread, count of ratings, "not sure" count), overall or
   for a group, is shown only when at least k people gave it a rating (`withhold`).
3. Complements. Overall figures minus the shown groups' figures describe everyone else; a
   group's figures on a C are withheld too while that remainder holds 1 to k-1 ratings, so
   no subtraction isolates fewer than k people (`shown_groups`).
4. Absence. "No responses from X" names absent agencies only when no expected agency is
   hidden inside "other agencies": otherwise the list would name who makes up that small
   group. Then the lead gets one count instead, which the counts table already implies
   (`names_absent_agencies`).
5. Comments. In anonymous rounds a comment carries no rating, is attributed to a group only
   when rule 1 shows the group, and is listed in a shuffled order fixed at publication;
   none is listed while fewer than k responses are published (a round that closed with one
   or two responses shows no words: the lead may well know who they were) (`shows_words`).
6. Publication. In anonymous rounds figures and comments come from a frozen publication of
   submitted responses, renewed only when k more have been submitted (or the round closed):
   see `assessment.publication`. Two summaries either side of one submission are identical.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from assessment.model import Agency, Response
from assessment.stats import RatingFigures

MIN_GROUP_SIZE = 3
"""Default and lowest allowed k: fewest people a figure, group or attribution may rest on."""
OTHER_AGENCIES = "other_agencies"
"""The key of the folded group; its label is the catalogue's `agency.other_agencies`."""

AgencyKey = str
"""An `Agency` value, or `OTHER_AGENCIES`; the catalogue label is `agency.<key>`."""

_ORDER = {key: index for index, key in enumerate([*Agency, OTHER_AGENCIES])}


class GroupSizeTooSmall(ValueError):
    """A configured minimum group size below `MIN_GROUP_SIZE`."""

    def __init__(self, k: int) -> None:
        super().__init__(
            f"the minimum group size must be at least {MIN_GROUP_SIZE} (got {k}): smaller groups"
            " would let leads work out one person's answers"
        )


def check_group_size(k: int) -> int:
    """`k` if it is an allowed minimum group size, else `GroupSizeTooSmall`."""
    if k < MIN_GROUP_SIZE:
        raise GroupSizeTooSmall(k)
    return k


@dataclass(frozen=True)
class Folding:
    """Which group each agency's responses count under, and each group's size."""

    key_of: Mapping[Agency, AgencyKey]
    sizes: Mapping[AgencyKey, int]
    k: int = MIN_GROUP_SIZE

    def shows(self, key: AgencyKey) -> bool:
        """Whether the group's own figures and attribution may be shown."""
        return self.sizes.get(key, 0) >= self.k

    def attribute(self, agency: Agency) -> AgencyKey | None:
        """The group a comment from `agency` may be attributed to, or None (rule 1)."""
        key = self.key_of.get(agency)
        return key if key is not None and self.shows(key) else None

    @property
    def keys(self) -> tuple[AgencyKey, ...]:
        """Groups with at least one response, agencies in their usual order, folded last."""
        return tuple(sorted(self.sizes, key=agency_order))

    @property
    def shown(self) -> tuple[AgencyKey, ...]:
        return tuple(k for k in self.keys if self.shows(k))


def fold(responses: Iterable[Response], k: int = MIN_GROUP_SIZE) -> Folding:
    """Group the round's responses by agency, folding agencies under `k` together."""
    counts = Counter(r.agency for r in responses)
    key_of = {agency: _key(agency, count, k) for agency, count in counts.items()}
    sizes: Counter[AgencyKey] = Counter()
    for agency, count in counts.items():
        sizes[key_of[agency]] += count
    return Folding(key_of, dict(sizes), k)


def withhold(figures: RatingFigures, k: int) -> RatingFigures:
    """Rule 2: the figures, or withheld ones when fewer than `k` people rated."""
    if figures.withheld_below is not None or figures.rated >= k:
        return figures
    return RatingFigures.withheld(figures.responses, k)


def shown_groups(total_rated: int, rated: Mapping[AgencyKey, int], k: int) -> frozenset[str]:
    """Rules 2-3 for one C: the groups whose figures may be shown beside the overall ones.

    Groups with under `k` ratings are out; then, while the ratings outside the shown groups
    number 1 to k-1, the smallest shown group (the later in agency order on a tie) joins them.
    """
    shown = {key: n for key, n in rated.items() if n >= k}
    rest = total_rated - sum(shown.values())
    while 0 < rest < k and shown:
        smallest = min(shown, key=lambda key: (shown[key], -agency_order(key)))
        rest += shown.pop(smallest)
    return frozenset(shown)


def shows_words(published_responses: int, k: int) -> bool:
    """Rule 5: comments of an anonymous round are listed only from k responses on."""
    return published_responses >= k


def names_absent_agencies(folding: Folding, expected: Collection[Agency]) -> bool:
    """Rule 4: absent agencies may be named only if no expected agency is folded away."""
    return not any(
        agency in expected and key == OTHER_AGENCIES for agency, key in folding.key_of.items()
    )


def agency_order(key: AgencyKey) -> int:
    return _ORDER.get(key, len(_ORDER))


def _key(agency: Agency, count: int, k: int) -> AgencyKey:
    if agency is Agency.OTHER or count < k:
        return OTHER_AGENCIES
    return agency.value
