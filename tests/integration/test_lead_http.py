"""The partnership lead over HTTP: summary with prompts, refusal, agreed position, change."""

from __future__ import annotations

import json

from messages import load_catalogue
from tests.support.harness import Harness
from tests.support.journey import LEAD, answer, button, has_button
from tests.support.teams import CHANNEL_ID, Json, Person, person

AGENCIES = {"police": 1, "health": 4, "education": 1}
"""Each agency's rating of C4 in the first round; every other C is rated 4."""
PEOPLE = {agency: [person(f"{agency}-{n}") for n in range(3)] for agency in AGENCIES}


async def open_round(harness: Harness, title: str) -> Json:
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, f"open round {title}"))
    return [c["content"] for a in harness.since(mark) for c in a.get("attachments", [])][-1]


async def everyone_answers(
    harness: Harness, announcement: Json, ratings: dict[str, dict[str, str]]
) -> None:
    """Each practitioner walks all 12 Cs (their agency's rating for a C, else 4) and submits."""
    for agency, people in PEOPLE.items():
        for who in people:
            card = await start(harness, who, announcement, agency)
            for n in range(1, 13):
                rating = ratings.get(agency, {}).get(f"C{n}", "4")
                card = await answer(harness, who, card, rating, f"{agency} view of C{n}")
            await harness.press(who, "submit", button(card, "submit"))


async def start(harness: Harness, who: Person, announcement: Json, agency: str) -> Json:
    """Press Start; the agency is asked only the first time."""
    await harness.press(who, "start", button(announcement, "start"), channel=True)
    card = harness.cards(who.chat_id)[-1]
    if has_button(card, "agency"):
        card = await harness.press(who, "agency", {**button(card, "agency"), "agency": agency})
    return card


async def ask_summary(harness: Harness, who: Person, text: str = "summary") -> list[Json]:
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(who, text))
    return harness.since(mark)


def only_card(posted: list[Json]) -> Json:
    cards = [c["content"] for a in posted for c in a.get("attachments", [])]
    assert len(cards) == 1, posted
    return cards[0]


async def test_a_lead_follows_a_partnership_through_two_rounds(harness: Harness) -> None:
    harness.join_team(LEAD, *(p for people in PEOPLE.values() for p in people))
    first = await open_round(harness, "Round one")
    c4 = {agency: {"C4": str(rating)} for agency, rating in AGENCIES.items()}
    await everyone_answers(harness, first, c4)

    posted = await ask_summary(harness, LEAD)
    summary = json.dumps(only_card(posted), ensure_ascii=False)
    assert all(a["conversation"]["id"].startswith(CHANNEL_ID) for a in posted)
    assert "9 complete · 0 in progress" in summary
    assert "1 · Unsatisfactory" in summary  # C4's median
    assert "4 · Good" in summary  # every other C
    assert "Police" in summary and "Health" in summary and "Education" in summary
    assert (
        "C4 Capacity: the ratings suggest urgent remedial action (practitioners' median 1,"
        " Unsatisfactory, based on 9 ratings)" in summary
    )
    assert "C4 · Capacity: Police 1 vs Health 4" in summary
    assert "Sam" not in summary and "police-0" not in summary  # no names

    refused = await ask_summary(harness, PEOPLE["police"][0])
    text = json.dumps(refused, ensure_ascii=False)
    assert "Only the round's leads" in text and "lead" in text
    assert not [c for a in refused for c in a.get("attachments", []) if "Capacity" in str(c)]

    detail = await harness.press(
        LEAD, "detail", button(only_card(posted), "detail", componentId="C4"), channel=True
    )
    assert "police view of C4" in json.dumps(detail, ensure_ascii=False)
    form = {
        **button(detail, "position"),
        "score": "2",
        "evidence": "Vacancies in three teams",
        "accountability": "Head of Safeguarding, local authority",
        "stakeholders": "Police and health workforce leads: staffing plans",
        "actionPlan": "Joint recruitment campaign; shared duty rota",
        "timeframe": "operational",
        "reviewDate1": "2027-03-01",
    }
    saved = await harness.press(LEAD, "position", form, channel=True)
    assert "Saved the agreed position for C4 Capacity" in json.dumps(saved, ensure_ascii=False)

    after = json.dumps(only_card(await ask_summary(harness, LEAD)), ensure_ascii=False)
    assert "2 · Weak" in after  # the agreed score now stands for C4
    assert "urgent remedial action" not in after

    await harness.send(harness.teams.channel_message(LEAD, "close round"))
    second = await open_round(harness, "Round two")
    await everyone_answers(harness, second, {agency: {"C1": "2", "C4": "3"} for agency in AGENCIES})
    change = json.dumps(only_card(await ask_summary(harness, LEAD)), ensure_ascii=False)
    assert "Round two" in change
    assert "▼" in change and "▲" in change  # C1 fell, C4 rose since round one


async def test_a_reminder_goes_to_the_rounds_channel_even_from_a_personal_summary(
    harness: Harness,
) -> None:
    harness.join_team(LEAD)
    await open_round(harness, "Reminded round")
    await harness.send(harness.teams.personal_message(LEAD, "summary"))
    summary = harness.cards(LEAD.chat_id)[-1]
    mark = harness.mark()
    card = await harness.press(LEAD, "remind", button(summary, "remind"))
    reminders = [a for a in harness.since(mark) if "Reminder:" in str(a.get("text"))]
    assert len(reminders) == 1 and "Reminded round" in reminders[0]["text"]
    assert reminders[0]["conversation"]["id"].startswith(CHANNEL_ID)
    assert has_button(card, "summary")  # the lead's summary stays in place
    agency = load_catalogue().text(f"agency.{button(summary, 'remind')['agency']}")
    assert f"Reminder sent to {agency}, " in str(card)  # confirmed where the lead pressed
