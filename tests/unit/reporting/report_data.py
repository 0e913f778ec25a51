"""Reports in a few words: a round of a few agencies, an agreed position, an earlier round."""

from __future__ import annotations

from datetime import UTC, date, datetime

from assessment.framework import load_framework
from assessment.model import Agency, Response
from assessment.position import AgreedPosition
from messages import load_catalogue
from reporting.formats import ReportFormat
from reporting.model import EarlierRound, Report, build_report
from reporting.render import render
from tests.unit.assessment.summary_data import (
    earlier,
    everywhere,
    in_hand,
    make_round,
    position,
    published,
    response,
)

FRAMEWORK = load_framework()
TEXTS = load_catalogue("en")
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
NAMES = ("Alex Example", "Sam Sample")
"""Names the respondents carry in the store: no report may print them."""
AGREED = in_hand(
    score=4,
    evidence="Joint audit found referral routes understood",
    stakeholders="Police and health: joint audit",
    review_dates=(date(2027, 1, 15),),
)


def responses(*, named: bool = False) -> list[Response]:
    """Four police officers (3 on every C), three health staff (5), one from housing (1)."""
    spoken = {"C1": "Monthly multi-agency meetings help"}
    found = [
        response(Agency.POLICE, everywhere(3), evidence=spoken, name=NAMES[i % 2])
        for i in range(4)
    ]
    found += [response(Agency.HEALTH, everywhere(5), name=NAMES[0]) for _ in range(3)]
    found += [response(Agency.HOUSING, everywhere(1), evidence={"C1": "Lone voice"},
                       name=NAMES[1])]
    return found


def report(
    *,
    named: bool = False,
    with_responses: bool = True,
    with_earlier: bool = True,
    given: list[Response] | None = None,
    positions: dict[str, AgreedPosition] | None = None,
) -> Report:
    round_ = make_round(named=named)
    mine = given if given is not None else responses(named=named) if with_responses else []
    before = [response(Agency.POLICE, everywhere(2), round_id="round-1") for _ in range(3)]
    history = [EarlierRound(earlier(before), {})] if with_earlier else []
    return build_report(
        FRAMEWORK,
        round_,
        mine,
        positions if positions is not None else {"C1": position("C1", AGREED)},
        history,
        now=NOW,
        partnership="Anytown Safeguarding Partnership",
        publication=published(mine, round_),
    )


def rendered(r: Report, fmt: ReportFormat) -> bytes:
    return render(r, FRAMEWORK, TEXTS, fmt).content
