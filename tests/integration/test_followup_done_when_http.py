"""Issue 11's "Done when", end to end over HTTP with Teams-shaped activities and a test clock:
round 1 with positions and a review date → the review-date card reaches the owner → round 2
opens with positions carried forward and the overdue review prompting → a practitioner idle
for 7 days gets exactly one reminder (none after a restart, none after `stop reminders`) →
the challenge prompt fires when the agreed score and the median diverge. (Two instances on
PostgreSQL: tests/integration/test_followup_postgres_http.py.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.integration.test_followup_http import (
    POLICE,
    record_c4,
    reminders_to,
    start,
    summary,
    text_of,
    tick,
)
from tests.support.clock import EARLY_NOVEMBER, FixedClock
from tests.support.harness import running_bot
from tests.support.journey import ALEX, LEAD, answer, button, open_round


async def test_done_when(tmp_path: Path) -> None:
    clock = FixedClock(EARLY_NOVEMBER)  # Monday 2 November 2026, 09:00 UTC
    data = tmp_path / "data"
    async with running_bot(data, clock=clock, scheduler_interval_seconds=0) as bot:
        bot.join_team(*POLICE)
        await open_round(bot, "Spring 2026")
        await bot.send(bot.teams.personal_message(LEAD, "help"))  # the owner's 1:1 chat
        await record_c4(bot)  # agreed 5, review on 20 November
        mark = bot.mark()
        await bot.send(bot.teams.channel_message(LEAD, "summary C4"))
        detail = bot.since(mark)[-1]["attachments"][0]["content"]
        owner = {**button(detail, "position"), "accountability": f"{LEAD.name}, head of service"}
        await bot.press(LEAD, "position", owner, channel=True)

        clock.now = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)  # the review date arrives
        assert await tick(bot) == 1
        [review] = reminders_to(bot, LEAD)
        assert "you are named as accountable for this C" in text_of(review)
        await bot.send(bot.teams.channel_message(LEAD, "close round"))

        clock.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
        mark = bot.mark()
        second = await open_round(bot, "Winter 2026")
        assert "carried forward from the previous round: 1 of 12 Cs" in text_of(bot.since(mark))
        assert "C4 Capacity: the review due on 2026-11-20 has passed" in await summary(bot)

        card = await start(bot, ALEX, second)
        await answer(bot, ALEX, card, "3")  # Alex then stops answering
        clock.now += timedelta(days=7)
        assert await tick(bot) == 1
        assert await tick(bot) == 0
        assert len(reminders_to(bot, ALEX)) == 1

    clock.now += timedelta(days=1)
    async with running_bot(data, clock=clock, scheduler_interval_seconds=0) as bot:
        assert await tick(bot) == 0  # restarted: the log says it was sent
        await bot.send(bot.teams.personal_message(ALEX, "stop reminders"))
        resumed = await bot.press(ALEX, "resume", {"roundId": button(card, "answer")["roundId"]})
        await answer(bot, ALEX, resumed, "4")
        clock.now += timedelta(days=14)
        assert await tick(bot) == 0  # stopped
        assert reminders_to(bot, ALEX) == []
        await bot.send(bot.teams.personal_message(ALEX, "start reminders"))
        assert await tick(bot) == 1  # the control: that spell was due all along
        await bot.send(bot.teams.personal_message(ALEX, "stop reminders"))

        for officer in POLICE:  # three practitioners rate C4 at 2; the agreed score is 5
            officer_card = await start(bot, officer, second)
            for n in range(1, 13):
                officer_card = await answer(bot, officer, officer_card, "2" if n == 4 else "4")
            await bot.press(officer, "submit", button(officer_card, "submit"))
        assert (
            "Practitioners rate C4 Capacity lower than the agreed position (agreed 5, "
            "practitioners' median 2, based on 3 ratings): check the evidence."
        ) in await summary(bot)
