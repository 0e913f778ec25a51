"""What a round's channel is told on its own (issue 11): the round closed on its close date,
and the optional weekly digest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from assessment.followup_core import BOT_ACTOR, FollowUpBackend
from assessment.followup_ports import ReminderKind, SentReminder
from assessment.model import Response, Round
from assessment.reminders import london_today
from assessment.service import AssessmentService


@dataclass(frozen=True)
class RoundNotice:
    """Something the round's channel is told: the round closed on its date, or the week's
    progress (`claim.kind` says which)."""

    round: Round
    claim: SentReminder
    days_left: int | None = None


class FollowUpRounds:
    """Close dates and weekly digests, mixed into `FollowUpService`."""

    store: FollowUpBackend
    assessment: AssessmentService

    async def due_round_notices(self) -> list[RoundNotice]:
        now = self.assessment.clock()
        today = london_today(now)
        due: list[RoundNotice] = []
        for round_ in await self.store.all_rounds():
            if not round_.is_open or (round_.closes_on is None and not round_.weekly_digest):
                continue
            sent = {s.key for s in await self.store.reminders_of(round_.id) if s.holds(now)}
            notice = round_notice(round_, today, now)
            if notice is not None and notice.claim.key not in sent:
                due.append(notice)
        return due

    async def close_on_schedule(self, notice: RoundNotice) -> tuple[Round, list[Response]] | None:
        """Close the round (None if a lead closed it meanwhile) with its responses."""
        closed = await self.assessment.close_round_on_schedule(notice.round.id, BOT_ACTOR)
        if closed is None:
            return None
        return closed, await self.store.responses_of(closed.id)


def round_notice(round_: Round, today: date, now: datetime) -> RoundNotice | None:
    """The close if its day has come, else this week's digest (from the round's second week)."""
    def claim(kind: ReminderKind, suffix: str) -> SentReminder:
        key = f"{kind.value}/{round_.id}/{suffix}"
        return SentReminder(key=key, round_id=round_.id, kind=kind, sent_at=now)

    if round_.closes_on is not None and today >= round_.closes_on:
        return RoundNotice(round_, claim(ReminderKind.AUTO_CLOSE, "closed"))
    week = (today - london_today(round_.opened_at)).days // 7
    if not round_.weekly_digest or week < 1:
        return None
    left = (round_.closes_on - today).days if round_.closes_on is not None else None
    return RoundNotice(round_, claim(ReminderKind.DIGEST, f"week{week}"), left)


