"""Checking the agreed-position form: score 1-6, real review dates, timeframes, text limits."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assessment.errors import AssessmentError, TextTooLong
from assessment.position import MAX_OWNER, MAX_REVIEW_DATES, Timeframe
from assessment.position_errors import (
    InvalidReviewDate,
    InvalidScore,
    InvalidTimeframe,
    TooManyReviewDates,
)
from assessment.position_form import PositionEdit, PositionForm, parse_form
from messages import load_catalogue

OPENED_ON = date(2026, 11, 2)


def parse(**fields: Any) -> PositionEdit:
    return parse_form(PositionForm(opened_revision=0, **fields), OPENED_ON)


@pytest.mark.parametrize("score", ["1", "6", " 3 "])
def test_scores_1_to_6_are_accepted(score: str) -> None:
    assert parse(score=score).values.score == int(score)


@pytest.mark.parametrize("score", ["0", "7", "3.5", "three", "-1"])
def test_other_scores_are_refused(score: str) -> None:
    with pytest.raises(InvalidScore):
        parse(score=score)


def test_a_blank_score_clears_it() -> None:
    edit = parse(score="")
    assert edit.values.score is None and "score" in edit.present


def test_fields_left_off_the_form_are_not_touched() -> None:
    edit = parse(action_plan="Audit")
    assert edit.present == {"action_plan"}


def test_a_review_date_on_the_day_the_round_opened_is_accepted() -> None:
    assert parse(review_dates=["2026-11-02"]).values.review_dates == (OPENED_ON,)


def test_a_review_date_before_the_round_opened_is_refused() -> None:
    with pytest.raises(InvalidReviewDate) as refused:
        parse(review_dates=["2026-11-01"])
    assert refused.value.params["opened_on"] == "2026-11-02"


@pytest.mark.parametrize("text", ["next week", "2026-02-30", "26/11/2026", "20261126", "2026-11"])
def test_a_review_date_that_is_not_a_calendar_date_is_refused(text: str) -> None:
    with pytest.raises(InvalidReviewDate):
        parse(review_dates=[text])


def test_review_dates_are_sorted_without_repeats_or_blanks() -> None:
    edit = parse(review_dates=["2027-03-01", "", "2026-12-01", "2027-03-01"])
    assert edit.values.review_dates == (date(2026, 12, 1), date(2027, 3, 1))


def test_too_many_review_dates_are_refused() -> None:
    dates = [f"2027-01-{day:02d}" for day in range(1, MAX_REVIEW_DATES + 2)]
    with pytest.raises(TooManyReviewDates):
        parse(review_dates=dates)


@pytest.mark.parametrize("value", ["gold", "Silver", "bronze", "strategic", "operational"])
def test_the_templates_timeframes_are_accepted(value: str) -> None:
    assert parse(timeframe=value).values.timeframe == Timeframe(value.lower())


def test_an_unknown_timeframe_is_refused() -> None:
    with pytest.raises(InvalidTimeframe):
        parse(timeframe="platinum")


def test_text_at_the_limit_is_accepted_and_one_more_character_is_refused() -> None:
    assert len(parse(accountability="x" * MAX_OWNER).values.accountability) == MAX_OWNER
    with pytest.raises(TextTooLong) as refused:
        parse(accountability="x" * (MAX_OWNER + 1))
    assert refused.value.params["limit"] == MAX_OWNER


def test_spaces_around_text_do_not_count_against_the_limit() -> None:
    assert parse(accountability=f"  {'x' * MAX_OWNER}  ").values.accountability == "x" * MAX_OWNER


def test_every_refusal_names_a_message_in_the_catalogue() -> None:
    catalogue = load_catalogue("en")
    too_many = [f"2027-01-{day:02d}" for day in range(1, 20)]
    for bad in (
        {"score": "9"},
        {"timeframe": "x"},
        {"review_dates": ["2020-01-01"]},
        {"review_dates": too_many},
        {"evidence": "x" * 5000},
    ):
        with pytest.raises(AssessmentError) as refused:
            parse(**bad)
        assert catalogue.text(refused.value.message_id, **refused.value.params)
