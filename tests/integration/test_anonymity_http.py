"""Anonymity over HTTP with a deployment's own k: figures publish only once k have submitted."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.integration.test_lead_http import ask_summary, only_card, open_round, start
from tests.support.harness import Harness, running_bot
from tests.support.journey import LEAD, answer, button
from tests.support.teams import Json, Person, person

POLICE = [person(f"police-{n}") for n in range(4)]


@pytest.fixture
async def harness_k4(tmp_path: Path) -> AsyncIterator[Harness]:
    async with running_bot(tmp_path / "data", min_group_size=4) as harness:
        yield harness


async def submit_all(harness: Harness, who: Person, announcement: Json, rating: str) -> None:
    card = await start(harness, who, announcement, "police")
    for n in range(1, 13):
        card = await answer(harness, who, card, rating, f"My view of C{n}")
    await harness.press(who, "submit", button(card, "submit"))


async def summary_text(harness: Harness) -> str:
    return json.dumps(only_card(await ask_summary(harness, LEAD)), ensure_ascii=False)


async def test_with_k_4_three_submissions_show_nothing_and_the_fourth_publishes(
    harness_k4: Harness,
) -> None:
    harness = harness_k4
    harness.join_team(LEAD, *POLICE)
    announcement = await open_round(harness, "Small team")
    for who in POLICE[:3]:
        await submit_all(harness, who, announcement, "1")
    text = await summary_text(harness)
    assert "3 complete · 0 in progress" in text
    assert "figures appear once 4 responses have been submitted" in text
    assert "fewer than 4 ratings yet" in text and "Unsatisfactory ·" not in text
    await submit_all(harness, POLICE[3], announcement, "1")
    text = await summary_text(harness)
    assert "based on 4 submitted responses" in text
    assert "1 · Unsatisfactory · every rating was 1" in text and "rests on 4 ratings" in text
