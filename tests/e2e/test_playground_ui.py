"""The Agents Playground's web UI in headless Chromium, as a lead who also answers: open a
round in the channel with a real @mention, press Start, answer C1 by clicking a rating and
typing evidence, and see the same card turn into C2; then ask for the summary.

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
    screenshot_dir,
    shoot,
)
from tests.support.playground import bot_and_playground

pytestmark = pytest.mark.e2e


async def test_a_lead_opens_a_round_answers_c1_and_asks_for_the_summary(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder = screenshot_dir(request.node.name)
    async with bot_and_playground(tmp_path, "lead") as client, chromium() as browser:
        page = await playground_page(browser, client.base)

        await post_in_channel(page, "General", "open round Autumn 2026")
        start = page.get_by_role("button", name="Start my assessment")
        await start.wait_for()
        await shoot(card_with(page, "Autumn 2026"), folder, "1-announcement")
        await start.click()

        await page.get_by_text("Personal Chat", exact=True).click()
        agency = card_with(page, "Which agency do you work for?")
        await agency.wait_for()
        await shoot(agency, folder, "2-agency")
        await page.get_by_text("Local authority children's services", exact=True).click()
        await page.get_by_role("button", name="Continue").click()

        question = card_with(page, "C1 of 12")
        await question.wait_for()
        await shoot(question, folder, "3-c1")
        cards_in_chat = await page.locator(CARD).count()
        await page.get_by_text("4 · Good:", exact=False).first.click()
        await page.get_by_placeholder("What tells you this?").fill("Thresholds are agreed and used")
        await page.get_by_role("button", name="Save and next").click()
        question = card_with(page, "C2 of 12")
        await question.wait_for()
        await expect(question).to_contain_text("Saved C1 Clarity: Good")
        await expect(page.locator(CARD)).to_have_count(cards_in_chat)  # changed in place
        await expect(page.get_by_text("C1 of 12")).to_have_count(0)
        await shoot(question, folder, "4-c2-in-place")

        # -- lead summary (issue 3) -----------------------------------------------------------
        await post_in_channel(page, "General", "summary")
        summary = card_with(page, "12Cs summary")
        await summary.wait_for()
        await expect(summary).to_contain_text("Autumn 2026")
        await expect(summary).to_contain_text("1 in progress")
        await shoot(summary, folder, "5-summary")
    print(f"screenshots: {folder}")
