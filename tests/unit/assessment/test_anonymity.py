"""Nobody can be singled out: agencies with fewer than 3 responses fold into "other agencies"."""

from __future__ import annotations

from assessment.anonymity import OTHER_AGENCIES, fold
from assessment.model import Agency
from tests.unit.assessment.summary_data import people


def test_an_agency_with_three_responses_is_shown_by_name() -> None:
    folding = fold(people(Agency.POLICE, [1, 2, 3]))
    assert folding.shown == ("police",)


def test_an_agency_with_two_responses_is_folded_into_other_agencies() -> None:
    folding = fold(people(Agency.POLICE, [1, 2, 3]) + people(Agency.HEALTH, [4, 5]))
    assert folding.key_of[Agency.HEALTH] == OTHER_AGENCIES
    assert "health" not in folding.keys


def test_small_agencies_together_make_a_group_that_can_be_shown() -> None:
    folding = fold(people(Agency.HEALTH, [4, 5]) + people(Agency.HOUSING, [2]))
    assert folding.shown == (OTHER_AGENCIES,)
    assert folding.sizes[OTHER_AGENCIES] == 3


def test_a_folded_group_of_fewer_than_three_is_not_shown() -> None:
    folding = fold(people(Agency.POLICE, [1, 2, 3]) + people(Agency.HEALTH, [4, 5]))
    assert folding.keys == ("police", OTHER_AGENCIES)
    assert folding.shown == ("police",)


def test_practitioners_who_chose_other_always_join_other_agencies() -> None:
    folding = fold(people(Agency.OTHER, [1, 2, 3, 4]))
    assert folding.key_of[Agency.OTHER] == OTHER_AGENCIES
    assert folding.shown == (OTHER_AGENCIES,)


def test_groups_are_listed_in_agency_order_with_other_agencies_last() -> None:
    responses = (
        people(Agency.HOUSING, [1, 1, 1])
        + people(Agency.EDUCATION, [2])
        + people(Agency.POLICE, [3, 3, 3])
    )
    assert fold(responses).keys == ("police", "housing", OTHER_AGENCIES)


def test_no_responses_fold_into_nothing() -> None:
    folding = fold([])
    assert folding.keys == () and folding.shown == ()
