"""The person's own answers, round by round."""

from __future__ import annotations

from assessment.model import REVIEW
from cards import build_my_answers_card, verbs
from tests.unit.cards.samples import (
    CAT,
    FRAMEWORK,
    a_response,
    a_round,
    all_answers,
    some_answers,
)
from tests.unit.cards.walk import by_verb, nodes, shows


def test_it_lists_each_rounds_answers() -> None:
    card = build_my_answers_card(
        CAT, FRAMEWORK, [(a_round(), a_response(some_answers(), position="C4"))]
    )
    [facts] = [n["facts"] for n in nodes(card) if n.get("type") == "FactSet"]
    assert facts[0] == {"title": "C1 · Clarity", "value": "4 · Good"}
    assert facts[1]["value"] == "Not sure"
    assert facts[11] == {"title": "C12 · Commitment and Creativity", "value": "Not answered"}
    assert shows(card, "3 of 12 answered")


def test_only_an_unfinished_response_in_an_open_round_can_be_resumed() -> None:
    unfinished = (a_round(), a_response(some_answers(), position="C4"))
    submitted = (a_round(), a_response(all_answers(), position=REVIEW, submitted=True))
    closed = (a_round(closed=True), a_response(some_answers(), position="C4"))
    card = build_my_answers_card(CAT, FRAMEWORK, [unfinished, submitted, closed])
    [resume] = by_verb(card, verbs.RESUME)
    assert resume["data"] == {"roundId": "r-1"}


def test_a_closed_round_says_when_it_closed() -> None:
    closed = (a_round(closed=True), a_response(all_answers(), position=REVIEW, submitted=True))
    card = build_my_answers_card(CAT, FRAMEWORK, [closed])
    assert shows(card, "closed on 20 Nov 2026, 16:30")


def test_with_nothing_answered_it_says_how_to_begin() -> None:
    card = build_my_answers_card(CAT, FRAMEWORK, [])
    assert shows(card, CAT.text("card.mine.none"))
