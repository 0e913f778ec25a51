"""Bad input over HTTP: a clear message, and the store unchanged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.harness import Harness
from tests.support.journey import (
    ALEX,
    LEAD,
    OUTSIDER,
    SAM,
    answer,
    button,
    open_round,
    start_from_announcement,
)
from tests.support.teams import TEAM_ID, Json, Teams


@pytest.fixture
async def on_c1(harness: Harness) -> Json:
    """Alex is on C1 of an open round."""
    announcement = await open_round(harness)
    return await start_from_announcement(harness, ALEX, announcement)


async def refused(harness: Harness, card: Json, verb: str, data: Json, *expected: str) -> Json:
    """Press with `data`; assert the answer says `expected` and the store did not change."""
    round_id = button(card, "answer")["roundId"]
    before = await harness.snapshot(round_id)
    reply = await harness.press(ALEX, verb, data)
    text = str(reply)
    for words in expected:
        assert words in text, text
    assert await harness.snapshot(round_id) == before
    return reply


def answer_data(card: Json, **fields: Any) -> Json:
    return {**button(card, "answer"), "rating": "3", "evidence": "", "suggestion": "", **fields}


@pytest.mark.parametrize("rating", ["0", "7", "", "3.5", "high"])
async def test_a_rating_that_is_not_1_to_6_or_not_sure(
    harness: Harness, on_c1: Json, rating: str
) -> None:
    reply = await refused(harness, on_c1, "answer", answer_data(on_c1, rating=rating), "1 to 6")
    assert button(reply, "answer")["componentId"] == "C1"  # the same C, to try again


async def test_the_text_typed_on_a_refused_card_is_kept(harness: Harness, on_c1: Json) -> None:
    data = answer_data(on_c1, rating="", evidence="What I wrote")
    reply = await refused(harness, on_c1, "answer", data, "1 to 6")
    assert "What I wrote" in str(reply)


async def test_missing_fields(harness: Harness, on_c1: Json) -> None:
    data = answer_data(on_c1)
    del data["rev"]
    await refused(harness, on_c1, "answer", data, "could not read")


async def test_extra_fields(harness: Harness, on_c1: Json) -> None:
    await refused(
        harness, on_c1, "answer", answer_data(on_c1, respondent="someone-else"), "could not read"
    )


async def test_an_unknown_verb(harness: Harness, on_c1: Json) -> None:
    await refused(harness, on_c1, "delete_everything", answer_data(on_c1), "could not read")


async def test_an_unknown_c(harness: Harness, on_c1: Json) -> None:
    await refused(harness, on_c1, "answer", answer_data(on_c1, componentId="C13"), "no such C")


async def test_text_over_2000_characters(harness: Harness, on_c1: Json) -> None:
    await refused(
        harness, on_c1, "answer", answer_data(on_c1, evidence="x" * 2001), "2000 characters"
    )


async def test_an_oversized_submission(harness: Harness, on_c1: Json) -> None:
    await refused(harness, on_c1, "answer", answer_data(on_c1, evidence="x" * 40_000), "too large")


async def test_an_unknown_round(harness: Harness, on_c1: Json) -> None:
    await refused(harness, on_c1, "answer", answer_data(on_c1, roundId="f" * 32), "cannot find")


async def test_a_stale_card_shows_where_they_are(harness: Harness, on_c1: Json) -> None:
    await answer(harness, ALEX, on_c1, "4")
    reply = await refused(harness, on_c1, "answer", answer_data(on_c1, rating="1"), "out of date")
    assert button(reply, "answer")["componentId"] == "C2"


async def test_a_double_click_is_stored_once_with_no_error(harness: Harness, on_c1: Json) -> None:
    data = answer_data(on_c1, rating="4", evidence="same")
    first = await harness.press(ALEX, "answer", data)
    second = await harness.press(ALEX, "answer", data)
    assert "out of date" not in str(second)
    assert button(second, "answer")["componentId"] == button(first, "answer")["componentId"] == "C2"
    stored = await harness.response_of(data["roundId"], ALEX)
    assert stored is not None and stored.answers["C1"].rating == 4 and stored.revision == 2


async def test_a_person_outside_the_partnership(harness: Harness, on_c1: Json) -> None:
    round_id = button(on_c1, "answer")["roundId"]
    await harness.send(harness.teams.personal_message(OUTSIDER, "hello"))
    reply = await harness.press(OUTSIDER, "resume", {"roundId": round_id})
    assert "not a member" in str(reply)
    assert await harness.response_of(round_id, OUTSIDER) is None


async def test_a_round_of_another_partnership(harness: Harness, on_c1: Json) -> None:
    other_team = Teams(harness.teams.service_url)
    activity = other_team.channel_message(LEAD, "open round Elsewhere")
    activity["channelData"]["team"]["id"] = "19:other-team@thread.tacv2"
    await harness.send(activity)
    others = [c for c in harness.cards() if "Elsewhere" in str(c)]
    other_round = button(others[-1], "start")["roundId"]
    await refused(harness, on_c1, "answer", answer_data(on_c1, roundId=other_round), "not a member")


async def test_a_start_card_pressed_in_another_team_is_refused(
    harness: Harness, on_c1: Json
) -> None:
    activity = harness.teams.invoke(
        SAM, "start", {"roundId": button(on_c1, "answer")["roundId"]}, channel=True
    )
    activity["channelData"]["team"]["id"] = "19:other-team@thread.tacv2"
    status, body = await harness.send(activity)
    assert status == 200 and "cannot find" in str(body["value"])


async def test_an_empty_message_gets_help(harness: Harness) -> None:
    await harness.send(harness.teams.personal_message(ALEX, "   "))
    assert "only read typed messages" in str(harness.activities(ALEX.chat_id))


async def test_a_file_attachment_is_refused(harness: Harness) -> None:
    attachment = {
        "contentType": "application/vnd.microsoft.teams.file.download.info",
        "name": "audit.xlsx",
        "content": {"downloadUrl": "https://example.invalid/f"},
    }
    await harness.send(harness.teams.personal_message(ALEX, "", attachments=[attachment]))
    assert "cannot take files" in str(harness.activities(ALEX.chat_id))


async def test_a_channel_message_without_a_mention_is_ignored(harness: Harness) -> None:
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, "open round Quiet", mention=False))
    assert harness.since(mark) == []
    assert await harness.store.rounds_of(f"{harness.teams.tenant}/team/{TEAM_ID}") == []


async def test_a_practitioner_cannot_close_the_round(harness: Harness, on_c1: Json) -> None:
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(ALEX, "close round"))
    assert "Only the round's leads" in str(harness.since(mark))
    round_ = await harness.store.get_round(button(on_c1, "answer")["roundId"])
    assert round_ is not None and round_.is_open


async def test_an_activity_without_an_aad_identity_is_refused(harness: Harness) -> None:
    activity = harness.teams.personal_message(ALEX, "start")
    del activity["from"]["aadObjectId"]
    await harness.send(activity)
    assert "could not tell who you are" in str(harness.activities(ALEX.chat_id))


async def test_a_round_title_that_is_too_long(harness: Harness) -> None:
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, "open round " + "x" * 200))
    assert "up to 120 characters" in str(harness.since(mark))
