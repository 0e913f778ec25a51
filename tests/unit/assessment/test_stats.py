"""Figures for one C: median, spread, quartiles, "not sure" and unanswered."""

from __future__ import annotations

import pytest

from assessment.stats import RatingFigures, Tally, format_rating


def figures(ratings: list[int | None], responses: int | None = None) -> RatingFigures:
    tally = Tally()
    for rating in ratings:
        tally.add(rating)
    return tally.figures(len(ratings) if responses is None else responses)


def test_the_median_of_an_odd_count_is_the_middle_rating() -> None:
    assert figures([5, 1, 3]).median == 3


def test_the_median_of_an_even_count_falls_halfway_between_the_middle_two() -> None:
    result = figures([3, 4, 2, 5])
    assert result.median == 3.5
    assert format_rating(result.median) == "3.5"


def test_a_halfway_median_takes_the_lower_level_so_the_worse_one_is_not_hidden() -> None:
    assert figures([1, 2]).median_level == 1
    assert figures([3, 4]).median_level == 3


def test_a_median_between_equal_middle_ratings_is_that_rating() -> None:
    result = figures([2, 4, 4, 6])
    assert result.median == 4
    assert format_rating(4.0) == "4"


def test_spread_and_quartiles_lie_between_lowest_and_highest() -> None:
    result = figures([1, 2, 3, 4, 5])
    assert (result.lowest, result.highest) == (1, 5)
    assert (result.lower_quartile, result.upper_quartile) == (2, 4)


def test_quartiles_interpolate_between_ratings() -> None:
    result = figures([1, 2, 3, 4])
    assert (result.lower_quartile, result.median, result.upper_quartile) == (1.75, 2.5, 3.25)


def test_one_rating_is_its_own_median_spread_and_quartiles() -> None:
    result = figures([4])
    assert (result.median, result.lowest, result.highest) == (4, 4, 4)
    assert (result.lower_quartile, result.upper_quartile) == (4, 4)


def test_not_sure_is_counted_but_left_out_of_the_median() -> None:
    result = figures([None, None, 2, 6, 6])
    assert result.not_sure == 2
    assert result.rated == 3
    assert result.median == 6


def test_all_not_sure_gives_no_median_but_says_how_many() -> None:
    result = figures([None, None, None])
    assert result.median is None and result.median_level is None
    assert result.lowest is None and result.lower_quartile is None
    assert result.not_sure == 3


def test_people_who_have_not_reached_a_c_count_as_unanswered() -> None:
    result = figures([3, None], responses=5)
    assert result.unanswered == 3


def test_nobody_at_all_gives_empty_figures() -> None:
    result = figures([])
    assert result.median is None
    assert (result.rated, result.not_sure, result.unanswered) == (0, 0, 0)


def test_the_distribution_counts_each_level_for_a_chart() -> None:
    assert figures([1, 1, 6, None]).distribution == (2, 0, 0, 0, 0, 1)


@pytest.mark.parametrize(("value", "text"), [(2.0, "2"), (2.5, "2.5"), (1.75, "1.75")])
def test_ratings_read_as_people_write_them(value: float, text: str) -> None:
    assert format_rating(value) == text
