"""Checking what an agreed-position card submitted (every input arrives as a string)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assessment.errors import TextTooLong
from assessment.position import (
    MAX_ACTION_PLAN,
    MAX_NARRATIVE,
    MAX_OWNER,
    MAX_REVIEW_DATES,
    MAX_STAKEHOLDERS,
    PositionFields,
    Timeframe,
)
from assessment.position_errors import (
    InvalidReviewDate,
    InvalidScore,
    InvalidTimeframe,
    TooManyReviewDates,
)
from assessment.screening import Kind, require_no_case_data

TEXT_LIMITS: dict[str, int] = {
    "evidence": MAX_NARRATIVE,
    "accountability": MAX_OWNER,
    "stakeholders": MAX_STAKEHOLDERS,
    "action_plan": MAX_ACTION_PLAN,
}
"""Field name -> most characters allowed (after trimming spaces)."""
NAMES_ALLOWED = {
    "accountability": frozenset({Kind.NAME}),
    "stakeholders": frozenset({Kind.NAME}),
}
"""The template asks for the lead person and partners here: a professional named in a role
("Dr Patel, designated doctor") is governance, not case data. Numbers and addresses are not."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class PositionForm:
    """The form as submitted; a field left None was not on the form and is kept as stored.

    `opened_revision` is the position's revision when the form was built (0 if none stored);
    `review_dates` are the date inputs' values ("YYYY-MM-DD"; blanks are ignored).
    """

    opened_revision: int
    score: str | None = None
    evidence: str | None = None
    accountability: str | None = None
    stakeholders: str | None = None
    action_plan: str | None = None
    timeframe: str | None = None
    review_dates: Sequence[str] | None = None


@dataclass(frozen=True)
class PositionEdit:
    """A checked form: `values` holds the fields named in `present`, the rest are defaults."""

    opened_revision: int
    values: PositionFields
    present: frozenset[str]


def parse_form(form: PositionForm, opened_on: date) -> PositionEdit:
    """Check every submitted field; `opened_on` is the day the round opened.

    The free-text fields are screened for case data like a practitioner's evidence (an agreed
    position is stored and shown to every lead), names aside where the template asks for
    owners and partners (`NAMES_ALLOWED`)."""
    values: dict[str, object] = {}
    if form.score is not None:
        values["score"] = _score(form.score)
    for name, limit in TEXT_LIMITS.items():
        text = getattr(form, name)
        if text is not None:
            values[name] = _text(name, text, limit)
    texts = {name: str(value) for name, value in values.items() if name in TEXT_LIMITS}
    require_no_case_data(texts, NAMES_ALLOWED)
    if form.timeframe is not None:
        values["timeframe"] = _timeframe(form.timeframe)
    if form.review_dates is not None:
        values["review_dates"] = _review_dates(form.review_dates, opened_on)
    fields = PositionFields.model_validate(values)
    return PositionEdit(form.opened_revision, fields, frozenset(values))


def _score(text: str) -> int | None:
    clean = text.strip()
    if not clean:
        return None
    if clean not in {"1", "2", "3", "4", "5", "6"}:
        raise InvalidScore(value=clean[:20])
    return int(clean)


def _text(name: str, text: str, limit: int) -> str:
    clean = text.strip()
    if len(clean) > limit:
        raise TextTooLong(limit=limit, length=len(clean), field=name)
    return clean


def _timeframe(text: str) -> Timeframe | None:
    clean = text.strip().lower()
    if not clean:
        return None
    try:
        return Timeframe(clean)
    except ValueError:
        raise InvalidTimeframe(value=clean[:20]) from None


def _review_dates(texts: Sequence[str], opened_on: date) -> tuple[date, ...]:
    """Calendar dates on or after the day the round opened, sorted, without repeats."""
    dates = {_review_date(t.strip(), opened_on) for t in texts if t.strip()}
    if len(dates) > MAX_REVIEW_DATES:
        raise TooManyReviewDates(limit=MAX_REVIEW_DATES)
    return tuple(sorted(dates))


def _review_date(text: str, opened_on: date) -> date:
    value = _calendar_date(text)
    if value is None or value < opened_on:
        raise InvalidReviewDate(value=text[:20], opened_on=opened_on.isoformat())
    return value


def _calendar_date(text: str) -> date | None:
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
