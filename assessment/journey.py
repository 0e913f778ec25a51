"""Where a practitioner goes next: pure moves over a `Response`, no I/O.

Each move returns a new Response; the caller stores it. Positions are component ids or
`REVIEW` (after the last C).
"""

from __future__ import annotations

from datetime import datetime

from assessment.framework import Framework
from assessment.model import REVIEW, Answer, Response


def first_position(framework: Framework, response: Response | None = None) -> str:
    """Where a fresh walk starts: the first C."""
    return framework.ids[0]


def next_position(framework: Framework, response: Response, component_id: str) -> str:
    """After answering or skipping `component_id`: the next C, or back to review if editing."""
    if response.return_to_review:
        return REVIEW
    index = framework.index(component_id)
    return framework.ids[index + 1] if index + 1 < len(framework.ids) else REVIEW


def previous_position(framework: Framework, position: str) -> str:
    """Back from `position`: the C before it (C1 stays at C1; review goes to the last C)."""
    if position == REVIEW:
        return framework.ids[-1]
    return framework.ids[max(framework.index(position) - 1, 0)]


def record(framework: Framework, response: Response, answer: Answer, now: datetime) -> Response:
    """Store `answer` and move on."""
    answers = {**response.answers, answer.component_id: answer}
    position = next_position(framework, response, answer.component_id)
    return response.model_copy(
        update={
            "answers": answers,
            "position": position,
            "return_to_review": response.return_to_review and position != REVIEW,
            "updated_at": now,
        }
    )


def skip(framework: Framework, response: Response, component_id: str, now: datetime) -> Response:
    """Move past `component_id` leaving any earlier answer to it as it was."""
    position = next_position(framework, response, component_id)
    return response.model_copy(
        update={"position": position, "return_to_review": False, "updated_at": now}
    )


def back(framework: Framework, response: Response, now: datetime) -> Response:
    return response.model_copy(
        update={
            "position": previous_position(framework, response.position),
            "return_to_review": False,
            "updated_at": now,
        }
    )


def edit(response: Response, component_id: str, now: datetime) -> Response:
    """Open one C from the review card; answering it returns to the review."""
    return response.model_copy(
        update={"position": component_id, "return_to_review": True, "updated_at": now}
    )


def submit(response: Response, now: datetime) -> Response:
    return response.model_copy(update={"submitted_at": now, "position": REVIEW, "updated_at": now})


def same_answer(answer: Answer | None, other: Answer) -> bool:
    """Whether `other` repeats `answer` (ignoring when it was given): a double click."""
    if answer is None:
        return False
    return (answer.component_id, answer.rating, answer.evidence, answer.suggestion) == (
        other.component_id,
        other.rating,
        other.evidence,
        other.suggestion,
    )
