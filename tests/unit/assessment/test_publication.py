"""Published figures: submitted responses only, in steps of k, frozen, without who or when."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from assessment.framework import load_framework
from assessment.model import Agency, Response
from assessment.publication import Publication, is_due, publish, published_breakdown
from tests.unit.assessment.summary_data import make_round, people, response

FRAMEWORK = load_framework()
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def submitted(n: int) -> list[Response]:
    return people(Agency.POLICE, [4] * n)


def published_of(responses: list[Response], *, closed: bool = False) -> Publication:
    return publish(FRAMEWORK, make_round(closed=closed), responses, k=3, now=NOW)


@pytest.mark.parametrize(
    ("count", "due"), [(0, False), (1, False), (2, False), (3, True), (4, True)]
)
def test_the_first_publication_waits_for_k_submitted_responses(count: int, due: bool) -> None:
    assert is_due(make_round(), submitted(count), None, 3) is due


def test_in_progress_responses_do_not_count_towards_a_publication() -> None:
    started = people(Agency.POLICE, [4, 4, 4], complete=False)
    assert not is_due(make_round(), [*submitted(2), *started], None, 3)


@pytest.mark.parametrize(("more", "due"), [(1, False), (2, False), (3, True), (4, True)])
def test_a_new_publication_waits_for_k_more_submissions(more: int, due: bool) -> None:
    last = published_of(submitted(3))
    assert is_due(make_round(), submitted(3 + more), last, 3) is due


def test_closing_the_round_publishes_everything_submitted_once() -> None:
    closed = make_round(closed=True)
    last = published_of(submitted(3))
    assert is_due(closed, submitted(4), last, 3)
    final = published_of(submitted(4), closed=True)
    assert final.final and final.responses == 4
    assert not is_due(closed, submitted(4), final, 3)


def test_a_closed_round_with_nothing_submitted_publishes_nothing() -> None:
    assert not is_due(make_round(closed=True), [], None, 3)


def test_a_publication_counts_submitted_answers_only_and_holds_no_respondent() -> None:
    done = people(Agency.POLICE, [2, 5, None], "C4")
    started = people(Agency.POLICE, [1], "C4", complete=False)
    publication = published_of([*done, *started])
    assert publication.responses == 3
    assert publication.counts["C4"] == {"police": [1, 0, 1, 0, 0, 1, 0]}
    stored = publication.model_dump_json()
    assert all(r.respondent not in stored for r in [*done, *started])
    assert "answered_at" not in stored and "started_at" not in stored


def test_published_comments_carry_no_rating_and_an_agency_only_for_a_group_of_k() -> None:
    police = [response(Agency.POLICE, {"C4": 1}, evidence={"C4": f"P{n}"}) for n in range(3)]
    health = [response(Agency.HEALTH, {"C4": 6}, evidence={"C4": "H"})]
    comments = published_of([*police, *health]).comments["C4"]
    assert sorted((c.agency or "", c.evidence) for c in comments) == [
        ("", "H"), ("police", "P0"), ("police", "P1"), ("police", "P2"),
    ]
    assert "rating" not in comments[0].model_dump()


def test_published_comments_are_shuffled_not_kept_in_answer_order() -> None:
    said = [response(Agency.POLICE, {"C4": 3}, evidence={"C4": f"c{n:02}"}) for n in range(12)]
    publication = publish(
        FRAMEWORK, make_round(), said, k=3, now=NOW, shuffle=random.Random(1).shuffle
    )
    order = [c.evidence for c in publication.comments["C4"]]
    assert sorted(order) == [f"c{n:02}" for n in range(12)]
    assert order != sorted(order)


def test_nothing_published_means_no_figures_at_all() -> None:
    shown = published_breakdown(FRAMEWORK, None, 3)
    assert all(f.withheld_below == 3 for f in shown.overall.values())
    assert all(groups == () for groups in shown.by_agency.values())
