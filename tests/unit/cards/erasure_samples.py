"""The erasure cards in the states a practitioner meets (for the every-card rules)."""

from __future__ import annotations

from typing import Any

from assessment.erasure import ErasurePlan
from cards.erasure import build_erasure_card, build_erasure_done_card
from tests.unit.cards.samples import CAT

FULL = ErasurePlan(("Autumn 2026",), ("Spring 2025", "Autumn 2025"), True, "c" * 32)
RECORD_ONLY = ErasurePlan((), (), True, "d" * 32)


def erasure_cards() -> dict[str, dict[str, Any]]:
    return {
        "erase confirm": build_erasure_card(CAT, FULL),
        "erase confirm, changed": build_erasure_card(CAT, FULL, changed=True),
        "erase confirm, record only": build_erasure_card(CAT, RECORD_ONLY),
        "erase done": build_erasure_done_card(CAT, FULL),
    }
