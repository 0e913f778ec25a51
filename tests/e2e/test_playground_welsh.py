"""Cymraeg in the Agents Playground's web UI (headless Chromium): a lead chooses Welsh with
`iaith` in her 1:1 chat, opens a round in the channel with the Welsh command words, presses
Start on the bilingual announcement, answers C1 on a Welsh card that changes in place, and
asks for the summary with `crynodeb`.

Screenshots of every card go to test-output/e2e/<test>/ (printed at the end)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import expect

from tests.support.browser import (
    CARD,
    card_with,
    chromium,
    playground_page,
    post_in_channel,
    say_in_personal_chat,
    screenshot_dir,
    shoot,
)
from tests.support.playground import bot_and_playground

pytestmark = pytest.mark.e2e


async def test_a_lead_does_the_journey_in_welsh(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder = screenshot_dir(request.node.name)
    async with bot_and_playground(tmp_path, "lead") as client, chromium() as browser:
        page = await playground_page(browser, client.base)

        await say_in_personal_chat(page, "iaith")
        choice = card_with(page, "Iaith")
        await choice.wait_for()
        await shoot(choice, folder, "1-iaith")
        await choice.get_by_role("button", name="Cymraeg").click()
        chosen = card_with(page, "Byddaf yn defnyddio'r Gymraeg")
        await chosen.wait_for()

        await post_in_channel(page, "General", "agor cylch Hydref 2026")
        start = page.get_by_role("button", name="Dechrau fy asesiad")
        await start.wait_for()
        await shoot(card_with(page, "Hydref 2026"), folder, "2-cyhoeddiad")
        await start.click()

        await page.get_by_text("Personal Chat", exact=True).click()
        agency = card_with(page, "I ba asiantaeth ydych chi'n gweithio?")
        await agency.wait_for()
        await shoot(agency, folder, "3-asiantaeth")
        await page.get_by_text("Gwasanaethau plant yr awdurdod lleol", exact=True).click()
        await page.get_by_role("button", name="Parhau").click()

        question = card_with(page, "C1 o 12")
        await question.wait_for()
        await expect(question).to_contain_text("Eglurder")
        await shoot(question, folder, "4-c1")
        cards_in_chat = await page.locator(CARD).count()
        await page.get_by_text("4 · Da:", exact=False).first.click()
        await page.get_by_placeholder("Beth sy'n dangos hyn i chi?").fill("Mae'r trothwyon yn glir")
        await page.get_by_role("button", name="Cadw a symud ymlaen").click()
        question = card_with(page, "C2 o 12")
        await question.wait_for()
        await expect(question).to_contain_text("Wedi cadw C1 Eglurder: Da")
        await expect(page.locator(CARD)).to_have_count(cards_in_chat)  # changed in place
        await shoot(question, folder, "5-c2-yn-ei-le")

        await post_in_channel(page, "General", "crynodeb")
        summary = card_with(page, "Crynodeb y 12C")
        await summary.wait_for()
        await expect(summary).to_contain_text("Hydref 2026")
        await expect(summary).to_contain_text("1 ar y gweill")
        await shoot(summary, folder, "6-crynodeb")
    print(f"screenshots: {folder}")
