"""Turn domain refusals and facts into catalogue text (dates in the reader's words)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from assessment.dates import long_local_day
from assessment.errors import AssessmentError, CaseDataFound
from assessment.framework import Framework
from messages import Catalogue


def when(value: datetime | None, locale: str = "en") -> str:
    """`26 November 2026` (`26 Tachwedd 2026`): the day in UK time, in the reader's words."""
    return long_local_day(value, locale) if value is not None else ""


def explain(cat: Catalogue, error: AssessmentError) -> str:
    """The message for a refusal; datetimes in its params are written as dates."""
    if isinstance(error, CaseDataFound):
        return case_data(cat, error)
    params: dict[str, Any] = {
        key: when(value, cat.locale) if isinstance(value, datetime) else value
        for key, value in error.params.items()
        if not hasattr(value, "model_dump")
    }
    return cat.text(error.message_id, **params)


MAX_FLAGGED_SHOWN = 3
"""More than this many suspected parts are counted, not quoted, to keep the card short."""
MAX_QUOTE = 60


def case_data(cat: Catalogue, error: CaseDataFound) -> str:
    """Each suspected part in words ("This looks like an NHS number: “…”."), then what to do."""
    flagged = error.flagged
    parts = [cat.text(f.message_id, found=f.found[:MAX_QUOTE]) for f in flagged[:MAX_FLAGGED_SHOWN]]
    if len(flagged) > MAX_FLAGGED_SHOWN:
        parts.append(cat.text("screening.more", count=len(flagged) - MAX_FLAGGED_SHOWN))
    parts.append(cat.text("error.case_data" if len(flagged) == 1 else "error.case_data_many"))
    return " ".join(parts)


def rating_label(cat: Catalogue, rating: int | None) -> str:
    if rating is None:
        return cat.text("scale.not_sure.label")
    return cat.text(f"scale.{rating}.label")


def component_name(cat: Catalogue, framework: Framework, component_id: str) -> str:
    number = framework.component(component_id).number
    return cat.text(
        "reply.component_name", number=number, title=cat.text(f"c.{component_id}.title")
    )
