"""The reminder scheduler inside the app (issue 11): every `interval_seconds` it asks the
follow-up service what is due and sends it.

Restart-safe and safe with several instances: each reminder is claimed in the store before it
is sent (`FollowUpStore.claim_reminder`: one claimant per key, also across instances on
PostgreSQL), so a restart or a second instance never sends it again; a failed send is released
so the next tick retries it; a 403 marks the person's chat dead and keeps the claim. Time comes
from the service's clock, so tests run weeks in milliseconds by calling `tick`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from botbuilder.core import TurnContext

from assessment.dates import long_day, long_local_day
from assessment.followup import (
    FollowUpService,
    IdleReminder,
    Reminder,
    ReviewReminder,
    RoundNotice,
)
from assessment.followup_ports import ReminderKind
from assessment.model import Person, Response
from bot.periodic import in_background, repeat
from bot.teams.language_flow import language_for
from bot.teams.presenter import Presenter, card_activity
from bot.teams.proactive import Proactive
from bot.teams.reminder_sender import Outcome, send_into
from bot.teams.shared_posts import SharedPosts
from cards.reminders import build_idle_reminder_card, build_review_card
from messages import Catalogue
from messages.catalogue import speaking

log = logging.getLogger(__name__)


@dataclass
class Scheduler:
    followup: FollowUpService
    proactive: Proactive
    cat: Catalogue
    posts: SharedPosts
    """Channel posts (the weekly digest, the close) in both languages, as every shared post."""
    interval_seconds: float
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    async def tick(self) -> int:
        """Send every reminder due now; how many this instance sent."""
        sent = 0
        for notice in await self.followup.due_round_notices():  # closes first: then no idle
            sent += await self._round_notice(notice)
        for idle in await self.followup.due_idle_reminders():
            sent += await self._send_idle(idle)
        for review in await self.followup.due_review_reminders():
            sent += await self._send_review(review)
        if sent:
            log.info("sent %d reminders", sent)
        if await self.followup.expire_logs():
            log.info("dropped the reminder log of rounds past retention")
        return sent

    async def _send_idle(self, reminder: IdleReminder) -> int:
        if reminder.person.conversation is None:
            return 0
        with speaking(language_for(reminder.person, self.cat.own_locale)):  # issue 13
            card = build_idle_reminder_card(
                self.cat,
                reminder.round,
                last_answered=long_local_day(reminder.response.updated_at, self.cat.locale),
                idle_days=reminder.round.reminder_days or self.followup.idle_days,
            )
        return await self._send(reminder, reminder.person, reminder.person.conversation, card)

    async def _send_review(self, reminder: ReviewReminder) -> int:
        person = reminder.person
        where = person.conversation if person is not None else reminder.round.conversation
        if where is None:
            return 0
        with speaking(language_for(person, self.cat.own_locale)):  # issue 13
            card = build_review_card(
                self.cat,
                self.followup.assessment.framework,
                reminder.round,
                reminder.position,
                review=long_day(reminder.review, self.cat.locale),
                owner=reminder.owner,
            )
        return await self._send(reminder, person, where, card)

    async def _round_notice(self, notice: RoundNotice) -> int:
        if notice.claim.kind is ReminderKind.DIGEST:
            return await self._digest(notice)
        return await self._close(notice)

    async def _digest(self, notice: RoundNotice) -> int:
        round_ = notice.round
        if round_.conversation is None:
            return 0
        responses = await self.followup.store.responses_of(round_.id)
        counts = _counts(responses)
        days_left, closes_on = notice.days_left, round_.closes_on

        def write(cat: Catalogue) -> str:
            if days_left is not None and closes_on is not None:
                return cat.text(
                    "reply.weekly_digest_days_left", title=round_.title, days=days_left,
                    date=long_day(closes_on, cat.locale), **counts,
                )
            return cat.text("reply.weekly_digest", title=round_.title, **counts)

        line = await self.posts.text(round_.partnership_id, write)
        return await self._send(notice, None, round_.conversation, None, text=line)

    async def _close(self, notice: RoundNotice) -> int:
        """Close the round on its date, mark its announcement closed, tell the channel."""
        if not await self.followup.claim(notice):
            return 0
        outcome = await self.followup.close_on_schedule(notice)
        if outcome is None:
            return 0
        closed, responses = outcome
        where = closed.conversation
        if where is None:
            return 0
        counts = _counts(responses)
        line = await self.posts.text(
            closed.partnership_id,
            lambda cat: cat.text("reply.round_closed_on_schedule", title=closed.title, **counts),
        )
        announcement = await self.posts.announcement(closed, closed=True)

        async def tell(context: TurnContext) -> None:
            if closed.announcement_id:
                update = card_activity(announcement)
                update.id = closed.announcement_id
                try:
                    await context.update_activity(update)
                except Exception:  # an announcement deleted by hand must not stop the rest
                    log.warning("could not mark the round announcement closed")
            await Presenter(context).say(line)

        try:
            await self.proactive.in_conversation(where, tell)
        except Exception as error:  # closed all the same; the leads see it on their summary
            log.warning("round closed on its date; channel not told: %s", type(error).__name__)
        await self.followup.sent(notice)
        return 1

    async def _send(
        self,
        reminder: Reminder,
        person: Person | None,
        where: dict[str, Any],
        card: dict[str, Any] | None,
        *,
        text: str = "",
    ) -> int:
        """Claim, then send the card (or `text`): 1 if this instance sent it."""
        if not await self.followup.claim(reminder):
            return 0
        outcome, error = await send_into(self.proactive, where, card, text)
        if outcome is Outcome.REFUSED:  # removed or blocked: sending again will not help
            log.warning("reminder refused by Teams (403); not sent there again")
            if person is not None:
                await self.followup.chat_refused(person)
            return 0
        if outcome is Outcome.FAILED:
            log.warning("reminder not sent: %s; retried next tick", error)
            await self.followup.release(reminder)
            return 0
        await self.followup.sent(reminder)
        return 1

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Tick in the background until the app stops (not at all when the interval is 0)."""
        if self.interval_seconds <= 0:
            yield
            return
        async with in_background(repeat(self.tick, self.interval_seconds, self.sleep,
                                        "reminder tick")):
            yield


def _counts(responses: list[Response]) -> dict[str, int]:
    complete = sum(1 for r in responses if r.is_complete)
    return {"complete": complete, "in_progress": len(responses) - complete}
