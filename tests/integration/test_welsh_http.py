"""Cymraeg over HTTP: a practitioner whose Teams speaks Welsh does the whole journey in Welsh,
switches to English with `language` and back with `iaith`; a lead gets the summary in Welsh.

Every line is judged against the catalogue (tests/support/welsh.py), never by eye."""

from __future__ import annotations

import io
import json
from urllib.parse import urlsplit

from babel.dates import get_month_names
from openpyxl import load_workbook
from pypdf import PdfReader

from assessment.model import Language
from tests.integration.test_lead_http import PEOPLE, everyone_answers
from tests.support.harness import Harness, cards_in
from tests.support.journey import LEAD, answer, button, open_round
from tests.support.teams import TEAM_ID, Json, Person, person
from tests.support.welsh import english_lines, welsh_lines
from tests.unit.cards.walk import visible_text

CARYS = person("carys", locale="cy-GB")
ARWEINYDD = person("arweinydd", locale="cy-GB")
CARD = "application/vnd.microsoft.card.adaptive"
WELSH_MONTHS = [
    str(name)
    for width in ("wide", "abbreviated")
    for name in get_month_names(width, locale="cy").values()
]
"""Ionawr … Rhagfyr, and Ion … Rhag: however a card writes its dates, they are Welsh."""


def lines_in(activities: list[Json]) -> list[str]:
    """What the reader sees: every card's texts and every plain message."""
    found: list[str] = []
    for activity in activities:
        found += [line for card in cards_in(activity) for line in visible_text(card)]
        if activity.get("text"):
            found.append(str(activity["text"]))
    return found


def assert_welsh(lines: list[str]) -> None:
    assert english_lines(lines) == []
    neither = sorted(set(lines) - set(welsh_lines(lines)))
    assert len(welsh_lines(lines)) >= len(lines) // 2, neither


def assert_english(lines: list[str]) -> None:
    assert welsh_lines(lines) == []
    assert english_lines(lines) != []


async def say(harness: Harness, who: Person, text: str) -> list[Json]:
    mark = harness.mark()
    await harness.send(harness.teams.personal_message(who, text))
    return harness.since(mark)


async def test_a_welsh_practitioner_does_the_whole_journey_in_welsh(harness: Harness) -> None:
    announcement = await open_round(harness, "Hydref 2026", CARYS)
    mark = harness.mark()
    await harness.press(CARYS, "start", button(announcement, "start"), channel=True)
    agency_card = harness.cards(CARYS.chat_id)[-1]
    card = await harness.press(
        CARYS, "agency", {**button(agency_card, "agency"), "agency": "police"}
    )
    seen = [*harness.since(mark), wrap(card)]
    for n in range(1, 13):
        assert button(card, "answer")["componentId"] == f"C{n}"
        card = await answer(harness, CARYS, card, str(1 + n % 6), f"tystiolaeth {n}")
        seen.append(wrap(card))
    card = await harness.press(CARYS, "submit", button(card, "submit"))
    seen.append(wrap(card))
    seen += await say(harness, CARYS, "fy atebion")
    seen += await say(harness, CARYS, "cymorth")
    lines = lines_in(seen)
    assert_welsh(lines)
    assert "Dechrau fy asesiad" not in lines  # the 1:1 chat is not the channel's post
    submitted = [line for line in lines if line.startswith("Cyflwynwyd ar ")]
    assert submitted and all(any(m in line for m in WELSH_MONTHS) for line in submitted)
    assert "{{DATE(" not in json.dumps(seen)  # Welsh dates, whatever the client's locale
    person_ = await harness.store.get_person(harness.teams.tenant, CARYS.aad)
    assert person_ is not None and person_.language == Language.WELSH


async def test_language_switches_to_english_and_iaith_switches_back(harness: Harness) -> None:
    announcement = await open_round(harness, "Hydref 2026", CARYS)
    await harness.press(CARYS, "start", button(announcement, "start"), channel=True)
    choice = (await say(harness, CARYS, "language"))[-1]
    card = cards_in(choice)[0]
    assert [a["title"] for a in card["actions"]] == ["Cymraeg", "English"]  # reader's first
    confirmed = await harness.press(CARYS, "language", button(card, "language", language="en"))
    assert_english(visible_text(confirmed))
    assert_english(lines_in(await say(harness, CARYS, "resume")))
    stored = await harness.store.get_person(harness.teams.tenant, CARYS.aad)
    assert stored is not None and stored.language == Language.ENGLISH
    back = await say(harness, CARYS, "iaith cymraeg")
    assert_welsh(lines_in(back))
    assert_welsh(lines_in(await say(harness, CARYS, "ailddechrau")))


async def test_an_english_practitioner_meets_no_welsh_in_their_chat(harness: Harness) -> None:
    alex = person("alex")
    announcement = await open_round(harness, "Autumn 2026")
    mark = harness.mark()
    await harness.press(alex, "start", button(announcement, "start"), channel=True)
    assert_english(lines_in(harness.since(mark)))
    stored = await harness.store.get_person(harness.teams.tenant, alex.aad)
    assert stored is not None and stored.language is None  # nothing kept it did not need


async def test_the_channel_announcement_reads_in_both_languages(harness: Harness) -> None:
    announcement = await open_round(harness, "Hydref 2026")
    lines = visible_text(announcement)
    assert welsh_lines(lines) and english_lines(lines)
    start = next(a for a in announcement["actions"] if a["verb"] == "start")
    assert start["title"] == "Start my assessment · Dechrau fy asesiad"


async def test_a_welsh_first_partnership_puts_welsh_first(harness: Harness) -> None:
    harness.join_team(LEAD)
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, "iaith"))
    card = cards_in(harness.since(mark)[-1])[0]
    await harness.press(LEAD, "sharedLanguage", button(card, "sharedLanguage"), channel=True)
    announcement = await open_round(harness, "Hydref 2026")
    first = next(
        line for line in visible_text(announcement) if welsh_lines([line]) or english_lines([line])
    )
    assert welsh_lines([first]) == [first]
    start = next(a for a in announcement["actions"] if a["verb"] == "start")
    assert start["title"] == "Dechrau fy asesiad · Start my assessment"


async def test_only_the_rounds_leads_reorder_the_languages_once_a_round_is_open(
    harness: Harness,
) -> None:
    alex = person("alex")
    await open_round(harness, "Autumn 2026")
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(alex, "language"))
    card = cards_in(harness.since(mark)[-1])[0]
    before = await harness.store.get_partnership(_partnership_id(harness))
    refused = await harness.press(
        alex, "sharedLanguage", button(card, "sharedLanguage"), channel=True
    )
    assert "Only a lead" in json.dumps(refused)
    assert await harness.store.get_partnership(_partnership_id(harness)) == before


async def test_a_welsh_lead_gets_the_summary_in_welsh(harness: Harness) -> None:
    harness.join_team(ARWEINYDD, *(p for people in PEOPLE.values() for p in people))
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(ARWEINYDD, "agor cylch Cylch un"))
    announcement = [c for a in harness.since(mark) for c in cards_in(a)][-1]
    await everyone_answers(harness, announcement, {"police": {"C4": "1"}})
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(ARWEINYDD, "crynodeb"))
    posted = harness.since(mark)
    summary = json.dumps([c for a in posted for c in cards_in(a)], ensure_ascii=False)
    assert_welsh(lines_in(posted))
    assert "9 yn gyflawn · 0 ar y gweill" in summary
    assert "Beth sydd angen ei wneud" in summary
    assert "Capasiti" in summary


def wrap(card: Json) -> Json:
    return {"attachments": [{"contentType": CARD, "content": card}]}


def _partnership_id(harness: Harness) -> str:
    return f"{harness.teams.tenant}/team/{TEAM_ID}"


async def test_a_language_card_with_an_unknown_language_changes_nothing(harness: Harness) -> None:
    await say(harness, CARYS, "iaith")
    before = await harness.store.get_person(harness.teams.tenant, CARYS.aad)
    refused = await harness.press(CARYS, "language", {"language": "fr"})
    assert "Mae'n ddrwg gen i" in json.dumps(refused, ensure_ascii=False)  # said in Welsh
    assert await harness.store.get_person(harness.teams.tenant, CARYS.aad) == before


async def test_a_welsh_lead_gets_the_boards_report_in_welsh(harness: Harness) -> None:
    harness.join_team(ARWEINYDD, *(p for people in PEOPLE.values() for p in people))
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(ARWEINYDD, "agor cylch Cylch un"))
    announcement = [c for a in harness.since(mark) for c in cards_in(a)][-1]
    await everyone_answers(harness, announcement, {})
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(ARWEINYDD, "adroddiad"))
    assert_welsh(lines_in(harness.since(mark)))
    card = harness.cards(ARWEINYDD.chat_id)[-1]
    links = {a["title"]: urlsplit(a["url"]).path for a in card["actions"]}
    assert set(links) == {"Llyfr gwaith Excel", "PDF ar gyfer papurau'r bwrdd", "CSV o'r ymatebion"}
    workbook = await harness.bot.get(links["Llyfr gwaith Excel"])
    book = load_workbook(io.BytesIO(await workbook.read()))
    assert {"Crynodeb", "Clawr"} <= set(book.sheetnames)
    cells = [str(c.value) for row in book["Crynodeb"].iter_rows() for c in row if c.value]
    assert "Eglurder" in cells and "Clarity" not in cells
    pdf = await harness.bot.get(links["PDF ar gyfer papurau'r bwrdd"])
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(await pdf.read())).pages]
    assert sum(page.startswith("C1 Eglurder") for page in pages) == 1
    assert any("Ddim yn siŵr" in page for page in pages)  # ŵ survives the PDF font
    reused = await harness.bot.get(links["Llyfr gwaith Excel"])  # a link works once
    page = await reused.text()
    assert reused.status == 403 and "Gofynnwch am yr adroddiad eto" in page  # refused in Welsh
