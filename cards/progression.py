"""The "over the rounds" section of a C's detail card (issue 11)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assessment.framework import Framework
from assessment.progression import RoundPoint
from assessment.stats import format_rating
from cards.elements import Element, container, heading, text
from cards.labels import component_heading
from messages import Catalogue

ARROW = " → "


def progress_line(cat: Catalogue, points: Sequence[RoundPoint]) -> str:
    """`Agreed 2 → 3 → 3; practitioners 2 → 3 → 4` (– where a round has no figure)."""
    none = cat.text("card.progress.none")
    agreed = ARROW.join(str(p.agreed) if p.agreed is not None else none for p in points)
    median = ARROW.join(format_rating(p.median) if p.median is not None else none for p in points)
    return cat.text("card.progress.line", agreed=agreed, practitioners=median)


def progression_section(cat: Catalogue, points: Sequence[RoundPoint]) -> list[Element]:
    """Nothing until there are two rounds to compare."""
    if len(points) < 2:
        return []
    items = [
        heading(cat.text("card.progress.title"), size="Medium"),
        text(cat.text("card.progress.rounds", rounds=ARROW.join(p.title for p in points)),
             size="Small", isSubtle=True),
        text(progress_line(cat, points)),
    ]
    return [container(items, separator=True, spacing="Large")]


def progression_table(
    cat: Catalogue, framework: Framework, progress: Mapping[str, Sequence[RoundPoint]]
) -> list[Element]:
    """The summary's section: one line per C, once there are two rounds to compare."""
    rows = [(cid, progress.get(cid, ())) for cid in framework.ids]
    if not any(len(points) >= 2 for _, points in rows):
        return []
    titles = next(points for _, points in rows if len(points) >= 2)
    facts = [
        {"title": component_heading(cat, framework.component(cid)),
         "value": progress_line(cat, points)}
        for cid, points in rows if len(points) >= 2
    ]
    items = [
        heading(cat.text("card.progress.title"), size="Medium"),
        text(cat.text("card.progress.rounds", rounds=ARROW.join(p.title for p in titles)),
             size="Small", isSubtle=True),
        {"type": "FactSet", "facts": facts},
    ]
    return [container(items, separator=True, spacing="Large")]
