"""Case-data screening: the tool assesses arrangements, never children, families or colleagues.

Every free text that would be stored (a practitioner's evidence and suggestion, a lead's
agreed-position narrative, owners, partners and plan) is screened before saving; a finding
refuses the save with `CaseDataFound`, which names each suspected part so the person can
remove it. The detectors (and why each is built as it is) are in `assessment.case_patterns`.

Screening favours precision over recall where the two conflict: a practitioner stopped by a
false alarm on an ordinary sentence stops trusting the tool, so meeting dates, years,
service names, counts and percentages must pass (the corpora in
`tests/unit/assessment/screening_corpus.py` measure both rates). It is a safety net, not a
guarantee: the cards still ask people not to type personal details.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from assessment.case_patterns import find_all
from assessment.errors import CaseDataFound


class Kind(StrEnum):
    """What a finding looks like; each kind has the message `screening.<value>`."""

    NHS_NUMBER = "nhs_number"
    DATE_OF_BIRTH = "date_of_birth"
    POSTCODE = "postcode"
    PHONE = "phone"
    EMAIL = "email"
    REFERENCE = "reference"
    NI_NUMBER = "ni_number"
    NAME = "name"


_PRIORITY = list(Kind)
"""When two findings overlap, the earlier kind here names the part (an NHS number that is
also a possible phone number is called an NHS number)."""


@dataclass(frozen=True)
class Finding:
    """One suspected identifier: its kind and where it is (`text[start:end]`)."""

    kind: Kind
    start: int
    end: int

    @property
    def message_id(self) -> str:
        return f"screening.{self.kind.value}"


@dataclass(frozen=True)
class Flagged:
    """A finding in a named field, with the words found (to show back, never to log)."""

    field: str
    kind: Kind
    found: str

    @property
    def message_id(self) -> str:
        return f"screening.{self.kind.value}"


def screen(text: str) -> list[Finding]:
    """The suspected identifiers in `text`, in reading order, none overlapping another."""
    hits = sorted(
        (Finding(Kind(kind), start, end) for kind, start, end in find_all(text)),
        key=lambda f: (f.start, _PRIORITY.index(f.kind), -f.end),
    )
    kept: list[Finding] = []
    for finding in hits:
        clash = next((k for k in kept if finding.start < k.end and k.start < finding.end), None)
        if clash is None:
            kept.append(finding)
        elif _PRIORITY.index(finding.kind) < _PRIORITY.index(clash.kind):
            kept[kept.index(clash)] = finding
    return sorted(kept, key=lambda f: f.start)


def require_no_case_data(
    fields: Mapping[str, str], allowed: Mapping[str, frozenset[Kind]] | None = None
) -> None:
    """Raise `CaseDataFound` listing every finding in `fields` (field name -> text), except
    the kinds `allowed` in a field (field name -> kinds)."""
    allowed = allowed or {}
    flagged = tuple(
        Flagged(name, finding.kind, text[finding.start : finding.end])
        for name, text in fields.items()
        for finding in screen(text)
        if finding.kind not in allowed.get(name, frozenset())
    )
    if flagged:
        raise CaseDataFound(flagged)
