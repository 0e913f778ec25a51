"""Turn domain refusals and facts into catalogue text (dates in the reader's words)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from assessment.errors import AssessmentError
from assessment.framework import Framework
from messages import Catalogue


def when(value: datetime | None) -> str:
    """`26 November 2026` — the form people use in British English."""
    return f"{value.day} {value:%B %Y}" if value is not None else ""


def explain(cat: Catalogue, error: AssessmentError) -> str:
    """The message for a refusal; datetimes in its params are written as dates."""
    params: dict[str, Any] = {
        key: when(value) if isinstance(value, datetime) else value
        for key, value in error.params.items()
        if not hasattr(value, "model_dump")
    }
    return cat.text(error.message_id, **params)


def rating_label(cat: Catalogue, rating: int | None) -> str:
    if rating is None:
        return cat.text("scale.not_sure.label")
    return cat.text(f"scale.{rating}.label")


def component_name(cat: Catalogue, framework: Framework, component_id: str) -> str:
    number = framework.component(component_id).number
    return cat.text(
        "reply.component_name", number=number, title=cat.text(f"c.{component_id}.title")
    )
