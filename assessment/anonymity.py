"""Folding small agencies together so that nobody can be singled out in a breakdown.

Rules (the same for anonymous and named rounds, since summaries are posted in channels):
- an agency with fewer than `MIN_GROUP_SIZE` responses in the round (complete or in progress)
  is folded into "other agencies" in every breakdown: response counts, figures, divergence
  and comment attribution;
- practitioners who chose the agency "Other" always join "other agencies" (it names nobody);
- if "other agencies" itself has fewer than `MIN_GROUP_SIZE` responses, its response counts
  are still shown (counts are not opinions, and the total is known anyway) but its figures
  are not shown as a group and its comments are attributed to nobody; its answers still count
  in the partnership's overall figures.
Agencies with no responses at all are named (there is nobody to single out).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assessment.model import Agency, Response

MIN_GROUP_SIZE = 3
"""Fewest responses a group needs for its own figures or attribution."""
OTHER_AGENCIES = "other_agencies"
"""The key of the folded group; its label is the catalogue's `agency.other_agencies`."""

AgencyKey = str
"""An `Agency` value, or `OTHER_AGENCIES`; the catalogue label is `agency.<key>`."""

_ORDER = {key: index for index, key in enumerate([*Agency, OTHER_AGENCIES])}


@dataclass(frozen=True)
class Folding:
    """Which group each agency's responses count under, and each group's size."""

    key_of: Mapping[Agency, AgencyKey]
    sizes: Mapping[AgencyKey, int]

    def shows(self, key: AgencyKey) -> bool:
        """Whether the group's own figures and attribution may be shown."""
        return self.sizes.get(key, 0) >= MIN_GROUP_SIZE

    @property
    def keys(self) -> tuple[AgencyKey, ...]:
        """Groups with at least one response, agencies in their usual order, folded last."""
        return tuple(sorted(self.sizes, key=agency_order))

    @property
    def shown(self) -> tuple[AgencyKey, ...]:
        return tuple(k for k in self.keys if self.shows(k))


def fold(responses: Iterable[Response]) -> Folding:
    """Group the round's responses by agency, folding small agencies together."""
    counts = Counter(r.agency for r in responses)
    key_of = {agency: _key(agency, count) for agency, count in counts.items()}
    sizes: Counter[AgencyKey] = Counter()
    for agency, count in counts.items():
        sizes[key_of[agency]] += count
    return Folding(key_of, dict(sizes))


def agency_order(key: AgencyKey) -> int:
    return _ORDER.get(key, len(_ORDER))


def _key(agency: Agency, count: int) -> AgencyKey:
    if agency is Agency.OTHER or count < MIN_GROUP_SIZE:
        return OTHER_AGENCIES
    return agency.value
