"""Case data is refused where it would be stored: answers and agreed positions, store unchanged."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.errors import CaseDataFound
from assessment.model import AnswerInput, Round
from assessment.position_form import PositionForm, parse_form
from assessment.screening import Kind
from assessment.service import AssessmentService
from messages import load_catalogue
from storage.memory import MemoryStore

from .conftest import ALEX

OPENED_ON = date(2026, 11, 2)


@pytest.mark.parametrize(
    "answer",
    [
        AnswerInput("C1", "3", evidence="Child born 12/03/2015 was not seen."),
        AnswerInput("C1", "3", evidence="Fine", suggestion="Ring mum on 07912 345678"),
        AnswerInput("C1", "not_sure", evidence="NHS 943 476 5919"),
    ],
)
async def test_an_answer_with_case_data_is_not_stored(
    service: AssessmentService, store: MemoryStore, round_: Round, answer: AnswerInput
) -> None:
    started = await service.start(ALEX, round_.id)
    with pytest.raises(CaseDataFound):
        await service.answer(ALEX, round_.id, started.revision, answer)
    assert await service.own_response(ALEX, round_) == started


async def test_the_same_answer_without_it_is_stored(
    service: AssessmentService, round_: Round
) -> None:
    started = await service.start(ALEX, round_.id)
    answer = AnswerInput("C1", "3", evidence="Children are not always seen within the target.")
    saved = await service.answer(ALEX, round_.id, started.revision, answer)
    assert saved.answers["C1"].evidence == answer.evidence


@pytest.mark.parametrize("field", ["evidence", "accountability", "stakeholders", "action_plan"])
def test_every_text_of_an_agreed_position_is_screened(field: str) -> None:
    form = PositionForm(opened_revision=0, **{field: "Contact j.bloggs@example.org"})
    with pytest.raises(CaseDataFound) as refused:
        parse_form(form, OPENED_ON)
    assert [(f.field, f.kind) for f in refused.value.flagged] == [(field, Kind.EMAIL)]


def test_owners_and_partners_may_be_named_but_not_in_the_narrative_or_plan() -> None:
    named = "Dr Patel, designated doctor"
    edit = parse_form(PositionForm(0, accountability=named, stakeholders=named), OPENED_ON)
    assert edit.values.accountability == named
    with pytest.raises(CaseDataFound):
        parse_form(PositionForm(0, evidence="Mrs Jones was not told"), OPENED_ON)


def test_every_kind_has_a_message_in_the_catalogue() -> None:
    cat = load_catalogue()
    for kind in Kind:
        assert "“x”" in cat.text(f"screening.{kind.value}", found="x")
