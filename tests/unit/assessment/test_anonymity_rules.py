"""The anonymity rules themselves: k, figures under k, complements, absence, comments."""

from __future__ import annotations

import pytest

from assessment.action_prompts import EXPECTED_AGENCIES
from assessment.anonymity import (
    GroupSizeTooSmall,
    check_group_size,
    fold,
    names_absent_agencies,
    shown_groups,
    withhold,
)
from assessment.breakdown import breakdown
from assessment.framework import load_framework
from assessment.model import Agency
from assessment.stats import Tally
from tests.unit.assessment.summary_data import people

FRAMEWORK = load_framework()


def figures_of(ratings: list[int | None]) -> Tally:
    tally = Tally()
    for rating in ratings:
        tally.add(rating)
    return tally


@pytest.mark.parametrize("k", [0, 1, 2])
def test_a_minimum_group_size_below_3_is_refused(k: int) -> None:
    with pytest.raises(GroupSizeTooSmall, match="at least 3"):
        check_group_size(k)


def test_a_minimum_group_size_of_3_or_more_is_allowed() -> None:
    assert (check_group_size(3), check_group_size(10)) == (3, 10)


@pytest.mark.parametrize("ratings", [[], [1], [1, 6], [None, None, None, 2, 2]])
def test_figures_from_fewer_than_k_ratings_are_withheld_entirely(ratings: list[int | None]) -> None:
    shown = withhold(figures_of(ratings).figures(len(ratings)), 3)
    assert shown.withheld_below == 3
    assert (shown.median, shown.lowest, shown.highest, shown.rated, shown.not_sure) == (
        None, None, None, 0, 0,
    )


def test_figures_from_k_ratings_are_shown() -> None:
    shown = withhold(figures_of([1, 6, 2, None]).figures(4), 3)
    assert (shown.withheld_below, shown.median, shown.rated, shown.not_sure) == (None, 2, 3, 1)


def test_a_larger_k_withholds_more() -> None:
    assert withhold(figures_of([1, 2, 3, 4]).figures(4), 5).withheld_below == 5


def test_groups_are_folded_under_the_configured_k() -> None:
    responses = people(Agency.POLICE, [1, 2, 3, 4]) + people(Agency.HEALTH, [4, 5, 6])
    assert fold(responses, 4).shown == ("police",)
    assert fold(responses, 3).shown == ("police", "health")


def test_a_group_is_withheld_when_the_rest_would_be_fewer_than_k_ratings() -> None:
    """Overall 7 ratings, police 4 and health 3: showing both leaves 0 outside, fine; with one
    more rating elsewhere, showing both would leave 1 rating that subtraction isolates."""
    assert shown_groups(7, {"police": 4, "health": 3}, 3) == {"police", "health"}
    assert shown_groups(8, {"police": 4, "health": 3}, 3) == {"police"}
    assert shown_groups(8, {"police": 3, "health": 3}, 3) == {"police"}


def test_a_lone_group_next_to_one_other_rating_is_withheld() -> None:
    assert shown_groups(4, {"police": 3}, 3) == frozenset()


def test_a_c_with_one_group_rating_under_k_shows_no_figures_for_the_groups() -> None:
    """Police and health have 3 responses each; only 2 health officers rated C1."""
    responses = people(Agency.POLICE, [2, 2, 2]) + people(Agency.HEALTH, [6, 6, None])
    result = breakdown(FRAMEWORK, responses, 3)
    police, health = result.by_agency["C1"]
    assert health.figures.withheld_below == 3
    assert police.figures.withheld_below == 3  # else overall minus police = health's two
    assert result.overall["C1"].median == 2


def test_absent_agencies_may_be_named_only_when_no_expected_agency_is_folded() -> None:
    three_police = fold(people(Agency.POLICE, [4, 4, 4]))
    assert names_absent_agencies(three_police, EXPECTED_AGENCIES)
    with_other = fold(people(Agency.POLICE, [4, 4, 4]) + people(Agency.OTHER, [4]))
    assert names_absent_agencies(with_other, EXPECTED_AGENCIES)
    one_health = fold(people(Agency.POLICE, [4, 4, 4]) + people(Agency.HEALTH, [4]))
    assert not names_absent_agencies(one_health, EXPECTED_AGENCIES)


def test_comments_are_attributed_only_to_groups_of_at_least_k() -> None:
    folding = fold(people(Agency.POLICE, [4, 4, 4]) + people(Agency.HEALTH, [4, 4]))
    assert folding.attribute(Agency.POLICE) == "police"
    assert folding.attribute(Agency.HEALTH) is None
    assert folding.attribute(Agency.HOUSING) is None
