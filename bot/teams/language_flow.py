"""Each person's language: read at the start of every turn, chosen with `language` / `iaith`,
and a partnership's order of languages for the posts everyone in its channel reads.

The language of a turn is the person's stored choice; at first contact it is their Teams
client's (`activity.locale`, "cy-GB" → Welsh), kept with the record the bot already holds
for their 1:1 chat (only when it differs from the deployment's default, `TWELVECS_LOCALE`,
so that people in the default language get no record they did not need).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from botbuilder.schema import Activity

from assessment.model import Actor, Language, Person
from assessment.service import AssessmentService
from bot.teams.card_actions import card_action
from bot.teams.commands import LANGUAGE_WORDS
from bot.teams.identity import PERSONAL, Place
from bot.teams.membership import Membership
from bot.teams.turn import Turn
from cards import build_notice_card, verbs
from cards.actions import LanguageData, SharedLanguageData
from cards.language import build_language_card, build_shared_language_card
from messages import Catalogue
from messages.catalogue import language_of, speaking

log = logging.getLogger(__name__)


@dataclass
class LanguageFlow:
    service: AssessmentService
    cat: Catalogue
    membership: Membership
    default_language: str

    async def of_turn(self, activity: Activity, place: Place, actor: Actor | None) -> str:
        """The language this turn is answered in (stored at first contact in a 1:1 chat).

        The person's record read here also tells whether they were already seen today: the
        day they last used the bot is kept from this same read (at most one write a day), so
        their record can expire once they stop using it (`assessment.person_retention`).
        """
        from_teams = language_of(activity.locale)
        if actor is None:
            return from_teams or self.default_language
        try:
            language, person = await self._stored_or_first(actor, place, from_teams)
        except Exception as error:  # the store is away: the turn itself answers politely
            log.warning("could not read the person's language: %s", type(error).__name__)
            return from_teams or self.default_language
        if person is not None:
            await self._note_seen(person)
        return language

    async def _stored_or_first(
        self, actor: Actor, place: Place, from_teams: str | None
    ) -> tuple[str, Person | None]:
        """The turn's language and the person's record as it now stands (None: no record)."""
        person = await self.service.store.get_person(actor.tenant_id, actor.aad_object_id)
        if person is not None and person.language is not None:
            return person.language.value, person
        if from_teams not in (None, self.default_language) and place.scope == PERSONAL:
            return from_teams, await self.service.set_language(actor, Language(from_teams))
        return from_teams or self.default_language, person

    async def _note_seen(self, person: Person) -> None:
        """Best effort: a failed write is tried again at the person's next turn, and never
        fails this one (the store being away is answered politely by the turn itself)."""
        try:
            await self.service.note_seen(person)
        except Exception as error:
            log.warning("could not note the person's last day: %s", type(error).__name__)

    async def command(self, turn: Turn, argument: str) -> None:
        """`language` / `iaith` [cymraeg|english]: a person's own choice in a 1:1 chat; in a
        team or group chat, the order of languages in its shared posts."""
        if turn.place.scope != PERSONAL and turn.place.kind is not None:
            partnership = await self.membership.partnership(turn.place)
            await turn.presenter.show(build_shared_language_card(self.cat, partnership.welsh_first))
            return
        chosen = LANGUAGE_WORDS.get(argument.lower())
        if chosen is None:
            await turn.presenter.show(build_language_card(self.cat))
            return
        await self._choose(turn, chosen)

    @card_action(verbs.LANGUAGE, LanguageData)
    async def chosen(self, turn: Turn, data: LanguageData) -> None:
        await self._choose(turn, data.language)

    @card_action(verbs.SHARED_LANGUAGE, SharedLanguageData)
    async def shared_chosen(self, turn: Turn, data: SharedLanguageData) -> None:
        """Only the open round's leads may reorder a partnership's posts (anyone in the team
        while no round is open: someone has to set it up before the first round)."""
        if turn.place.kind is None:
            await turn.presenter.show(build_notice_card(self.cat, self.cat.text("reply.team_only")))
            return
        partnership = await self.membership.partnership(turn.place)
        current = await self.service.current_round(partnership.id)
        if current is not None and not self.service.is_lead(current, turn.actor):
            notice = self.cat.text("reply.shared_language_leads_only")
            await turn.presenter.show(build_notice_card(self.cat, notice))
            return
        saved = await self.service.set_welsh_first(partnership.id, data.welsh_first)
        await turn.presenter.show(build_shared_language_card(self.cat, saved.welsh_first))

    async def _choose(self, turn: Turn, language: str) -> None:
        await self.service.set_language(turn.actor, Language(language))
        with speaking(language):  # the confirmation already speaks the new language
            await turn.presenter.show(
                build_notice_card(self.cat, self.cat.text("reply.language_set"))
            )


def language_for(person: Person | None, default: str) -> str:
    """The language to write to a person outside their own turn (a reminder in their 1:1
    chat, an export): build the message inside `with speaking(language_for(person, ...))`."""
    return person.language.value if person is not None and person.language else default

