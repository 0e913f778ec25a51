"""The "over the rounds" section of a C's detail card (issue 11)."""

from __future__ import annotations

from collections.abc import Sequence

from assessment.progression import RoundPoint
from assessment.stats import format_rating
from cards.elements import Element, container, heading, text
from messages import Catalogue

ARROW = " → "


def progression_section(cat: Catalogue, points: Sequence[RoundPoint]) -> list[Element]:
    """Nothing until there are two rounds to compare."""
    if len(points) < 2:
        return []
    none = cat.text("card.progress.none")
    agreed = ARROW.join(str(p.agreed) if p.agreed is not None else none for p in points)
    median = ARROW.join(format_rating(p.median) if p.median is not None else none for p in points)
    items = [
        heading(cat.text("card.progress.title"), size="Medium"),
        text(cat.text("card.progress.rounds", rounds=ARROW.join(p.title for p in points)),
             size="Small", isSubtle=True),
        text(cat.text("card.progress.line", agreed=agreed, practitioners=median)),
    ]
    return [container(items, separator=True, spacing="Large")]
