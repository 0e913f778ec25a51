"""How a lead's cards word the figures of one C: rating with its label, spread, change, dates.

Shared by the summary and the C detail so that a median reads the same everywhere.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from assessment.stats import RatingFigures, format_rating
from assessment.summary_model import FiguresBasis
from messages import Catalogue
from messages.dates import welsh_date

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
    """`range 1–4, middle half 2–3` (shorter when they coincide), or None with no ratings."""
    low, high = figures.lowest, figures.highest
    if low is None or high is None:
        return None
    if low == high:
        return cat.text("card.figures.all_same", rating=low)
    lower, upper = figures.lower_quartile, figures.upper_quartile
    if lower is None or upper is None or (lower, upper) == (low, high):
        return cat.text("card.figures.range", lowest=low, highest=high)
    return cat.text(
        "card.figures.spread",
        lowest=low,
        highest=high,
        lower=format_rating(lower),
        upper=format_rating(upper),
    )


def counts_text(cat: Catalogue, figures: RatingFigures) -> str | None:
    """`5 rated · 2 not sure`: how many answers the figures stand on (None: no answers)."""
    parts = []
    if figures.rated:
        parts.append(cat.text("card.figures.rated", count=figures.rated))
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
    return cat.text(
        key, count=basis.published, date=card_day(basis.published_at.date()), k=basis.min_ratings
    )


def level_color(level: int | None) -> str:
    """TextBlock colour of a level: attention where the scale calls for action, else the
    default (amber and green text are too faint on Teams' light theme)."""
    return "Attention" if level is not None and level <= 2 else "Default"


def card_day(day: date) -> str:
    """A calendar date Teams formats in the reader's locale (noon UTC keeps the day)."""
    if (welsh := welsh_date(day)) is not None:
        return welsh
    noon = datetime.combine(day, time(12), tzinfo=UTC)
    return "{{DATE(" + noon.strftime("%Y-%m-%dT%H:%M:%SZ") + ", SHORT)}}"
