"""A whole assessment through Microsoft 365 Agents Playground's own HTTP and WebSocket API:
the bot sees what a Teams client sends (install events, @mentions, Action.Execute invokes,
a proactive 1:1 chat) and the Playground shows what the bot answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.journey import button
from tests.support.playground import (
    PlaygroundClient,
    Posted,
    bot_and_playground,
    bot_and_playgrounds,
    with_button,
)

pytestmark = pytest.mark.e2e

LEAD = "29:lead"
"""The partnership lead: a team member who is not the Playground's current user."""


async def open_round(client: PlaygroundClient, title: str) -> Posted:
    """The lead opens a round in the team's General channel; returns the announcement."""
    mark = client.mark()
    await client.say(client.team, f"open round {title}", who=LEAD)
    return await client.next_post(with_button("start", client.team), after=mark)


async def start(client: PlaygroundClient, announcement: Posted, agency: str) -> Posted:
    """The current user presses Start and chooses an agency in the 1:1 chat the bot opens."""
    mark = client.mark()
    card = await client.press(announcement, "start")
    assert button(card, "start") == button(announcement.card, "start")  # left as it was
    chat = await client.next_post(with_button("agency", client.my_chat), after=mark)
    await client.press(chat, "agency", {"agency": agency})
    return chat


async def complete_assessment(client: PlaygroundClient, chat: Posted) -> None:
    """Answer C1–C12 on the one card, change C4 from the review, and submit."""
    for n in range(1, 13):
        assert button(chat.card, "answer")["componentId"] == f"C{n}"
        assert f"C{n} of 12" in str(chat.card)
        inputs = {"rating": str(1 + n % 6), "evidence": f"evidence {n}", "suggestion": ""}
        await client.press(chat, "answer", inputs)
    await client.press(chat, "edit", componentId="C4")
    assert button(chat.card, "answer")["componentId"] == "C4"
    await client.press(chat, "answer", {"rating": "not_sure", "evidence": "", "suggestion": ""})
    await client.press(chat, "submit")


async def test_a_practitioner_completes_a_round_opened_in_the_channel(tmp_path: Path) -> None:
    async with bot_and_playground(tmp_path, "police") as client:
        await client.install(client.team)
        welcome = await client.next_post(lambda p: "open round" in str(p.cards))
        assert welcome.conversation.startswith(client.team)
        announcement = await open_round(client, "Autumn 2026")
        assert "Autumn 2026" in str(announcement.card)
        chat = await start(client, announcement, "police")
        assert "Police" in str(chat.card)  # the C1 card acknowledges the agency
        await complete_assessment(client, chat)
        assert "You submitted your answers on" in str(chat.card)


async def test_lead_and_practitioner_each_in_their_own_playground_share_the_round(
    tmp_path: Path,
) -> None:
    """As `scripts/run` does it: one Playground per person, one bot behind them."""
    async with bot_and_playgrounds(tmp_path, "lead", "police") as (lead, police):
        await open_round(lead, "Winter 2026")  # not seen in the police officer's Playground
        mark = police.mark()
        await police.say(police.my_chat, "start")
        chat = await police.next_post(with_button("agency", police.my_chat), after=mark)
        await police.press(chat, "agency", {"agency": "police"})
        await police.press(chat, "answer", {"rating": "3", "evidence": "", "suggestion": ""})
        assert "C2 of 12" in str(chat.card)
        mark = lead.mark()
        await lead.say(lead.team, "summary")
        summary = await lead.next_post(lambda p: "12Cs summary" in str(p.cards), after=mark)
        assert "1 in progress" in str(summary.card) and "Winter 2026" in str(summary.card)


# -- lead summary (issue 3) -------------------------------------------------------------------


async def test_the_lead_asks_for_the_summary_in_the_channel(tmp_path: Path) -> None:
    async with bot_and_playground(tmp_path, "health") as client:
        announcement = await open_round(client, "Spring 2027")
        chat = await start(client, announcement, "health")
        await complete_assessment(client, chat)
        mark = client.mark()
        await client.say(client.team, "summary", who=LEAD)
        summary = await client.next_post(lambda p: "12Cs summary" in str(p.cards), after=mark)
        assert summary.conversation.startswith(client.team)
        assert "1 complete" in str(summary.card) and "Spring 2027" in str(summary.card)
