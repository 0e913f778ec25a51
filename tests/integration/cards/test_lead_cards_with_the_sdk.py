"""The lead's cards, in every sample state and at their largest, pass Microsoft's Adaptive
Cards SDK (npm adaptivecards, target 1.5) with no error.

The only warning allowed is the SDK not knowing Teams' chart elements while a fallback
covers them (tools/node/validate-cards.js): clients without charts show the fallback.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from assessment.model import Agency
from cards import build_detail_card, build_summary_card
from tests.support.node_tools import CardReport, validate_cards
from tests.unit.assessment.summary_data import everywhere, in_hand, make_round, position, response
from tests.unit.cards.lead_samples import (
    detail_of,
    last_round,
    lead_cards,
    said,
    saved_position,
    summary_of,
)
from tests.unit.cards.samples import CAT, FRAMEWORK

COVERED_CHART = re.compile(
    r'^Unknown element type "Chart\.[A-Za-z.]+"\. .*\(a fallback covers it\)$'
)


def largest() -> dict[str, dict[str, Any]]:
    """The summary with every agency, prompt and divergence; the detail with every comment."""
    responses = [
        response(agency, everywhere(1 if a % 2 else 5), evidence={"C4": "Words " * 300})
        for a, agency in enumerate(Agency)
        for _ in range(10)
    ]
    before = [response(a, everywhere(6), round_id="round-1") for a in Agency for _ in range(3)]
    positions = {c: position(c, in_hand(review_dates=["2026-11-03"])) for c in FRAMEWORK.ids}
    summary = summary_of(responses, positions=positions, previous=before)
    long = [said(agency, 3, "Because " * 240) for agency in Agency for _ in range(6)]
    full = saved_position(score=2, evidence="e" * 4000, action_plan="p" * 4000)
    detail = detail_of(long, positions={"C4": full}, previous=last_round())
    return {
        "largest summary": build_summary_card(CAT, FRAMEWORK, summary, partnership_name="P"),
        "largest detail": build_detail_card(
            CAT, FRAMEWORK, make_round(), detail, show_names=False
        ),
    }


CARDS = {**lead_cards(), **largest()}


@pytest.fixture(scope="module")
def reports() -> dict[str, CardReport]:
    return dict(zip(CARDS, validate_cards(list(CARDS.values())), strict=True))


@pytest.mark.parametrize("name", CARDS)
def test_the_sdk_accepts_the_card(name: str, reports: dict[str, CardReport]) -> None:
    report = reports[name]
    assert report.errors == []
    assert [w for w in report.warnings if not COVERED_CHART.match(w)] == []


def test_the_chart_is_made_of_parts_every_client_knows(
    reports: dict[str, CardReport],
) -> None:
    """The 1-6 chart is text runs, not a Teams chart element: no client needs a fallback."""
    assert any(n.get("id") == "chart" for n in CARDS["summary three agencies"]["body"])
    assert reports["summary three agencies"].warnings == []
