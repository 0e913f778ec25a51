"""Every card the bot really sends during a practitioner's journey and a lead's work passes
Microsoft's Adaptive Cards SDK (target 1.5) and stays under 40 KB.

The cards are collected from what reached the fake Bot Connector and from invoke answers,
so a card assembled only at run time (a notice, a refusal, a stale form) is checked too.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tests.support.harness import Harness, cards_in
from tests.support.journey import (
    ALEX,
    LEAD,
    SAM,
    answer,
    button,
    open_round,
    start_from_announcement,
)
from tests.support.node_tools import validate_cards

MAX_BYTES = 40_000
COVERED_CHART = re.compile(
    r'^Unknown element type "Chart\.[A-Za-z.]+"\. .*\(a fallback covers it\)$'
)


async def press(
    harness: Harness,
    pressed: list[dict[str, Any]],
    who: Any,
    verb: str,
    data: dict[str, Any],
    **kw: Any,
) -> dict[str, Any]:
    card = await harness.press(who, verb, data, **kw)
    pressed.append(card)
    return card


async def journey(harness: Harness) -> list[dict[str, Any]]:
    """Install, open a round, walk it with stale and bad presses, submit; then lead work."""
    pressed: list[dict[str, Any]] = []
    await harness.send(harness.teams.team_install())
    announcement = await open_round(harness)
    card = await start_from_announcement(harness, ALEX, announcement)
    first = card
    card = await press(harness, pressed, ALEX, "answer", {**button(card, "answer"), "rating": "9"})
    case_data = {**button(card, "answer"), "rating": "3", "evidence": "NHS 943 476 5919, M1 1AA"}
    card = await press(harness, pressed, ALEX, "answer", case_data)
    for n in range(12):
        card = await answer(harness, ALEX, card, str(1 + n % 6), "evidence " * 20)
        pressed.append(card)
    await press(harness, pressed, ALEX, "answer", {**button(first, "answer"), "rating": "2"})
    card = await press(harness, pressed, ALEX, "edit", button(card, "edit", componentId="C3"))
    card = await press(harness, pressed, ALEX, "stop", {**button(card, "stop"), "rating": ""})
    await harness.send(harness.teams.personal_message(ALEX, "resume"))
    await harness.send(harness.teams.personal_message(ALEX, "my answers"))
    await harness.send(harness.teams.personal_message(ALEX, "gibberish"))
    await harness.send(harness.teams.channel_message(SAM, "summary"))
    await harness.send(harness.teams.channel_message(LEAD, "summary"))
    summary = harness.cards()[-1]
    detail = await press(
        harness, pressed, LEAD, "detail", button(summary, "detail", componentId="C1"), channel=True
    )
    form = {**button(detail, "position"), "actionPlan": "Plan", "score": "9"}
    await press(harness, pressed, LEAD, "position", form, channel=True)
    await press(
        harness, pressed, LEAD, "position", {**form, "evidence": "DOB 1/2/2019"}, channel=True
    )
    await press(harness, pressed, LEAD, "position", {**form, "score": "3"}, channel=True)
    await harness.send(harness.teams.channel_message(LEAD, "report"))  # links in the 1:1 chat
    await harness.send(harness.teams.channel_message(LEAD, "close round"))
    await press(
        harness, pressed, ALEX, "resume", {"roundId": button(announcement, "start")["roundId"]}
    )
    sent = [c for activity in harness.activities() for c in cards_in(activity)]
    return sent + pressed


async def test_every_card_sent_validates_as_adaptive_card_1_5_under_40_kb(harness: Harness) -> None:
    cards = await journey(harness)
    kinds = {json.dumps(c, sort_keys=True) for c in cards}
    assert len(kinds) > 25  # the walk really produced many different cards
    for card in cards:
        assert len(json.dumps(card, ensure_ascii=False).encode()) < MAX_BYTES
    reports = validate_cards(list(cards))
    for card, report in zip(cards, reports, strict=True):
        warnings = [w for w in report.warnings if not COVERED_CHART.match(w)]
        assert report.ok and not report.errors and not warnings, (report, json.dumps(card)[:300])
