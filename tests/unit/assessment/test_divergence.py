"""Where agencies diverge: shown groups whose medians for a C are 2 or more points apart."""

from __future__ import annotations

from collections.abc import Sequence

from assessment.anonymity import OTHER_AGENCIES
from assessment.framework import load_framework
from assessment.model import Agency, Response
from assessment.summary import summarise
from assessment.summary_model import Divergence
from tests.unit.assessment.summary_data import TODAY, make_round, people, published


def divergences(responses: Sequence[Response]) -> tuple[Divergence, ...]:
    return summarise(
        load_framework(), make_round(), responses, {}, None, TODAY,
        publication=published(responses),
    ).divergences


def test_medians_exactly_two_points_apart_diverge() -> None:
    found = divergences(people(Agency.POLICE, [2, 2, 2]) + people(Agency.HEALTH, [4, 4, 4]))
    assert found == (Divergence("C1", "police", 2, "health", 4),)
    assert found[0].gap == 2


def test_medians_one_and_a_half_points_apart_do_not_diverge() -> None:
    assert divergences(people(Agency.POLICE, [2, 2, 3, 3]) + people(Agency.HEALTH, [4, 4, 4])) == ()


def test_the_lower_median_comes_first_whichever_agency_it_is() -> None:
    found = divergences(people(Agency.POLICE, [6, 6, 6]) + people(Agency.HEALTH, [1, 1, 1]))
    assert (found[0].lower, found[0].higher) == ("health", "police")


def test_a_small_agency_cannot_diverge_on_its_own() -> None:
    responses = people(Agency.POLICE, [6, 6, 6]) + people(Agency.HEALTH, [1, 1])
    assert divergences(responses) == ()


def test_other_agencies_diverge_as_a_group_once_there_are_three() -> None:
    responses = (
        people(Agency.POLICE, [6, 6, 6])
        + people(Agency.HEALTH, [1, 1])
        + people(Agency.HOUSING, [2])
    )
    assert divergences(responses) == (Divergence("C1", OTHER_AGENCIES, 1, "police", 6),)


def test_groups_that_are_all_not_sure_are_left_out() -> None:
    responses = people(Agency.POLICE, [6, 6, 6]) + people(Agency.HEALTH, [None, None, None])
    assert divergences(responses) == ()


def test_every_diverging_pair_is_listed_widest_first() -> None:
    responses = (
        people(Agency.POLICE, [1, 1, 1])
        + people(Agency.HEALTH, [3, 3, 3])
        + people(Agency.EDUCATION, [6, 6, 6])
    )
    found = divergences(responses)
    assert [(d.lower, d.higher) for d in found] == [
        ("police", "education"),
        ("health", "education"),
        ("police", "health"),
    ]


def test_divergence_is_listed_by_c_in_the_models_order() -> None:
    responses = (
        people(Agency.POLICE, [1, 1, 1], "C10")
        + people(Agency.HEALTH, [5, 5, 5], "C10")
        + people(Agency.POLICE, [1, 1, 1], "C2")
        + people(Agency.HEALTH, [5, 5, 5], "C2")
    )
    assert [d.component_id for d in divergences(responses)] == ["C2", "C10"]
