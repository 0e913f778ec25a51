"""No case data over HTTP: an answer or agreed position naming a person is not stored; the
card comes back with what was typed and the suspected part pointed out in words."""

from __future__ import annotations

import json
import logging

import pytest

from tests.support.harness import Harness
from tests.support.journey import ALEX, LEAD, answer, button, open_round, start_from_announcement
from tests.support.teams import Json

REMOVE_IT = "Please remove it — the assessment is about arrangements, not people."


def text_of(posted: object) -> str:
    return json.dumps(posted, ensure_ascii=False)


def answer_data(card: Json, **fields: str) -> Json:
    return {**button(card, "answer"), "rating": "3", "evidence": "", "suggestion": "", **fields}


@pytest.fixture
async def on_c1(harness: Harness) -> Json:
    announcement = await open_round(harness)
    return await start_from_announcement(harness, ALEX, announcement)


async def refused(harness: Harness, card: Json, verb: str, data: Json, *expected: str) -> Json:
    """Press `verb` with `data`; the reply says `expected`, and no response changed."""
    round_id = data["roundId"]
    before = await harness.snapshot(round_id)
    reply = await harness.press(ALEX, verb, data)
    shown = text_of(reply)
    for words in expected:
        assert words in shown, shown
    assert await harness.snapshot(round_id) == before
    return reply


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("His NHS number is 943 476 5919.", "This looks like an NHS number: “943 476 5919”."),
        ("Child born 12/03/2015 was not seen.", "This looks like a date of birth: “12/03/2015”."),
        ("The family moved to LS6 2QT.", "This looks like a postcode: “LS6 2QT”."),
        ("Mum's mobile is 07912 345678.", "This looks like a phone number: “07912 345678”."),
        ("Write to kelly88@gmail.com", "This looks like an e-mail address: “kelly88@gmail.com”."),
        ("Crime ref CR/012345/26", "This looks like a case or crime reference: “CR/012345/26”."),
        ("Child Jayden was not seen.", "This looks like a person's name: “Child Jayden”."),
    ],
)
async def test_evidence_with_case_data_comes_back_with_the_part_pointed_out(
    harness: Harness, on_c1: Json, typed: str, said: str
) -> None:
    reply = await refused(harness, on_c1, "answer", answer_data(on_c1, evidence=typed), said)
    assert REMOVE_IT in text_of(reply)
    assert typed in text_of(reply)  # kept in the box, to edit rather than type again
    assert button(reply, "answer")["componentId"] == "C1"


async def test_a_suggestion_is_screened_too_and_every_part_is_listed(
    harness: Harness, on_c1: Json
) -> None:
    data = answer_data(on_c1, evidence="DOB 01/02/2019", suggestion="Call 0161 496 0000")
    reply = await refused(harness, on_c1, "answer", data, "“01/02/2019”", "“0161 496 0000”")
    assert "Please remove them" in text_of(reply)


async def test_save_and_stop_does_not_store_case_data_either(
    harness: Harness, on_c1: Json
) -> None:
    data = answer_data(on_c1, evidence="At M1 1AA")
    reply = await refused(harness, on_c1, "stop", data, "This looks like a postcode")
    assert button(reply, "answer")["componentId"] == "C1"


async def test_once_the_part_is_removed_the_answer_is_saved(
    harness: Harness, on_c1: Json
) -> None:
    await refused(
        harness, on_c1, "answer", answer_data(on_c1, evidence="NHS 9434765919"), "NHS number"
    )
    after = await answer(harness, ALEX, on_c1, "3", "Health do not share NHS numbers with us.")
    assert button(after, "answer")["componentId"] == "C2"
    stored = await harness.response_of(button(on_c1, "answer")["roundId"], ALEX)
    assert stored is not None
    assert stored.answers["C1"].evidence == "Health do not share NHS numbers with us."


async def test_the_typed_identifier_never_reaches_the_log(
    harness: Harness, on_c1: Json, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    data = answer_data(on_c1, evidence="NHS 943 476 5919, mum Kelly, 07912 345678")
    await refused(harness, on_c1, "answer", data, "NHS number")
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for part in ("943 476 5919", "Kelly", "07912"):
        assert part not in logged


async def test_meeting_dates_services_and_figures_are_saved(harness: Harness, on_c1: Json) -> None:
    evidence = "We met on 12/03/2025: MASH, CAMHS and the 0-19 service; 3 of 12 referrals, C4."
    after = await answer(harness, ALEX, on_c1, "2", evidence)
    assert button(after, "answer")["componentId"] == "C2"


# -- the lead's agreed position ------------------------------------------------------------


@pytest.fixture
async def detail(harness: Harness) -> Json:
    """The lead's detail card (with the agreed-position form) for C1 of an open round."""
    announcement = await open_round(harness)
    card = await start_from_announcement(harness, ALEX, announcement)
    await answer(harness, ALEX, card, "3", "Thresholds are unclear")
    await harness.send(harness.teams.channel_message(LEAD, "summary C1"))
    return harness.cards()[-1]


async def positions(harness: Harness, detail: Json) -> object:
    round_id = button(detail, "position")["roundId"]
    stored = await harness.store.get_positions(round_id)  # type: ignore[attr-defined]
    return {k: v.model_dump(mode="json") for k, v in stored.items()}


async def test_an_agreed_position_with_case_data_is_not_stored(
    harness: Harness, detail: Json
) -> None:
    before = await positions(harness, detail)
    plan = "Follow up with the family at B33 8TH"
    data = {**button(detail, "position"), "actionPlan": plan, "score": "2"}
    reply = await harness.press(LEAD, "position", data, channel=True)
    shown = text_of(reply)
    assert "This looks like a postcode: “B33 8TH”." in shown and REMOVE_IT in shown
    assert plan in shown  # the form keeps what the lead typed
    assert await positions(harness, detail) == before
