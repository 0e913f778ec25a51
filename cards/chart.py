"""The summary's chart: each C's median rating as a Teams `Chart.HorizontalBar`.

Charts are a Teams extension the Adaptive Cards SDK does not know, so the element carries a
`fallback`: a plain FactSet of the same figures, which any client renders.
Schema (Teams "Charts in Adaptive Cards"): `data` is a list of `{x: label, y: number,
color?}`; colours include `good`, `warning`, `attention`, `neutral`.
"""

from __future__ import annotations

from assessment.framework import Framework
from assessment.summary_model import ComponentSummary
from cards.elements import Element, container, text
from cards.figures import median_text
from cards.labels import component_heading
from messages import Catalogue

_BAR_COLOR = {1: "attention", 2: "attention", 3: "warning"}


def rating_chart(
    cat: Catalogue, framework: Framework, components: tuple[ComponentSummary, ...]
) -> Element | None:
    """A bar per C that has a median (none at all: no chart); the fallback lists every C."""
    rated = [c for c in components if c.figures.median is not None]
    if not rated:
        return None
    title = cat.text("card.summary.chart_title")
    return {
        "type": "Chart.HorizontalBar",
        "title": title,
        "displayMode": "AbsoluteWithAxis",
        "data": [_bar(cat, framework, c) for c in rated],
        "fallback": _table(cat, framework, components, title),
    }


def _bar(cat: Catalogue, framework: Framework, c: ComponentSummary) -> Element:
    median = c.figures.median or 0.0
    level = c.figures.median_level or 0
    return {
        "x": c.component_id,  # full names crowd the bars out; the fallback and list name them
        "y": median,
        "color": _BAR_COLOR.get(level, "good"),
    }


def _table(
    cat: Catalogue, framework: Framework, components: tuple[ComponentSummary, ...], title: str
) -> Element:
    facts = [
        {"title": _label(cat, framework, c), "value": median_text(cat, c.figures)}
        for c in components
    ]
    return container([text(title, weight="Bolder"), {"type": "FactSet", "facts": facts}])


def _label(cat: Catalogue, framework: Framework, c: ComponentSummary) -> str:
    return component_heading(cat, framework.component(c.component_id))
