"""A practitioner's whole journey over HTTP, as Teams would drive it."""

from __future__ import annotations

from pathlib import Path

from assessment.model import REVIEW
from tests.support.harness import Harness, running_bot
from tests.support.journey import (
    ALEX,
    LEAD,
    answer,
    button,
    has_button,
    open_round,
    start_from_announcement,
)
from tests.support.teams import CHANNEL_ID


async def test_installing_in_a_team_posts_a_welcome_in_the_channel(harness: Harness) -> None:
    status, _ = await harness.send(harness.teams.team_install())
    assert status == 201
    welcome = harness.cards(CHANNEL_ID)
    assert welcome and "open round" in str(welcome[-1])


async def test_start_opens_a_personal_chat_and_asks_the_agency_once(harness: Harness) -> None:
    announcement = await open_round(harness)
    card = await start_from_announcement(harness, ALEX, announcement, agency="health")
    assert button(card, "answer")["componentId"] == "C1"
    assert "Health" in str(card)  # the acknowledgement names the agency
    person = await harness.store.get_person(harness.teams.tenant, ALEX.aad)
    assert person is not None and person.agency == "health"
    again = await harness.press(ALEX, "start", button(announcement, "start"), channel=True)
    # the presser's copy says where to carry on, by the button; the card is otherwise the same
    assert button(again, "start") == button(announcement, "start")
    assert again["body"][:-1] == announcement["body"]
    assert "I've messaged you — carry on in your chat with twelvecs" in str(again["body"][-1])
    resumed = harness.cards(ALEX.chat_id)[-1]
    assert button(resumed, "answer")["componentId"] == "C1"  # no second agency question


async def test_each_answer_is_stored_the_moment_it_is_given(harness: Harness) -> None:
    announcement = await open_round(harness)
    card = await start_from_announcement(harness, ALEX, announcement)
    round_id = button(card, "answer")["roundId"]
    card = await answer(harness, ALEX, card, "2", "Thresholds differ between agencies")
    stored = await harness.response_of(round_id, ALEX)
    assert stored is not None and stored.agency == "police"
    assert stored.answers["C1"].rating == 2
    assert stored.answers["C1"].evidence == "Thresholds differ between agencies"
    assert "Saved C1 Clarity: Weak" in str(card)
    assert button(card, "answer")["componentId"] == "C2"


async def test_a_whole_walk_ends_in_a_review_with_edit_and_submit(harness: Harness) -> None:
    announcement = await open_round(harness)
    card = await start_from_announcement(harness, ALEX, announcement)
    for n in range(1, 13):
        assert button(card, "answer")["componentId"] == f"C{n}"
        assert f"C{n} of 12" in str(card)
        card = await answer(harness, ALEX, card, str(1 + n % 6), f"evidence {n}")
    assert has_button(card, "submit") and has_button(card, "edit")
    card = await harness.press(ALEX, "edit", button(card, "edit", componentId="C4"))
    assert button(card, "answer")["componentId"] == "C4"
    card = await answer(harness, ALEX, card, "not_sure")
    assert has_button(card, "submit")  # back on the review
    card = await harness.press(ALEX, "submit", button(card, "submit"))
    response = await harness.response_of(button(card, "edit")["roundId"], ALEX)
    assert response is not None and response.is_complete and response.position == REVIEW
    assert response.answers["C4"].rating is None and response.answers["C5"].rating == 6


async def test_back_skip_and_save_and_stop(harness: Harness) -> None:
    announcement = await open_round(harness)
    card = await start_from_announcement(harness, ALEX, announcement)
    card = await harness.press(ALEX, "skip", button(card, "skip"))
    assert button(card, "answer")["componentId"] == "C2"
    card = await harness.press(ALEX, "back", button(card, "back"))
    assert button(card, "answer")["componentId"] == "C1"
    stop = {**button(card, "stop"), "rating": "5", "evidence": "good", "suggestion": ""}
    stopped = await harness.press(ALEX, "stop", stop)
    assert has_button(stopped, "resume") and "resume" in str(stopped).lower()
    round_id = stop["roundId"]
    stored = await harness.response_of(round_id, ALEX)
    assert stored is not None and stored.answers["C1"].rating == 5 and stored.position == "C2"


async def test_resume_after_a_restart_continues_exactly_where_they_stopped(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    async with running_bot(data_dir) as harness:
        announcement = await open_round(harness)
        card = await start_from_announcement(harness, ALEX, announcement)
        for rating in ("3", "4", "5"):
            card = await answer(harness, ALEX, card, rating)
        await harness.press(ALEX, "stop", button(card, "stop"))
    async with running_bot(data_dir) as restarted:
        await restarted.send(restarted.teams.personal_message(ALEX, "resume"))
        card = restarted.cards(ALEX.chat_id)[-1]
        assert button(card, "answer")["componentId"] == "C4"
        card = await answer(restarted, ALEX, card, "6")
        assert button(card, "answer")["componentId"] == "C5"
        await restarted.send(restarted.teams.personal_message(ALEX, "my answers"))
        mine = str(restarted.cards(ALEX.chat_id)[-1])
        for label in ("Adequate", "Good", "Very Good", "Excellent"):
            assert label in mine


async def test_start_in_a_personal_chat_offers_the_open_round(harness: Harness) -> None:
    await open_round(harness)
    await harness.send(harness.teams.personal_message(ALEX, "start"))
    agency_card = harness.cards(ALEX.chat_id)[-1]
    card = await harness.press(
        ALEX, "agency", {**button(agency_card, "agency"), "agency": "housing"}
    )
    assert button(card, "answer")["componentId"] == "C1"


async def test_the_agency_can_be_typed_instead_of_chosen(harness: Harness) -> None:
    await open_round(harness)
    await harness.send(harness.teams.personal_message(ALEX, "start"))
    await harness.send(harness.teams.personal_message(ALEX, "Voluntary sector"))
    card = harness.cards(ALEX.chat_id)[-1]
    assert button(card, "answer")["componentId"] == "C1"


async def test_start_with_no_open_round_says_what_to_do(harness: Harness) -> None:
    await harness.send(harness.teams.personal_message(ALEX, "start"))
    assert "no assessment round open" in str(harness.activities(ALEX.chat_id)[-1])


async def test_help_and_unrecognised_text_get_the_command_list(harness: Harness) -> None:
    await harness.send(harness.teams.personal_message(ALEX, "help"))
    assert "my answers" in str(harness.cards(ALEX.chat_id)[-1]).lower()
    await harness.send(harness.teams.personal_message(ALEX, "what is this"))
    replies = harness.activities(ALEX.chat_id)[-2:]
    assert "did not understand" in str(replies[0]) and "my answers" in str(replies[1]).lower()


async def test_action_submit_fallback_updates_the_old_card_in_place(harness: Harness) -> None:
    announcement = await open_round(harness)
    card = await start_from_announcement(harness, ALEX, announcement)
    data = {**button(card, "answer"), "rating": "4", "evidence": "", "suggestion": ""}
    mark = harness.mark()
    status, _ = await harness.send(harness.teams.submit(ALEX, "answer", data, reply_to="msg-1"))
    assert status == 201
    updates = [r for r in list(harness.connector.received)[mark:] if r.kind == "update"]
    assert len(updates) == 1 and updates[0].activity_id == "msg-1"
    assert button(updates[0].body["attachments"][0]["content"], "answer")["componentId"] == "C2"


async def test_lead_opens_and_closes_a_round_and_late_answers_are_refused(harness: Harness) -> None:
    announcement = await open_round(harness)
    card = await start_from_announcement(harness, ALEX, announcement)
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, "open round Another"))
    again = harness.since(mark)
    assert "already open" in str(again)
    assert [c["content"] for a in again for c in a.get("attachments", [])] == [announcement]
    await harness.send(harness.teams.channel_message(LEAD, "close round"))
    after = harness.since(mark)
    assert any(r.get("type") == "message" and "is closed" in str(r) for r in after)
    round_id = button(card, "answer")["roundId"]
    before = await harness.snapshot(round_id)
    late = await answer(harness, ALEX, card, "3")
    assert "closed on" in str(late)
    assert await harness.snapshot(round_id) == before
