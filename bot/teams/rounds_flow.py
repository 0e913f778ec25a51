"""Lead commands in a partnership's channel or group chat: open and close a round."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo

from assessment.close_date import parse_close_date, parse_reminder_days
from assessment.errors import RoundAlreadyOpen
from assessment.followup import FollowUpService
from assessment.model import Partnership, PartnershipKind, Response, Round
from assessment.reminders import london_today
from assessment.service import AssessmentService
from bot.teams.presenter import Presenter, card_activity
from bot.teams.shared_posts import SharedPosts
from bot.teams.turn import Turn
from messages import Catalogue
from messages.formatting import explain

log = logging.getLogger(__name__)
ROSTER_PAGE = 500
ROSTER_PAGES = 40
"""At most 20,000 members read per round; Teams teams are capped at 25,000."""


@dataclass
class RoundsFlow:
    service: AssessmentService
    cat: Catalogue
    posts: SharedPosts
    followup: FollowUpService | None = None
    """Carries the previous round's agreed positions into a new one (issue 11)."""

    async def open_round(
        self,
        turn: Turn,
        partnership: Partnership,
        title: str,
        named: bool,
        closes: str | None = None,
        digest: bool = False,
        remind_after: str | None = None,
    ) -> None:
        """Open the round, learn who may answer it, and post its announcement card.
        A bad `--closes` date is refused before anything is stored."""
        context, presenter, actor = turn.context, turn.presenter, turn.actor
        reference = TurnContext.get_conversation_reference(context.activity).serialize()
        today = london_today(self.service.clock())
        closes_on = parse_close_date(closes, today) if closes is not None else None
        days = parse_reminder_days(remind_after) if remind_after is not None else None
        try:
            round_ = await self.service.open_round(
                partnership, actor, title, named=named, conversation=reference,
                closes_on=closes_on, weekly_digest=digest, reminder_days=days,
            )
        except RoundAlreadyOpen as refusal:
            await presenter.say(explain(self.cat, refusal))
            await self._announce_again(presenter, partnership)
            return
        await self.service.record_members(partnership.id, await self._roster(context, partnership))
        await self._announce(presenter, round_)
        if self.followup is not None:
            carried = await self.followup.carry_forward(round_)
            if carried:
                await presenter.say(self.cat.text("reply.positions_carried", count=carried))

    async def _announce(self, presenter: Presenter, round_: Round) -> None:
        announcement_id = await presenter.post(await self.posts.announcement(round_))
        if announcement_id:
            await self.service.note_announcement(round_.id, announcement_id)

    async def _announce_again(self, presenter: Presenter, partnership: Partnership) -> None:
        """The open round's announcement once more, so its Start button is at hand even if
        the first post scrolled away or was deleted."""
        current = await self.service.current_round(partnership.id)
        if current is not None:
            await self._announce(presenter, current)

    async def close_round(self, turn: Turn, partnership: Partnership) -> None:
        context, presenter = turn.context, turn.presenter
        round_ = await self.service.close_round(partnership, turn.actor)
        if round_.announcement_id:
            update = card_activity(await self.posts.announcement(round_, closed=True))
            update.id = round_.announcement_id
            try:
                await context.update_activity(update)
            except Exception:  # an announcement deleted by hand must not block closing
                log.warning("could not mark the round announcement closed")
        responses = await self.service.store.responses_of(round_.id)
        await presenter.say(
            self.cat.text(
                "reply.round_closed",
                title=round_.title,
                complete=_count(responses, complete=True),
                in_progress=_count(responses, complete=False),
            )
        )

    async def _roster(self, context: TurnContext, partnership: Partnership) -> list[str]:
        """AAD ids of the team's (or group chat's) members; empty if Teams will not say."""
        members: list[str] = []
        token = None
        try:
            for _ in range(ROSTER_PAGES):
                page = await self._page(context, partnership, token)
                members += [m.aad_object_id for m in page.members or [] if m.aad_object_id]
                token = page.continuation_token
                if not token:
                    break
        except Exception:  # membership is also learnt from each person's first activity
            log.warning("could not read the member list; members are added as they take part")
        return members

    async def _page(self, context: TurnContext, partnership: Partnership, token: str | None):  # type: ignore[no-untyped-def]
        if partnership.kind == PartnershipKind.TEAM:
            return await TeamsInfo.get_paged_team_members(
                context, partnership.external_id, token, ROSTER_PAGE
            )
        return await TeamsInfo.get_paged_members(context, token, ROSTER_PAGE)


def _count(responses: list[Response], *, complete: bool) -> int:
    return sum(1 for r in responses if r.is_complete == complete)
