"""What people type for their agency, beyond the catalogue's labels in every language:
the short names used in Welsh and English practice ("heddlu", "bwrdd iechyd", "tai")."""

from __future__ import annotations

from functools import cache

from messages.catalogue import available_locales, load_catalogue

SHORT_NAMES: dict[str, frozenset[str]] = {
    "police": frozenset({"heddlu", "yr heddlu"}),
    "health": frozenset({"nhs", "gig", "bwrdd iechyd", "health board"}),
    "childrens_services": frozenset(
        {"children's services", "gwasanaethau plant", "gofal cymdeithasol plant"}
    ),
    "adult_social_care": frozenset(
        {"adult services", "gwasanaethau oedolion", "gofal cymdeithasol oedolion"}
    ),
    "education": frozenset({"school", "ysgol"}),
    "probation_youth_justice": frozenset(
        {"probation", "youth justice", "prawf", "gwasanaeth prawf", "cyfiawnder ieuenctid"}
    ),
    "housing": frozenset({"tai"}),
    "voluntary_sector": frozenset(
        {"voluntary", "third sector", "gwirfoddol", "y sector gwirfoddol", "trydydd sector"}
    ),
    "other": frozenset({"arall"}),
}


@cache
def agency_names(agency: str) -> frozenset[str]:
    """Every lower-case name that means `agency` (its value, labels in each language, short
    names)."""
    labels = {load_catalogue(lang).text(f"agency.{agency}").lower() for lang in available_locales()}
    return frozenset({agency, *labels, *SHORT_NAMES.get(agency, ())})
