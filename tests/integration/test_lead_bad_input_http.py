"""A lead's bad input over HTTP: a clear message, and no agreed position changed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.harness import Harness
from tests.support.journey import (
    ALEX,
    LEAD,
    SAM,
    answer,
    button,
    open_round,
    start_from_announcement,
)
from tests.support.teams import Json, Person, person


def text_of(posted: object) -> str:
    return json.dumps(posted, ensure_ascii=False)


async def say_in_channel(harness: Harness, who: Person, text: str, **extra: Any) -> str:
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(who, text, **extra))
    return text_of(harness.since(mark))


@pytest.fixture
async def detail(harness: Harness) -> Json:
    """The lead's detail card for C2 of an open round Alex has answered."""
    announcement = await open_round(harness)
    card = await start_from_announcement(harness, ALEX, announcement)
    await answer(harness, ALEX, card, "3", "Alex's evidence")
    await harness.send(harness.teams.channel_message(LEAD, "summary C1"))
    return harness.cards()[-1]


def form(detail: Json, **fields: str) -> Json:
    return {**button(detail, "position"), "actionPlan": "A plan", **fields}


async def positions(harness: Harness, detail: Json) -> object:
    stored = await harness.store.get_positions(button(detail, "position")["roundId"])  # type: ignore[attr-defined]
    return {k: v.model_dump(mode="json") for k, v in stored.items()}


async def refused(
    harness: Harness, detail: Json, data: Json, expected: str, who: object = LEAD
) -> Json:
    before = await positions(harness, detail)
    reply = await harness.press(who, "position", data, channel=True)  # type: ignore[arg-type]
    assert expected in text_of(reply), text_of(reply)
    assert await positions(harness, detail) == before
    return reply


async def test_summary_with_no_round_ever_opened(harness: Harness) -> None:
    assert "No round has been opened here yet" in await say_in_channel(harness, LEAD, "summary")


async def test_summary_of_a_c_that_does_not_exist(harness: Harness, detail: Json) -> None:
    assert "no such C in the 12Cs model (C13)" in await say_in_channel(harness, LEAD, "summary C13")


async def test_the_detail_of_one_unsubmitted_answer_shows_no_words_and_the_form(
    detail: Json,
) -> None:
    """Anonymous round, one practitioner in progress: nothing is published yet."""
    shown = text_of(detail)
    assert "Alex's evidence" not in shown and "alex" not in shown
    assert "figures appear once 3 responses have been submitted" in shown
    assert "fewer than 3 ratings yet" in shown
    assert button(detail, "position")


async def test_a_practitioner_cannot_see_a_summary_or_a_detail(
    harness: Harness, detail: Json
) -> None:
    reply = await say_in_channel(harness, SAM, "summary C2")
    assert "Only the round's leads" in reply and "Alex's evidence" not in reply


async def test_a_practitioner_cannot_save_a_position(harness: Harness, detail: Json) -> None:
    await refused(harness, detail, form(detail), "Only the round's leads", who=SAM)


async def test_a_score_outside_1_to_6(harness: Harness, detail: Json) -> None:
    reply = await refused(harness, detail, form(detail, score="9"), "agreed score from 1 to 6")
    assert "A plan" in text_of(reply)  # what the lead typed is still on the form


@pytest.mark.parametrize("date", ["next week", "2026-02-30", "2020-01-01"])
async def test_a_review_date_that_is_not_a_date_or_before_the_round(
    harness: Harness, detail: Json, date: str
) -> None:
    await refused(harness, detail, form(detail, reviewDate1=date), "review date")


async def test_text_over_the_limit(harness: Harness, detail: Json) -> None:
    await refused(harness, detail, form(detail, actionPlan="x" * 9000), "characters")


async def test_a_form_for_another_partnerships_round(harness: Harness, detail: Json) -> None:
    other = harness.teams.channel_message(LEAD, "open round Elsewhere")
    other["channelData"]["team"]["id"] = "19:other-team@thread.tacv2"
    await harness.send(other)
    data = form(detail)
    activity = harness.teams.invoke(LEAD, "position", data, channel=True)
    activity["channelData"]["team"]["id"] = "19:other-team@thread.tacv2"
    before = await positions(harness, detail)
    status, body = await harness.send(activity)
    assert status == 200 and "cannot find" in text_of(body)
    assert await positions(harness, detail) == before


async def test_a_stale_form_shows_both_changes_and_loses_neither(
    harness: Harness, detail: Json
) -> None:
    co_lead = person("co-lead")
    harness.join_team(co_lead)
    added = await say_in_channel(harness, LEAD, "add lead", people=[co_lead])
    assert "co-lead can now lead" in added
    await harness.press(
        co_lead, "position", form(detail, actionPlan="Co-lead's plan"), channel=True
    )
    stale = await harness.press(
        LEAD, "position", form(detail, actionPlan="Lead's plan"), channel=True
    )
    shown = text_of(stale)
    assert "Co-lead's plan" in shown and "Lead's plan" in shown and "Someone else saved" in shown
    assert "Co-lead's plan" in text_of(await positions(harness, detail))


async def test_add_lead_needs_a_mention_and_a_lead(harness: Harness, detail: Json) -> None:
    assert "Mention the people to add" in await say_in_channel(harness, LEAD, "add lead")
    refused = await say_in_channel(harness, SAM, "add lead", people=[SAM])
    assert "Only the round's leads" in refused
    round_ = await harness.store.get_round(button(detail, "position")["roundId"])
    assert round_ is not None and SAM.aad not in round_.leads
