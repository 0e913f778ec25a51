"""What people see, measured in the Agents Playground's web UI (headless Chromium, cards at
446 px as in a laptop's Teams window): the question card, the review card, the summary and a
C in detail. Each is photographed to test-output/e2e/<test>/, its height is bounded, every
text colour is checked against WCAG AA on the background it is drawn on, and every button is
reached with the Tab key.

Three practitioners answer through the Playground API (their own Playgrounds) so that the
lead's summary has published figures; the lead acts in the browser.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Locator, Page, expect

from tests.support.browser import (
    card_with,
    chromium,
    playground_page,
    post_in_channel,
    screenshot_dir,
)
from tests.support.playground import PlaygroundClient, bot_and_playgrounds, with_button

pytestmark = pytest.mark.e2e

CARD_WIDTH = 446
QUESTION_MAX_PX = 800
"""A question card whole on a laptop screen (issue 10)."""
REVIEW_MAX_PX = 1_400
SUMMARY_MAX_PX = 3_200
DETAIL_MAX_PX = 3_200
AA_TEXT, AA_LARGE, AA_GRAPHIC = 4.5, 3.0, 3.0
BLOCKS = set("█▌░\u00a0 ")
"""Characters of the summary's bars: graphics (3:1 against the page), not text."""

CONTRAST_JS = """
(card) => {
  const rgb = (s) => {
    const m = s.match(/[\\d.]+/g).map(Number);
    return m.length > 3 ? m : [...m, 1];
  };
  const lum = ([r, g, b]) => {
    const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const found = [];
  const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const fg = rgb(style.color), bg = background(el);
    const alpha = fg[3] * parseFloat(style.opacity || "1");
    const mixed = fg.slice(0, 3).map((c, i) => c * alpha + bg[i] * (1 - alpha));
    const [a, b] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
    found.push({
      text: text.slice(0, 60), ratio: (a + 0.05) / (b + 0.05),
      size: parseFloat(style.fontSize), bold: parseInt(style.fontWeight, 10) >= 600,
      color: style.color,
    });
  }
  return found;
}
"""

KEYBOARD_MARK_JS = """
(card) => {
  // the card's actions (a date box's calendar icon is a mouse shortcut: its input is typed)
  const buttons = [...card.querySelectorAll(".ac-actionSet button, .ac-actionSet [role=button]")]
    .filter((b) => b.getClientRects().length && !b.disabled);
  buttons.forEach((b, i) => b.setAttribute("data-kb", String(i)));
  card.focus();  // the card itself takes focus first, as when tabbing into it
  return buttons.map((b) => b.textContent.trim() || b.outerHTML.slice(0, 120));
}
"""




async def measure(card: Locator, folder: Path, name: str) -> float:
    """Photograph the card; its height in CSS pixels."""
    await card.scroll_into_view_if_needed()
    await card.screenshot(path=str(folder / f"{name}.png"))
    box = await card.bounding_box()
    assert box is not None
    assert abs(box["width"] - CARD_WIDTH) <= 2, box
    return float(box["height"])


async def assert_readable(card: Locator) -> None:
    """Every piece of text meets WCAG AA on what it is drawn on, as rendered."""
    runs: list[dict[str, Any]] = await card.evaluate(CONTRAST_JS)
    assert runs
    poor = []
    for r in runs:
        large = r["size"] >= 24 or (r["size"] >= 18.66 and r["bold"])
        graphic = set(r["text"]) <= BLOCKS
        need = AA_GRAPHIC if graphic else AA_LARGE if large else AA_TEXT
        if r["ratio"] < need:
            poor.append((r["text"], r["color"], round(r["ratio"], 2)))
    assert not poor, "\n".join(map(str, poor))


async def assert_keyboard_reaches_every_button(page: Page, card: Locator) -> None:
    titles: list[str] = await card.evaluate(KEYBOARD_MARK_JS)
    assert titles, "no buttons found on the card"
    reached: set[str] = set()
    for _ in range(len(titles) * 3 + 20):
        await page.keyboard.press("Tab")
        mark = await page.evaluate("() => document.activeElement?.getAttribute('data-kb')")
        if mark is not None:
            reached.add(mark)
        if len(reached) == len(titles):
            break
    missed = [t for i, t in enumerate(titles) if str(i) not in reached]
    assert not missed, "\n".join(missed)


async def gap_to_buttons(card: Locator, text: str) -> float:
    """Pixels between the bottom of `text` and the top of the card's first button row."""
    note = await card.get_by_text(text).last.bounding_box()
    buttons = await card.locator(".ac-actionSet").last.bounding_box()
    assert note is not None and buttons is not None
    return float(buttons["y"] - (note["y"] + note["height"]))


async def practitioner_answers(client: PlaygroundClient, agency: str, base: int) -> None:
    """Say start in the 1:1 chat, choose the agency, rate all 12 Cs and submit."""
    mark = client.mark()
    await client.say(client.my_chat, "start")
    chat = await client.next_post(with_button("agency", client.my_chat), after=mark)
    await client.press(chat, "agency", {"agency": agency})
    for n in range(1, 13):
        rating = str(min(6, max(1, base + (n % 3) - 1)))
        inputs = {"rating": rating, "evidence": f"{agency} sees this in practice", "suggestion": ""}
        await client.press(chat, "answer", inputs)
    await client.press(chat, "submit")


async def test_the_four_cards_people_read_fit_the_screen_read_well_and_work_by_keyboard(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder = screenshot_dir(request.node.name)
    people = ("lead", "police", "health", "education")
    async with bot_and_playgrounds(tmp_path, *people) as clients, chromium() as browser:
        lead = clients[0]
        page = await playground_page(browser, lead.base, 3400)

        await post_in_channel(page, "General", "open round Autumn 2026")
        start = page.get_by_role("button", name="Start my assessment")
        await start.click()
        announcement = card_with(page, "Autumn 2026")
        await expect(announcement).to_contain_text("I've messaged you")
        assert await gap_to_buttons(announcement, "I've messaged you") < 40
        practitioners = asyncio.gather(
            *(
                practitioner_answers(client, agency, base)
                for client, agency, base in zip(
                    clients[1:], ("police", "health", "education"), (2, 4, 3), strict=True
                )
            )
        )

        # -- the question card ---------------------------------------------------------------
        await page.get_by_text("Personal Chat", exact=True).click()
        agency = card_with(page, "Which agency do you work for?")
        await expect(agency).to_contain_text("Autumn 2026")
        await page.get_by_text("Local authority children's services", exact=True).click()
        await page.get_by_role("button", name="Continue").click()
        question = card_with(page, "C1 of 12")
        await question.wait_for()
        height = await measure(question, folder, "1-question")
        assert height <= QUESTION_MAX_PX, height
        await assert_readable(question)
        await assert_keyboard_reaches_every_button(page, question)
        practice = question.get_by_text("Practice/ Intervention/ Policy embedded").first
        await expect(practice).to_be_hidden()
        await question.get_by_role("button", name="Levels in practice").click()
        await expect(practice).to_be_visible()
        await measure(question, folder, "1-question-levels-in-practice-open")
        await question.get_by_role("button", name="Levels in practice").click()

        await question.get_by_role("button", name="Save and next").click()  # no rating
        refused = card_with(page, "C1 of 12")
        await expect(refused).to_contain_text("Please choose a rating from 1 to 6")
        assert await gap_to_buttons(refused, "Please choose a rating from 1 to 6") < 40
        height = await measure(refused, folder, "1-question-refused")
        assert height <= QUESTION_MAX_PX, height
        await page.get_by_text("4 · Good:", exact=False).first.click()
        await page.get_by_placeholder("What tells you this?").fill("Thresholds are agreed and used")
        await page.get_by_role("button", name="Save and next").click()
        question = card_with(page, "C2 of 12")
        await expect(question).to_contain_text("Saved C1 Clarity: Good")
        assert await gap_to_buttons(question, "Saved C1 Clarity: Good") < 40
        height = await measure(question, folder, "2-question-c2-with-back")
        assert height <= QUESTION_MAX_PX, height
        for n in range(2, 13):
            await card_with(page, f"C{n} of 12").get_by_role("button", name="Skip").click()
            if n < 12:
                await card_with(page, f"C{n + 1} of 12").wait_for()

        # -- the review card -----------------------------------------------------------------
        review = card_with(page, "Check your answers")
        await review.wait_for()
        await review.get_by_role("button", name="Submit my answers").click()
        await expect(review).to_contain_text("your response is submitted")
        assert await gap_to_buttons(review, "your response is submitted") < 80
        height = await measure(review, folder, "3-review")
        assert height <= REVIEW_MAX_PX, height
        await assert_readable(review)
        await assert_keyboard_reaches_every_button(page, review)

        # -- the summary and a C in detail ---------------------------------------------------
        await practitioners
        await post_in_channel(page, "General", "summary")
        summary = card_with(page, "12Cs summary")
        await summary.wait_for()
        await expect(summary).to_contain_text("Median rating of each C on the 1–6 scale")
        await expect(summary).to_contain_text("counted together as other agencies")
        height = await measure(summary, folder, "4-summary")
        assert height <= SUMMARY_MAX_PX, height
        chart = (
            summary.locator(".ac-container", has_text="Median rating of each C")
            .filter(has_text="4–6: good or better")
            .last
        )
        await chart.screenshot(path=str(folder / "5-summary-chart.png"))
        await assert_readable(summary)
        await assert_keyboard_reaches_every_button(page, summary)

        await summary.get_by_role("button", name="Details").first.click()
        detail = card_with(page, "C1 · Clarity")
        await expect(detail).to_contain_text("What people said")
        height = await measure(detail, folder, "6-detail")
        assert height <= DETAIL_MAX_PX, height
        await assert_readable(detail)
        await assert_keyboard_reaches_every_button(page, detail)
    print(f"screenshots: {folder}")
