"""The board's report from Teams-shaped activities: a lead asks in the channel, gets the links
in their 1:1 chat, follows one and gets the workbook; a practitioner is refused; a tampered or
reused link gets 403."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.integration.test_lead_http import PEOPLE, everyone_answers, open_round
from tests.support.harness import Harness
from tests.support.journey import LEAD, button, has_button
from tests.support.teams import CHANNEL_ID, Json


def links_in(card: Json) -> dict[str, str]:
    """Format (from the URL's button title) to the link's path on the bot."""
    return {a["title"]: urlsplit(a["url"]).path for a in card.get("actions", [])
            if a["type"] == "Action.OpenUrl"}


async def test_a_lead_gets_the_links_privately_and_downloads_the_workbook_and_pdf(
    harness: Harness,
) -> None:
    harness.join_team(LEAD, *(p for people in PEOPLE.values() for p in people))
    await everyone_answers(harness, await open_round(harness, "Round one"), {})
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, "report"))
    posted = harness.since(mark)
    in_channel = [a for a in posted if a["conversation"]["id"].startswith(CHANNEL_ID)]
    assert [a.get("text") for a in in_channel] == [
        "I have sent you the report's download links in our 1:1 chat (they are for you only)."
    ]
    assert not [a for a in in_channel if a.get("attachments")]
    links = links_in(harness.cards(LEAD.chat_id)[-1])
    assert set(links) == {"Excel workbook", "PDF for board papers", "CSV of the responses"}
    assert all(LEAD.aad not in path and "Round" not in path for path in links.values())

    workbook = await harness.bot.get(links["Excel workbook"])
    assert workbook.status == 200
    book = load_workbook(io.BytesIO(await workbook.read()))
    assert book["Summary"]["A2"].value == "C1" and book["Summary"]["E2"].value == 4
    pdf = await harness.bot.get(links["PDF for board papers"])
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(await pdf.read())).pages]
    assert sum(page.startswith("C1 Clarity") for page in pages) == 1

    reused = await harness.bot.get(links["Excel workbook"])
    tampered = await harness.bot.get(links["CSV of the responses"][:-4] + "AAAA")
    assert (reused.status, tampered.status) == (403, 403)
    assert "Report not available" in await tampered.text()


async def test_a_practitioner_asking_for_the_report_is_refused_and_gets_no_link(
    harness: Harness,
) -> None:
    practitioner = PEOPLE["police"][0]
    harness.join_team(LEAD, practitioner)
    await open_round(harness, "Round one")
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(practitioner, "report"))
    posted = harness.since(mark)
    assert "Only the round's leads" in " ".join(a.get("text", "") for a in posted)
    assert not [a for a in posted if a.get("attachments")]


async def test_an_unknown_format_is_explained(harness: Harness) -> None:
    harness.join_team(LEAD)
    await open_round(harness, "Round one")
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, "report docx"))
    texts = [a.get("text", "") for a in harness.since(mark)]
    assert texts == ["I can make the report as xlsx, pdf, csv: say, for example, report pdf."]


async def test_a_round_without_responses_still_gives_a_report_that_says_so(
    harness: Harness,
) -> None:
    harness.join_team(LEAD)
    await open_round(harness, "Round one")
    await harness.send(harness.teams.personal_message(LEAD, "report pdf"))
    card = harness.cards(LEAD.chat_id)[-1]
    assert "no responses yet" in str(card)
    (path,) = links_in(card).values()
    pdf = await harness.bot.get(path)
    cover = " ".join(PdfReader(io.BytesIO(await pdf.read())).pages[0].extract_text().split())
    assert "No responses yet" in cover


async def test_the_summarys_report_button_sends_the_links_privately_and_says_so_by_it(
    harness: Harness,
) -> None:
    harness.join_team(LEAD, *PEOPLE["police"])
    await open_round(harness, "Round one")
    await harness.send(harness.teams.channel_message(LEAD, "summary"))
    summary = [c["content"] for a in harness.activities() for c in a.get("attachments", [])][-1]
    mark = harness.mark()
    card = await harness.press(LEAD, "report", button(summary, "report"), channel=True)
    assert "I've sent you the board's report links" in str(card["body"][-1])
    assert has_button(card, "summary")  # the summary stays in place
    private = harness.cards(LEAD.chat_id)[-1]
    assert "Excel workbook" in str(private)
    posted = [a for a in harness.since(mark) if "Excel workbook" in str(a)]
    assert posted and all(a["conversation"]["id"] == LEAD.chat_id for a in posted)
