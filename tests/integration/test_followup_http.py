"""Follow-through over HTTP with Teams-shaped activities and a test clock (issue 11):
positions carried into the next round with the overdue review still prompting, the challenge
prompt, idle reminders sent once (not again after a restart, not after `stop reminders`,
not after a 403 or once the round closed)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import SCHEDULER
from tests.support.clock import EARLY_NOVEMBER, FixedClock
from tests.support.harness import Harness, running_bot
from tests.support.journey import ALEX, LEAD, SAM, answer, button, open_round
from tests.support.teams import TENANT, Json, Person, person

POLICE = [person(f"officer-{n}") for n in range(3)]
REMINDER_KICKER = "Reminder from 12Cs"


def text_of(card: Json) -> str:
    return json.dumps(card, ensure_ascii=False)


async def tick(harness: Harness) -> int:
    return await harness.bot.server.app[SCHEDULER].tick()


def reminders_to(harness: Harness, who: Person) -> list[Json]:
    return [c for c in harness.cards(who.chat_id) if REMINDER_KICKER in text_of(c)]


async def start(harness: Harness, who: Person, announcement: Json) -> Json:
    await harness.press(who, "start", button(announcement, "start"), channel=True)
    card = harness.cards(who.chat_id)[-1]
    if "agency" in text_of(card) and any(
        a.get("verb") == "agency" for a in card.get("actions", [])
    ):
        card = await harness.press(who, "agency", {**button(card, "agency"), "agency": "police"})
    return card


async def summary(harness: Harness) -> str:
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, "summary"))
    cards = [c["content"] for a in harness.since(mark) for c in a.get("attachments", [])]
    assert len(cards) == 1
    return text_of(cards[0])


async def record_c4(harness: Harness) -> None:
    """The lead agrees C4 at 5 with an owner, a plan and a review on 20 November 2026."""
    mark = harness.mark()
    await harness.send(harness.teams.channel_message(LEAD, "summary C4"))
    detail = [c["content"] for a in harness.since(mark) for c in a.get("attachments", [])][-1]
    form = {
        **button(detail, "position"),
        "score": "5",
        "evidence": "Audit of 40 referrals",
        "accountability": "Head of Safeguarding",
        "actionPlan": "Joint recruitment campaign",
        "timeframe": "operational",
        "reviewDate1": "2026-11-20",
    }
    saved = await harness.press(LEAD, "position", form, channel=True)
    assert "Saved the agreed position for C4" in text_of(saved)


async def test_positions_carry_forward_and_the_overdue_review_and_challenge_prompt(
    tmp_path: Path,
) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        bot.join_team(*POLICE)
        await open_round(bot, "Spring 2026")
        await record_c4(bot)
        await bot.send(bot.teams.channel_message(LEAD, "close round"))

        clock.now += timedelta(days=40)  # 12 December: the review of 20 November is overdue
        mark = bot.mark()
        second = await open_round(bot, "Winter 2026")
        said = " ".join(a.get("text") or "" for a in bot.since(mark))
        assert "carried forward from the previous round: 1 of 12 Cs" in said

        now = await summary(bot)
        assert "Winter 2026" in now
        assert "C4 Capacity: the review due on 2026-11-20 has passed" in now

        mark = bot.mark()
        await bot.send(bot.teams.channel_message(LEAD, "summary C4"))
        detail = text_of(bot.since(mark)[-1]["attachments"][0]["content"])
        assert "Carried forward from Spring 2026" in detail
        assert "Joint recruitment campaign" in detail  # the plan is the starting point
        carried = bot.since(mark)[-1]["attachments"][0]["content"]
        confirm = {
            **button(carried, "position"), "score": "5", "evidence": "Audit of 40 referrals",
            "accountability": "Head of Safeguarding", "actionPlan": "Joint recruitment campaign",
            "timeframe": "operational", "reviewDate1": "2026-11-20",
        }
        confirmed = text_of(await bot.press(LEAD, "position", confirm, channel=True))
        assert "Carried forward from" not in confirmed  # confirmed as it stands
        assert "C4 Capacity: the review due on 2026-11-20 has passed" in await summary(bot)

        for officer in POLICE:  # practitioners rate C4 at 2, three levels under the agreed 5
            card = await start(bot, officer, second)
            for n in range(1, 13):
                card = await answer(bot, officer, card, "2" if n == 4 else "4")
            await bot.press(officer, "submit", button(card, "submit"))
        challenged = await summary(bot)
        assert (
            "Practitioners rate C4 Capacity lower than the agreed position (agreed 5, "
            "practitioners' median 2, based on 3 ratings): check the evidence." in challenged
        )
        assert "Agreed 5 → 5; practitioners – → 2" in challenged  # progression, per C
        assert "Agreed – → –; practitioners – → 4" in challenged  # C1: no agreed score yet

        mark = bot.mark()
        await bot.send(bot.teams.channel_message(LEAD, "summary C4"))
        detail = text_of(bot.since(mark)[-1]["attachments"][0]["content"])
        assert "Spring 2026 → Winter 2026" in detail
        assert "Agreed 5 → 5; practitioners – → 2" in detail  # no one rated in spring


async def test_an_idle_practitioner_gets_one_reminder_and_none_after_restart_or_stop(
    tmp_path: Path,
) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    data = tmp_path / "data"
    async with running_bot(data, clock=clock, scheduler_interval_seconds=0) as bot:
        announcement = await open_round(bot, "Spring 2026")
        card = await start(bot, ALEX, announcement)
        await answer(bot, ALEX, card, "3")  # then Alex stops answering

        clock.now += timedelta(days=6, hours=23)
        assert await tick(bot) == 0  # not yet 7 days
        clock.now += timedelta(hours=1)
        assert await tick(bot) == 1
        assert await tick(bot) == 0  # never twice
        sent = reminders_to(bot, ALEX)
        assert len(sent) == 1
        reminder = text_of(sent[0])
        assert "You last answered on 2 November 2026" in reminder
        assert "Why you got this" in reminder and "type stop reminders" in reminder
        assert button(sent[0], "resume")["roundId"] == button(card, "answer")["roundId"]
        entries = await bot.store.audit_entries()
        assert [e.action.value for e in entries].count("reminder.sent") == 1
        logged = text_of([e.model_dump(mode="json") for e in entries])
        assert ALEX.aad not in logged and ALEX.name not in logged  # no one named

    clock.now += timedelta(days=1)
    async with running_bot(data, clock=clock, scheduler_interval_seconds=0) as bot:
        assert await tick(bot) == 0  # the log says it was sent: a restart does not repeat it
        await bot.send(bot.teams.personal_message(ALEX, "stop reminders"))
        assert "will not send you reminders" in bot.texts(ALEX.chat_id)[-1]
        await bot.send(bot.teams.personal_message(ALEX, "stop reminders"))
        assert "already stopped, so nothing changed" in bot.texts(ALEX.chat_id)[-1]
        resumed = await bot.press(ALEX, "resume", button(sent[0], "resume"))
        await answer(bot, ALEX, resumed, "4")  # a new idle spell begins

        clock.now += timedelta(days=8)
        assert await tick(bot) == 0  # stopped: honoured
        assert reminders_to(bot, ALEX) == []
        await bot.send(bot.teams.personal_message(ALEX, "start reminders"))
        assert await tick(bot) == 1  # the same spell, once allowed again, is reminded
        assert len(reminders_to(bot, ALEX)) == 1


async def test_a_refusing_chat_is_marked_dead_and_a_closed_round_reminds_no_one(
    tmp_path: Path,
) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        announcement = await open_round(bot, "Spring 2026")
        await answer(bot, SAM, await start(bot, SAM, announcement), "3")
        await answer(bot, ALEX, await start(bot, ALEX, announcement), "3")
        clock.now += timedelta(days=7)
        for route in ("send", "reply"):  # Sam and Alex removed the bot: Teams answers 403
            bot.connector.faults.fail_next(route, 403, times=None)
        assert await tick(bot) == 0
        assert len(bot.connector.faults.refused) == 2
        sam = await bot.store.get_person(TENANT, SAM.aad)
        assert sam is not None and sam.chat_dead
        clock.now += timedelta(days=8)
        assert await tick(bot) == 0
        assert len(bot.connector.faults.refused) == 2  # dead chats are left alone
        bot.connector.faults.clear()

    clock.now = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    async with running_bot(tmp_path / "other", clock=clock, scheduler_interval_seconds=0) as bot:
        announcement = await open_round(bot, "Spring 2026")
        await answer(bot, ALEX, await start(bot, ALEX, announcement), "3")
        await bot.send(bot.teams.channel_message(LEAD, "close round"))
        clock.now += timedelta(days=8)
        assert await tick(bot) == 0
        assert reminders_to(bot, ALEX) == []


async def test_action_status_moves_one_step_at_a_time_with_who_and_when(tmp_path: Path) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        await open_round(bot, "Spring 2026")
        await record_c4(bot)
        mark = bot.mark()
        await bot.send(bot.teams.channel_message(LEAD, "summary C4"))
        detail = bot.since(mark)[-1]["attachments"][0]["content"]
        assert "No status recorded yet." in text_of(detail)

        step = button(detail, "actionStatus")
        assert step["status"] == "identified"
        detail = await bot.press(LEAD, "actionStatus", step, channel=True)
        assert "Recorded: the action for C4 Capacity is now identified." in text_of(detail)

        round_id = str(step["roundId"])
        before = await bot.store.get_position(round_id, "C4")  # type: ignore[attr-defined]
        skipped = {**button(detail, "actionStatus"), "status": "refined"}  # an old or forged card
        refused = await bot.press(LEAD, "actionStatus", skipped, channel=True)
        assert (
            "The action cannot go from identified to refined: the next step of the cycle is "
            "implemented. Nothing was changed." in text_of(refused)
        )
        assert await bot.store.get_position(round_id, "C4") == before  # type: ignore[attr-defined]

        clock.now += timedelta(days=3)
        done = await bot.press(LEAD, "actionStatus", button(refused, "actionStatus"), channel=True)
        assert "The action is implemented." in text_of(done)
        assert f"implemented: {LEAD.name}" in text_of(done)
        assert "Mark as reviewed" in text_of(done)


async def test_the_review_date_card_reaches_the_lead_named_accountable_once(
    tmp_path: Path,
) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        await open_round(bot, "Spring 2026")
        await bot.send(bot.teams.personal_message(LEAD, "help"))  # the lead's 1:1 chat
        await record_c4(bot)
        mark = bot.mark()
        await bot.send(bot.teams.channel_message(LEAD, "summary C4"))
        detail = bot.since(mark)[-1]["attachments"][0]["content"]
        named = {**button(detail, "position"), "accountability": f"{LEAD.name}, head of service"}
        await bot.press(LEAD, "position", named, channel=True)

        clock.now = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)  # 19 November in London
        assert await tick(bot) == 0
        clock.now = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
        assert await tick(bot) == 1
        assert await tick(bot) == 0  # never twice
        cards = reminders_to(bot, LEAD)
        assert len(cards) == 1
        card = text_of(cards[0])
        assert "C4 · Capacity" in card and "(20 November 2026)" in card
        assert "Joint recruitment campaign" in card and "no status recorded yet" in card
        assert "you are named as accountable for this C" in card
        assert "type stop reminders" in card

        recorded = await bot.press(LEAD, "actionStatus", button(cards[0], "actionStatus"))
        assert "Recorded: the action for C4 Capacity is now identified." in text_of(recorded)
        opened = await bot.press(LEAD, "detail", button(cards[0], "detail"))
        assert "Mark as implemented" in text_of(opened)  # the C's detail, to carry on from
        assert "Joint recruitment campaign" in text_of(opened)


async def test_a_round_with_a_close_date_closes_itself_that_day_after_weekly_digests(
    tmp_path: Path,
) -> None:
    clock = FixedClock(EARLY_NOVEMBER)  # 2 November 2026
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        bot.join_team(LEAD, ALEX)
        for typed, why in (
            ("open round Winter --closes 2026-11-01", "is not after today (2026-11-02)"),
            ("open round Winter --closes 2026-11-02", "is not after today (2026-11-02)"),
            ("open round Winter --closes 31/01/2027", '"31/01/2027" is not a close date'),
            ("open round Winter --closes", '"" is not a close date'),
        ):
            mark = bot.mark()
            await bot.send(bot.teams.channel_message(LEAD, typed))
            said = " ".join(a.get("text") or "" for a in bot.since(mark))
            assert why in said and "No round was opened." in said
        assert await bot.store.all_rounds() == []  # refused: nothing stored

        announcement = await open_round(bot, "Winter --closes 2026-11-30 --digest")
        assert "This round closes on 30 November 2026" in text_of(announcement)
        await answer(bot, ALEX, await start(bot, ALEX, announcement), "3")

        clock.now += timedelta(days=7)  # 9 November: the first weekly digest
        mark = bot.mark()
        await tick(bot)
        said = [a.get("text") or "" for a in bot.since(mark)]
        channel = [t for t in said if "this week" in t]
        assert len(channel) == 1
        english, welsh = channel[0].split("\n\n")  # a shared post: both languages
        assert english == (
            "Winter, this week: 0 complete and 1 in progress so far, 21 days left (the round "
            "closes on 30 November 2026). Press Start on the round's announcement to take part. "
            "(Posted weekly because the round was opened with --digest; a lead can type stop "
            "digest to end it.)"
        )
        assert welsh.startswith("Winter, yr wythnos hon") and "30 Tachwedd 2026" in welsh
        await tick(bot)
        assert len([t for t in bot.texts() if "this week" in t]) == 1  # once a week

        assert len(reminders_to(bot, ALEX)) == 1  # Alex was idle for a week while it was open
        clock.now = datetime(2026, 11, 30, 0, 5, tzinfo=UTC)  # the close day, UK time
        mark = bot.mark()
        await tick(bot)
        told = [a.get("text") or "" for a in bot.since(mark)]
        [closing] = [t for t in told if t.startswith("Winter closed on its close date.")]
        english, welsh = closing.split("\n\n")  # a shared post: both languages
        assert english == (
            "Winter closed on its close date. Responses: 0 complete, 1 in progress. "
            "Leads: type summary to see the results."
        )
        assert welsh.startswith("Mae Winter wedi cau ar ei ddyddiad cau.")
        rounds = await bot.store.all_rounds()
        assert len(rounds) == 1 and not rounds[0].is_open
        updated = [a for a in bot.since(mark) if a.get("id") == rounds[0].announcement_id]
        assert updated and "closed" in text_of(updated[-1]).lower()

        clock.now += timedelta(days=8)
        assert await tick(bot) == 0  # nothing after the close: no digest, no idle reminder
        assert len(reminders_to(bot, ALEX)) == 1


async def test_the_partnership_sets_its_own_agency_list_and_the_summary_expects_only_those(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path / "data", scheduler_interval_seconds=0) as bot:
        await open_round(bot, "Spring 2026")
        before = await summary(bot)
        assert "No responses from Housing." in before

        mark = bot.mark()
        await bot.send(bot.teams.channel_message(LEAD, "agencies police, fire service"))
        said = text_of(bot.since(mark))
        assert '\\"fire service\\" is not an agency the bot knows' in said
        partnership_id = (await bot.store.all_rounds())[0].partnership_id
        stored = await bot.store.get_partnership(partnership_id)
        assert stored is not None and stored.agencies is None  # refused: unchanged

        mark = bot.mark()
        await bot.send(bot.teams.channel_message(ALEX, "agencies police"))
        assert "Only the round's leads" in text_of(bot.since(mark))

        mark = bot.mark()
        await bot.send(bot.teams.channel_message(LEAD, "agencies"))
        card = bot.since(mark)[-1]["attachments"][0]["content"]
        assert "the default list" in text_of(card)
        saved = await bot.press(
            LEAD, "agencies", {**button(card, "agencies"), "agencies": "police,health"},
            channel=True,
        )
        assert "Saved: the summary now expects" in text_of(saved)
        stored = await bot.store.get_partnership(partnership_id)
        assert stored is not None and [a.value for a in stored.agencies or ()] == [
            "police", "health"
        ]
        after = await summary(bot)
        assert "Housing" not in after and "Education" not in after


async def test_remind_reaches_members_who_have_not_started_once_a_day(tmp_path: Path) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        announcement = await open_round(bot, "Spring 2026")
        await bot.send(bot.teams.personal_message(ALEX, "help"))  # Alex's 1:1 chat, not started
        await bot.send(bot.teams.personal_message(LEAD, "summary"))  # no responses: Remind …
        remind = button(bot.cards(LEAD.chat_id)[-1], "remind", agency="housing")
        await answer(bot, SAM, await start(bot, SAM, announcement), "3")  # then Sam starts

        pressed = await bot.press(LEAD, "remind", remind)
        assert (
            "Reminder sent on 2 November 2026 to people who have not started, each in a 1:1 "
            "chat: 1." in text_of(pressed)
        )
        to_alex = [c for c in bot.cards(ALEX.chat_id) if "not started this" in text_of(c)]
        assert len(to_alex) == 1 and "Why you got this" in text_of(to_alex[0])
        assert button(to_alex[0], "start")["roundId"] == remind["roundId"]
        assert not [c for c in bot.cards(SAM.chat_id) if "not started" in text_of(c)]

        mark = bot.mark()
        again = await bot.press(LEAD, "remind", remind)
        assert "already reminded today, so nothing was sent again" in text_of(again)
        assert not [a for a in bot.since(mark) if a["conversation"]["id"] != LEAD.chat_id]

        clock.now += timedelta(days=1)
        await bot.press(LEAD, "remind", remind)
        assert len([c for c in bot.cards(ALEX.chat_id) if "not started" in text_of(c)]) == 2


async def test_deleting_my_answers_also_forgets_the_reminders_sent_to_me(tmp_path: Path) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        announcement = await open_round(bot, "Spring 2026")
        card = await start(bot, ALEX, announcement)
        await answer(bot, ALEX, card, "3")
        clock.now += timedelta(days=7)
        assert await tick(bot) == 1
        round_id = str(button(card, "answer")["roundId"])
        assert len(await bot.store.reminders_of(round_id)) == 1  # type: ignore[attr-defined]

        await bot.send(bot.teams.personal_message(ALEX, "delete my answers"))
        await bot.press(ALEX, "erase", button(bot.cards(ALEX.chat_id)[-1], "erase"))
        assert await bot.store.reminders_of(round_id) == []  # type: ignore[attr-defined]


async def test_a_round_can_set_its_own_idle_days_before_a_reminder(tmp_path: Path) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        bot.join_team(LEAD, ALEX)
        for typed in ("open round Quick --remind-after 0", "open round Quick --remind-after"):
            mark = bot.mark()
            await bot.send(bot.teams.channel_message(LEAD, typed))
            said = " ".join(a.get("text") or "" for a in bot.since(mark))
            assert "whole number from 1 to 60" in said and "No round was opened." in said
        assert await bot.store.all_rounds() == []

        announcement = await open_round(bot, "Quick --remind-after 3")
        await answer(bot, ALEX, await start(bot, ALEX, announcement), "3")
        clock.now += timedelta(days=2, hours=23)
        assert await tick(bot) == 0
        clock.now += timedelta(hours=1)
        assert await tick(bot) == 1
        assert "unfinished 3 days after you last answered" in text_of(reminders_to(bot, ALEX)[0])


async def test_a_lead_stops_the_weekly_digest_once(tmp_path: Path) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        await open_round(bot, "Winter --digest")
        mark = bot.mark()
        await bot.send(bot.teams.channel_message(ALEX, "stop digest"))
        assert "Only the round's leads" in text_of(bot.since(mark))
        await bot.send(bot.teams.channel_message(LEAD, "stop digest"))
        assert bot.texts()[-1] == "Done: no more weekly notes for Winter."
        await bot.send(bot.teams.channel_message(LEAD, "stop digest"))
        assert bot.texts()[-1] == "This round has no weekly note to stop, so nothing changed."
        clock.now += timedelta(days=8)
        assert await tick(bot) == 0
        assert not [t for t in bot.texts() if "this week" in t]


async def test_a_reminder_claimed_by_an_instance_that_stopped_is_sent_after_the_lease(
    tmp_path: Path,
) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(tmp_path / "data", clock=clock, scheduler_interval_seconds=0) as bot:
        announcement = await open_round(bot, "Spring 2026")
        await answer(bot, ALEX, await start(bot, ALEX, announcement), "3")
        clock.now += timedelta(days=7)
        followup = bot.bot.server.app[SCHEDULER].followup
        [due] = await followup.due_idle_reminders()
        assert await followup.claim(due)  # claimed, then the instance stopped before sending

        assert await tick(bot) == 0  # another instance leaves it to the claimant for now
        clock.now += timedelta(minutes=10)
        assert await tick(bot) == 1  # the lease ran out: sent, not skipped
        assert await tick(bot) == 0
        assert len(reminders_to(bot, ALEX)) == 1


async def test_a_closed_rounds_reminder_log_goes_with_its_responses(tmp_path: Path) -> None:
    clock = FixedClock(EARLY_NOVEMBER)
    async with running_bot(
        tmp_path / "data", clock=clock, scheduler_interval_seconds=0, retention_days=30
    ) as bot:
        announcement = await open_round(bot, "Spring 2026")
        card = await start(bot, ALEX, announcement)
        await answer(bot, ALEX, card, "3")
        clock.now += timedelta(days=7)
        assert await tick(bot) == 1
        await bot.send(bot.teams.channel_message(LEAD, "close round"))
        round_id = str(button(card, "answer")["roundId"])
        clock.now += timedelta(days=29)
        await tick(bot)
        assert len(await bot.store.reminders_of(round_id)) == 1  # type: ignore[attr-defined]
        clock.now += timedelta(days=2)
        await tick(bot)
        assert await bot.store.reminders_of(round_id) == []  # type: ignore[attr-defined]
