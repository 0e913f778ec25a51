"""Refusals of an agreed-position form; each names its catalogue message like every refusal."""

from __future__ import annotations

from assessment.errors import AssessmentError
from assessment.position import AgreedPosition, FieldChange, PositionChange


class InvalidScore(AssessmentError):
    """The agreed score is not 1-6 (blank clears it)."""

    message_id = "error.invalid_score"


class InvalidTimeframe(AssessmentError):
    message_id = "error.invalid_timeframe"


class InvalidReviewDate(AssessmentError):
    """Not a calendar date (YYYY-MM-DD), or before the round opened."""

    message_id = "error.invalid_review_date"


class TooManyReviewDates(AssessmentError):
    message_id = "error.too_many_review_dates"


class StaleForm(AssessmentError):
    """Someone else saved the same fields since the form was opened; nothing was stored.

    `yours` are this lead's changes (old = the value the form showed), `theirs` the other
    saves since then, `conflicts` the fields both changed; `current` is what is stored. The
    bot shows both and reopens the form at `current.revision` with `yours` filled in.
    """

    message_id = "error.stale_position"

    def __init__(
        self,
        current: AgreedPosition,
        yours: tuple[FieldChange, ...],
        theirs: tuple[PositionChange, ...],
        conflicts: frozenset[str],
    ) -> None:
        super().__init__()
        self.current = current
        self.yours = yours
        self.theirs = theirs
        self.conflicts = conflicts
