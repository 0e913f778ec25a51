"""Debian's Chromium driven by Playwright for Python (never `playwright install`), kept off
the network: every host name but localhost resolves to nothing.

Without /usr/bin/chromium the calling test is skipped, unless CI is set (then it fails).
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from playwright.async_api import Browser, Locator, Page, async_playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "e2e"


def require_chromium() -> Path:
    if not CHROMIUM.is_file():
        reason = f"{CHROMIUM} is missing (Debian package chromium): the browser test cannot run"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


def screenshot_dir(test_name: str) -> Path:
    """test-output/e2e/<test>/ (gitignored), emptied for this run."""
    folder = OUTPUT / re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    executable = require_chromium()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(executable), args=FLAGS)
        try:
            yield browser
        finally:
            await browser.close()


# -- the Playground's web UI, as a person uses it ---------------------------------------

CARD = ".ac-adaptiveCard"
"""What the Playground renders each Adaptive Card as."""
WAIT_MS = 15_000
"""How long a step may wait for the bot's card to appear."""


async def playground_page(browser: Browser, base: str, height: int = 2400) -> Page:
    """A tall page on the Playground at `base`, its steps waiting up to `WAIT_MS`."""
    page = await browser.new_page(viewport={"width": 1400, "height": height})
    page.set_default_timeout(WAIT_MS)
    await page.goto(base)
    return page


async def post_in_channel(page: Page, channel: str, command: str) -> None:
    """Start a new post in `channel` that @mentions the bot through the mention picker."""
    await page.get_by_text(channel, exact=True).click()
    await page.locator("[data-lexical-editor=true]").first.click()
    await page.keyboard.type("@twelvecs")
    await page.get_by_role("menuitem", name="twelvecs").click()
    await page.keyboard.type(f" {command}")
    await page.get_by_role("button", name="Post").click()


async def say_in_personal_chat(page: Page, text: str) -> None:
    """Type `text` to the bot in the 1:1 chat."""
    await page.get_by_text("Personal Chat", exact=True).click()
    await page.locator("[data-lexical-editor=true]").last.click()
    await page.keyboard.type(text)
    await page.keyboard.press("Enter")


def card_with(page: Page, text: str) -> Locator:
    """The newest card showing `text`."""
    return page.locator(CARD, has_text=text).last


async def shoot(card: Locator, folder: Path, name: str) -> None:
    """Scroll the card into view and save its screenshot as `<name>.png`."""
    await card.scroll_into_view_if_needed()
    await card.screenshot(path=str(folder / f"{name}.png"))
