"""Reach a person in their 1:1 chat with the bot, opening it if needed (Teams allows this
for members of a team the bot is installed in)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import ChannelAccount, ConversationParameters, ConversationReference

from assessment.model import Actor
from assessment.service import AssessmentService
from bot.teams.membership import chat_reference

log = logging.getLogger(__name__)
Logic = Callable[[TurnContext], Awaitable[None]]


@dataclass
class Proactive:
    adapter: BotAdapter
    service: AssessmentService
    app_id: str | None

    async def in_personal_chat(self, context: TurnContext, actor: Actor, logic: Logic) -> None:
        """Run `logic` in the person's 1:1 chat: the remembered one, else a new one."""
        person = await self.service.person(actor)
        if person.conversation:
            try:
                reference = ConversationReference().deserialize(person.conversation)
                await self.adapter.continue_conversation(reference, logic, self.app_id)
                return
            except Exception:  # the chat may be gone (app removed); open a fresh one
                log.warning("remembered 1:1 chat unusable; opening a new one")
        await self._open_chat(context, actor, logic)

    async def in_conversation(self, reference: dict[str, Any], logic: Logic) -> None:
        """Run `logic` in a conversation the bot was in before (a round's channel thread)."""
        restored = ConversationReference().deserialize(reference)
        await self.adapter.continue_conversation(restored, logic, self.app_id)

    async def _open_chat(self, context: TurnContext, actor: Actor, logic: Logic) -> None:
        activity = context.activity
        parameters = ConversationParameters(
            is_group=False,
            bot=activity.recipient,
            members=[ChannelAccount(id=activity.from_property.id)],
            tenant_id=actor.tenant_id,
            channel_data={"tenant": {"id": actor.tenant_id}},
        )

        async def remember_then_run(chat: TurnContext) -> None:
            await self.service.remember_chat(actor, chat_reference(chat.activity))
            await logic(chat)

        await self.adapter.create_conversation(
            self.app_id, remember_then_run, parameters, activity.channel_id, activity.service_url
        )
