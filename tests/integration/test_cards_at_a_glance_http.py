"""What a person sees after each press or command (issue 10): where to carry on, which round
they are starting, help for who they are, and who leads when they may not see a summary."""

from __future__ import annotations

from tests.support.harness import Harness
from tests.support.journey import ALEX, LEAD, button, open_round, start_from_announcement
from tests.support.teams import Json


def shown(posted: list[Json]) -> str:
    return str(posted)


async def say_personal(harness: Harness, who: object, text: str) -> str:
    mark = harness.mark()
    await harness.send(harness.teams.personal_message(who, text))  # type: ignore[arg-type]
    return shown(harness.since(mark))


async def test_typed_start_introduces_the_round_before_asking_the_agency(
    harness: Harness,
) -> None:
    await open_round(harness, "Autumn 2026")
    seen = await say_personal(harness, ALEX, "start")
    assert "Autumn 2026" in seen
    assert "Opened by" in seen and "about 15 minutes" in seen
    assert "Leads never see your name" in seen  # anonymous round
    assert "Which agency do you work for?" in seen


async def test_a_practitioner_asking_for_a_summary_is_told_who_leads(harness: Harness) -> None:
    await open_round(harness, "Autumn 2026")
    seen = await say_personal(harness, ALEX, "summary")
    assert "Only a round's leads see its summary" in seen
    assert "Autumn 2026 is led by" in seen


async def test_help_in_a_1_1_chat_lists_the_lead_commands_only_for_a_lead(
    harness: Harness,
) -> None:
    await open_round(harness, "Autumn 2026")
    assert "summary C4" in await say_personal(harness, LEAD, "help")
    practitioner = await say_personal(harness, ALEX, "help")
    assert "my answers" in practitioner and "summary C4" not in practitioner


async def test_help_in_the_channel_lists_start_and_every_lead_command(harness: Harness) -> None:
    await open_round(harness, "Autumn 2026")
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(ALEX, "help"))
    seen = shown(harness.since(mark))
    for command in ("start", "add lead @name", "summary C4", "--named", "open round [title]"):
        assert command in seen, command


async def test_someone_whose_agency_is_known_is_told_which_round_they_are_starting(
    harness: Harness,
) -> None:
    first = await open_round(harness, "Spring 2026")
    await start_from_announcement(harness, ALEX, first)  # agency asked and kept
    await harness.send(harness.teams.channel_message(LEAD, "close round"))
    second = await open_round(harness, "Autumn 2026")
    await harness.press(ALEX, "start", button(second, "start"), channel=True)
    card = harness.cards(ALEX.chat_id)[-1]
    assert "This is round Autumn 2026, opened by" in str(card)
    assert "Which agency do you work for?" not in str(card)


async def test_a_practitioner_asking_for_the_summary_in_the_channel_is_told_who_leads(
    harness: Harness,
) -> None:
    await open_round(harness, "Autumn 2026")
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(ALEX, "summary"))
    seen = shown(harness.since(mark))
    assert "Only the round's leads can do that" in seen
    assert f"ask {LEAD.name}" in seen
