"""Domain objects in the states a practitioner meets, and every card built from them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from assessment.framework import Framework, load_framework
from assessment.model import REVIEW, Agency, Answer, Response, Round
from cards import (
    build_agency_card,
    build_announcement_card,
    build_help_card,
    build_my_answers_card,
    build_notice_card,
    build_question_card,
    build_review_card,
    build_round_choice_card,
    build_welcome_card,
    execute,
)
from messages import Catalogue, load_catalogue

OPENED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 20, 16, 30, tzinfo=UTC)
CAT: Catalogue = load_catalogue(follow_reader=True)
"""English unless a test speaks Welsh (`messages.catalogue.speaking`): the bot's own catalogue."""
FRAMEWORK: Framework = load_framework()


def a_round(*, named: bool = False, closed: bool = False, title: str = "Spring review") -> Round:
    return Round(
        id="r-1",
        partnership_id="t/team/19:abc",
        title=title,
        opened_by="lead-1",
        opened_at=OPENED,
        closed_at=LATER if closed else None,
        named=named,
        revision=2,
    )


def answer(
    component_id: str, rating: int | None, evidence: str = "", suggestion: str = ""
) -> Answer:
    return Answer(
        component_id=component_id,
        rating=rating,
        evidence=evidence,
        suggestion=suggestion,
        answered_at=OPENED,
    )


def a_response(
    answers: dict[str, Answer] | None = None,
    *,
    position: str = "C1",
    submitted: bool = False,
    editing: bool = False,
    revision: int = 7,
) -> Response:
    return Response(
        round_id="r-1",
        partnership_id="t/team/19:abc",
        tenant_id="t",
        respondent="person-1",
        agency=Agency.HEALTH,
        started_at=OPENED,
        updated_at=OPENED,
        submitted_at=LATER if submitted else None,
        position=position,
        return_to_review=editing,
        answers=answers or {},
        revision=revision,
    )


def some_answers() -> dict[str, Answer]:
    """C1-C3 answered (C2 "not sure"), the rest not reached."""
    return {
        "C1": answer("C1", 4, "Thresholds doc is on the intranet", "Joint training"),
        "C2": answer("C2", None),
        "C3": answer("C3", 2, "No joint training this year"),
    }


def all_answers() -> dict[str, Answer]:
    return {cid: answer(cid, (n % 6) + 1, "x" * 300) for n, cid in enumerate(FRAMEWORK.ids)}


def sample_cards() -> dict[str, dict[str, Any]]:
    """One card per builder and state, for checks every card must pass."""
    round_, progress = a_round(), a_response(some_answers(), position="C4")
    done = a_response(all_answers(), position=REVIEW, submitted=True)
    resume = execute("Resume", "resume", {"roundId": "r-1"})
    return {
        "question C1 fresh": build_question_card(CAT, FRAMEWORK, round_, a_response(), "C1"),
        "question C4 with notice": build_question_card(
            CAT, FRAMEWORK, round_, progress, "C4", notice="Saved C3 - Weak"
        ),
        "question C1 answered": build_question_card(CAT, FRAMEWORK, round_, progress, "C1"),
        "question refused with draft": build_question_card(
            CAT, FRAMEWORK, round_, progress, "C4", notice="Choose a rating",
            draft={"rating": "", "evidence": "typed", "suggestion": "also typed"},
        ),
        "question C12 last": build_question_card(CAT, FRAMEWORK, round_, progress, "C12"),
        "question editing from review": build_question_card(
            CAT, FRAMEWORK, round_, a_response(some_answers(), position="C3", editing=True), "C3"
        ),
        "review part answered": build_review_card(CAT, FRAMEWORK, round_, progress),
        "review submitted": build_review_card(CAT, FRAMEWORK, round_, done, notice="Saved"),
        "agency": build_agency_card(CAT, "r-1"),
        "agency with notice": build_agency_card(CAT, "r-1", notice="Choose your agency first."),
        "round choice": build_round_choice_card(
            CAT, [round_, a_round(title="Adults board")], {"t/team/19:abc": "North LSCP"}
        ),
        "round choice empty": build_round_choice_card(CAT, [], {}),
        "announcement anonymous": build_announcement_card(CAT, round_),
        "announcement named": build_announcement_card(CAT, a_round(named=True)),
        "announcement closed": build_announcement_card(CAT, a_round(closed=True), closed=True),
        "my answers": build_my_answers_card(
            CAT, FRAMEWORK, [(round_, progress), (a_round(closed=True), done)]
        ),
        "my answers empty": build_my_answers_card(CAT, FRAMEWORK, []),
        "notice": build_notice_card(CAT, "Saved. Say resume to carry on."),
        "notice with title and action": build_notice_card(
            CAT, "Stopped.", title="Saved", actions=[resume]
        ),
        "welcome personal": build_welcome_card(CAT, "personal"),
        "welcome team": build_welcome_card(CAT, "team"),
        "welcome group chat": build_welcome_card(CAT, "groupChat"),
        "help personal": build_help_card(CAT, "personal"),
        "help team": build_help_card(CAT, "team"),
        "help group chat": build_help_card(CAT, "groupChat"),
    }
