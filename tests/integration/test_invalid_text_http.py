"""Invalid Unicode over HTTP (a lone surrogate arrives as the JSON escape \\ud800, or a NUL):
in any card field or typed message, a clear message, no traceback, nothing stored."""

from __future__ import annotations

import logging

import pytest

from tests.support.harness import Harness
from tests.support.journey import ALEX, LEAD, answer, button, open_round, start_from_announcement
from tests.support.teams import TEAM_ID, Json

CANNOT_STORE = "a character I cannot store (an invalid Unicode character)"
LONE_SURROGATE = "before \ud800 after"


def no_tracebacks(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


@pytest.fixture
async def on_c1(harness: Harness) -> Json:
    announcement = await open_round(harness)
    return await start_from_announcement(harness, ALEX, announcement)


@pytest.mark.parametrize("bad", [LONE_SURROGATE, "a\udfffb", "nul \x00 here"])
@pytest.mark.parametrize("field", ["evidence", "suggestion", "rating"])
async def test_an_answer_field_with_invalid_unicode(
    harness: Harness, on_c1: Json, caplog: pytest.LogCaptureFixture, field: str, bad: str
) -> None:
    data = {**button(on_c1, "answer"), "rating": "3", "evidence": "", "suggestion": ""}
    before = await harness.snapshot(data["roundId"])
    reply = await harness.press(ALEX, "answer", {**data, field: bad})
    assert CANNOT_STORE in str(reply)
    assert await harness.snapshot(data["roundId"]) == before
    assert no_tracebacks(caplog) == []


async def test_the_agency_choice_with_invalid_unicode(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    announcement = await open_round(harness)
    await harness.press(ALEX, "start", button(announcement, "start"), channel=True)
    agency_card = harness.cards(ALEX.chat_id)[-1]
    reply = await harness.press(
        ALEX, "agency", {**button(agency_card, "agency"), "agency": LONE_SURROGATE}
    )
    assert CANNOT_STORE in str(reply)
    person = await harness.store.get_person(harness.teams.tenant, ALEX.aad)
    assert person is None or person.agency is None
    assert no_tracebacks(caplog) == []


POSITION_FIELDS = ["score", "evidence", "accountability", "stakeholders", "actionPlan"]


@pytest.mark.parametrize("field", [*POSITION_FIELDS, "timeframe", "reviewDate1"])
async def test_an_agreed_position_field_with_invalid_unicode(
    harness: Harness, on_c1: Json, caplog: pytest.LogCaptureFixture, field: str
) -> None:
    await answer(harness, ALEX, on_c1, "3", "Thresholds are unclear")
    await harness.send(harness.teams.channel_message(LEAD, "summary C1"))
    form = button(harness.cards()[-1], "position")
    before = await harness.store.get_positions(form["roundId"])  # type: ignore[attr-defined]
    reply = await harness.press(LEAD, "position", {**form, field: LONE_SURROGATE}, channel=True)
    assert CANNOT_STORE in str(reply)
    assert await harness.store.get_positions(form["roundId"]) == before  # type: ignore[attr-defined]
    assert no_tracebacks(caplog) == []


async def test_a_typed_command_with_invalid_unicode(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.join_team(LEAD)
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, f"open round {LONE_SURROGATE}"))
    assert "a character I cannot read" in str(harness.since(mark))
    assert await harness.store.rounds_of(f"{harness.teams.tenant}/team/{TEAM_ID}") == []
    assert no_tracebacks(caplog) == []
