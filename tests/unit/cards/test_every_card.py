"""Rules every card obeys, checked over every builder in several states."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest

from cards import verbs
from messages.catalogue import speaking
from tests.support.welsh import english_lines, welsh_lines
from tests.unit.cards.erasure_samples import erasure_cards
from tests.unit.cards.language_samples import language_cards
from tests.unit.cards.lead_samples import lead_cards
from tests.unit.cards.samples import CAT, sample_cards
from tests.unit.cards.walk import executes, nodes, visible_text


def every_card() -> dict[str, dict[str, Any]]:
    return {**sample_cards(), **lead_cards(), **erasure_cards(), **language_cards()}


with speaking("cy"):
    WELSH = {f"{name} (Cymraeg)": card for name, card in every_card().items()}
CARDS = {**every_card(), **WELSH}
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
    verbs.ERASE: {"fingerprint"},
    verbs.ERASE_CANCEL: set(),
    verbs.LANGUAGE: {"language"},
    verbs.SHARED_LANGUAGE: {"welshFirst"},
}
MAX_CARD_BYTES = 28 * 1024


def test_the_contract_covers_every_verb() -> None:
    assert set(NEEDS) == VERBS


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


BILINGUAL = {f"{name} (Cymraeg)" for name in language_cards()}
"""Cards everyone reads (shared posts) or that offer both languages: both, by design."""


@pytest.mark.parametrize("name", sorted(set(WELSH) - BILINGUAL))
def test_a_welsh_readers_cards_carry_no_english_from_the_catalogue(name: str) -> None:
    lines = [line for line in visible_text(CARDS[name]) if line not in TYPED_IN_SAMPLES]
    assert english_lines(lines) == []
    assert welsh_lines(lines) != [] or lines == []


@pytest.mark.parametrize("name", sorted(BILINGUAL))
def test_shared_posts_and_the_language_choice_read_in_both_languages(name: str) -> None:
    lines = visible_text(CARDS[name])
    assert welsh_lines(lines) != [] and english_lines(lines) != []
