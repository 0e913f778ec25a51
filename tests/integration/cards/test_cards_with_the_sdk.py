"""Every card the builders make, in every sample state, passes Microsoft's Adaptive Cards SDK
(npm adaptivecards, target 1.5) with no error and no warning."""

from __future__ import annotations

import pytest

from tests.support.node_tools import CardReport, validate_cards
from tests.unit.cards.samples import sample_cards

CARDS = sample_cards()


@pytest.fixture(scope="module")
def reports() -> dict[str, CardReport]:
    return dict(zip(CARDS, validate_cards(list(CARDS.values())), strict=True))


@pytest.mark.parametrize("name", CARDS)
def test_the_sdk_accepts_the_card_without_warnings(
    name: str, reports: dict[str, CardReport]
) -> None:
    report = reports[name]
    assert report.errors == []
    assert report.warnings == []
