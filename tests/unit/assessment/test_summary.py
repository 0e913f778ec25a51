"""The lead's summary: counts, each C's figures under its group, agreed positions, change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from assessment.anonymity import OTHER_AGENCIES
from assessment.framework import load_framework
from assessment.model import Agency, Response, Round
from assessment.position import AgreedPosition, PositionFields
from assessment.summary import summarise
from assessment.summary_model import AgencyCount, PreviousRound, RoundSummary
from tests.unit.assessment.summary_data import (
    EARLIER,
    TODAY,
    earlier,
    everywhere,
    in_hand,
    make_round,
    people,
    position,
    published,
    response,
)


def summary(
    responses: Sequence[Response],
    *,
    positions: Mapping[str, AgreedPosition] | None = None,
    previous: PreviousRound | None = None,
    round_: Round | None = None,
) -> RoundSummary:
    round_ = round_ or make_round()
    return summarise(
        load_framework(), round_, responses, positions or {}, previous, TODAY,
        publication=published(responses, round_),
    )


def test_an_empty_round_has_no_figures_and_no_counts() -> None:
    result = summary([])
    assert result.responses.total == 0 and result.responses.by_agency == ()
    assert all(c.figures.median is None for c in result.components)
    assert result.divergences == ()


def test_cs_are_grouped_under_the_models_two_groups_in_order() -> None:
    groups = summary([]).groups
    assert [g.group_id for g in groups] == ["practitioners_agencies", "structures_processes"]
    assert [c.component_id for c in groups[1].components] == ["C9", "C10", "C11", "C12"]
    assert [c.number for c in groups[0].components] == list(range(1, 9))


def test_responses_are_counted_complete_and_in_progress_by_agency() -> None:
    responses = people(Agency.POLICE, [3, 3]) + people(Agency.POLICE, [4], complete=False)
    counts = summary(responses).responses
    assert (counts.complete, counts.in_progress) == (2, 1)
    assert counts.by_agency == (AgencyCount("police", 2, 1),)


def test_counts_fold_small_agencies_into_other_agencies() -> None:
    responses = people(Agency.POLICE, [3, 3, 3]) + people(Agency.HEALTH, [4, 4], complete=False)
    counts = summary(responses).responses
    assert counts.by_agency == (AgencyCount("police", 3, 0), AgencyCount(OTHER_AGENCIES, 0, 2))


def test_each_c_has_the_median_and_spread_of_everyone_who_answered_it() -> None:
    responses = people(Agency.POLICE, [2, 5, 4]) + people(Agency.HEALTH, [None, 6])
    c1 = summary(responses).component("C1")
    assert (c1.figures.median, c1.figures.lowest, c1.figures.highest) == (4.5, 2, 6)
    assert c1.figures.not_sure == 1
    assert summary(responses).component("C2").figures.withheld_below == 3  # nobody rated C2


def test_all_not_sure_leaves_the_c_without_a_level_or_figures() -> None:
    result = summary([response(Agency.POLICE, everywhere(None)) for _ in range(3)])
    c4 = result.component("C4")
    assert c4.level is None and c4.figures.withheld_below == 3


def test_one_agency_only_shows_that_agency_and_no_divergence() -> None:
    result = summary(people(Agency.HEALTH, [1, 6, 6, 6]))
    assert [a.agency for a in result.component("C1").by_agency] == ["health"]
    assert result.divergences == ()


def test_a_group_too_small_to_show_still_counts_in_the_overall_figures() -> None:
    responses = people(Agency.POLICE, [4, 4, 4]) + people(Agency.HEALTH, [1])
    c1 = summary(responses).component("C1")
    assert c1.figures.rated == 4 and c1.figures.lowest == 1
    assert [a.agency for a in c1.by_agency] == ["police"]


def test_responses_to_another_round_are_left_out() -> None:
    responses = people(Agency.POLICE, [5, 5, 5]) + people(Agency.POLICE, [1], round_id="other")
    assert summary(responses).component("C1").figures.rated == 3


def test_without_a_previous_round_there_is_no_change_to_show() -> None:
    c1 = summary(people(Agency.POLICE, [3, 3, 3])).component("C1")
    assert c1.previous is None and c1.change is None
    assert summary([]).previous_round_id is None


def test_change_since_the_previous_round_compares_medians() -> None:
    previous = earlier(people(Agency.POLICE, [5, 5, 5, 5], round_id=EARLIER))
    result = summary(people(Agency.POLICE, [3, 4, 3, 4]), previous=previous)
    assert result.component("C1").change == -1.5
    assert result.previous_round_id == EARLIER


def test_an_agreed_score_shows_at_once_and_outranks_the_median() -> None:
    agreed = {"C1": position("C1", PositionFields(score=2))}
    c1 = summary(people(Agency.POLICE, [5, 5, 5]), positions=agreed).component("C1")
    assert c1.position is not None and c1.position.score == 2
    assert (c1.level, c1.level_source) == (2, "agreed")


def test_a_position_tells_what_is_missing_and_when_the_next_review_is() -> None:
    agreed = PositionFields(
        accountability="Board", review_dates=(date(2026, 11, 20), date(2026, 12, 1))
    )
    c3 = summary([], positions={"C3": position("C3", agreed)}).component("C3")
    assert c3.position is not None
    assert c3.position.missing == ("action_plan", "timeframe")
    assert c3.position.next_review == date(2026, 12, 1)
    assert c3.position.overdue_review == date(2026, 11, 20)


def test_an_empty_stored_position_counts_as_none() -> None:
    c2 = summary([], positions={"C2": position("C2", PositionFields())}).component("C2")
    assert c2.position is None


def test_a_position_in_hand_has_nothing_missing() -> None:
    c5 = summary([], positions={"C5": position("C5", in_hand())}).component("C5")
    assert c5.position is not None and c5.position.in_hand
