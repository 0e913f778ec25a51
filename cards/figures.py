"""How a lead's cards word the figures of one C: rating with its label, spread, change, dates.

Shared by the summary and the C detail so that a median reads the same everywhere.
"""

from __future__ import annotations

from datetime import date

from assessment.stats import RatingFigures, format_rating
from assessment.summary_model import FiguresBasis
from cards.dates import card_calendar_day
from messages import Catalogue

SEP = " · "


def rated(cat: Catalogue, value: float) -> str:
    """`2.5 · Weak`: the label is the lower level's on a tie, as the prompts read it."""
    level = min(max(int(value), 1), 6)
    return cat.text(
        "card.rating.choice", value=format_rating(value), label=cat.text(f"scale.{level}.label")
    )


def median_text(cat: Catalogue, figures: RatingFigures) -> str:
    """The median with its label, or why there is none."""
    if figures.withheld_below is not None:
        return cat.text("card.figures.too_few", k=figures.withheld_below)
    if figures.median is None:
        return cat.text("card.figures.no_rating")
    return rated(cat, figures.median)


def spread_text(cat: Catalogue, figures: RatingFigures) -> str | None:
    """`ratings from 2 to 5, most between 3 and 4`, in whole levels (None with no ratings).

    "Most" is the middle half of the ratings, rounded to the levels people chose from."""
    low, high = figures.lowest, figures.highest
    if low is None or high is None:
        return None
    if low == high:
        return cat.text("card.figures.plain_all_same", rating=low)
    spread = cat.text("card.figures.plain_range", lowest=low, highest=high)
    lower, upper = figures.lower_quartile, figures.upper_quartile
    if lower is None or upper is None:
        return spread
    most_low, most_high = _level_of(lower), _level_of(upper)
    if (most_low, most_high) == (low, high):
        return spread
    if most_low == most_high:
        most = cat.text("card.figures.plain_most_at", rating=most_low)
    else:
        most = cat.text("card.figures.plain_most", lower=most_low, upper=most_high)
    return cat.text("card.figures.plain_spread", spread=spread, most=most)


def _level_of(value: float) -> int:
    """The nearest whole level, halves rounded up (2.5 → 3), as people round."""
    return int(value + 0.5)


def counts_text(cat: Catalogue, figures: RatingFigures) -> str | None:
    """`rests on 5 ratings · 2 not sure`: how many answers the figures stand on."""
    parts = []
    if figures.rated:
        parts.append(cat.text("card.figures.rests_on", count=figures.rated))
    if figures.not_sure:
        parts.append(cat.text("card.figures.not_sure", count=figures.not_sure))
    return SEP.join(parts) or None


def figures_line(cat: Catalogue, figures: RatingFigures) -> str:
    """Everything about one group's answers on one line (detail card)."""
    parts = [median_text(cat, figures), spread_text(cat, figures), counts_text(cat, figures)]
    return SEP.join(p for p in parts if p)


def change_text(cat: Catalogue, change: float | None) -> str | None:
    """`▼ 1 since the previous round`; None when there is nothing to compare."""
    if change is None:
        return None
    if change == 0:
        return cat.text("card.figures.no_change")
    key = "card.figures.up" if change > 0 else "card.figures.down"
    return cat.text(key, change=format_rating(abs(change)))


def basis_text(cat: Catalogue, basis: FiguresBasis) -> str | None:
    """What the figures rest on: live (named rounds: None), nothing yet, or a publication."""
    if basis.live:
        return None
    if not basis.published or basis.published_at is None:
        return cat.text("card.figures.unpublished", k=basis.min_ratings)
    key = "card.figures.published_final" if basis.final else "card.figures.published"
    day = card_day(basis.published_at.date(), cat.locale)
    return cat.text(key, count=basis.published, date=day, k=basis.min_ratings)


def level_color(level: int | None) -> str:
    """TextBlock colour of a level: attention where the scale calls for action, else the
    default (amber and green text are too faint on Teams' light theme)."""
    return "Attention" if level is not None and level <= 2 else "Default"


def card_day(day: date, locale: str = "en") -> str:
    """A calendar date as the reader's locale writes it (`29 Nov 2026`)."""
    return card_calendar_day(day, locale)
