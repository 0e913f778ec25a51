"""The summary's chart: each C's median on the whole 1–6 scale, drawn in monospace text.

Teams' `Chart.HorizontalBar` scales its axis to the highest value (a 4 filled the bar, ticks
fell at 0.67, 1.33 …) and has no place for the level names; coloured containers carry the
host's padding, so they cannot be thin bars. Here a bar is a run of block characters in a
monospace font, `STEPS` characters per scale point, coloured by level, with the rest of the
scale in faint shading; the tick row uses the same character grid, so ticks fall on whole
numbers whatever the data. The level names and colours are in a legend under it, every C has
a row ("no ratings yet" where there is nothing to draw) and each row says how many ratings its
bar rests on. Any Adaptive Cards client draws it; no fallback is needed.
"""

from __future__ import annotations

from assessment.framework import Framework
from assessment.stats import RatingFigures, format_rating
from assessment.summary_model import ComponentSummary
from cards.elements import Element, container, plain, run, subtle, text
from messages import Catalogue

TOP = 6
"""The top of the scale: a full bar."""
STEPS = 5
"""Characters per scale point (a bar is drawn to the nearest half point)."""
FULL, HALF, REST = "█", "▌", "░"
NBSP = "\u00a0"
"""Spaces that a renderer keeps (ordinary ones are collapsed by HTML)."""
LABEL_CHARS = 4
"""Characters of the row label (`C12 `), so that bars and ticks line up."""

BAR_COLOR = {1: "Attention", 2: "Attention", 3: "Dark"}
"""Text colour of a bar by level: red where the scale calls for action, dark for adequate,
the accent colour for good or better. Teams' light theme draws `Good` and `Warning` so pale
(green 2.1:1, yellow 1.5:1 on white) that a bar in them fails WCAG's 3:1 for graphics."""


def rating_chart(
    cat: Catalogue, framework: Framework, components: tuple[ComponentSummary, ...]
) -> Element | None:
    """A row per C, ticks 1–6, and the legend; None while no C has a median to draw."""
    if all(c.figures.median is None for c in components):
        return None
    title = text(cat.text("card.chart.title"), weight="Bolder")
    rows = [_row(cat, c) for c in components]
    return container(
        [title, *rows, _ticks(), *legend(cat)], id="chart", spacing="Large", separator=True
    )


def bar_color(level: int) -> str:
    return BAR_COLOR.get(level, "Accent")


def bar_runs(median: float) -> list[Element]:
    """The bar as text runs: `median` points in its level's colour, the rest shaded."""
    halves = round(median * 2)
    filled = FULL * (halves * STEPS // 2) + (HALF if halves % 2 and STEPS % 2 else "")
    level = max(1, min(TOP, int(median)))
    return [
        run(filled, color=bar_color(level), fontType="Monospace"),
        run(REST * (TOP * STEPS - len(filled)), isSubtle=True, fontType="Monospace"),
    ]


def _row(cat: Catalogue, c: ComponentSummary) -> Element:
    """`C4  ██████████░░░░░░░░░░  2 · 9 ratings` as one line of text runs."""
    figures = c.figures
    label = run(f"C{c.number}".ljust(LABEL_CHARS, NBSP), weight="Bolder", fontType="Monospace")
    if figures.median is None:
        why = (
            cat.text("card.chart.none")
            if figures.withheld_below is None
            else cat.text("card.figures.too_few", k=figures.withheld_below)
        )
        return plain(label, run(why, isSubtle=True, size="Small"), spacing="None")
    value = run(NBSP * 2 + chart_value(cat, figures), size="Small")
    return plain(label, *bar_runs(figures.median), value, spacing="None")


def chart_value(cat: Catalogue, figures: RatingFigures) -> str:
    """`3.5 · 7 ratings`: the median and how many ratings it rests on."""
    return cat.text(
        "card.chart.value", median=format_rating(figures.median or 0), count=figures.rated
    )


def _ticks() -> Element:
    """`    1    2    3 …`: each number under the last character of its point."""
    marks = "".join(str(n).rjust(STEPS, NBSP) for n in range(1, TOP + 1))
    marks = NBSP * LABEL_CHARS + marks
    return plain(run(marks, isSubtle=True, fontType="Monospace"), spacing="None")


def legend(cat: Catalogue) -> list[Element]:
    """What the numbers and colours mean, in the scale's own words."""
    names = " · ".join(
        cat.text("card.rating.choice", value=n, label=cat.text(f"scale.{n}.label"))
        for n in range(1, TOP + 1)
    )
    keys = [
        (bar_color(1), cat.text("card.chart.key_action")),
        (bar_color(3), cat.text("card.chart.key_adequate")),
        (bar_color(4), cat.text("card.chart.key_good")),
    ]
    swatches = [
        part
        for color, words in keys
        for part in (run(FULL * 2, color=color, fontType="Monospace"), run(f" {words}{NBSP * 3}"))
    ]
    return [
        subtle(cat.text("card.chart.axis", names=names), size="Small", spacing="Small"),
        plain(*swatches, size="Small", spacing="Small"),
    ]
