"""No card writes in the colours Teams' light theme draws too pale to read.

As the Playground renders them (tests/e2e/test_card_screens.py measures it), `Good` text is
rgb(146, 195, 83) and `Warning` rgb(248, 210, 42): 2.1:1 and 1.5:1 on white, under WCAG AA's
4.5:1 for text and even its 3:1 for graphics such as the summary's bars.
"""

from __future__ import annotations

import pytest

from tests.unit.cards.erasure_samples import erasure_cards
from tests.unit.cards.lead_samples import lead_cards
from tests.unit.cards.samples import sample_cards
from tests.unit.cards.walk import nodes

CARDS = {**sample_cards(), **lead_cards(), **erasure_cards()}
PALE = {"good", "warning"}


@pytest.mark.parametrize("name", CARDS)
def test_no_text_is_in_a_colour_too_pale_to_read(name: str) -> None:
    pale = [n for n in nodes(CARDS[name]) if str(n.get("color", "")).lower() in PALE]
    assert pale == []
