"""A Welsh reader's cards carry no English from the catalogue; shared posts carry both."""

from __future__ import annotations

import pytest

from tests.support.welsh import english_lines, welsh_lines
from tests.unit.cards.walk import visible_text
from tests.unit.cards.welsh_samples import BILINGUAL, welsh_cards

WELSH = welsh_cards()
TYPED_IN_SAMPLES = {
    "Resume",
    "Saved C3 - Weak",
    "Choose your agency first.",
    "Stopped.",
    "Saved",
    "Saved. Say resume to carry on.",
    "Choose a rating",
}
"""English the samples pass in themselves (notices a test typed), not catalogue text."""


def test_every_sample_card_has_a_welsh_version() -> None:
    assert len(WELSH) > 40 and set(WELSH) >= BILINGUAL


@pytest.mark.parametrize("name", sorted(set(WELSH) - BILINGUAL))
def test_a_welsh_readers_cards_carry_no_english_from_the_catalogue(name: str) -> None:
    lines = [line for line in visible_text(WELSH[name]) if line not in TYPED_IN_SAMPLES]
    assert english_lines(lines) == []
    assert welsh_lines(lines) != [] or lines == []


@pytest.mark.parametrize("name", sorted(BILINGUAL))
def test_shared_posts_and_the_language_choice_read_in_both_languages(name: str) -> None:
    lines = visible_text(WELSH[name])
    assert welsh_lines(lines) != [] and english_lines(lines) != []
