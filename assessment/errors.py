"""Refusals the domain gives, each carrying the catalogue id of the message to show."""

from __future__ import annotations

from typing import Any


class AssessmentError(Exception):
    """A request the domain refuses; the store is unchanged when it is raised."""

    message_id = "error.generic"

    def __init__(self, **params: Any) -> None:
        super().__init__(self.message_id, params)
        self.params = params


class RoundAlreadyOpen(AssessmentError):
    message_id = "error.round_already_open"


class NoOpenRound(AssessmentError):
    message_id = "error.no_open_round"


class RoundClosed(AssessmentError):
    message_id = "error.round_closed"


class UnknownRound(AssessmentError):
    message_id = "error.unknown_round"


class NotAMember(AssessmentError):
    message_id = "error.not_a_member"


class NotALead(AssessmentError):
    message_id = "error.not_a_lead"


class UnknownComponent(AssessmentError):
    message_id = "error.unknown_component"


class InvalidAnswer(AssessmentError):
    message_id = "error.invalid_answer"


class TextTooLong(AssessmentError):
    message_id = "error.text_too_long"


class InvalidTitle(AssessmentError):
    message_id = "error.invalid_title"


class AgencyRequired(AssessmentError):
    message_id = "error.agency_required"


class NoResponse(AssessmentError):
    message_id = "error.no_response"


class StaleCard(AssessmentError):
    """The card was made for an earlier step; the person is shown where they are now."""

    message_id = "error.stale_card"


class DuplicateSubmission(AssessmentError):
    """The same submission arrived twice (a double click): stored once, no error shown."""

    message_id = "info.duplicate"


class ConcurrentUpdate(Exception):
    """Raised by a store when a record changed since it was read; the caller retries."""


class CaseDataFound(AssessmentError):
    """Text to be stored looks like it identifies a person (an NHS number, a postcode …).

    `flagged` holds each suspected part (`assessment.screening.Flagged`) so the card can point
    it out; the exception's own text names only the kinds, so a log line never carries what
    was typed.
    """

    message_id = "error.case_data"

    def __init__(self, flagged: tuple[Any, ...]) -> None:
        super().__init__()
        self.args = (self.message_id, sorted({str(f.kind) for f in flagged}))
        self.flagged = flagged


# -- access that follows membership -------------------------------------------------------


class NoLongerMember(AssessmentError):
    """A lead of the round who has since left (or been removed from) its team or chat."""

    message_id = "error.lead_not_member"
