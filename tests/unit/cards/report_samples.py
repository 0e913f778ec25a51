"""The report card in its states, for the every-card checks."""

from __future__ import annotations

from typing import Any

from cards.report import build_report_card
from tests.unit.cards.samples import CAT

LINKS = {f: f"https://bot.example.org/reports/token-{f}" for f in ("xlsx", "pdf", "csv")}


def report_cards() -> dict[str, dict[str, Any]]:
    return {
        "report links": build_report_card(CAT, "Autumn 2026", LINKS, minutes=15,
                                          has_responses=True),
        "report link, one format, no responses": build_report_card(
            CAT, "[Autumn](https://example.org)", {"pdf": LINKS["pdf"]}, minutes=15,
            has_responses=False,
        ),
    }
