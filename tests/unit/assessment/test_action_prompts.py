"""Action prompts: what needs doing, most urgent first, each with a button and real text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime

import pytest

from assessment.action_status import ActionStatus, StatusChange
from assessment.framework import load_framework
from assessment.model import Agency, Response, Round
from assessment.position import AgreedPosition, PositionFields
from assessment.prompt_model import ActionKind, Prompt, PromptKind, action_label, prompt_text
from assessment.summary import summarise
from assessment.summary_model import PreviousRound
from messages import load_catalogue
from tests.unit.assessment.summary_data import (
    EARLIER,
    TODAY,
    everywhere,
    in_hand,
    make_round,
    people,
    position,
    published,
    response,
)
from tests.unit.assessment.summary_data import earlier as previous_of

OLD = date(2026, 11, 10)
IDENTIFIED_AT = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
ALL_AGENCIES_ANSWERED = [response(a, {}) for a in Agency for _ in range(3)]


def prompts(
    responses: Sequence[Response],
    *,
    positions: Mapping[str, PositionFields] | None = None,
    previous: PreviousRound | None = None,
    round_: Round | None = None,
    every_agency: bool = True,
    identified: Sequence[str] = (),
) -> tuple[Prompt, ...]:
    """`identified`: Cs whose action status is "identified" (issue 11)."""
    stored: dict[str, AgreedPosition] = {
        cid: position(cid, agreed) for cid, agreed in (positions or {}).items()
    }
    for cid in identified:
        step = StatusChange(status=ActionStatus.IDENTIFIED, by="aad-lead", at=IDENTIFIED_AT)
        stored[cid] = stored[cid].model_copy(update={"status_history": (step,)})
    extra = ALL_AGENCIES_ANSWERED if every_agency else []
    round_ = round_ or make_round()
    everyone = [*responses, *extra]
    summary = summarise(
        load_framework(), round_, everyone, stored, previous, TODAY,
        publication=published(everyone, round_),
    )
    return summary.prompts


def kinds(found: Sequence[Prompt]) -> list[tuple[PromptKind, str | None]]:
    return [(p.kind, p.component_id) for p in found]


def test_a_median_of_1_calls_for_urgent_action_on_that_c() -> None:
    found = prompts(people(Agency.POLICE, [1, 1, 2], "C4"))
    assert kinds(found) == [(PromptKind.URGENT_ACTION, "C4")]
    assert found[0].action is not None
    assert found[0].action.kind is ActionKind.RECORD_POSITION
    assert found[0].action.component_id == "C4"


def test_a_median_of_2_calls_for_priority_action() -> None:
    assert kinds(prompts(people(Agency.POLICE, [2, 2, 3], "C4"))) == [
        (PromptKind.PRIORITY_ACTION, "C4")
    ]


def test_a_median_halfway_between_1_and_2_is_urgent() -> None:
    found = prompts(people(Agency.POLICE, [1, 1, 2, 2], "C4"))
    assert kinds(found) == [(PromptKind.URGENT_ACTION, "C4")]


def test_a_median_of_3_needs_no_action() -> None:
    assert prompts(people(Agency.POLICE, [2, 3, 4], "C4")) == ()


def test_an_agreed_score_of_1_calls_for_action_even_if_the_median_is_good() -> None:
    found = prompts(people(Agency.POLICE, [5, 5, 5]), positions={"C1": PositionFields(score=1)})
    assert kinds(found) == [(PromptKind.URGENT_ACTION, "C1")]
    assert found[0].refs["source"] == "prompt.source.agreed"


def test_an_agreed_score_of_4_quietens_the_urgent_prompt_of_a_low_median() -> None:
    agreed = in_hand(score=4, evidence="Audit of 40 referrals")
    found = prompts(people(Agency.POLICE, [2, 3, 3]), positions={"C1": agreed})
    assert found == ()


def test_an_agreed_score_two_above_the_median_is_challenged_saying_what_it_rests_on() -> None:
    agreed = in_hand(score=4, evidence="Audit of 40 referrals")
    found = prompts(people(Agency.POLICE, [1, 2, 2]), positions={"C1": agreed})
    assert kinds(found) == [(PromptKind.CHALLENGE, "C1")]
    assert prompt_text(found[0], load_catalogue("en")) == (
        "Practitioners rate C1 Clarity lower than the agreed position (agreed 4, "
        "practitioners' median 2, based on 3 ratings): check the evidence."
    )


def test_an_agreed_score_one_and_a_half_above_the_median_is_not_challenged() -> None:
    agreed = in_hand(score=4, evidence="Audit of 40 referrals")
    assert prompts(people(Agency.POLICE, [2, 3, 2, 3]), positions={"C1": agreed}) == ()


def test_a_c_most_people_are_not_sure_of_prompts_with_the_counts() -> None:
    found = prompts(people(Agency.POLICE, [None, None, None, None, 4, 4, 4], "C10"))
    assert kinds(found) == [(PromptKind.MOSTLY_NOT_SURE, "C10")]
    assert prompt_text(found[0], load_catalogue("en")).startswith(
        "Most people are not sure about C10 Coordination of Data Collection (4 not sure, 3 rated)"
    )


def test_half_not_sure_is_not_most() -> None:
    assert prompts(people(Agency.POLICE, [None, None, None, 4, 4, 4], "C10")) == ()


def test_an_agreed_score_without_evidence_prompts_once_the_plan_is_in_hand() -> None:
    found = prompts([], positions={"C3": in_hand(score=4)})
    assert kinds(found) == [(PromptKind.NO_EVIDENCE, "C3")]
    assert prompts([], positions={"C3": in_hand(score=4, evidence="Case audit")}) == ()


def test_the_urgent_prompt_is_resolved_once_owner_plan_and_timeframe_are_recorded() -> None:
    low = people(Agency.POLICE, [1, 1, 1])
    assert kinds(prompts(low)) == [(PromptKind.URGENT_ACTION, "C1")]
    assert prompts(low, positions={"C1": in_hand()}) == ()


def test_an_urgent_c_with_only_part_of_a_plan_still_prompts_once() -> None:
    found = prompts(people(Agency.POLICE, [1, 1, 1]), positions={"C1": PositionFields(score=1)})
    assert kinds(found) == [(PromptKind.URGENT_ACTION, "C1")]


def test_a_started_position_prompts_for_each_missing_piece() -> None:
    found = prompts([], positions={"C6": PositionFields(evidence="Monthly forums")})
    assert kinds(found) == [
        (PromptKind.NO_OWNER, "C6"),
        (PromptKind.NO_ACTION_PLAN, "C6"),
        (PromptKind.NO_TIMEFRAME, "C6"),
    ]


def test_a_position_with_owner_and_plan_prompts_only_for_the_timeframe() -> None:
    agreed = PositionFields(accountability="Police Gold group", action_plan="Quarterly audit")
    assert kinds(prompts([], positions={"C6": agreed})) == [(PromptKind.NO_TIMEFRAME, "C6")]


def test_during_the_round_cs_without_a_position_are_not_nagged() -> None:
    assert prompts(people(Agency.POLICE, [4, 4, 4])) == ()


def test_once_the_round_is_closed_every_c_without_a_position_prompts() -> None:
    found = prompts([], round_=make_round(closed=True), positions={"C1": in_hand()})
    assert {p.kind for p in found} == {PromptKind.NO_AGREED_POSITION}
    assert [p.component_id for p in found] == [f"C{n}" for n in range(2, 13)]


def test_a_review_date_in_the_past_is_overdue() -> None:
    agreed = in_hand(review_dates=(date(2026, 11, 25),))
    found = prompts([], positions={"C9": agreed})
    assert kinds(found) == [(PromptKind.REVIEW_OVERDUE, "C9")]
    assert found[0].params["date"] == "2026-11-25"


def test_a_review_date_of_today_is_not_overdue() -> None:
    assert prompts([], positions={"C9": in_hand(review_dates=(TODAY,))}) == ()


def test_a_past_review_point_is_overdue_even_with_a_later_one_planned() -> None:
    agreed = in_hand(review_dates=(date(2026, 11, 3), date(2027, 3, 1)))
    assert kinds(prompts([], positions={"C9": agreed})) == [(PromptKind.REVIEW_OVERDUE, "C9")]


def previous_round(ratings: list[int | None]) -> PreviousRound:
    earlier = people(Agency.POLICE, ratings, "C7", round_id=EARLIER)
    return previous_of(earlier)


def test_a_c_that_fell_a_whole_point_since_the_previous_round_prompts() -> None:
    found = prompts(people(Agency.POLICE, [4, 4, 4], "C7"), previous=previous_round([5, 5, 5]))
    assert kinds(found) == [(PromptKind.FELL_SINCE_PREVIOUS, "C7")]
    assert (found[0].params["before"], found[0].params["now"]) == ("5", "4")
    assert found[0].action is not None and found[0].action.kind is ActionKind.SHOW_COMPONENT


def test_a_fall_of_half_a_point_does_not_prompt() -> None:
    assert prompts(people(Agency.POLICE, [4, 5], "C7"), previous=previous_round([5, 5, 5])) == ()


def test_a_rise_does_not_prompt() -> None:
    assert prompts(people(Agency.POLICE, [6, 6, 6], "C7"), previous=previous_round([3])) == ()


def test_no_previous_round_means_no_change_prompts() -> None:
    assert prompts(people(Agency.POLICE, [3, 3, 3], "C7")) == ()


def test_agencies_with_no_responses_are_named_with_a_reminder_button() -> None:
    found = prompts(people(Agency.POLICE, [4, 4, 4]), every_agency=False)
    assert [p.agency for p in found] == [
        a for a in Agency if a not in (Agency.POLICE, Agency.OTHER)
    ]
    assert all(p.action is not None and p.action.kind is ActionKind.REMIND for p in found)


def test_an_agency_with_one_response_is_not_reported_as_silent() -> None:
    found = prompts(people(Agency.HOUSING, [4]), every_agency=False)
    assert Agency.HOUSING not in {p.agency for p in found}


def test_absent_agencies_are_not_named_when_that_would_say_who_is_in_other_agencies() -> None:
    """One police officer answered: listing the seven silent agencies would name the police
    as the "other agencies" group, so the lead gets a count of agencies not shown instead."""
    found = prompts(people(Agency.POLICE, [4]), every_agency=False)
    assert [p.kind for p in found] == [PromptKind.FEW_RESPONSES]
    assert {p.agency for p in found} == {None}
    assert prompt_text(found[0], load_catalogue("en")) == (
        "8 of the expected agencies have no responses yet or fewer than 3, so they are not "
        "shown on their own. Remind everyone to take part."
    )


def test_absent_agencies_are_named_when_other_agencies_holds_only_people_who_chose_other() -> None:
    responses = people(Agency.POLICE, [4, 4, 4]) + people(Agency.OTHER, [4])
    found = prompts(responses, every_agency=False)
    assert {p.kind for p in found} == {PromptKind.NO_RESPONSES}
    assert Agency.POLICE not in {p.agency for p in found} and len(found) == 7


def test_after_the_round_closes_silent_agencies_are_reported_without_a_button() -> None:
    found = prompts([], round_=make_round(closed=True), every_agency=False)
    silent = [p for p in found if p.kind is PromptKind.NO_RESPONSES]
    assert len(silent) == 8 and all(p.action is None for p in silent)


def test_an_empty_round_prompts_only_for_the_silent_agencies() -> None:
    found = prompts([], every_agency=False)
    assert {p.kind for p in found} == {PromptKind.NO_RESPONSES}


def test_all_not_sure_gives_no_rating_prompt() -> None:
    assert prompts([response(Agency.POLICE, everywhere(None)) for _ in range(3)]) == ()


def test_prompts_come_most_urgent_first_then_by_c_number() -> None:
    responses = [
        *people(Agency.POLICE, [2, 2, 2], "C3"),
        *people(Agency.POLICE, [1, 1, 1], "C11"),
        *people(Agency.POLICE, [1, 1, 1], "C2"),
        *people(Agency.POLICE, [3, 3, 3], "C7"),
    ]
    found = prompts(
        responses,
        previous=previous_round([6, 6, 6]),
        positions={"C5": PositionFields(evidence="x"), "C8": in_hand(review_dates=(OLD,))},
        every_agency=False,
    )
    assert kinds(found)[:8] == [
        (PromptKind.URGENT_ACTION, "C2"),
        (PromptKind.URGENT_ACTION, "C11"),
        (PromptKind.PRIORITY_ACTION, "C3"),
        (PromptKind.REVIEW_OVERDUE, "C8"),
        (PromptKind.FELL_SINCE_PREVIOUS, "C7"),
        (PromptKind.NO_OWNER, "C5"),
        (PromptKind.NO_ACTION_PLAN, "C5"),
        (PromptKind.NO_TIMEFRAME, "C5"),
    ]
    assert {p.kind for p in found[8:]} == {PromptKind.NO_RESPONSES}


@pytest.mark.parametrize("round_closed", [False, True])
def test_every_prompt_and_button_reads_as_english_text(round_closed: bool) -> None:
    catalogue = load_catalogue("en")
    found = prompts(
        [
            *people(Agency.POLICE, [1, 1, 2, 2], "C4"),
            *people(Agency.POLICE, [2, 2, 2], "C5"),
            *people(Agency.POLICE, [3, 3, 3], "C7"),
            *people(Agency.POLICE, [None, None, None, None, 4, 4, 4], "C10"),
            *people(Agency.POLICE, [3, 3, 3], "C12"),
        ],
        previous=previous_round([6, 6, 6]),
        positions={
            "C12": in_hand(score=6),
            "C6": PositionFields(score=5),
            "C9": in_hand(review_dates=(OLD,)),
            "C11": in_hand(review_dates=(OLD,)),
        },
        round_=make_round(closed=round_closed),
        every_agency=False,
        identified=["C11"],
    )
    named_absences = set(PromptKind) - {PromptKind.FEW_RESPONSES}
    expected = (
        named_absences if round_closed else named_absences - {PromptKind.NO_AGREED_POSITION}
    )
    assert {p.kind for p in found} == expected
    texts = [prompt_text(p, catalogue) for p in found]
    assert texts[0] == (
        "C4 Capacity: the ratings suggest urgent remedial action (practitioners' median 1.5, "
        "Unsatisfactory, based on 4 ratings). Until the partnership agrees its own score, agree "
        "who leads it, an action plan and a timeframe."
    )
    assert (
        "C7 Culture of Inclusion, Transparency and Challenge fell from 6 to 3 since the "
        "previous round. Look at what has changed." in texts
    )
    assert "No responses from Housing." in texts
    labels = [action_label(p, catalogue) for p in found]
    assert labels[0] == "Record position for C4"
    assert ("Remind Housing" in labels) is not round_closed


def test_an_action_still_only_identified_after_its_review_date_prompts_to_implement() -> None:
    found = prompts([], positions={"C3": in_hand(review_dates=(OLD,))}, identified=["C3"])
    assert kinds(found) == [(PromptKind.NOT_IMPLEMENTED, "C3")]
    assert prompt_text(found[0], load_catalogue("en")) == (
        "C3 Competence: the action is identified but not yet implemented, and the review due "
        "on 2026-11-10 has passed. Record its progress, or agree a new timeframe and review date."
    )
