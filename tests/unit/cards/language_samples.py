"""The language cards, and shared posts in both languages."""

from __future__ import annotations

from typing import Any

from cards import build_announcement_card
from cards.language import bilingual_card, build_language_card, build_shared_language_card
from tests.unit.cards.samples import CAT, a_round


def language_cards() -> dict[str, dict[str, Any]]:
    round_ = a_round()
    return {
        "language choice": build_language_card(CAT),
        "shared language, English first": build_shared_language_card(CAT, welsh_first=False),
        "shared language, Welsh first": build_shared_language_card(CAT, welsh_first=True),
        "announcement bilingual, Welsh first": bilingual_card(
            CAT, True, lambda cat: build_announcement_card(cat, round_)
        ),
        "announcement bilingual closed": bilingual_card(
            CAT, False, lambda cat: build_announcement_card(cat, a_round(closed=True), closed=True)
        ),
    }
