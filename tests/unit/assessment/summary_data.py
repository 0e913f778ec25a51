"""Builders for summary tests: rounds, responses and agreed positions in a few words."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from itertools import count

from assessment.framework import load_framework
from assessment.model import REVIEW, Agency, Answer, Response, Round
from assessment.position import AgreedPosition, PositionFields, Timeframe
from assessment.publication import Publication, publish
from assessment.summary_model import PreviousRound

OPENED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 26)
CURRENT = "round-2"
EARLIER = "round-1"
IDS = load_framework().ids
_people = count(1)


def make_round(
    round_id: str = CURRENT, *, closed: bool = False, named: bool = False, title: str = "Autumn"
) -> Round:
    return Round(
        id=round_id,
        partnership_id="p-1",
        title=title,
        opened_by="aad-lead",
        opened_at=OPENED,
        closed_at=OPENED + timedelta(days=20) if closed else None,
        named=named,
        leads=["aad-lead"],
    )


def published(
    responses: Sequence[Response], round_: Round | None = None, *, k: int = 3
) -> Publication | None:
    """What an anonymous round publishes once all these responses are in (None: named)."""
    round_ = round_ or make_round()
    if round_.named:
        return None
    at = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC)
    shuffle = random.Random(7).shuffle
    return publish(load_framework(), round_, responses, k=k, now=at, shuffle=shuffle)


def earlier(responses: Sequence[Response], *, closed: bool = True) -> PreviousRound:
    """The partnership's previous round, with what it published."""
    before = make_round(EARLIER, closed=closed)
    return PreviousRound(before, responses, published(responses, before))


def everywhere(rating: int | None) -> dict[str, int | None]:
    """The same rating (None = not sure) for all twelve Cs."""
    return dict.fromkeys(IDS, rating)


def response(
    agency: Agency,
    ratings: Mapping[str, int | None],
    *,
    round_id: str = CURRENT,
    complete: bool = True,
    evidence: Mapping[str, str] | None = None,
    name: str | None = None,
) -> Response:
    """One practitioner's response; `ratings` maps component ids to 1-6 or None (not sure)."""
    evidence = evidence or {}
    answers = {
        cid: Answer(
            component_id=cid, rating=rating, evidence=evidence.get(cid, ""), answered_at=OPENED
        )
        for cid, rating in ratings.items()
    }
    return Response(
        round_id=round_id,
        partnership_id="p-1",
        tenant_id="t-1",
        respondent=f"aad-{next(_people)}",
        agency=agency,
        respondent_name=name,
        started_at=OPENED,
        updated_at=OPENED,
        submitted_at=OPENED if complete else None,
        position=REVIEW if complete else IDS[0],
        answers=answers,
    )


def people(
    agency: Agency,
    ratings: list[int | None],
    component_id: str = "C1",
    *,
    round_id: str = CURRENT,
    complete: bool = True,
) -> list[Response]:
    """One response per rating, each answering only `component_id`."""
    return [
        response(agency, {component_id: r}, round_id=round_id, complete=complete) for r in ratings
    ]


def in_hand(**fields: object) -> PositionFields:
    """An agreed position with owner, plan and timeframe, plus any `fields` given."""
    base: dict[str, object] = {
        "accountability": "Safeguarding board business manager",
        "action_plan": "Joint audit of referrals by March",
        "timeframe": Timeframe.OPERATIONAL,
    }
    return PositionFields.model_validate({**base, **fields})


def position(component_id: str, agreed: PositionFields, round_id: str = CURRENT) -> AgreedPosition:
    return AgreedPosition(
        round_id=round_id,
        partnership_id="p-1",
        component_id=component_id,
        agreed=agreed,
        revision=1,
    )
