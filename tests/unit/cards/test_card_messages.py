"""Every `card.*` message the builders use exists, so no card fails on a missing text."""

from __future__ import annotations

import re
from pathlib import Path

import cards
from tests.unit.cards.samples import CAT

SOURCE = Path(cards.__file__).parent
MESSAGE_ID = re.compile(r"""["'](card\.[A-Za-z0-9_.]+)["']""")


def used_ids() -> set[str]:
    return {m for path in SOURCE.glob("*.py") for m in MESSAGE_ID.findall(path.read_text())}


def test_the_builders_use_card_messages() -> None:
    assert len(used_ids()) > 50


def test_every_card_message_used_is_in_the_english_catalogue() -> None:
    assert sorted(i for i in used_ids() if not CAT.has(i)) == []

