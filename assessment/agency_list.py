"""The partnership's own list of taking-part agencies (issue 11): which agencies "no
responses from" prompts expect. Unset, the default list (every agency but "other") stands.

Typed lists are matched loosely (case, spaces, apostrophes, "and"/"&"), but an agency the bot
does not know is refused, naming it, and nothing is stored: a misspelt agency silently
dropped would make an absent agency look present.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assessment.errors import AssessmentError
from assessment.model import Agency

ALIASES: dict[str, Agency] = {
    "childrens services": Agency.CHILDRENS_SERVICES,
    "children services": Agency.CHILDRENS_SERVICES,
    "local authority childrens services": Agency.CHILDRENS_SERVICES,
    "social care": Agency.ADULT_SOCIAL_CARE,
    "adults social care": Agency.ADULT_SOCIAL_CARE,
    "probation": Agency.PROBATION_YOUTH_JUSTICE,
    "youth justice": Agency.PROBATION_YOUTH_JUSTICE,
    "probation youth justice": Agency.PROBATION_YOUTH_JUSTICE,
    "voluntary": Agency.VOLUNTARY_SECTOR,
    "vcs": Agency.VOLUNTARY_SECTOR,
    "schools": Agency.EDUCATION,
    "nhs": Agency.HEALTH,
}
MAX_TYPED = 40
"""Longest agency name echoed back in a refusal."""


class UnknownAgency(AssessmentError):
    """params: `typed` (what was not recognised)."""

    message_id = "error.unknown_agency"


class EmptyAgencyList(AssessmentError):
    message_id = "error.empty_agency_list"


def _key(text: str) -> str:
    text = text.lower().replace("'", "").replace("’", "").replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def parse_agencies(parts: Iterable[str]) -> tuple[Agency, ...]:
    """Agencies in the model's order, each once; refuses unknown names and an empty list."""
    known = {_key(a.value): a for a in Agency} | ALIASES
    chosen: set[Agency] = set()
    for part in parts:
        key = _key(part)
        if not key:
            continue
        agency = known.get(key) or known.get(key.replace(" and ", " "))
        if agency is None:
            raise UnknownAgency(typed=part.strip()[:MAX_TYPED])
        chosen.add(agency)
    if not chosen:
        raise EmptyAgencyList()
    return tuple(a for a in Agency if a in chosen)


def split_typed(text: str) -> list[str]:
    """`police, health; education` → ["police", "health", "education"]."""
    return [p for p in re.split(r"[,;\n]", text) if p.strip()]
