"""`delete my answers` over HTTP as Teams sends it, and what the store files hold."""

from __future__ import annotations

import json

from tests.support.harness import Harness
from tests.support.journey import ALEX, answer, button, open_round, start_from_announcement
from tests.support.node_tools import validate_cards
from tests.support.teams import Json

EVIDENCE = "Joint visits work well between agencies"


async def alex_answered(harness: Harness) -> str:
    announcement = await open_round(harness, "Autumn 2026")
    card = await start_from_announcement(harness, ALEX, announcement)
    await answer(harness, ALEX, card, "4", EVIDENCE)
    return str(button(card, "answer")["roundId"])


async def ask_to_delete(harness: Harness) -> Json:
    status, _ = await harness.send(harness.teams.personal_message(ALEX, "delete my answers"))
    assert status in (200, 201)
    return harness.cards(ALEX.chat_id)[-1]


async def test_delete_my_answers_shows_what_will_go_and_confirm_removes_it(
    harness: Harness,
) -> None:
    round_id = await alex_answered(harness)
    card = await ask_to_delete(harness)
    assert "Autumn 2026" in str(card) and "will be deleted" in str(card)
    done = await harness.press(ALEX, "erase", button(card, "erase"))
    assert "Deleted your answers in: Autumn 2026" in str(done)
    assert await harness.response_of(round_id, ALEX) is None
    assert await harness.store.get_person(harness.teams.tenant, ALEX.aad) is None
    assert await harness.snapshot(round_id) == []
    left = str(harness.stored_files("responses", "people", "state", "answered"))
    assert ALEX.aad not in left and EVIDENCE not in left and ALEX.chat_id not in left


async def test_cancel_changes_nothing(harness: Harness) -> None:
    await alex_answered(harness)
    card = await ask_to_delete(harness)
    before = harness.stored_files()
    notice = await harness.press(ALEX, "eraseCancel", button(card, "eraseCancel"))
    assert "Nothing was deleted" in str(notice)
    assert harness.stored_files() == before


async def test_a_repeated_confirm_is_answered_politely_and_changes_nothing_more(
    harness: Harness,
) -> None:
    await alex_answered(harness)
    card = await ask_to_delete(harness)
    await harness.press(ALEX, "erase", button(card, "erase"))
    after_first = harness.stored_files()
    again = await harness.press(ALEX, "erase", button(card, "erase"))
    assert "already gone" in str(again)
    assert harness.stored_files() == after_first


async def test_a_stale_confirm_shows_the_new_plan_and_deletes_nothing(harness: Harness) -> None:
    announcement = await open_round(harness, "Autumn 2026")
    card = await start_from_announcement(harness, ALEX, announcement)
    erase_card = await ask_to_delete(harness)
    await answer(harness, ALEX, card, "5", EVIDENCE)  # answered after the card was shown
    before = harness.stored_files()
    again = await harness.press(ALEX, "erase", button(erase_card, "erase"))
    assert "changed since I last asked" in str(again) and button(again, "erase")
    assert harness.stored_files() == before


async def test_in_a_channel_the_person_is_pointed_to_the_1_1_chat(harness: Harness) -> None:
    await alex_answered(harness)
    before = harness.stored_files("responses", "people")
    mark = harness.mark()
    status, _ = await harness.send(harness.teams.channel_message(ALEX, "delete my answers"))
    assert status in (200, 201)
    said = " ".join(str(a.get("text")) for a in harness.since(mark))
    assert "1:1 chat" in said
    assert harness.stored_files("responses", "people") == before


async def test_an_anonymous_round_stores_no_aad_id_or_name_with_responses_or_chats(
    harness: Harness,
) -> None:
    """Read from the raw files: responses carry a keyed pseudonym, chat references no person."""
    round_id = await alex_answered(harness)
    stored = harness.stored_files("responses", "people")
    responses = [text for path, text in stored.items() if path.startswith("responses")]
    chats = [
        json.dumps(doc["conversation"])
        for path, text in stored.items()
        if path.startswith("people")
        for doc in json.loads(text)["_default"].values()
    ]
    assert responses and chats and EVIDENCE in str(responses)
    for text in responses + chats:
        assert ALEX.aad not in text and ALEX.user_id not in text
        assert f'"{ALEX.name}"' not in text.lower()
    assert await harness.response_of(round_id, ALEX) is not None  # still Alex's to find


async def test_every_erasure_card_validates_as_adaptive_card_1_5(harness: Harness) -> None:
    announcement = await open_round(harness, "Autumn 2026")
    card = await start_from_announcement(harness, ALEX, announcement)
    confirm = await ask_to_delete(harness)
    await answer(harness, ALEX, card, "5", EVIDENCE)
    changed = await harness.press(ALEX, "erase", button(confirm, "erase"))
    cancelled = await harness.press(ALEX, "eraseCancel", {})
    done = await harness.press(ALEX, "erase", button(changed, "erase"))
    again = await harness.press(ALEX, "erase", button(changed, "erase"))
    cards = [confirm, changed, cancelled, done, again]
    reports = validate_cards(cards)
    assert len(reports) == len(cards)
    for report in reports:
        assert report.ok and not report.errors and not report.warnings, report
