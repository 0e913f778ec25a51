"""The practitioner's walk through the 12 Cs, over the in-memory store."""

import pytest

from assessment.errors import (
    AgencyRequired,
    DuplicateSubmission,
    InvalidAnswer,
    NotAMember,
    RoundAlreadyOpen,
    RoundClosed,
    StaleCard,
    TextTooLong,
    UnknownComponent,
    UnknownRound,
)
from assessment.model import REVIEW, AnswerInput, Round
from assessment.service import AssessmentService
from storage.memory import MemoryStore

from .conftest import ALEX, LEAD, STRANGER


async def test_starting_puts_the_practitioner_on_c1_with_their_agency(
    service: AssessmentService, round_: Round
) -> None:
    response = await service.start(ALEX, round_.id)
    assert (response.position, response.agency, response.answers) == ("C1", "police", {})


async def test_starting_again_returns_the_same_response(
    service: AssessmentService, round_: Round
) -> None:
    first = await service.start(ALEX, round_.id)
    await service.answer(ALEX, round_.id, first.revision, AnswerInput("C1", "4", "thresholds"))
    again = await service.start(ALEX, round_.id)
    assert again.position == "C2" and again.answers["C1"].rating == 4


async def test_an_answer_is_stored_and_the_walk_moves_on(
    service: AssessmentService, round_: Round, store: MemoryStore
) -> None:
    response = await service.start(ALEX, round_.id)
    saved = await service.answer(
        ALEX, round_.id, response.revision, AnswerInput("C1", "not_sure", " ok ")
    )
    stored = await service.own_response(ALEX, round_)
    assert stored is not None and stored.answers["C1"].rating is None
    assert stored.answers["C1"].evidence == "ok" and saved.position == "C2"


async def test_the_walk_ends_on_the_review_after_c12(
    service: AssessmentService, round_: Round
) -> None:
    response = await service.start(ALEX, round_.id)
    for n in range(1, 13):
        response = await service.answer(
            ALEX, round_.id, response.revision, AnswerInput(f"C{n}", "3")
        )
    assert response.position == REVIEW and len(response.answers) == 12


async def test_back_and_skip_move_without_losing_answers(
    service: AssessmentService, round_: Round
) -> None:
    response = await service.start(ALEX, round_.id)
    response = await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "5"))
    response = await service.skip(ALEX, round_.id, response.revision, "C2")
    assert response.position == "C3"
    response = await service.back(ALEX, round_.id, response.revision, "C3")
    response = await service.back(ALEX, round_.id, response.revision, "C2")
    assert response.position == "C1" and response.answers["C1"].rating == 5


async def test_editing_from_the_review_returns_to_the_review(
    service: AssessmentService, round_: Round
) -> None:
    response = await service.start(ALEX, round_.id)
    for n in range(1, 13):
        response = await service.skip(ALEX, round_.id, response.revision, f"C{n}")
    response = await service.edit(ALEX, round_.id, response.revision, "C4")
    assert response.position == "C4"
    response = await service.answer(ALEX, round_.id, response.revision, AnswerInput("C4", "2"))
    assert response.position == REVIEW and response.answers["C4"].rating == 2


async def test_submit_marks_the_response_complete_and_edits_stay_possible(
    service: AssessmentService, round_: Round
) -> None:
    response = await service.start(ALEX, round_.id)
    for n in range(1, 13):
        response = await service.skip(ALEX, round_.id, response.revision, f"C{n}")
    response = await service.submit(ALEX, round_.id, response.revision)
    assert response.is_complete
    response = await service.edit(ALEX, round_.id, response.revision, "C1")
    response = await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "6"))
    assert response.is_complete and response.answers["C1"].rating == 6


async def test_the_same_answer_twice_is_stored_once_without_an_error(
    service: AssessmentService, round_: Round
) -> None:
    response = await service.start(ALEX, round_.id)
    card = AnswerInput("C1", "3", "evidence")
    await service.answer(ALEX, round_.id, response.revision, card)
    with pytest.raises(DuplicateSubmission) as repeat:
        await service.answer(ALEX, round_.id, response.revision, card)
    assert repeat.value.params["response"].position == "C2"


async def test_an_old_card_with_a_different_answer_is_stale_and_changes_nothing(
    service: AssessmentService, round_: Round, store: MemoryStore
) -> None:
    response = await service.start(ALEX, round_.id)
    await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "3"))
    with pytest.raises(StaleCard):
        await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "6"))
    stored = await service.own_response(ALEX, round_)
    assert stored is not None and stored.answers["C1"].rating == 3


@pytest.mark.parametrize("rating", ["0", "7", "", "three", "3.5", "-1"])
async def test_a_rating_outside_one_to_six_is_refused(
    service: AssessmentService, round_: Round, rating: str
) -> None:
    response = await service.start(ALEX, round_.id)
    with pytest.raises(InvalidAnswer):
        await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", rating))


async def test_text_over_2000_characters_is_refused(
    service: AssessmentService, round_: Round
) -> None:
    response = await service.start(ALEX, round_.id)
    with pytest.raises(TextTooLong):
        await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "3", "x" * 2001))
    answered = await service.answer(
        ALEX, round_.id, response.revision, AnswerInput("C1", "3", "x" * 2000)
    )
    assert len(answered.answers["C1"].evidence) == 2000


async def test_an_unknown_c_is_refused(service: AssessmentService, round_: Round) -> None:
    response = await service.start(ALEX, round_.id)
    with pytest.raises(UnknownComponent):
        await service.answer(ALEX, round_.id, response.revision, AnswerInput("C13", "3"))


async def test_a_closed_round_takes_no_answers(
    service: AssessmentService, round_: Round, store: MemoryStore
) -> None:
    response = await service.start(ALEX, round_.id)
    partnership = await store.get_partnership(round_.partnership_id)
    assert partnership is not None
    await service.close_round(partnership, LEAD)
    with pytest.raises(RoundClosed) as closed:
        await service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", "3"))
    assert closed.value.params["closed_on"] is not None


async def test_someone_outside_the_partnership_cannot_answer(
    service: AssessmentService, round_: Round
) -> None:
    await service.set_agency(STRANGER, "health")
    with pytest.raises(NotAMember):
        await service.start(STRANGER, round_.id)


async def test_an_unknown_round_is_refused(service: AssessmentService, round_: Round) -> None:
    with pytest.raises(UnknownRound):
        await service.start(ALEX, "0" * 32)


async def test_the_agency_is_asked_before_the_first_answer(
    service: AssessmentService, round_: Round
) -> None:
    await service.record_members(round_.partnership_id, ["aad-new"])
    from assessment.model import Actor

    with pytest.raises(AgencyRequired):
        await service.start(Actor(ALEX.tenant_id, "aad-new"), round_.id)


async def test_only_one_round_is_open_per_partnership(
    service: AssessmentService, round_: Round, store: MemoryStore
) -> None:
    partnership = await store.get_partnership(round_.partnership_id)
    assert partnership is not None
    with pytest.raises(RoundAlreadyOpen) as refused:
        await service.open_round(partnership, LEAD, "Another")
    assert refused.value.params["title"] == "Autumn 2026"
    await service.close_round(partnership, LEAD)
    assert (await service.open_round(partnership, LEAD, "Spring 2027")).is_open


async def test_concurrent_answers_to_the_same_card_store_one(
    service: AssessmentService, round_: Round
) -> None:
    import asyncio

    response = await service.start(ALEX, round_.id)
    outcomes = await asyncio.gather(
        *(service.answer(ALEX, round_.id, response.revision, AnswerInput("C1", r)) for r in "36"),
        return_exceptions=True,
    )
    saved = [o for o in outcomes if not isinstance(o, Exception)]
    assert len(saved) == 1 and isinstance(next(o for o in outcomes if o not in saved), StaleCard)
