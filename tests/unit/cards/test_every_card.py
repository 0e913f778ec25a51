"""Rules every card obeys, checked over every builder in several states."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest

from cards import verbs
from tests.unit.cards.erasure_samples import erasure_cards
from tests.unit.cards.followup_samples import followup_cards
from tests.unit.cards.lead_samples import lead_cards
from tests.unit.cards.report_samples import report_cards
from tests.unit.cards.samples import CAT, sample_cards
from tests.unit.cards.walk import executes, nodes, visible_text
from tests.unit.cards.welsh_samples import language_cards, welsh_cards

CARDS = {
    **sample_cards(), **lead_cards(), **erasure_cards(), **report_cards(), **followup_cards()
}
VERBS = {v for k, v in vars(verbs).items() if k.isupper() and not k.startswith("INPUT_")}
NEEDS = {
    verbs.START: {"roundId"},
    verbs.CHOOSE_ROUND: {"roundId"},
    verbs.AGENCY: {"roundId"},
    verbs.ANSWER: {"roundId", "componentId", "rev"},
    verbs.SKIP: {"roundId", "componentId", "rev"},
    verbs.BACK: {"roundId", "componentId", "rev"},
    verbs.STOP: {"roundId", "componentId", "rev"},
    verbs.EDIT: {"roundId", "componentId", "rev"},
    verbs.SUBMIT: {"roundId", "rev"},
    verbs.RESUME: {"roundId"},
    verbs.SUMMARY: {"roundId"},
    verbs.DETAIL: {"roundId", "componentId"},
    verbs.POSITION: {"roundId", "componentId", "rev"},
    verbs.REMIND: {"roundId", "agency"},
    verbs.REPORT: {"roundId"},
    verbs.ERASE: {"fingerprint"},
    verbs.ERASE_CANCEL: set(),
    verbs.STOP_REMINDERS: set(),
    verbs.ACTION_STATUS: {"roundId", "componentId", "status"},
    verbs.AGENCIES: {"roundId"},
}
MAX_CARD_BYTES = 32 * 1024
"""Under a third of the 100 KB Teams message limit (the summary draws a bar for each C)."""


def test_the_contract_covers_every_verb() -> None:
    assert set(NEEDS) == VERBS


# -- Welsh (issue 13): the language cards, and every rule below also for every card in Welsh --
NEEDS.update({verbs.LANGUAGE: {"language"}, verbs.SHARED_LANGUAGE: {"welshFirst"}})
CARDS.update({**language_cards(), **welsh_cards()})


@pytest.mark.parametrize("name", CARDS)
def test_card_is_an_adaptive_card_teams_can_render(name: str) -> None:
    card = CARDS[name]
    assert card["type"] == "AdaptiveCard"
    assert card["version"] == "1.5"
    assert card["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json"


@pytest.mark.parametrize("name", CARDS)
def test_every_action_carries_a_known_verb_and_the_data_the_bot_needs(name: str) -> None:
    for action in executes(CARDS[name]):
        data = action["data"]
        assert action["verb"] in VERBS
        assert set(data) == NEEDS[action["verb"]], action
        assert all(isinstance(data[k], str) for k in ("roundId", "componentId") if k in data)
        assert isinstance(data.get("rev", 0), int)


@pytest.mark.parametrize("name", CARDS)
def test_every_action_falls_back_to_a_submit_with_the_same_data_and_verb(name: str) -> None:
    for action in executes(CARDS[name]):
        fallback = action["fallback"]
        assert fallback["type"] == "Action.Submit"
        assert fallback["title"] == action["title"]
        assert fallback["data"] == {**action["data"], "verb": action["verb"]}
        assert fallback["associatedInputs"] == action["associatedInputs"]


@pytest.mark.parametrize("name", CARDS)
def test_input_ids_are_unique_within_a_card(name: str) -> None:
    ids = Counter(n["id"] for n in nodes(CARDS[name]) if "id" in n)
    assert [i for i, count in ids.items() if count > 1] == []


@pytest.mark.parametrize("name", CARDS)
def test_no_message_id_or_unfilled_placeholder_reaches_the_reader(name: str) -> None:
    ids = CAT.ids()
    for line in visible_text(CARDS[name]):
        assert line not in ids and not line.startswith("card."), line
        assert re.search(r"(?<!\{)\{[a-z_]+\}(?!\})", line) is None, line


@pytest.mark.parametrize("name", CARDS)
def test_every_card_stays_well_under_the_teams_message_limit(name: str) -> None:
    assert len(json.dumps(CARDS[name]).encode()) < MAX_CARD_BYTES


def test_samples_cover_every_verb() -> None:
    used: set[Any] = {a["verb"] for card in CARDS.values() for a in executes(card)}
    assert used == VERBS
